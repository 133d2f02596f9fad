"""The outside formats of a term table: one module per format, each holding its read and its write.

==========  =======================================================  =====  =====
name        what                                                     read   write
==========  =======================================================  =====  =====
csv         the project's table (and other tools' CSV, TSV)          yes    yes
tbx         TBX-Basic, TBX v2 (``martif``), TBX v3 (ISO 30042:2019)  yes    yes
xlsx        an Excel sheet with a header row                         yes    yes
deepl       DeepL glossary entries (``source,target``, no header)    yes    yes
google      Google Cloud Translation equivalent term sets            yes    yes
amazon      Amazon Translate custom terminology (CSV or TSV)         yes    yes
wmt         a WMT-style term dictionary (JSON: zh → English forms)   yes    yes
json        a list of term objects with every column                 yes    yes
markdown    a documentation page (docs/glossary.md)                  no     yes
==========  =======================================================  =====  =====

:func:`detect` picks the format from the file name (``.tbx``, ``.xlsx``,
``.json``, ``.deepl.csv``, ``.google.csv``, ``.amazon.csv``/``.amazon.tsv``,
``.md``) and then the content (XML is TBX; a zip is XLSX; JSON that is an
object is a WMT dictionary; a CSV whose header is Google's is Google's).
Every reader turns its file into terms through
:func:`glossary.table.terms_from_rows` or the same validation, so that every
format is checked alike, with errors naming the file and the line.
"""

from __future__ import annotations

import gc
import io
import os
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import IO, Any, TextIO

from ..errors import GlossaryError, Problem
from ..model import Term

__all__ = ["FORMATS", "READABLE", "WRITABLE", "detect", "module", "read_terms", "render", "source_bytes",
           "write_terms"]

#: Every format name, with the module that reads and writes it.
FORMATS: dict[str, str] = {
    "csv": ".csv", "tbx": ".tbx", "xlsx": ".xlsx", "deepl": ".deepl", "google": ".google", "amazon": ".amazon",
    "wmt": ".wmt", "json": ".json", "markdown": ".markdown",
}
#: The formats that can be read, and written.
READABLE: tuple[str, ...] = ("csv", "tbx", "xlsx", "deepl", "google", "amazon", "wmt", "json")
WRITABLE: tuple[str, ...] = ("csv", "tbx", "xlsx", "deepl", "google", "amazon", "wmt", "json", "markdown")

_SUFFIXES = {".tbx": "tbx", ".tbxm": "tbx", ".xml": "tbx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "json",
             ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "csv"}
_SERVICES = ("deepl", "google", "amazon")


def module(format: str) -> Any:
    """The module of a format name; ValueError naming the formats for an unknown one."""
    try:
        return import_module(FORMATS[format], __name__)
    except KeyError:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}") from None


def detect(name: str, data: bytes | None = None) -> str:
    """The format of a file from its name and, when given, its first bytes.

    >>> detect("termbase.tbx"), detect("sheet.XLSX"), detect("glossary.deepl.csv"), detect("terms.csv")
    ('tbx', 'xlsx', 'deepl', 'csv')
    >>> detect("export.txt", b'<?xml version="1.0"?><martif type="TBX-Basic">')
    'tbx'
    """
    path = Path(name.lower())
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in _SERVICES and suffixes[-1] in (".csv", ".tsv"):
        return suffixes[-2].lstrip(".")
    by_name = _SUFFIXES.get(path.suffix)
    head = (data or b"")[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"<"):
        return "tbx"  # the one XML termbase format; its reader says so when the root is not TBX
    if by_name == "json" and head:
        return "wmt" if head.startswith(b"{") else "json"
    if by_name in (None, "csv") and head:
        from . import google

        if google.looks_like(head):
            return "google"
    return by_name or "csv"


def source_bytes(source: str | os.PathLike[str] | IO[str] | IO[bytes], name: str | None = None) -> tuple[bytes, str]:
    """The bytes of a path or an open file, and the name errors give it."""
    if isinstance(source, (str, os.PathLike)):
        name = name or os.fspath(source)
        try:
            return Path(source).read_bytes(), name
        except OSError as exc:
            raise GlossaryError(Problem(name, 0, f"cannot read the table: {exc.strerror or exc}")) from None
    name = name or getattr(source, "name", None) or "<table>"
    raw = source.read()
    if isinstance(raw, str):
        from .csv import encode

        return encode(raw, str(name)), str(name)
    return raw, str(name)


def read_terms(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, name: str | None = None,
               format: str | None = None, group: bool = False) -> list[Term]:
    """Read and validate the terms of a file in any readable format (guessed by :func:`detect` when not given).

    ``group`` merges rows with the same Chinese into one term (other tools'
    tables with a row per synonym or inflection).
    """
    data, name = source_bytes(source, name)
    return read_bytes(data, name, format=format, group=group)


def read_bytes(data: bytes, name: str, *, format: str | None = None, group: bool = False) -> list[Term]:
    """:func:`read_terms` of bytes already read."""
    format = format or detect(name, data)
    if format not in READABLE:
        if format in FORMATS:
            raise GlossaryError(Problem(name, 0, f"the {format} format is written, not read",
                                        f"read one of {', '.join(READABLE)}"))
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(READABLE)}")
    reader: Callable[..., list[Term]] = module(format).read
    was = gc.isenabled()
    gc.disable()  # the rows are acyclic: rescanning the growing heap was a third of a large table's load
    try:
        return reader(data, name, group=group)
    finally:
        if was:
            gc.enable()


def write_terms(terms: Sequence[Term], out: TextIO | IO[bytes], *, format: str = "csv", name: str | None = None,
                safe: bool = False, direction: str = "zh-en") -> None:
    """Write terms in ``format`` to an open file: text, or binary for ``xlsx``."""
    if format not in WRITABLE:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(WRITABLE)}")
    module(format).write(terms, out, name=name, safe=safe, direction=direction)


def render(terms: Sequence[Term], *, format: str = "csv", name: str | None = None, safe: bool = False,
           direction: str = "zh-en") -> bytes:
    """The bytes of ``terms`` written in ``format`` (UTF-8 for the text formats)."""
    if format == "xlsx":
        binary = io.BytesIO()
        write_terms(terms, binary, format=format, name=name, safe=safe, direction=direction)
        return binary.getvalue()
    text = io.StringIO()
    write_terms(terms, text, format=format, name=name, safe=safe, direction=direction)
    return text.getvalue().encode("utf-8")
