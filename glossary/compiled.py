"""The compiled cache: a validated table and its matching automata, saved once and reused.

:func:`load` reads a table file through the cache. The key is the SHA-256 of
the file's bytes (with the format and ``group`` asked for) plus the library
version, so an edited file or a new release is a miss. The cache lives in
the user's cache folder (``platformdirs.user_cache_dir("zhen-glossary")``,
or ``$GLOSSARY_CACHE_DIR``). A cache file that cannot be read, is for
another key or version, or is damaged is rebuilt, never trusted and never a
crash; a cache folder that cannot be written is no error either (the table
is then simply loaded). A cache file is written to a temporary file and
renamed into place, so two processes filling it at once both succeed.

The cache is pickled, and read back by an unpickler that can build the
table's records and the automata and nothing else (no code runs from a cache file).
This module sits above the matching layers (it saves their automata);
:mod:`glossary.index` knows nothing of it.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
import threading
import zlib
from functools import cached_property
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ._cachedir import cache_dir
from .automata import Automata, automata_of, gc_paused
from .automata_values import Indexed, pack, unpack
from .index import Glossary
from .model import Term, column_of, term_columns, term_from_columns, terms_from_columns
from .sortedmap import SortedMap

__all__ = ["cache_dir", "cache_file", "load"]

#: The automata's structures saved with the table, in two parts read on first need (English, Chinese);
#: the jieba tokenizer and the memos are rebuilt when needed.
_PARTS: dict[str, tuple[str, ...]] = {
    "en": ("series", "en", "en_series", "_en_values"),
    "zh": ("verbatim", "zh", "zh_series", "has_models", "shortest_key", "zh_run_chars", "_zh_values"),
}
#: Plain attributes of the automata, built with another one (not cached properties): saved, never built alone.
_PLAIN = frozenset({"en_series", "_en_values", "_zh_values"})
#: The glossary's own lookups, saved too (a part read on the first lookup).
#: Each is a part of its own, as key → term number (read through :class:`_TermMap`): ``lookup`` reads one.
_LOOKUPS: dict[str, tuple[str, ...]] = {"by_zh": ("_by_zh",), "by_en": ("_by_en",), "by_en_key": ("_by_en_key",)}
#: Saved as key → term number rather than key → term, so that reading them builds no term.
_NUMBERED = ("_by_zh", "_by_en", "_by_en_key")
_MAGIC = "glossary-compiled-11"



class _LazyTerms:
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
        saved = _read_part({"ids": self._ids} if self._ids else {}, "ids", (), None)
        if isinstance(saved, SortedMap) and len(saved) == self.n and _in_range(saved, self.n):
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


def _in_range(numbers: Mapping[str, int], n: int) -> bool:
    """Is ``numbers`` a map (a dict or a SortedMap) whose values all number one of ``n`` terms?"""
    if isinstance(numbers, SortedMap):
        values: Any = numbers.sorted_values
    elif isinstance(numbers, dict):
        values = numbers.values()
    else:
        return False
    return not values or (min(values) >= 0 and max(values) < n)


class _TermMap(Mapping[str, Term]):
    """A key → term dict of the cache file (``zh_keys``, the lookups) as key → term number: the term is built when read."""

    def __init__(self, terms: Indexed, numbers: Mapping[str, int]) -> None:
        if not _in_range(numbers, len(terms)):
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


class _ZhKeys(Mapping[str, Term]):
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


class _RowsById:
    """:attr:`Automata._rows` of a saved glossary: term id → [its row], the row built when asked for."""

    def __init__(self, terms: _LazyTerms) -> None:
        self.terms = terms

    def get(self, term_id: str, default: Any = None) -> Any:
        i = self.terms.id_index.get(term_id)
        return default if i is None else [self.terms[i]]


def _read_part(blobs: dict[str, tuple[memoryview, int]], part: str, terms: Indexed,
               allowed: Any) -> Any:
    """One part of a cache file, unpickled on first need (and dropped from ``blobs``);
    None when it is missing, fails its CRC, or does not hold just the ``allowed`` names
    (``allowed`` None: a packed :func:`_numbers` map, returned as its SortedMap)."""
    blob = blobs.pop(part, None)
    if blob is None:
        return None
    data, crc = blob
    try:
        if zlib.crc32(data) != crc:
            return None
        with gc_paused():
            values = _unpickler(data, terms).load()
        if allowed is None:
            return _numbers(values)
    except Exception:  # damaged: built from the terms instead, never trusted
        return None
    return values if isinstance(values, dict) and set(values) <= set(allowed) else None


def _numbers_packed(table: dict[str, int]) -> Any:
    """A key → term number map as saved: packed for a :class:`SortedMap` (read without building a dict)."""
    packed = SortedMap.from_dict(table, "I").pack("I")
    return ("sorted", *packed) if packed is not None else table


def _numbers(saved: Any) -> Mapping[str, int]:
    """The map of :func:`_numbers_packed`; ValueError for anything else."""
    if isinstance(saved, dict):
        return saved
    if isinstance(saved, tuple) and len(saved) == 4 and saved[0] == "sorted" and saved[1] == "I":
        return SortedMap.unpack(saved[1:])
    raise ValueError("not a saved map")

class _Saved(Automata):
    """Automata whose structures come from the cache file, each part unpickled on its first use;
    their terms are built on first need too (a scan builds the few it finds)."""

    def __init__(self, terms: _LazyTerms, blobs: dict[str, tuple[memoryview, int]]) -> None:
        # Automata.__init__ without its tuple(terms): ``terms`` is built when something reads it all.
        self.en_series = {}
        self._en_values = {}
        self._zh_values = {}
        self._lazy = terms
        self._blobs = blobs

    @cached_property
    def terms(self) -> tuple[Term, ...]:  # type: ignore[override]
        return self._lazy.all()

    @cached_property
    def _rows(self) -> dict[str, list[Term]]:
        # Term id → its rows, from the id column (one row per id in a saved glossary): builds no term.
        return _RowsById(self._lazy)  # type: ignore[return-value]

    @cached_property
    def zh_keys(self) -> Mapping[str, Term]:  # type: ignore[override]
        # Folded Chinese form → term, read from the saved Chinese automaton and its values: nothing built per
        # key. Without a sound saved part, built from the terms (and the automaton from them).
        self._restore("zh")
        if "zh" in self.__dict__:
            return _ZhKeys(self.__dict__["zh"], self._zh_values)
        return Automata.zh_keys.func(self)  # type: ignore[attr-defined, no-any-return]

    def _restore(self, part: str) -> None:
        values = _read_part(self._blobs, part, self._lazy, _PARTS[part])
        if values is None:
            return
        try:
            for attr in ("_en_values", "_zh_values"):
                if attr in values:
                    values[attr] = unpack(values[attr], self._lazy)
        except Exception:  # damaged: built from the terms instead, never trusted
            return
        self.__dict__.update(values)


class _SavedGlossary(Glossary):
    """A Glossary whose lookups come from the cache file, unpickled on the first lookup, and whose terms are
    built on first need (a cache file holds a glossary already validated: its ids are unique)."""

    def __init__(self, terms: _LazyTerms, blobs: dict[str, tuple[memoryview, int]], *,
                 path: str | None = None) -> None:
        # Glossary.__init__ without its pass over every term.
        self._lazy = terms
        self._blobs = blobs
        self.path = path

    @cached_property
    def _terms(self) -> tuple[Term, ...]:  # type: ignore[override]
        return self._lazy.all()

    @cached_property
    def _by_id(self) -> dict[str, Term]:  # type: ignore[override]
        return dict(zip(column_of(self._lazy.columns, "id"), self._terms))

    @cached_property
    def _series_rows(self) -> bool:
        return any(column_of(self._lazy.columns, "series"))

    def __len__(self) -> int:
        return len(self._lazy)

    def __getitem__(self, term_id: str) -> Term:
        return self._lazy[self._lazy.id_index[term_id]]

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._lazy.id_index

    def _restore(self, part: str) -> None:
        values = _read_part(self._blobs, part, self._lazy, _LOOKUPS[part])
        if values is None:
            return
        try:
            self.__dict__.update({attr: _TermMap(self._lazy, _numbers(packed)) for attr, packed in values.items()})
        except Exception:  # damaged: built from the terms instead, never trusted
            return


def _lazy(attr: str, part: str, base: type = Automata) -> cached_property[Any]:
    built = getattr(base, attr)

    def get(self: Any) -> Any:
        self._restore(part)
        if attr in self.__dict__:
            return self.__dict__[attr]
        return built.func(self)

    get.__name__ = attr
    return cached_property(get)


for _part, _attrs in _PARTS.items():
    for _attr in _attrs:
        if _attr not in _PLAIN:
            setattr(_Saved, _attr, _lazy(_attr, _part))
            getattr(_Saved, _attr).__set_name__(_Saved, _attr)
for _part, _attrs in _LOOKUPS.items():
    for _attr in _attrs:
        setattr(_SavedGlossary, _attr, _lazy(_attr, _part, Glossary))
        getattr(_SavedGlossary, _attr).__set_name__(_SavedGlossary, _attr)


def _pickler(out: io.BytesIO, terms: tuple[Term, ...]) -> pickle.Pickler:
    index = {id(t): i for i, t in enumerate(terms)}
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: index.get(id(obj)) if type(obj) is Term else None  # type: ignore[method-assign]
    return pickler


#: The only classes a cache file may name: it can build these records and nothing else (no code runs from it).
_ALLOWED = {("ahocorasick", "Automaton"), ("glossary.forms", "Series")}


class _Unpickler(pickle.Unpickler):
    """An unpickler that refuses every global but :data:`_ALLOWED` (the Python docs' "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache file")
        return super().find_class(module, name)


def _unpickler(data: memoryview | bytes, terms: Indexed = ()) -> _Unpickler:
    unpickler = _Unpickler(io.BytesIO(data))
    if terms:
        unpickler.persistent_load = terms.__getitem__  # type: ignore[assignment]
    return unpickler


def _key(data: bytes, format: str | None, group: bool) -> str:
    from . import __version__

    digest = hashlib.sha256(data)
    digest.update(f"\0{format or ''}\0{group}\0{__version__}".encode())
    return digest.hexdigest()


def cache_file(key: str) -> Path:
    """Where the compiled table of a key is kept."""
    return cache_dir() / f"{key[:40]}.pickle"


def _read(path: Path, key: str, name: str) -> Glossary | None:
    try:
        data = memoryview(path.read_bytes())
        stream = io.BytesIO(data)
        header = _Unpickler(stream).load()
        if not (isinstance(header, dict) and header.get("magic") == _MAGIC and header.get("key") == key):
            return None
        at = stream.tell()
        parts: dict[str, tuple[memoryview, int]] = {}
        for part, size, crc in header["parts"]:
            parts[part] = (data[at:at + size], crc)
            at += size
        blob, crc = parts.pop("terms")
        if zlib.crc32(blob) != crc:
            return None
        with gc_paused():
            columns = _unpickler(blob).load()
        if not (isinstance(columns, list) and all(isinstance(c, list) for c in columns)):
            return None
        terms_from_columns([c[:1] for c in columns])  # the columns of this version of Term, or ValueError
        terms = _LazyTerms(columns, parts.pop("ids", None))
        g = _SavedGlossary(terms, {p: parts.pop(p) for p in _LOOKUPS if p in parts}, path=name)
        g.cache["automata"] = _Saved(terms, parts)
        return g
    except Exception:  # a damaged, truncated or foreign file: rebuilt, never trusted
        return None


def _write(path: Path, key: str, g: Glossary) -> None:
    automata = automata_of(g)
    columns = term_columns(g.terms)
    blobs = [("terms", pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL)),
             ("ids", pickle.dumps(_numbers_packed({t: i for i, t in enumerate(column_of(columns, "id"))})))]
    number = {id(t): i for i, t in enumerate(g.terms)}
    for part, attrs in (*_PARTS.items(), *_LOOKUPS.items()):
        owner = g if part in _LOOKUPS else automata
        values = {a: getattr(owner, a) for a in attrs}  # built now: the structures worth saving
        for attr in ("_en_values", "_zh_values"):
            if attr in values:
                values[attr] = pack(values[attr])
        for attr in _NUMBERED:
            if attr in values:  # key → term number: no term is built when the cache is read
                values[attr] = _numbers_packed({k: number[id(t)] for k, t in values[attr].items()})
        out = io.BytesIO()
        _pickler(out, g.terms).dump(values)
        blobs.append((part, out.getvalue()))
    header = pickle.dumps({"magic": _MAGIC, "key": key,
                           "parts": [(part, len(b), zlib.crc32(b)) for part, b in blobs]})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return  # no cache folder: the table is loaded all the same
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            for _, blob in blobs:
                fh.write(blob)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def load(source: str | os.PathLike[str], *, format: str | None = None, group: bool = False,
         cache: bool = True) -> Glossary:
    """The glossary of a table file, through the compiled cache (``cache=False``: straight from the file).

    Raises :class:`~glossary.errors.GlossaryError` as :func:`glossary.load` does.
    """
    from .formats import read_bytes, source_bytes

    data, name = source_bytes(source)
    if not cache:
        return Glossary(read_bytes(data, name, format=format, group=group), path=name)
    key = _key(data, format, group)
    path = cache_file(key)
    if path.is_file():
        found = _read(path, key, name)
        if found is not None:
            return found
    g = Glossary(read_bytes(data, name, format=format, group=group), path=name)
    _write(path, key, g)
    return g
