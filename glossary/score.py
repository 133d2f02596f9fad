"""Term success rates of machine translation: the WMT25 metric and the checker's.

:func:`score` takes documents (a source, a hypothesis, optionally a
reference and a term dictionary) and returns a :class:`Score`: the corpus
rate, a consistency figure, and per document and per term the counts behind
them. Two metrics (docs/score.md):

``wmt25``
    The WMT25 terminology track-2 "term success rate", rule for rule. Every
    text and term is stripped and lowercased; for each document and each term
    whose Chinese is a substring of the source (and, when a reference is
    given, one of whose English forms is a substring of the reference), the
    term scores min(1, substring occurrences of its forms in the hypothesis ÷
    substring occurrences of its Chinese in the source). The corpus rate is
    the mean over all those (document, term) pairs.

``glossary`` (the default)
    The same ratio, counted the way the checker matches
    (:func:`glossary.match.find_zh` on the source,
    :func:`glossary.match.en_candidates` on the hypothesis): CJK boundaries and
    homographs, Traditional folded to Simplified, English on word boundaries
    with inflection, case and separator tolerance. Matches in the source are
    leftmost-longest, series members included (嫦娥五号 is Chang'e-5); a term
    inside the Chinese form of a longer term that the source holds counts
    there too, once for each rendering of the longer term in the hypothesis
    that shows it (at most once per occurrence in the source). In the
    hypothesis, one stretch of text is one rendering of a term, and a
    candidate ending inside a word (Long March 5 in "Long March 5B") is none.

Consistency (both metrics): for each (document, term) pair whose hypothesis
holds two or more renderings of the term, the share of them that are its most
frequent rendering; the system's figure is the mean over those pairs.
Renderings are the allowed forms (lowercased) for ``wmt25``; for
``glossary``, every listed form, variants and forbidden ones included, with
inflection, case and separators folded into the form they spell.

>>> doc = Document(source="金管局與金管局", hypothesis="The HKMA and the Authority.",
...                terms={"金管局": ["HKMA", "Hong Kong Monetary Authority"]})
>>> score([doc], metric="wmt25").rate
0.5
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .automata import automata_of
from .index import Glossary, or_default
from .forms import plurals, singulars
from .match import en_candidates, find_zh
from .model import Term
from .normalize import en_key, is_han, zh_key

__all__ = [
    "METRICS",
    "Document",
    "DocumentScore",
    "Metric",
    "Score",
    "TermScore",
    "TermSummary",
    "TermDict",
    "glossary_of",
    "score",
]

Metric = Literal["glossary", "wmt25"]
#: The metrics, the default first.
METRICS: tuple[str, ...] = ("glossary", "wmt25")
#: A per-document term dictionary as WMT data carries it: zh → allowed English forms.
TermDict = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class Document:
    """One document to score: its source, a system's hypothesis, optionally
    the reference and the term dictionary that applies to it.

    ``path`` and ``line`` say where the hypothesis came from (1-based line;
    0 when built in code), for reports.
    """

    source: str
    hypothesis: str
    reference: str | None = None
    terms: TermDict | None = None
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class TermScore:
    """One term in one document.

    ``expected`` is its count in the source, ``found`` the count of its
    accepted English in the hypothesis, ``score`` min(1, found ÷ expected).
    ``renderings`` are the renderings of the term found in the hypothesis with
    their counts (the basis of consistency), most frequent first.
    """

    zh: str
    forms: tuple[str, ...]
    expected: int
    found: int
    score: float
    renderings: tuple[tuple[str, int], ...] = ()

    @property
    def consistency(self) -> float | None:
        """The share of renderings that are the most frequent one; None below two renderings."""
        total = sum(n for _r, n in self.renderings)
        return self.renderings[0][1] / total if total >= 2 else None


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """One document: its scored terms (in glossary or dictionary order) and their mean."""

    index: int
    terms: tuple[TermScore, ...]
    path: str = ""
    line: int = 0

    @property
    def rate(self) -> float | None:
        """The mean term score of this document; None when no term applies."""
        return sum(t.score for t in self.terms) / len(self.terms) if self.terms else None


@dataclass(frozen=True, slots=True)
class TermSummary:
    """One term over all documents: the documents it applies to, the summed
    counts, its mean score and the number of documents where it scored below 1."""

    zh: str
    forms: tuple[str, ...]
    documents: int
    expected: int
    found: int
    rate: float
    missed: int


@dataclass(frozen=True, slots=True)
class Score:
    """The result of :func:`score`: the metric, the documents, and the corpus figures."""

    metric: str
    documents: tuple[DocumentScore, ...]
    referenced: bool = False

    @property
    def pairs(self) -> tuple[TermScore, ...]:
        """Every scored (document, term) pair, document by document."""
        return tuple(t for d in self.documents for t in d.terms)

    @property
    def rate(self) -> float | None:
        """The corpus rate: the mean score over all (document, term) pairs (None when there are none)."""
        pairs = self.pairs
        return math.fsum(t.score for t in pairs) / len(pairs) if pairs else None

    @property
    def consistency(self) -> float | None:
        """The mean consistency over the pairs with two or more renderings (None when there are none)."""
        values = [c for t in self.pairs if (c := t.consistency) is not None]
        return math.fsum(values) / len(values) if values else None

    def by_term(self) -> tuple[TermSummary, ...]:
        """Per term over all documents, the most often missed first, then by Chinese."""
        groups: dict[str, list[TermScore]] = {}
        for t in self.pairs:
            groups.setdefault(t.zh, []).append(t)
        out = [
            TermSummary(zh, ts[0].forms, len(ts), sum(t.expected for t in ts), sum(t.found for t in ts),
                        math.fsum(t.score for t in ts) / len(ts), sum(1 for t in ts if t.score < 1))
            for zh, ts in groups.items()
        ]
        out.sort(key=lambda s: (-s.missed, s.rate, -s.expected, s.zh))
        return tuple(out)


def score(
    documents: Iterable[Document],
    glossary: Glossary | None = None,
    *,
    metric: str = "glossary",
    reference_filter: bool = True,
) -> Score:
    """Score hypotheses against their terms; see the module docstring for the metrics.

    A document's terms are its own ``terms`` dictionary when it has one, else
    ``glossary`` (default: the bundled table). With ``reference_filter``
    (the default), a document that has a reference scores only the terms
    with some accepted English in that reference.

    >>> docs = [Document("金管局", "the hkma", terms={"金管局": ["HKMA"]}),
    ...         Document("金管局，金管局", "HKMA", terms={"金管局": ["HKMA"]})]
    >>> s = score(docs, metric="wmt25")
    >>> [d.rate for d in s.documents], s.rate
    ([1.0, 0.5], 0.75)
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r} (choose from {', '.join(METRICS)})")
    scorer = _wmt25 if metric == "wmt25" else _glossary
    out: list[DocumentScore] = []
    referenced = False
    for index, doc in enumerate(documents):
        reference = doc.reference if reference_filter else None
        referenced = referenced or reference is not None
        g = glossary_of(doc.terms) if doc.terms is not None else or_default(glossary)
        out.append(DocumentScore(index, tuple(scorer(doc, reference, g)), doc.path, doc.line))
    return Score(metric, tuple(out), referenced)


