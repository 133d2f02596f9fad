"""Findings → text, JSON, SARIF 2.1.0, GitHub Actions workflow commands, reviewdog's
rdjson, JUnit XML, a GitLab Code Quality report or an HTML page; and counts by rule.

Every format reads only :class:`~glossary.model.Finding` records (with
``path`` set by the caller) and returns a string; nothing here touches files.
Positions are the findings' own: 1-based lines and columns counted in
characters (Unicode code points), ``end_column`` exclusive.

A module per format; each format is a function ``(findings, files) -> str``
listed in :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable

from .github import format_github
from .gitlab import format_gitlab
from .html import format_html
from .jsonlog import finding_dict, format_json, term_dict
from .junit import format_junit
from .rdjson import format_rdjson
from .sarif import SARIF_SCHEMA, format_sarif
from .statistics import format_statistics, statistics
from .text import format_text, sort_findings, summary

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "finding_dict",
    "format_github",
    "format_gitlab",
    "format_html",
    "format_json",
    "format_junit",
    "format_rdjson",
    "format_sarif",
    "format_statistics",
    "format_text",
    "sort_findings",
    "statistics",
    "summary",
    "term_dict",
]


#: Report format name → formatter(findings, files) -> str.
FORMATS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "rdjson": format_rdjson,
    "junit": format_junit,
    "gitlab": format_gitlab,
    "html": format_html,
}
