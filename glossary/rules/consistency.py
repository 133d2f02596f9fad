"""Rendering rules: variant, forbidden, inconsistent, untranslated."""

from __future__ import annotations

from collections.abc import Iterable

from ..match import find_zh
from ..model import Match
from ..normalize import en_exact
from ._base import HAN_RUN, Doc

__all__ = ["check_renderings", "check_inconsistent", "check_untranslated", "form_key"]


def _sentence_case_ok(doc: Doc, m: Match) -> bool:
    """A capital that only starts a sentence is not a different spelling."""
    want = m.term.en
    return (
        bool(want)
        and want[0].islower()
        and m.text[:1].isupper()
        and en_exact(m.text[:1].lower() + m.text[1:]) == en_exact(want)
        and doc.is_sentence_start(m.start)
    )


def _effective_form(doc: Doc, m: Match) -> str:
    if m.form == "tolerant" and _sentence_case_ok(doc, m):
        return "en"
    return m.form


def check_renderings(doc: Doc) -> None:
    """variant and forbidden, for every English match."""
    for m in doc.en_matches:
        form = _effective_form(doc, m)
        if form == "forbidden":
            doc.add("forbidden", m.start, m.end, f"{m.text!r} is wrong for {m.term.zh}; use {m.term.en!r}",
                    expected=m.term.en, term=m.term)
        elif form in ("variant", "tolerant"):
            what = "a variant" if form == "variant" else "not the house spelling"
            doc.add("variant", m.start, m.end, f"{m.text!r} is {what}; use {m.term.en!r}",
                    expected=m.term.en, term=m.term)


def form_key(doc: Doc, m: Match) -> str | None:
    """The spelling an occurrence counts as for consistency, or None if it
    does not count (aliases, forbidden forms)."""
    form = _effective_form(doc, m)
    if form in ("alias", "forbidden"):
        return None
    if form == "en":
        return en_exact(m.term.en)
    return en_exact(m.text)


def check_inconsistent(occurrences: Iterable[tuple[Doc, Match]]) -> None:
    """inconsistent: flag each occurrence whose spelling differs from the
    first spelling the document used for the same term."""
    first: dict[str, tuple[str, Doc, Match]] = {}
    for doc, m in occurrences:
        key = form_key(doc, m)
        if key is None:
            continue
        seen = first.get(m.term.id)
        if seen is None:
            first[m.term.id] = (key, doc, m)
            continue
        if seen[0] != key:
            line, _ = seen[1].lines.position(seen[2].start)
            where = f"line {line}" if seen[1].segment is None else f"segment {seen[1].segment}, line {line}"
            doc.add("inconsistent", m.start, m.end,
                    f"{m.text!r} here, but {seen[2].text!r} on {where}; use {m.term.en!r} throughout",
                    expected=m.term.en, term=m.term)


def check_untranslated(doc: Doc, *, allow_glosses: bool = True) -> None:
    """untranslated: Han characters outside a gloss."""
    spans = [g.zh_span for g in doc.glosses] if allow_glosses else []
    for run in HAN_RUN.finditer(doc.masked):
        s, e = run.span()
        if any(a <= s and e <= b for a, b in spans):
            continue
        known = find_zh(doc.text[s:e], doc.glossary)
        if known:
            names = ", ".join(f"{m.text} → {m.term.en}" for m in known)
            msg = f"{run.group()!r} is untranslated (glossary: {names})"
            expected = known[0].term.en if len(known) == 1 and known[0].end - known[0].start == e - s else None
        else:
            msg = f"{run.group()!r} is untranslated"
            expected = None
        doc.add("untranslated", s, e, msg, expected=expected)
