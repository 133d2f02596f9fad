"""Google Cloud Translation glossaries: equivalent term sets, CSV with a header of language codes.

Written: header ``zh-CN,en,pos,description``, one row per term, the note as
the description. Read: the two language columns (any tags for Chinese and
English, any order), ``description`` into ``note``; ``pos`` is dropped (the
glossary holds names, all nouns).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..model import Term
from ..table import column_name, terms_from_rows
from ._service import check_entries, write_rows
from .csv import decode, header_and_rows

__all__ = ["LANGUAGE_CODES", "looks_like", "read", "write"]

#: The codes the header row is written with.
LANGUAGE_CODES: dict[str, str] = {"zh": "zh-CN", "en": "en"}


def looks_like(head: bytes) -> bool:
    """Whether a CSV's first line is a Google equivalent-term-set header (language codes, then pos/description)."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").strip().lower()
    cells = [c.strip() for c in first.split(",")]
    return "pos" in cells and {column_name(c) for c in cells} >= {"zh", "en"}


def read(data: bytes, name: str, **_: object) -> list[Term]:
    """Terms from a Google glossary file."""
    line, header, rows = header_and_rows(decode(data, name), name)
    columns = [("note" if h.strip().lower() == "description" else "" if h.strip().lower() == "pos" else h)
               for h in header]
    keep = [i for i, c in enumerate(columns) if c]
    return terms_from_rows([columns[i] for i in keep],
                           ((n, [r[i] if i < len(r) else "" for i in keep] if len(r) == len(header) else r)
                            for n, r in rows), name, header_line=line)


def write(terms: Sequence[Term], out: TextIO, *, name: str | None = None, safe: bool = False, **_: object) -> None:
    """Header ``zh-CN,en,pos,description``, one row per term."""
    name = name or "<glossary>"
    check_entries("google", name, [(t, [t.zh, t.en]) for t in terms], unique=(0, 1))
    body = [[t.zh, t.en, "noun", t.note] for t in terms]
    write_rows("google", name, out, [[LANGUAGE_CODES["zh"], LANGUAGE_CODES["en"], "pos", "description"], *body], safe)
