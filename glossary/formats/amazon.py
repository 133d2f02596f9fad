"""Amazon Translate custom terminology: CSV (or TSV) with a header of language codes, the source first.

Written: header ``zh,en`` (or ``en,zh``), one row per source form. Read: the
header's first code says the direction; a run of rows with one target is one
term, so that a file read and written again is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import column_name
from ._service import check_entries, pairs, read_pairs, write_rows
from .csv import decode, header_and_rows

__all__ = ["LANGUAGE_CODES", "read", "write"]

#: The codes the header row is written with.
LANGUAGE_CODES: dict[str, str] = {"zh": "zh", "en": "en"}


def read(data: bytes, name: str, **_: object) -> list[Term]:
    """Terms from an Amazon terminology file."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    line, header, rows = header_and_rows(decode(data, name), name, delimiter)
    langs = [column_name(h) for h in header[:2]]
    if sorted(langs) != ["en", "zh"]:
        raise GlossaryError(Problem(name, line, f"amazon: the header {delimiter.join(header)!r} does not name "
                                                "Chinese and English", "the header is the language codes: zh,en"))
    if langs[0] == "en":
        rows = ((n, [r[0], r[1]] if len(r) >= 2 else r) for n, r in rows)
    return read_pairs(rows, name, "amazon")


def write(terms: Sequence[Term], out: TextIO, *, name: str | None = None, safe: bool = False,
          direction: str = "zh-en", **_: object) -> None:
    """Header ``zh,en`` (source first), one row per source form."""
    rows = pairs(terms, direction)
    check_entries("amazon", name or "<glossary>", rows)
    header = [LANGUAGE_CODES[lang] for lang in direction.split("-")]
    delimiter = "\t" if (name or "").lower().endswith(".tsv") else ","
    write_rows("amazon", name or "<glossary>", out, [header, *(cells for _, cells in rows)], safe, delimiter)
