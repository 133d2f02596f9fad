"""Write a glossary out in the formats other tools read.

Every export goes through :func:`export`, which writes atomically when given
a path (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from .table import atomic_writer, write_csv

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["FORMATS", "export"]


def _csv(g: "Glossary", out: TextIO, *, safe: bool = False) -> None:
    write_csv(g, out, safe=safe)


#: Export format name → writer(glossary, text file, *, safe).
FORMATS: dict[str, Callable[..., None]] = {
    "csv": _csv,
}


def export(
    g: "Glossary",
    dest: str | os.PathLike[str] | TextIO,
    *,
    format: str = "csv",
    safe: bool = False,
) -> str | os.PathLike[str] | TextIO:
    """Write ``g`` to ``dest`` (a path or a writable text file) in ``format``.

    ``safe=True`` guards spreadsheet cells against formula injection.
    Returns ``dest``, so ``load(export(g, path))`` round-trips.
    """
    try:
        writer = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose from {', '.join(FORMATS)}") from None
    if isinstance(dest, (str, os.PathLike)):
        with atomic_writer(dest) as fh:
            writer(g, fh, safe=safe)
    else:
        writer(g, dest, safe=safe)
    return dest
