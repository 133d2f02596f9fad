"""``glossary check``'s output: the report in its format (to stdout or a file, atomically) and --diff's diffs."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import GlossaryError
from ..model import Finding
from ..source import is_markdown
from .common import PROG, write

__all__ = ["emit", "format_report", "report_diff"]


def report_diff(diffs: list[str], fixed: int, fixed_files: int, errors: list[str], output: str | None = None) -> int:
    """--diff: the diffs on stdout, a count on stderr; exit 1 when something would change (as ruff's)."""
    emit("".join(diffs), output)
    print(f"{PROG}: would apply {fixed} fix{'es' if fixed != 1 else ''} in {fixed_files} "
          f"file{'s' if fixed_files != 1 else ''}", file=sys.stderr)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    return 1 if fixed else 0


def format_report(name: str, shown: list[Finding], files: int, *, statistics: bool = False,
                  docs: Sequence[Any] = (), glossary: Any = None) -> str:
    """The report in format ``name`` (a key of FORMATS); counts by rule with ``statistics``.
    ``docs`` (the check command's documents) and ``glossary`` are for the HTML page, which shows the texts."""
    from ..report import FORMATS, format_gitlab, format_junit, format_rdjson, format_sarif, format_statistics

    if statistics:
        return format_statistics(shown, files, as_json=name == "json")
    if name == "sarif":
        return format_sarif(shown, files, root=Path.cwd())
    if name == "gitlab":
        return format_gitlab(shown, files, root=Path.cwd())
    if name == "junit":
        # Every checked file gets a test case, the clean ones a passing one.
        checked = [p for d in docs for p in (d.path, d.target) if p]
        return format_junit(shown, files, paths=checked)
    if name == "rdjson":
        lines = _LineReader()
        return format_rdjson(shown, files, line_text=lines, editable=lines.editable)
    if name == "html":
        from .report_docs import report_documents

        return FORMATS["html"](shown, files, documents=report_documents(docs), glossary=glossary)
    return FORMATS[name](shown, files)


def emit(report: str, output: str | None) -> None:
    if output is None:
        write(sys.stdout, report)
        return
    from ..atomic import atomic_writer

    with atomic_writer(output) as fh:
        fh.write(report)


class _LineReader:
    """(path, line) → the line's text, reading each file once (for rdjson's byte columns).

    None for XLIFF, PO and TMX files, whose findings count columns within the
    segment's text, not the file's line: their columns stay in characters.
    """

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}
        self._kept: dict[str, set[int]] = {}

    def editable(self, path: str, line: int) -> bool:
        """Whether ``--fix`` would edit ``line`` of ``path``: not a line a suppression comment names."""
        if path not in self._kept:
            from ..suppress import find_suppressions

            self(path, 1)  # reads the file's lines once
            lines = self._lines[path]
            text = "\n".join(lines) if lines is not None else ""
            markdown = is_markdown(path)
            self._kept[path] = {s.target_line for s in find_suppressions(text, markdown=markdown)}
        return line not in self._kept[path]

    def __call__(self, path: str, line: int) -> str | None:
        if path not in self._lines:
            from ..bilingual import TRANSLATION_SUFFIXES, read_text

            if Path(path).suffix.lower() in TRANSLATION_SUFFIXES:
                self._lines[path] = None
                return None
            from ..source import LineIndex

            try:
                index = LineIndex(read_text(path))
                self._lines[path] = [index.line_text(i) for i in range(1, len(index.starts) + 1)]
            except (OSError, GlossaryError):
                self._lines[path] = None
        lines = self._lines[path]
        return lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None
