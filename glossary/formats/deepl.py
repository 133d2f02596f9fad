"""DeepL glossary entries: CSV rows ``source,target`` with no header (the API's ``entries_format=csv``).

Written from a glossary: every Chinese form → the preferred English
(``zh-en``) or every accepted English form → the preferred Chinese
(``en-zh``). Read: the direction from the first row, and a run of rows with
one target as one term, so that a file read and written again is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..model import Term
from ._service import check_entries, pairs, read_pairs, write_rows
from .csv import decode, records

__all__ = ["read", "write"]


def read(data: bytes, name: str, **_: object) -> list[Term]:
    """Terms from a DeepL glossary file."""
    return read_pairs(records(decode(data, name), "\t" if name.lower().endswith(".tsv") else ","), name, "deepl")


def write(terms: Sequence[Term], out: TextIO, *, name: str | None = None, safe: bool = False,
          direction: str = "zh-en", **_: object) -> None:
    """``source,target`` rows, no header; a glossary DeepL would refuse raises GlossaryError first."""
    rows = pairs(terms, direction)
    check_entries("deepl", name or "<glossary>", rows)
    write_rows("deepl", name or "<glossary>", out, [cells for _, cells in rows], safe)
