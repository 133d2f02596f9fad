"""Write a glossary out in the formats other tools read.

Every export goes through :func:`export`, which writes atomically when given
a path (a temporary file in the same folder, then a rename). A glossary that
a service would reject (duplicate sources, over-long or badly formed entries)
raises :class:`~glossary.errors.GlossaryError` naming every offending entry,
before anything is written. The writers themselves live with their readers
in :mod:`glossary.formats`, a module per format.

Formats (docs/formats.md describes each one, docs/cli.md the service limits it checks):
``csv`` (the canonical table; round-trips through :func:`glossary.load`),
``tbx`` (TBX-Basic), ``xlsx``, ``json`` (a list of term objects), ``wmt`` (a
term dictionary), ``markdown`` (docs/glossary.md), ``deepl``, ``google``,
``amazon`` (the translation services' glossary files).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, TextIO

from .atomic import atomic_writer
from .formats import WRITABLE, render
from .formats._service import DIRECTIONS, LIMITS

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["CSV_FORMATS", "DIRECTIONS", "FORMATS", "LIMITS", "export"]

#: The formats written as CSV, where ``safe=True`` applies.
CSV_FORMATS: tuple[str, ...] = ("csv", "deepl", "google", "amazon")


def _writer(format: str) -> Callable[..., None]:
    def write(g: "Glossary", out: TextIO, *, safe: bool = False, direction: str = "zh-en", **_: object) -> None:
        out.write(render(list(g), format=format, name=g.path, safe=safe, direction=direction).decode("utf-8"))

    write.__doc__ = f"Write a glossary as {format}."
    return write


#: Export format name → writer(glossary, text file, *, safe, direction); xlsx is written by :func:`export` only.
FORMATS: dict[str, Callable[..., None]] = {name: _writer(name) for name in WRITABLE if name != "xlsx"}
#: Every format :func:`export` writes.
EXPORTS: tuple[str, ...] = WRITABLE


def export(
    g: "Glossary",
    dest: str | os.PathLike[str] | TextIO | BinaryIO,
    *,
    format: str = "csv",
    safe: bool = False,
    direction: str = "zh-en",
) -> str | os.PathLike[str] | TextIO | BinaryIO:
    """Write ``g`` to ``dest`` (a path or a writable file: binary for xlsx, text otherwise) in ``format``.

    ``safe=True`` guards spreadsheet cells against formula injection: a cell
    that starts with ``= + - @``, a tab or a carriage return gets a leading
    apostrophe (CSV formats only; off by default, so that the canonical CSV
    round-trips exactly). ``direction`` (``"zh-en"`` or ``"en-zh"``) orients the
    deepl and amazon exports. Returns ``dest``, so ``load(export(g, path))``
    round-trips. Nothing is written when the glossary cannot be exported.

    >>> import io, glossary
    >>> print(export(glossary.load(), io.StringIO(), format="deepl").getvalue().splitlines()[0])
    两会,Two Sessions
    """
    if format not in WRITABLE:
        raise ValueError(f"unknown export format {format!r}; choose from {', '.join(WRITABLE)}")
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    if safe and format not in CSV_FORMATS:
        raise ValueError(f"safe applies to the CSV formats ({', '.join(CSV_FORMATS)}), not {format}")
    name = os.fspath(dest) if isinstance(dest, (str, os.PathLike)) else None
    data = render(list(g), format=format, name=g.path if format != "amazon" else (name or g.path), safe=safe,
                  direction=direction)
    if isinstance(dest, (str, os.PathLike)):
        with atomic_writer(dest) as fh:
            if format == "xlsx":
                fh.flush()
                fh.buffer.write(data)  # the workbook's bytes, through the same atomic file
            else:
                fh.write(data.decode("utf-8"))
    elif isinstance(dest, io.TextIOBase):
        if format == "xlsx":
            raise ValueError("xlsx is a binary format: give a path or a binary file")
        dest.write(data.decode("utf-8"))
    else:
        dest.write(data)  # type: ignore[arg-type]
    return dest
