"""The parts of a compiled-cache file and the lazy views read from them.

A cache file (:mod:`glossary.compiled`) is a header and parts, each pickled
on its own and read on first need by an unpickler that can build the
table's records and nothing else. The views here stand for what a
:class:`~glossary.index.Glossary` and its automata would have built, without
building it per key: terms from their stored columns, maps of key → term
number, the Chinese keys through their automaton.
"""

from __future__ import annotations

import io
import pickle
import threading
import zlib
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from .automata import gc_paused
from .automata_values import Indexed
from .model import Term, column_of, term_from_columns, terms_from_columns
from .sortedmap import SortedMap

__all__ = ["ALLOWED", "LazyTerms", "RowsById", "TermMap", "Unpickler", "ZhKeys", "numbers", "numbers_packed",
           "pickler", "read_part", "unpickler"]


class LazyTerms:
    """The terms of a cache file, each built from its stored columns on first need (a scan builds the few
    it finds); :meth:`all` builds the rest at once, keeping the ones already built (the same objects)."""

    def __init__(self, columns: list[list[Any]], ids: tuple[memoryview, int] | None = None) -> None:
        self.columns = columns
        self._ids = ids  # the saved id → number map (a part of the cache file), read on first need
        self.n = len(columns[0]) if columns else 0
        if any(len(c) != self.n for c in columns):
            raise ValueError("columns of unequal length")
        self._built: dict[int, Term] = {}
        self._all: tuple[Term, ...] | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> Term:
        if self._all is not None:
            return self._all[i]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("term index out of range")
        term = self._built.get(i)
        if term is None:
            with self._lock:  # one object per term, whichever thread builds it
                if self._all is not None:
                    return self._all[i]
                term = self._built.get(i)
                if term is None:
                    term = self._built[i] = term_from_columns(self.columns, i)
        return term

    def __iter__(self) -> Iterator[Term]:
        return iter(self.all())

    @cached_property
    def id_index(self) -> Mapping[str, int]:
        """Term id → its number (the ids of a saved glossary are unique): the saved map, else built."""
        saved = read_part({"ids": self._ids} if self._ids else {}, "ids", (), None)
        if isinstance(saved, SortedMap) and len(saved) == self.n and in_range(saved, self.n):
            return saved
        return {term_id: i for i, term_id in enumerate(column_of(self.columns, "id"))}

    def all(self) -> tuple[Term, ...]:
        if self._all is not None:
            return self._all
        with self._lock:
            if self._all is not None:
                return self._all
            terms = terms_from_columns(self.columns)
            if self._built:
                listed = list(terms)
                for i, term in self._built.items():
                    listed[i] = term
                terms = tuple(listed)
            self._all, self._built = terms, {}
        return self._all


def in_range(numbers: Mapping[str, int], n: int) -> bool:
    """Is ``numbers`` a map (a dict or a SortedMap) whose values all number one of ``n`` terms?"""
    if isinstance(numbers, SortedMap):
        values: Any = numbers.sorted_values
    elif isinstance(numbers, dict):
        values = numbers.values()
    else:
        return False
    return not values or (min(values) >= 0 and max(values) < n)


class TermMap(Mapping[str, Term]):
    """A key → term dict of the cache file (``zh_keys``, the lookups) as key → term number: the term is built when read."""

    def __init__(self, terms: Indexed, numbers: Mapping[str, int]) -> None:
        if not in_range(numbers, len(terms)):
            raise ValueError("term numbers out of range")
        self.terms, self.numbers = terms, numbers

    def __getitem__(self, key: str) -> Term:
        return self.terms[self.numbers[key]]

    def get(self, key: str, default: Any = None) -> Any:
        i = self.numbers.get(key)
        return default if i is None else self.terms[i]

    def __contains__(self, key: object) -> bool:
        return key in self.numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)


class ZhKeys(Mapping[str, Term]):
    """:attr:`Automata.zh_keys` of a cache file: each key's term through the automaton that holds the keys."""

    def __init__(self, automaton: Any, values: Mapping[int, tuple[int, Term]]) -> None:
        self.automaton, self._values = automaton, values

    def __getitem__(self, key: str) -> Term:
        k = self.automaton.get(key, None) if isinstance(key, str) else None
        if k is None:
            raise KeyError(key)
        return self._values[k][1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.automaton.keys())

    def __len__(self) -> int:
        return len(self.automaton)


class RowsById:
    """:attr:`Automata._rows` of a saved glossary: term id → [its row], the row built when asked for."""

    def __init__(self, terms: LazyTerms) -> None:
        self.terms = terms

    def get(self, term_id: str, default: Any = None) -> Any:
        i = self.terms.id_index.get(term_id)
        return default if i is None else [self.terms[i]]


def read_part(blobs: dict[str, tuple[memoryview, int]], part: str, terms: Indexed,
               allowed: Any) -> Any:
    """One part of a cache file, unpickled on first need (and dropped from ``blobs``);
    None when it is missing, fails its CRC, or does not hold just the ``allowed`` names
    (``allowed`` None: a packed :func:`numbers` map, returned as its SortedMap)."""
    blob = blobs.pop(part, None)
    if blob is None:
        return None
    data, crc = blob
    try:
        if zlib.crc32(data) != crc:
            return None
        with gc_paused():
            values = unpickler(data, terms).load()
        if allowed is None:
            return numbers(values)
    except Exception:  # damaged: built from the terms instead, never trusted
        return None
    return values if isinstance(values, dict) and set(values) == set(allowed) else None


def numbers_packed(table: dict[str, int]) -> Any:
    """A key → term number map as saved: packed for a :class:`SortedMap` (read without building a dict)."""
    packed = SortedMap.from_dict(table, "I").pack("I")
    return ("sorted", *packed) if packed is not None else table


def numbers(saved: Any) -> Mapping[str, int]:
    """The map of :func:`numbers_packed`; ValueError for anything else."""
    if isinstance(saved, dict):
        return saved
    if isinstance(saved, tuple) and len(saved) == 4 and saved[0] == "sorted" and saved[1] == "I":
        return SortedMap.unpack(saved[1:])
    raise ValueError("not a saved map")

def pickler(out: io.BytesIO, terms: tuple[Term, ...]) -> pickle.Pickler:
    index = {id(t): i for i, t in enumerate(terms)}
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: index.get(id(obj)) if type(obj) is Term else None  # type: ignore[method-assign]
    return pickler


#: The only classes a cache file may name: it can build these records and nothing else (no code runs from it).
ALLOWED = {("ahocorasick", "Automaton"), ("glossary.forms", "Series")}


class Unpickler(pickle.Unpickler):
    """An unpickler that refuses every global but :data:`ALLOWED` (the Python docs' "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache file")
        return super().find_class(module, name)


def unpickler(data: memoryview | bytes, terms: Indexed = ()) -> Unpickler:
    unpickler = Unpickler(io.BytesIO(data))
    if terms:
        unpickler.persistent_load = terms.__getitem__  # type: ignore[assignment]
    return unpickler
