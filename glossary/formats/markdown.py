"""Markdown: a documentation page of the glossary (docs/glossary.md). Written only.

The page itself (a coverage table, then a section per category) is
:func:`glossary.table_doc.render_markdown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..model import Term
from ..table_doc import render_markdown

__all__ = ["write"]


def write(g: Sequence[Term], out: TextIO, **_: object) -> None:
    """A Markdown page: a coverage table, then one table per category."""
    out.write(render_markdown(g))
