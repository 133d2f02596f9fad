"""Checking a corpus of sentence pairs on Dask.

Findings depend only on the glossary and the segment, so a corpus of any
size can be checked with ``check_pair`` mapped over a ``dask.bag``. The
glossary travels to each worker once, as a single object in the task graph,
and its matching automata are built there on first use.

Dask is an optional dependency (``pip install 'dask[bag]'``); this module
imports it only when called.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from .check import check_pair, check_pairs
from .rules import DEFAULT_RULES
from .index import Glossary, or_default
from .model import Finding

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

__all__ = ["check_bag", "check_documents_bag"]


def _check_segments(
    partition: Iterable[tuple[int, str, str]], glossary: Glossary, rules: Collection[str]
) -> list[Finding]:
    out: list[Finding] = []
    for index, source, target in partition:
        for f in check_pair(source, target, glossary, rules=rules):
            out.append(dataclasses.replace(f, segment=index))
    return out


def _check_documents(
    partition: Iterable[tuple[Any, list[tuple[str, str]]]], glossary: Glossary, rules: Collection[str]
) -> list[tuple[Any, Finding]]:
    return [(key, f) for key, pairs in partition for f in check_pairs(pairs, glossary, rules=rules)]


def _map(bag: "dask.bag.Bag", check: Any, glossary: Glossary | None, rules: Collection[str]) -> "dask.bag.Bag":
    """Map ``check`` over the bag's partitions with the glossary as one delayed object."""
    import dask

    g = dask.delayed(or_default(glossary), traverse=False)
    return bag.map_partitions(check, g, frozenset(rules))


def check_bag(
    segments: "dask.bag.Bag", glossary: Glossary | None = None, *, rules: Collection[str] = DEFAULT_RULES
) -> "dask.bag.Bag":
    """A bag of findings for a bag of ``(index, source, target)`` segments.

    Each segment gets :func:`glossary.check_pair`'s rules, with ``segment``
    set to its index. ``glossary`` (the bundled one by default) enters the
    graph once, as a delayed object, and is unpickled once per worker.
    """
    return _map(segments, _check_segments, glossary, rules)


def check_documents_bag(
    documents: "dask.bag.Bag", glossary: Glossary | None = None, *, rules: Collection[str] = DEFAULT_RULES
) -> "dask.bag.Bag":
    """A bag of ``(key, finding)`` for a bag of ``(key, [(source, target), ...])``
    documents: :func:`glossary.check_pairs` per document, so the
    document-level ``inconsistent`` rule sees all of a document's segments."""
    return _map(documents, _check_documents, glossary, rules)
