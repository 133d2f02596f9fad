"""Findings → a GitLab Code Quality report (``gitlab``): the JSON array GitLab CI reads
from ``artifacts:reports:codequality``.

Each issue has the fields GitLab requires: ``description``, ``check_name``,
``fingerprint``, ``severity`` (info, minor, major, critical or blocker) and
``location`` with a ``path`` relative to the repository and ``lines.begin``.
The fingerprint must be unique and should stay the same while the issue
stays, so it leaves out the line: it hashes the path, the rule, the text
found, the expected text and the occurrence index among findings that share
these (GitLab compares fingerprints between the base and the merge request).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

from ..model import Finding
from .text import sort_findings

__all__ = ["format_gitlab"]

#: error fails the pipeline's quality gate as a major issue; info is GitLab's own info.
_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _relative(path: str | None, root: Path) -> str:
    if not path:
        return "<text>"
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(root)
        except ValueError:
            pass
    return PurePath(os.path.normpath(p)).as_posix()


def format_gitlab(findings: Sequence[Finding], files: int = 1, *, root: str | os.PathLike[str] | None = None) -> str:
    """A GitLab Code Quality JSON array; paths relative to ``root`` (default: the current folder).

    >>> from glossary.model import Finding
    >>> f = Finding("variant", "GL201", "warning", "use 'Tianwen-3'", 2, 5, 2, 14, "Tianwen 3", "Tianwen-3", path="a.md")
    >>> [(i["check_name"], i["severity"], i["location"]) for i in json.loads(format_gitlab([f]))]
    [('GL201', 'minor', {'path': 'a.md', 'lines': {'begin': 2, 'end': 2}})]
    """
    base = Path(root or os.getcwd()).resolve()
    seen: Counter[tuple[str, ...]] = Counter()
    issues: list[dict[str, Any]] = []
    for f in sort_findings(findings):
        path = _relative(f.path, base)
        key = (path, f.code, f.found, f.expected or "", f.side)
        index = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((*key, str(index))).encode("utf-8", "surrogateescape")).hexdigest()
        issues.append({
            "description": f"{f.code} [{f.rule}] {f.message}",
            "check_name": f.code,
            "fingerprint": digest,
            "severity": _SEVERITY[f.severity],
            "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            "categories": ["Style"],
            "type": "issue",
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
