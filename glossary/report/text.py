"""Findings → the text report: ``path:line:col: CODE [rule] message`` lines and a summary line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Finding

__all__ = ["format_text", "sort_findings", "summary"]


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
