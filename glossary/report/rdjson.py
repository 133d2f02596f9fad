"""Findings → the Reviewdog Diagnostic Format (``rdjson``), for ``reviewdog -f=rdjson``.

The shape is the ``DiagnosticResult`` message of reviewdog's
proto/rdf/reviewdog.proto: a source, and diagnostics with a message, a
location (path and range, end exclusive), a severity, the rule's code and, for
a fixable finding, the fix as a suggestion (its range and replacement text).

RDFormat counts columns in UTF-8 bytes. A finding's columns count
characters, so the bytes before the finding on its line are needed: the
caller passes ``line_text`` (path, line) → the line's text, and without it
(or for a line it cannot give) columns are given in characters, which is the
same for ASCII lines.

When ``line_text`` is given but cannot give a finding's line (an XLIFF, PO
or TMX file, whose findings count columns within a segment, not on the file's
line), the range names the line only, and the finding gets no suggestion:
a suggestion's range must be the file's own text. A suggestion is also left
out where the file does not read the finding's text at its range (a table
cell whose quoting changes the text), as ``--fix`` leaves those alone, and
where ``editable`` (path, line) says ``--fix`` would not edit the line (one a
suppression comment names).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from ..model import Finding
from .text import sort_findings

__all__ = ["format_rdjson"]

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}

LineText = Callable[[str, int], "str | None"]


def _byte_column(line_text: LineText | None, path: str, line: int, column: int) -> int:
    if line_text is None:
        return column
    text = line_text(path, line)
    if text is None or len(text) < column - 1:
        return column
    return len(text[:column - 1].encode("utf-8", "surrogatepass")) + 1


def _file_positions(f: Finding, line_text: LineText | None) -> bool:
    """Whether the finding's range is a range of its file's text that reads what it found."""
    if line_text is None:
        return True  # the caller's positions, taken as they are
    first = line_text(f.path or "", f.line)
    if first is None:
        return False
    if f.line == f.end_line:
        return first[f.column - 1:f.end_column - 1] == f.found
    last = line_text(f.path or "", f.end_line)
    return last is not None and first[f.column - 1:].startswith(f.found[:len(first) - f.column + 1])


def _range(f: Finding, line_text: LineText | None) -> dict[str, Any]:
    path = f.path or ""
    if line_text is not None and line_text(path, f.line) is None:
        return {"start": {"line": f.line}}  # columns within a segment are not columns of the file
    return {
        "start": {"line": f.line, "column": _byte_column(line_text, path, f.line, f.column)},
        "end": {"line": f.end_line, "column": _byte_column(line_text, path, f.end_line, f.end_column)},
    }


def format_rdjson(findings: Sequence[Finding], files: int = 1, *, line_text: LineText | None = None,
                  editable: Callable[[str, int], bool] | None = None) -> str:
    """A reviewdog ``DiagnosticResult`` as JSON; fixes become suggestions.

    >>> from glossary.model import Finding, Fix
    >>> f = Finding("forbidden", "GL202", "error", "use 'Wang Yaping'", 1, 5, 1, 15, "Wang Yapin", path="a.md",
    ...             fix=Fix("Wang Yaping"))
    >>> d = json.loads(format_rdjson([f]))["diagnostics"][0]
    >>> d["severity"], d["code"]["value"], d["suggestions"][0]["text"], d["location"]["range"]["end"]
    ('ERROR', 'GL202', 'Wang Yaping', {'line': 1, 'column': 15})
    """
    diagnostics = []
    for f in sort_findings(findings):
        where = _range(f, line_text)
        d: dict[str, Any] = {
            "message": f.message,
            "location": {"path": f.path or "", "range": where},
            "severity": _SEVERITY[f.severity],
            "code": {"value": f.code},
            "original_output": f"{f.path or '<text>'}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}",
        }
        if (f.fix is not None and _file_positions(f, line_text)
                and (editable is None or all(editable(f.path or "", n) for n in range(f.line, f.end_line + 1)))):
            d["suggestions"] = [{"range": where, "text": f.fix.replacement}]
        diagnostics.append(d)
    worst = min((("error", "warning", "info").index(f.severity) for f in findings), default=None)
    result: dict[str, Any] = {"source": {"name": "glossary"}, "diagnostics": diagnostics}
    if worst is not None:
        result["severity"] = _SEVERITY[("error", "warning", "info")[worst]]
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
