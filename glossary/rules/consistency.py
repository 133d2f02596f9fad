"""Rendering rules: variant, forbidden, inconsistent, untranslated."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from ..match import find_zh
from ..model import Match
from ..normalize import en_exact, en_key
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


def _nearest_accepted(m: Match) -> str:
    """The accepted form a spelling is closest to: the alias it only
    re-spells (Beidou → BeiDou), else the preferred rendering."""
    key = en_key(m.text)
    for form in m.term.aliases:
        if en_key(form) == key:
            return form
    return m.term.en


def check_renderings(doc: Doc) -> None:
    """variant and forbidden, for every English match."""
    for m in doc.en_matches:
        form = _effective_form(doc, m)
        if form == "forbidden":
            doc.add("forbidden", m.start, m.end, f"{m.text!r} is wrong for {m.term.zh}; use {m.term.en!r}",
                    expected=m.term.en, term=m.term)
        elif form in ("variant", "tolerant"):
            want = _nearest_accepted(m)
            what = "a variant" if form == "variant" else "not the house spelling"
            doc.add("variant", m.start, m.end, f"{m.text!r} is {what}; use {want!r}", expected=want, term=m.term)


_ACCEPTED = "\x00accepted"


def form_key(doc: Doc, m: Match) -> str | None:
    """The spelling an occurrence counts as for consistency, or None if it
    does not count (forbidden forms are errors of their own). The preferred
    form and the aliases are one accepted spelling: they never conflict."""
    form = _effective_form(doc, m)
    if form == "forbidden":
        return None
    if form in ("en", "alias"):
        return _ACCEPTED
    return en_exact(m.text)


def check_inconsistent(occurrences: Iterable[tuple[Doc, Match]]) -> None:
    """inconsistent: when one term is spelled two ways in a document, flag
    each occurrence that differs from the reference spelling: an accepted
    form if the document uses one, else the first spelling used."""
    by_term: dict[str, list[tuple[str, Doc, Match]]] = {}
    for doc, m in occurrences:
        key = form_key(doc, m)
        if key is not None:
            by_term.setdefault(m.term.id, []).append((key, doc, m))
    for occ in by_term.values():
        if len({key for key, _, _ in occ}) < 2:
            continue
        ref = next((o for o in occ if o[0] == _ACCEPTED), occ[0])
        line, _ = ref[1].lines.position(ref[2].start)
        where = f"line {line}" if ref[1].segment is None else f"segment {ref[1].segment}, line {line}"
        for key, doc, m in occ:
            if key != ref[0]:
                doc.add("inconsistent", m.start, m.end,
                        f"{m.text!r} here, but {ref[2].text!r} on {where}; use {m.term.en!r} throughout",
                        expected=m.term.en, term=m.term)


def check_untranslated(doc: Doc, *, allow_glosses: bool = True) -> None:
    """untranslated: Han characters outside a gloss."""
    spans = sorted(g.zh_span for g in doc.glosses) if allow_glosses else []
    starts = [a for a, _ in spans]
    for run in HAN_RUN.finditer(doc.masked):
        s, e = run.span()
        i = bisect_right(starts, s) - 1
        if i >= 0 and e <= spans[i][1]:
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
