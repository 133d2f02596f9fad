"""The ``glossary`` metric of :mod:`glossary.score`: the term success rate counted the way the checker matches."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .automata import automata_of
from .forms import plurals, singulars
from .index import Glossary
from .match import en_candidates, find_zh
from .model import Term
from .normalize import en_key, is_han, zh_key
from .score_model import Document, TermDict, TermScore

__all__ = ["glossary_metric", "glossary_of"]


def glossary_of(terms: TermDict) -> Glossary:
    """A Glossary for a term dictionary (zh → allowed English forms), built once per distinct dictionary.

    Each entry becomes a term whose first non-empty form is ``en`` and the
    others aliases; entries without any form are left out. A Chinese key
    without Han characters (SWIFT) is matched verbatim.
    """
    key = tuple((zh, tuple(forms)) for zh, forms in terms.items())
    return _glossary_of(key)


@lru_cache(maxsize=16)
def _glossary_of(items: tuple[tuple[str, tuple[str, ...]], ...]) -> Glossary:
    out: list[Term] = []
    for i, (zh, forms) in enumerate(items):
        zh = zh.strip()
        listed = [f for f in dict.fromkeys(f.strip() for f in forms) if f]
        if not zh or not listed:
            continue
        out.append(Term(id=f"t{i}", zh=zh, en=listed[0], aliases=tuple(listed[1:]),
                        verbatim=not any(is_han(c) for c in zh)))
    return Glossary(out)


def _nested(g: Glossary, term: Term, key: str) -> tuple[tuple[Term, int], ...]:
    """The shorter terms inside ``key`` (the folded Chinese form of ``term``
    that the source matched) with a rendering inside one of ``term``'s
    renderings, each with how often it occurs in ``key``. Cached per glossary."""
    cache: dict[tuple[str, str], tuple[tuple[Term, int], ...]] = g.cache.setdefault("score.nested", {})
    hit = cache.get((term.id, key))
    if hit is not None:
        return hit
    longer = [f" {_words(f)} " for f in term.accepted]
    inner: dict[str, tuple[Term, int]] = {}
    for i in range(len(key)):
        for j in range(i + 1, len(key) + 1):
            if (i, j) == (0, len(key)):
                continue
            other = g.lookup(key[i:j])
            if other is None or other.id == term.id:
                continue
            if other.id not in inner and not any(f" {_words(f)} " in lf for f in other.accepted for lf in longer):
                continue
            n = key.count(key[i:j])
            if other.id not in inner or inner[other.id][1] < n:
                inner[other.id] = (other, n)
    out = tuple(inner.values())
    cache[(term.id, key)] = out
    return out


_NON_WORD = re.compile(r"[\W_]+")


def _words(form: str) -> str:
    """An English form folded for containment tests: case folded, words separated by single spaces."""
    return _NON_WORD.sub(" ", form.casefold()).strip()


Span = tuple[int, int]


def _en_counts(
    text: str, g: Glossary, nests: Iterable[tuple[str, str]] = (), *, with_renderings: bool = True
) -> tuple[Counter[str], dict[str, Counter[str]], Counter[tuple[str, str]]]:
    """Per term id: accepted renderings in ``text``, and every listed rendering by folded surface;
    and for each (longer, shorter) term pair of ``nests``, how many accepted renderings of the shorter
    term lie inside renderings of the longer one.

    A rendering is the listed form it spells (:func:`_listed_form`). A string counts for every term that lists
    it, overlapping candidates of different terms included (the checker's count-mismatch rule does the same),
    so the rendering of a nested term inside a longer one counts for both. For one term, each stretch of text
    counts once: a span found twice (a row and the series member it is) or inside a longer span of the same
    term (the alias Tiangong inside Tiangong space station) is one rendering. A candidate that ends inside a
    word (Long March 5 in "Long March 5B", which the checker reads as holding both) does not count.
    ``with_renderings=False`` leaves the renderings empty (a reference needs only the accepted counts).
    """
    automata = automata_of(g)
    lowered = not any(c.isupper() for c in text)
    n_text = len(text)
    # term id → span → (term, kind)
    spans: dict[str, dict[Span, tuple[Term, str]]] = {}
    for s, e, found in en_candidates(text, g):
        if e < n_text and text[e].isalpha() and text[e] < "\u2e80":
            continue
        if len(found) == 1 or all(t.id == found[0][0].id for t, _f in found):
            groups: Iterable[tuple[str, tuple[tuple[Term, str], ...]]] = ((found[0][0].id, found),)
        else:
            per_term: dict[str, list[tuple[Term, str]]] = {}
            for term, form in found:
                per_term.setdefault(term.id, []).append((term, form))
            groups = ((tid, tuple(entries)) for tid, entries in per_term.items())
        for tid, entries in groups:
            seen = spans.get(tid)
            if seen is None:
                seen = spans[tid] = {}
            elif (s, e) in seen:
                continue
            kind = automata.pick_en(text[s:e], entries)[1]
            if kind == "implausible" and not lowered:
                continue
            seen[(s, e)] = (entries[0][0], kind)
    accepted: Counter[str] = Counter()
    renderings: dict[str, Counter[str]] = {}
    kept: dict[str, list[Span]] = {}  # per term id, its spans by start, none inside another
    for tid, by_span in spans.items():
        mine: list[Span] = []
        kept[tid] = mine
        forms: Counter[str] | None = Counter() if with_renderings else None
        last_end = -1
        for s, e in sorted(by_span, key=lambda se: (se[0], -se[1])) if len(by_span) > 1 else by_span:
            if e <= last_end:
                continue  # inside a longer span of the same term
            last_end = e
            mine.append((s, e))
            term, kind = by_span[(s, e)]
            if forms is not None:
                forms[_listed_form(g, term, text[s:e])] += 1
            if kind != "forbidden":
                accepted[tid] += 1
        if forms:
            renderings[tid] = forms
    inside: Counter[tuple[str, str]] = Counter()
    for outer, inner in nests:
        if outer not in kept or inner not in kept:
            continue
        outer_spans = kept[outer]
        starts = [s for s, _e in outer_spans]
        for s, e in kept[inner]:
            if spans[inner][(s, e)][1] == "forbidden":
                continue
            # the ends of one term's kept spans rise with their starts: the last span starting by s reaches furthest
            k = bisect_right(starts, s) - 1
            if k >= 0 and e <= outer_spans[k][1]:
                inside[(outer, inner)] += 1
    return accepted, renderings, inside


def _listed_form(g: Glossary, term: Term, surface: str) -> str:
    """The listed form (accepted, variant or forbidden) that ``surface`` spells,
    inflection, case and separators aside; the surface itself when none does
    (a series member)."""
    forms: dict[str, dict[str, str]] = g.cache.setdefault("score.forms", {})
    keys = forms.get(term.id)
    if keys is None:
        keys = {}
        for form in (*term.accepted, *term.variants, *term.forbidden):
            for spelling in (form, *plurals(form), *singulars(form)):
                keys.setdefault(en_key(spelling), form)
        forms[term.id] = keys
    return keys.get(en_key(surface), surface)


def glossary_metric(doc: Document, reference: str | None, g: Glossary) -> Iterable[TermScore]:
    """The scored terms of one document under the ``glossary`` metric (rules in :mod:`glossary.score`)."""
    # Terms by id as the source names them: table rows, and series members the table has no row for.
    terms: dict[str, Term] = {}
    expected: Counter[str] = Counter()
    nests: Counter[tuple[str, str]] = Counter()  # (longer, shorter): occurrences of the shorter in the source's longer
    for m in find_zh(doc.source, g):
        terms.setdefault(m.term.id, m.term)
        expected[m.term.id] += 1
        for shorter, n in _nested(g, m.term, zh_key(m.text)):
            nests[(m.term.id, shorter.id)] += n
            terms.setdefault(shorter.id, shorter)
    if not terms:
        return
    found, renderings, inside = _en_counts(doc.hypothesis, g, nests)
    # A nested term is expected where the translation shows it inside the longer term's rendering.
    for (outer, inner), n in nests.items():
        expected[inner] += min(n, inside[(outer, inner)])
    in_ref = _en_counts(reference, g, with_renderings=False)[0] if reference is not None else None
    order = _order(g)
    for term in sorted(terms.values(), key=lambda t: order.get(t.id, len(order))):
        n = expected[term.id]
        if not n or (in_ref is not None and not in_ref.get(term.id)):
            continue
        have = found.get(term.id, 0)
        yield TermScore(term.zh, term.accepted, n, have, min(1.0, have / n),
                        tuple(renderings.get(term.id, Counter()).most_common()))


def _order(g: Glossary) -> dict[str, int]:
    """Term id → its place in the glossary (series members without a row of their own come after, in source order)."""
    order: dict[str, int] | None = g.cache.get("score.order")
    if order is None:
        order = {t.id: i for i, t in enumerate(g)}
        g.cache["score.order"] = order
    return order
