"""Findings → a JSON list with every field; terms → JSON-ready dicts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..model import Finding, Term
from .text import sort_findings

__all__ = ["finding_dict", "format_json", "term_dict"]


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


def finding_dict(f: Finding) -> dict[str, Any]:
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
        "fix": None if f.fix is None else {"replacement": f.fix.replacement, "safe": f.fix.safe},
    }


def format_json(findings: Sequence[Finding], files: int = 1) -> str:
    """A JSON list of findings, every field included, in report order."""
    return json.dumps([finding_dict(f) for f in sort_findings(findings)], ensure_ascii=False, indent=2) + "\n"
