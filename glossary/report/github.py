"""Findings → GitHub Actions workflow commands."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding
from .text import sort_findings

__all__ = ["format_github"]

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


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
