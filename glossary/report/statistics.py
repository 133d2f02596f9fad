"""Findings → counts by rule (``--statistics``), as ruff's: the most frequent first."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from ..model import Finding

__all__ = ["format_statistics", "statistics"]


def statistics(findings: Sequence[Finding]) -> list[tuple[str, str, int, int]]:
    """(code, rule, count, fixable count) per rule, by count (most first), then code."""
    count = Counter((f.code, f.rule) for f in findings)
    fixable = Counter((f.code, f.rule) for f in findings if f.fix is not None)
    return sorted(((c, r, n, fixable[(c, r)]) for (c, r), n in count.items()), key=lambda t: (-t[2], t[0]))


def format_statistics(findings: Sequence[Finding], files: int = 1, *, as_json: bool = False) -> str:
    """One line per rule: count, code, name, and ``[*]`` when some of them are fixable
    (``[*]`` for safe fixes only with ``--fix``; see docs/cli.md). ``as_json``: a JSON list instead.

    >>> from glossary.model import Finding, Fix
    >>> f = Finding("variant", "GL201", "warning", "m", 1, 1, 1, 2, "x", fix=Fix("y"))
    >>> print(format_statistics([f, f]), end="")
    2  GL201  variant  [*]
    """
    rows = statistics(findings)
    if as_json:
        return json.dumps([{"code": c, "name": r, "count": n, "fixable": k} for c, r, n, k in rows],
                          ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(n)) for _, _, n, _ in rows), default=1)
    name_width = max((len(r) for _, r, _, _ in rows), default=1)
    lines = [f"{n:>{width}}  {c}  {r:<{name_width}}  {'[*]' if k else ''}".rstrip() for c, r, n, k in rows]
    return "".join(line + "\n" for line in lines)