# ---------------------------------------------------------------- wmt25

def _wmt25(doc: Document, reference: str | None, g: Glossary) -> Iterable[TermScore]:
    src = doc.source.strip().lower()
    hyp = doc.hypothesis.strip().lower()
    ref = reference.strip().lower() if reference is not None else None
    # (the term's name, its Chinese forms, its allowed English)
    entries: Iterable[tuple[str, Sequence[str], Sequence[str]]]
    if doc.terms is not None:
        entries = ((zh.strip(), (zh,), forms) for zh, forms in doc.terms.items())
    else:  # a glossary: every Chinese form of a term, its accepted English
        entries = ((t.zh, tuple(dict.fromkeys(t.zh_forms)), t.accepted) for t in g)
    for name, zh_forms, forms in entries:
        zhs = [z for z in (z.strip().lower() for z in zh_forms) if z]
        if not any(z in src for z in zhs):
            continue
        # The organisers' filter compares the forms unstripped; their count strips them.
        if ref is not None and not any(f.lower() in ref for f in forms):
            continue
        stripped = [f.strip().lower() for f in forms]
        expected = sum(src.count(z) for z in zhs)
        found = sum(hyp.count(f) for f in stripped)  # equal forms count twice, as theirs do
        per_form = Counter({f: hyp.count(f) for f in dict.fromkeys(stripped) if f})
        renderings = tuple((f, n) for f, n in per_form.most_common() if n)
        yield TermScore(name, tuple(forms), expected, found, min(1.0, found / expected), renderings)


# ------------------------------------------------------------- glossary

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


def _glossary(doc: Document, reference: str | None, g: Glossary) -> Iterable[TermScore]:
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
