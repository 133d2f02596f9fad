"""Findings → a SARIF 2.1.0 log (GitHub code scanning)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from ..model import Finding
from ..rules import RULES
from .text import sort_findings

__all__ = ["SARIF_SCHEMA", "format_sarif"]

#: Where SARIF readers find the schema the output follows.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_RULE_INDEX = {r.name: i for i, r in enumerate(RULES)}


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
    from ..ruledoc import rule_help

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
    from .. import __version__

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
