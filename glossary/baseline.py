"""Baselines: the findings a project has accepted, so that a check reports only new ones.

``glossary check --write-baseline FILE`` records the current findings;
``glossary check --baseline FILE`` then reports only findings not in it.

A finding's key leaves out its line and column, so that an edit elsewhere in
the file (a paragraph inserted above) does not break the match. The key is
the file's path, the rule's code, the text found, the expected text, a hash
of the finding's line (its text with runs of white space as one space, so
re-wrapping the indentation does not matter), and the occurrence index among
findings that share all of these (the second 'Wang Yapin' on an identical
line). Editing the line a finding is on makes it a new finding: it is the
line that changed.

The file is JSON (``{"version": 1, "findings": [...]}``); each entry also
records the line it was on, for people, which matching ignores. Paths are
stored relative to the baseline file's folder (with ``/`` separators) and
resolved against it when read, so a baseline matches from any current
folder; in memory a key holds the file's resolved absolute path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set as AbstractSet
from pathlib import Path, PurePath
from typing import Any

from .errors import GlossaryError, Problem
from .model import Finding

__all__ = ["BASELINE_VERSION", "Key", "context_hash", "finding_keys", "format_baseline", "line_contexts",
           "new_findings", "pair_contexts", "read_baseline"]

BASELINE_VERSION = 1

#: (path, code, found, expected, context hash, occurrence index)
Key = tuple[str, str, str, str, str, int]

_SPACE = re.compile(r"\s+")


def context_hash(line_text: str) -> str:
    """A short hash of a line's text, white space runs folded to one space.

    >>> context_hash("  Wang  Yapin spoke.") == context_hash("Wang Yapin spoke.")
    True
    """
    folded = _SPACE.sub(" ", line_text).strip()
    return hashlib.sha256(folded.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _path(path: str | None) -> str:
    """The finding's path as a key holds it: resolved, absolute, with / separators."""
    if not path:
        return ""
    return PurePath(os.path.realpath(path)).as_posix()


def _stored(path: str, folder: str) -> str:
    """A key's path as the baseline file in ``folder`` records it: relative to that folder, / separators."""
    if not path:
        return ""
    try:
        return PurePath(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows): keep it absolute
        return path


def _resolved(stored: str, folder: str) -> str:
    """A recorded path resolved against the baseline file's ``folder``."""
    if not stored:
        return ""
    return PurePath(os.path.realpath(os.path.join(folder, stored))).as_posix()


def _folder(baseline: str | os.PathLike[str] | None) -> str:
    return os.path.dirname(os.path.realpath(baseline)) if baseline is not None else os.getcwd()


def finding_keys(findings: Sequence[Finding], contexts: Sequence[str]) -> list[Key]:
    """The key of each finding; ``contexts[i]`` is the text of ``findings[i]``'s line."""
    seen: Counter[tuple[str, str, str, str, str]] = Counter()
    out: list[Key] = []
    for f, line in zip(findings, contexts):
        base = (_path(f.path), f.code, f.found, f.expected or "", context_hash(line))
        out.append((*base, seen[base]))
        seen[base] += 1
    return out


def format_baseline(findings: Sequence[Finding], keys: Sequence[Key],
                    baseline: str | os.PathLike[str] | None = None) -> str:
    """The baseline file's JSON for ``findings`` and their keys, to be written to ``baseline`` (its paths
    relative to that file's folder; to the current folder without one)."""
    folder = _folder(baseline)
    keys = [(_stored(k[0], folder), *k[1:]) for k in keys]
    entries = [
        {"path": k[0], "code": k[1], "rule": f.rule, "found": k[2], "expected": k[3], "context": k[4],
         "occurrence": k[5], "line": f.line}
        for f, k in sorted(zip(findings, keys), key=lambda fk: (fk[1][0], fk[0].line, fk[0].column, fk[1]))
    ]
    return json.dumps({"version": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: str | os.PathLike[str]) -> set[Key]:
    """The keys in a baseline file; GlossaryError naming the file for a bad one."""
    name = os.fspath(path)
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise GlossaryError(Problem(name, 0, f"cannot read the baseline: {exc.strerror or exc}")) from None
    except (UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", 0)
        raise GlossaryError(Problem(name, line, f"not a baseline file (JSON): {exc}")) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise GlossaryError(Problem(name, 0, f"not a baseline file: expected {{\"version\": {BASELINE_VERSION}, "
                                             "\"findings\": [...]}", "write one with --write-baseline"))
    keys: set[Key] = set()
    folder = _folder(path)
    for i, e in enumerate(data["findings"]):
        try:
            keys.add((_resolved(str(e["path"]), folder), str(e["code"]), str(e["found"]), str(e["expected"] or ""), str(e["context"]),
                      int(e["occurrence"])))
        except (KeyError, TypeError, ValueError):
            raise GlossaryError(Problem(name, 0, f"baseline entry {i + 1} lacks path, code, found, expected, "
                                                 "context or occurrence")) from None
    return keys


def new_findings(findings: Iterable[Finding], keys: Iterable[Key], baseline: AbstractSet[Key]) -> list[Finding]:
    """The findings whose key is not in ``baseline``."""
    return [f for f, k in zip(findings, keys) if k not in baseline]


def line_contexts(findings: Sequence[Finding], text: str) -> list[str]:
    """The text of each finding's line in ``text`` (findings of one text, 1-based lines)."""
    from .source import LineIndex

    lines = LineIndex(text)
    count = len(lines.starts)
    return [lines.line_text(f.line) if 1 <= f.line <= count else "" for f in findings]


def pair_contexts(findings: Sequence[Finding], pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The text of each finding's line in its segment's source or target
    (findings of :func:`glossary.check_pairs` before they are placed in a file)."""
    from .source import LineIndex

    out = []
    for f in findings:
        if f.segment is None or not 0 <= f.segment < len(pairs):
            out.append("")
            continue
        lines = LineIndex(pairs[f.segment][0 if f.side == "source" else 1])
        out.append(lines.line_text(f.line) if 1 <= f.line <= len(lines.starts) else "")
    return out
