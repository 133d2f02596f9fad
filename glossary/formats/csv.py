"""The project's own term table: UTF-8 CSV with a header row (docs/table-format.md).

:func:`read` turns the bytes into header and rows, then
:func:`glossary.table.terms_from_rows` validates them; other tools' CSV
(language-tag headers such as ``zh-CN,en-US``, columns of their own, one row
per synonym) reads the same way. Tab-separated files (``.tsv``) are read with
tabs. :func:`write` writes every column and then the extra columns the rows
carried, so that a table read and written again keeps them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import COLUMNS, MAX_FIELD_BYTES, SEPARATOR, spreadsheet_safe, terms_from_rows

__all__ = ["decode", "encode", "extra_columns", "header_and_rows", "read", "records", "write"]

_SEP_HINT = re.compile(r"sep=.")
_SEP_LINE = re.compile(r"[ \t]*sep=([^\r\n\w\"])[ \t]*\r?\n")

#: Byte-order marks of encodings a table is sometimes saved in by mistake (UTF-32 first: it starts like UTF-16).
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8; in Excel, as 'CSV UTF-8'"


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, counting \\n, \\r\\n and lone \\r as line ends (as CSV does)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes as text (a leading byte-order mark dropped); GlossaryError naming the line otherwise."""
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise GlossaryError(Problem(name, 1, f"the file is {encoding}, not UTF-8 (it starts with a {encoding} "
                                                  "byte-order mark)", _SAVE_AS_UTF8))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise GlossaryError(
            Problem(name, _line_at(data, offset), f"NUL byte at byte offset {offset}",
                    "the file is binary or UTF-16; " + _SAVE_AS_UTF8)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            Problem(
                name,
                _line_at(data, exc.start),
                f"not valid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x})",
                "is the table in GBK or Latin-1? " + _SAVE_AS_UTF8,
            )
        ) from None
    return text.removeprefix("\ufeff")


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode(text: str, name: str) -> bytes:
    """A table read as text, back to bytes; a lone surrogate (not Unicode) is an error."""
    bad = _SURROGATE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise GlossaryError(Problem(name, line, f"lone surrogate U+{ord(bad.group()):04X} at character offset "
                                                f"{bad.start()}", "the text is not valid Unicode; " + _SAVE_AS_UTF8))
    return text.encode("utf-8")


def records(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """CSV records with the 1-based line each one starts on.

    A malformed record raises GlossaryError naming the line it starts on (a
    quoted field may span lines), and the line where reading failed.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise GlossaryError(_csv_problem(str(exc), start, reader.line_num, _quoted_from(text, start))) from None
        yield start, row
        start = reader.line_num + 1


_CLOSE_QUOTE = 'end the field with a double quote; write a quote inside a field as ""'
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _quoted_from(text: str, line: int) -> bool:
    """Does a quote appear on the 1-based ``line`` of ``text`` (or within its first 64 KiB)?"""
    pos = 0
    for _ in range(line - 1):
        m = _LINE_BREAK.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return '"' in text[pos:pos + 65536].split("\n", 1)[0]


def _csv_problem(error: str, start: int, line: int, quoted: bool = True) -> Problem:
    """A Problem for a csv.Error in the record that starts on ``start``."""
    if error == "unexpected end of data":
        return Problem("", start, f"a quoted field that starts on line {start} is never closed; it runs to the end "
                       f"of the file (line {line})", _CLOSE_QUOTE)
    if error.startswith("field larger than field limit") and not quoted:
        return Problem("", start, f"a field on line {start} is over {csv.field_size_limit():,} characters",
                       f"a term table's fields hold at most {MAX_FIELD_BYTES:,} bytes: is this a term table?")
    if error.startswith("field larger than field limit"):
        return Problem("", start, f"a quoted field that starts on line {start} is never closed, or is over "
                       f"{csv.field_size_limit():,} characters", _CLOSE_QUOTE)
    where = f" (on line {line})" if line != start else ""
    return Problem("", start, f"malformed CSV: {error}{where}",
                   'quote a field that holds a comma, a quote or a line break, and double its quotes: "a ""b"", c"')


def header_and_rows(text: str, name: str, delimiter: str = ",") -> tuple[int, list[str], Iterator[tuple[int, list[str]]]]:
    """The header row (skipping Excel's ``sep=,`` line and blank lines), its line, and the rows after it."""
    rows = records(text, delimiter)
    for header_line, header in rows:
        if len(header) <= 2 and (_SEP_HINT.fullmatch(delimiter.join(header).strip())
                                 or (header and header[0].strip() == "sep=" and not "".join(header[1:]))):
            continue  # Excel's "sep=," first line names the delimiter, not a column
        if any(h.strip() for h in header):
            return header_line, header, rows
    raise GlossaryError(Problem(name, 0, "empty file: no header row", "the first row names the columns, e.g. zh,en"))


def read(data: bytes, name: str, *, group: bool = False, delimiter: str | None = None) -> list[Term]:
    """Terms from a table's bytes; ``delimiter`` is what an Excel ``sep=`` first line says, else a tab for
    ``.tsv`` names, else a comma."""
    text = decode(data, name)
    if delimiter is None:
        said = _SEP_LINE.match(text)  # Excel's "sep=;" first line: the file's own delimiter
        delimiter = said[1] if said else "\t" if name.lower().endswith(".tsv") else ","
    try:
        header_line, header, rows = header_and_rows(text, name, delimiter)
        return terms_from_rows(header, rows, name, header_line=header_line, group=group)
    except GlossaryError as exc:
        if exc.problems and not exc.problems[0].path:
            raise GlossaryError([Problem(name, p.line, p.message, p.hint) for p in exc.problems]) from None
        raise


def extra_columns(terms: Iterable[Term]) -> list[str]:
    """The extra columns of ``terms``, in the order they first appear."""
    seen: dict[str, None] = {}
    for t in terms:
        for col, _ in t.extra:
            seen.setdefault(col, None)
    return list(seen)


def write(terms: Iterable[Term], out: TextIO, *, safe: bool = False, **_: object) -> None:
    """Write terms as a canonical table to an open text file: every column, then the extra ones.

    With ``safe=True`` cells that a spreadsheet would run as a formula get a
    leading apostrophe (OWASP's advice on CSV injection); the result then no
    longer round-trips exactly.
    """
    terms = list(terms)
    extra = extra_columns(terms)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*COLUMNS, *extra))
    sep = f" {SEPARATOR} "
    for t in terms:
        row = [
            t.id, t.zh, sep.join(t.zh_variants), t.en, sep.join(t.aliases), sep.join(t.variants),
            sep.join(t.forbidden), sep.join(t.derived), t.pinyin, t.romanization, t.category,
            "true" if t.ambiguous else "false", t.note, t.source, t.series,
            "true" if t.case_sensitive else "false", "true" if t.verbatim else "false",
        ]
        if extra:
            given = dict(t.extra)
            row += [given.get(col, "") for col in extra]
        writer.writerow([spreadsheet_safe(v) for v in row] if safe else row)
