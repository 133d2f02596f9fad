"""The records of term scoring: the documents scored and the scores (see :mod:`glossary.score`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["METRICS", "Document", "DocumentScore", "Metric", "Score", "TermDict", "TermScore", "TermSummary"]

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
