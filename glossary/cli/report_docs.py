"""The texts of checked documents, for reports that show them (``check --format html``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import GlossaryError

__all__ = ["report_documents"]


def report_documents(docs: Iterable[Any]) -> dict[str, Any]:
    """Name → text (or :class:`~glossary.bilingual.Bilingual`) of each checked document.

    ``docs`` are the check command's documents (``kind``, ``path``, ``target``).
    Standard input, read once while checking, is left out (its findings are
    listed without their text), and so is a file that no longer reads (the
    check has reported it already).
    """
    from ..bilingual import read_aligned, read_bilingual, read_text

    out: dict[str, Any] = {}
    for doc in docs:
        try:
            if doc.kind == "text":
                out[doc.path] = read_text(doc.path)
            elif doc.kind == "pairs":
                out[doc.path] = read_bilingual(doc.path)
            elif doc.kind == "aligned":
                out[f"{doc.path} → {doc.target}"] = read_aligned(doc.path, doc.target)
        except (GlossaryError, OSError):
            continue
    return out
