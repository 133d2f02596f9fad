"""Markdown: a documentation page of the glossary (docs/glossary.md), one table row per term. Written only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..model import Term

__all__ = ["write"]


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write(g: Sequence[Term], out: TextIO, **_: object) -> None:
    """A Markdown page: one table row per term, sorted by English."""
    out.write("# Glossary\n\n")
    out.write("<!-- Generated from the term table; do not edit. Regenerate with:\n"
              "     glossary export --format markdown -o docs/glossary.md --force -->\n\n")
    out.write(f"{len(g)} terms. *Also accepted* forms pass silently; *not preferred* forms draw a warning; "
              "*wrong* forms are errors. See [the rules](rules.md).\n\n")
    out.write("| English | Chinese | Pinyin | Category | Also accepted | Not preferred | Wrong | Note |\n")
    out.write("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
    for t in sorted(g, key=lambda t: (t.en.casefold(), t.id)):
        chinese = " · ".join(_md(z) for z in t.zh_forms)
        cells = [
            f"**{_md(t.en)}**", chinese, _md(t.pinyin), _md(t.category),
            "; ".join(_md(a) for a in t.aliases), "; ".join(_md(v) for v in t.variants),
            "; ".join(_md(f) for f in t.forbidden), _md(t.note),
        ]
        out.write("| " + " | ".join(cells) + " |\n")
