"""Positions for the language server: code points (as findings count) to LSP positions and back.

Findings and matches count code points: :class:`~glossary.model.Finding`'s
lines and columns are 1-based, :class:`~glossary.model.Match`'s offsets
0-based. LSP positions are 0-based lines and columns counted in the position
encoding agreed at initialization: ``utf-16`` code units unless the client
offers ``utf-8`` or ``utf-32``. Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as
LSP and :class:`glossary.source.LineIndex` both say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from .model import Finding

__all__ = ["finding_range", "from_units", "offsets_range", "overlaps", "text_lines", "text_offset", "to_units"]

_LINE_END = re.compile(r"\r\n|\r|\n")


def to_units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of ``encoding`` (``utf-8``, ``utf-16`` or ``utf-32``) ``text`` takes.

    >>> to_units("a🚀b"), to_units("a🚀b", "utf-8"), to_units("a🚀b", "utf-32")
    (4, 6, 3)
    """
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def from_units(line: str, units: int, encoding: str = "utf-16") -> int:
    """The 0-based code-point column of a position ``units`` code units into ``line``.

    A position inside a character (half a surrogate pair) counts as its start;
    one past the end of the line is the line's end.

    >>> from_units("a🚀b", 3), from_units("a🚀b", 2), from_units("a🚀b", 9)
    (2, 1, 3)
    """
    count = 0
    for i, c in enumerate(line):
        width = to_units(c, encoding)
        if count + width > units:
            return i
        count += width
    return len(line)


def text_lines(text: str) -> list[str]:
    """The lines of ``text`` as LSP sees them, without their ends.

    >>> text_lines("a\\r\\nb\\rc\\n")
    ['a', 'b', 'c', '']
    """
    return _LINE_END.split(text)


def _position(lines: Sequence[str], line: int, column: int, encoding: str) -> types.Position:
    """The LSP position of a 1-based line and code-point column (past the last line: the text's end)."""
    if line - 1 >= len(lines):
        return types.Position(line=len(lines) - 1, character=to_units(lines[-1], encoding))
    text = lines[line - 1]
    return types.Position(line=line - 1, character=to_units(text[: column - 1], encoding))


def finding_range(f: Finding, lines: Sequence[str], encoding: str = "utf-16") -> types.Range:
    """The LSP range of a finding in the text whose :func:`text_lines` are ``lines``."""
    return types.Range(start=_position(lines, f.line, f.column, encoding),
                       end=_position(lines, f.end_line, f.end_column, encoding))


def offsets_range(text: str, start: int, end: int, encoding: str = "utf-16") -> types.Range:
    """The LSP range of the 0-based code-point offsets ``start``..``end`` of ``text``.

    >>> r = offsets_range("🚀\\nWang Yaping", 2, 6)
    >>> (r.start.line, r.start.character, r.end.line, r.end.character)
    (1, 0, 1, 4)
    """
    from .source import LineIndex

    index = LineIndex(text)

    def position(offset: int) -> types.Position:
        line, column = index.position(offset)
        return types.Position(line=line - 1, character=to_units(index.line_text(line)[: column - 1], encoding))

    return types.Range(start=position(start), end=position(end))


def text_offset(text: str, position: types.Position, encoding: str = "utf-16") -> int | None:
    """The 0-based code-point offset in ``text`` of an LSP position; None past the last line.

    >>> text_offset("🚀 a\\nWang", types.Position(line=0, character=3)), text_offset("a", types.Position(line=5, character=0))
    (2, None)
    """
    from .source import LineIndex

    lines = text_lines(text)
    if position.line >= len(lines):
        return None
    column = from_units(lines[position.line], position.character, encoding)
    return LineIndex(text).starts[position.line] + column


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (touching ends count, as a cursor at a word's end is on it)."""
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
