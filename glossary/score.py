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

from collections import Counter
from collections.abc import Iterable, Sequence

from .index import Glossary, or_default
from .score_glossary import glossary_metric, glossary_of
from .score_model import METRICS, Document, DocumentScore, Metric, Score, TermDict, TermScore, TermSummary

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
    out: list[DocumentScore] = []
    referenced = False
    for index, doc in enumerate(documents):
        reference = doc.reference if reference_filter else None
        referenced = referenced or reference is not None
        if metric == "wmt25":  # a term dictionary is read as it is: no glossary is built from it
            terms = _wmt25(doc, reference, or_default(glossary) if doc.terms is None else None)
        else:
            g = or_default(glossary) if doc.terms is None else glossary_of(doc.terms)
            terms = glossary_metric(doc, reference, g)
        out.append(DocumentScore(index, tuple(terms), doc.path, doc.line))
    return Score(metric, tuple(out), referenced)


# ---------------------------------------------------------------- wmt25

def _wmt25(doc: Document, reference: str | None, g: Glossary | None) -> Iterable[TermScore]:
    src = doc.source.strip().lower()
    hyp = doc.hypothesis.strip().lower()
    ref = reference.strip().lower() if reference is not None else None
    # (the term's name, its Chinese forms, its allowed English)
    entries: Iterable[tuple[str, Sequence[str], Sequence[str]]]
    if doc.terms is not None:
        entries = ((zh.strip(), (zh,), forms) for zh, forms in doc.terms.items())
    else:  # a glossary: every Chinese form of a term, its accepted English
        assert g is not None  # a document without its own terms is scored against a glossary
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
