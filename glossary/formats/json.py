"""JSON: a list of term objects, one key per table column (lists stay lists, flags are booleans).

Extra columns a row carried are keys of their own. Read back, it gives the
same terms; errors name the line each object starts on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import COLUMNS, SEPARATOR, terms_from_rows
from .csv import decode

__all__ = ["read", "term_object", "write"]

_LISTS = {"zh_variants", "aliases", "variants", "forbidden", "derived"}
_FLAGS = {"ambiguous", "case_sensitive", "verbatim"}


def term_object(t: Term) -> dict[str, Any]:
    """A term as a JSON-ready dict of every column (lists stay lists), its extra columns last."""
    out: dict[str, Any] = {}
    for col in COLUMNS:
        value = getattr(t, col)
        out[col] = list(value) if col in _LISTS else value
    for col, value in t.extra:
        out.setdefault(col, value)
    return out


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read(data: bytes, name: str, *, group: bool = False, **_: object) -> list[Term]:
    """Terms from a JSON list of term objects."""
    text = decode(data, name)
    decoder = json.JSONDecoder()
    pos = len(text) - len(text.lstrip())
    if not text[pos:pos + 1] == "[":
        raise GlossaryError(Problem(name, _line(text, pos), "a JSON term list starts with [",
                                    "write a list of objects such as {\"zh\": \"李强\", \"en\": \"Li Qiang\"}"))
    pos += 1
    objects: list[tuple[int, Any]] = []
    try:
        while True:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if text[pos:pos + 1] == "]":
                break
            obj, end = decoder.raw_decode(text, pos)
            objects.append((_line(text, pos), obj))
            pos = end
    except json.JSONDecodeError as exc:
        raise GlossaryError(Problem(name, exc.lineno, f"not valid JSON: {exc.msg}")) from None
    columns: dict[str, None] = {}
    for line, obj in objects:
        if not isinstance(obj, dict):
            raise GlossaryError(Problem(name, line, f"a term is a JSON object, not {type(obj).__name__}"))
        for key in obj:
            columns.setdefault(str(key), None)
    header = list(columns)

    def cell(value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return f" {SEPARATOR} ".join(str(v) for v in value)
        return "" if value is None else str(value)

    rows = [(line, [cell(obj.get(col)) for col in header]) for line, obj in objects]
    return terms_from_rows(header, rows, name, header_line=1, group=group)


def write(terms: Sequence[Term], out: TextIO, **_: object) -> None:
    """A JSON list of term objects."""
    out.write(json.dumps([term_object(t) for t in terms], ensure_ascii=False, indent=2) + "\n")
