"""Findings → text, JSON, SARIF 2.1.0 or GitHub Actions workflow commands.

Every format reads only :class:`~glossary.model.Finding` records (with
``path`` set by the caller) and returns a string; nothing here touches files.
Positions are the findings' own: 1-based lines and columns counted in
characters (Unicode code points), ``end_column`` exclusive.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .model import Finding, Term
from .rules import RULES

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "sort_findings",
    "summary",
    "term_dict",
]

#: Where SARIF readers find the schema the output follows.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_RULE_INDEX = {r.name: i for i, r in enumerate(RULES)}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order: path, line, column, code."""
    return sorted(findings, key=lambda f: (f.path or "", f.line, f.column, f.code, f.end_line, f.end_column))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary(findings: Sequence[Finding], files: int) -> str:
    """The closing line of the text report.

    >>> summary([], 2)
    'No problems found in 2 files.'
    """
    where = _plural(files, "file")
    if not findings:
        return f"No problems found in {where}."
    count = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    return (
        f"Found {_plural(len(findings), 'problem')} ({_plural(count['error'], 'error')}, "
        f"{_plural(count['warning'], 'warning')}, {count['info']} info) in {where}."
    )


def _one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, so that
    one finding stays one line (a file name may hold a newline)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def format_text(findings: Sequence[Finding], files: int = 1) -> str:
    """``path:line:col: CODE [rule] message`` lines, sorted, then :func:`summary`."""
    lines = [
        f"{_one_line(f.path or '<text>')}:{f.line}:{f.column}: {f.code} [{f.rule}] {_one_line(f.message)}"
        for f in sort_findings(findings)
    ]
    lines.append(summary(findings, files))
    return "\n".join(lines) + "\n"


def term_dict(term: Term) -> dict[str, Any]:
    """A term as a JSON-ready dict of every table column (lists stay lists)."""
    return {
        "id": term.id,
        "zh": term.zh,
        "zh_variants": list(term.zh_variants),
        "en": term.en,
        "aliases": list(term.aliases),
        "variants": list(term.variants),
        "forbidden": list(term.forbidden),
        "derived": list(term.derived),
        "pinyin": term.pinyin,
        "romanization": term.romanization,
        "category": term.category,
        "ambiguous": term.ambiguous,
        "note": term.note,
        "source": term.source,
        "series": term.series,
        "case_sensitive": term.case_sensitive,
        "verbatim": term.verbatim,
    }


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "found": f.found,
        "expected": f.expected,
        "term": None if f.term is None else {"id": f.term.id, "zh": f.term.zh, "en": f.term.en},
        "suggestion": None if f.suggestion is None else term_dict(f.suggestion),
        "segment": f.segment,
        "side": f.side,
    }


def format_json(findings: Sequence[Finding], files: int = 1) -> str:
    """A JSON list of findings, every field included, in report order."""
    return json.dumps([_finding_dict(f) for f in sort_findings(findings)], ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], files: int = 1) -> str:
    """GitHub Actions workflow commands (``::error file=…::message``), one per finding.

    Data is escaped as the Actions toolkit does: ``%``, CR and LF everywhere,
    and ``:`` and ``,`` in properties too.

    >>> from glossary.model import Finding
    >>> f = Finding("forbidden", "GL202", "error", "a, b: 100%", 1, 2, 1, 5, "x", path="a,b.md")
    >>> print(format_github([f]), end="")
    ::error file=a%2Cb.md,line=1,col=2,endLine=1,endColumn=5,title=GL202 forbidden::a, b: 100%25
    """
    out = []
    for f in sort_findings(findings):
        props = {
            "file": f.path or "",
            "line": str(f.line),
            "col": str(f.column),
            "endLine": str(f.end_line),
            "endColumn": str(f.end_column),
            "title": f"{f.code} {f.rule}",
        }
        prop_text = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {prop_text}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in out)


def _information_uri() -> str | None:
    """The project's URL from its metadata; None when it declares none."""
    try:
        from importlib.metadata import metadata

        meta = metadata("zhen-glossary")
        for entry in meta.get_all("Project-URL") or []:
            _, _, url = entry.partition(",")
            if url.strip().startswith("http"):
                return url.strip()
        home = meta["Home-page"] if "Home-page" in meta else ""
        if home and str(home).startswith("http"):
            return str(home)
    except Exception:  # pragma: no cover - metadata missing in odd installs
        pass
    return None


def _uri(path: str | None, root: Path) -> tuple[str, bool]:
    """A URI for ``path``: relative to ``root`` when it lies under it (True), else absolute."""
    if not path:
        return "%3Ctext%3E", True
    # Percent-encode the path's bytes: a name that is not UTF-8 (caf\xe9.md,
    # held as a surrogate escape) still gives a valid URI.
    p = Path(path)
    if p.is_absolute():
        try:
            return quote(os.fsencode(p.relative_to(root).as_posix())), True
        except ValueError:
            return "file://" + quote(os.fsencode(p.as_posix())), False
    return quote(os.fsencode(PurePath(os.path.normpath(path)).as_posix())), True


def _sarif_rule(rule: Any) -> dict[str, Any]:
    from .ruledoc import rule_help

    help_md = rule_help(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.why}"},
        "help": {"text": f"{rule.summary}\n\nWhy: {rule.why}\n\nFix: {rule.fix}", "markdown": help_md},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["terminology", rule.applies_to]},
    }


def _fingerprint(f: Finding) -> str:
    key = "\x1f".join([f.code, f.path or "", f.found, f.expected or "", f.side])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def format_sarif(findings: Sequence[Finding], files: int = 1, *, root: str | os.PathLike[str] | None = None) -> str:
    """A SARIF 2.1.0 log that GitHub code scanning accepts.

    Paths become URIs relative to ``root`` (default: the current directory)
    with ``uriBaseId`` ``%SRCROOT%``; columns count Unicode code points
    (``run.columnKind`` is ``unicodeCodePoints``).
    """
    from . import __version__

    base = Path(root or os.getcwd()).resolve()
    results = []
    for f in sort_findings(findings):
        uri, relative = _uri(f.path, base)
        artifact: dict[str, Any] = {"uri": uri}
        if relative:
            artifact["uriBaseId"] = "%SRCROOT%"
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": _RULE_INDEX[f.rule],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact,
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"glossaryFinding/v1": _fingerprint(f)},
                "properties": {"rule": f.rule, "found": f.found, "expected": f.expected, "side": f.side},
            }
        )
    driver: dict[str, object] = {
        "name": "glossary",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_sarif_rule(r) for r in RULES],
    }
    info_uri = _information_uri()
    if info_uri:
        driver["informationUri"] = info_uri
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


#: Report format name → formatter(findings, files) -> str.
FORMATS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}
