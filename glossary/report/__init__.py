"""Findings → text, JSON, SARIF 2.1.0, GitHub Actions workflow commands or an HTML page.

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
from .html import format_html
from .jsonlog import finding_dict, format_json, term_dict
from .sarif import SARIF_SCHEMA, format_sarif
from .text import format_text, sort_findings, summary

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "finding_dict",
    "format_github",
    "format_html",
    "format_json",
    "format_sarif",
    "format_text",
    "sort_findings",
    "summary",
    "term_dict",
]


#: Report format name → formatter(findings, files) -> str.
FORMATS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "html": format_html,
}
