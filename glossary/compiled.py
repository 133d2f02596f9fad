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
import zlib
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from ._cachedir import cache_dir
from .automata import Automata, automata_of, gc_paused
from ._cache_parts import (LazyTerms, RowsById, TermMap, Unpickler, ZhKeys, numbers, numbers_packed, pickler,
                           read_part, unpickler)
from .automata_values import pack, unpack
from .index import Glossary
from .model import Term, column_of, term_columns, terms_from_columns

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
#: Each is a part of its own, as key → term number (read through :class:`TermMap`): ``lookup`` reads one.
_LOOKUPS: dict[str, tuple[str, ...]] = {"by_zh": ("_by_zh",), "by_en": ("_by_en",), "by_en_key": ("_by_en_key",)}
#: Saved as key → term number rather than key → term, so that reading them builds no term.
_NUMBERED = ("_by_zh", "_by_en", "_by_en_key")
_MAGIC = "glossary-compiled-11"



class _Saved(Automata):
    """Automata whose structures come from the cache file, each part unpickled on its first use;
    their terms are built on first need too (a scan builds the few it finds)."""

    def __init__(self, terms: LazyTerms, blobs: dict[str, tuple[memoryview, int]]) -> None:
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
        return RowsById(self._lazy)  # type: ignore[return-value]

    @cached_property
    def zh_words(self) -> Any:
        # The glossary's words jieba lacks, read from the saved Chinese automaton on first need: a cold
        # check builds no table of 100,000 keys and their prefixes.
        from .segment import GlossaryWords

        return GlossaryWords(self.zh, self.jieba_freq)

    @cached_property
    def zh_keys(self) -> Mapping[str, Term]:  # type: ignore[override]
        # Folded Chinese form → term, read from the saved Chinese automaton and its values: nothing built per
        # key. Without a sound saved part, built from the terms (and the automaton from them).
        self._restore("zh")
        if "zh" in self.__dict__:
            return ZhKeys(self.__dict__["zh"], self._zh_values)
        return Automata.zh_keys.func(self)  # type: ignore[attr-defined, no-any-return]

    def _restore(self, part: str) -> None:
        values = read_part(self._blobs, part, self._lazy, _PARTS[part])
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

    def __init__(self, terms: LazyTerms, blobs: dict[str, tuple[memoryview, int]], *,
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
        values = read_part(self._blobs, part, self._lazy, _LOOKUPS[part])
        if values is None:
            return
        try:
            self.__dict__.update({attr: TermMap(self._lazy, numbers(packed)) for attr, packed in values.items()})
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
        header = Unpickler(stream).load()
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
            columns = unpickler(blob).load()
        if not (isinstance(columns, list) and all(isinstance(c, list) for c in columns)):
            return None
        terms_from_columns([c[:1] for c in columns])  # the columns of this version of Term, or ValueError
        terms = LazyTerms(columns, parts.pop("ids", None))
        g = _SavedGlossary(terms, {p: parts.pop(p) for p in _LOOKUPS if p in parts}, path=name)
        g.cache["automata"] = _Saved(terms, parts)
        return g
    except Exception:  # a damaged, truncated or foreign file: rebuilt, never trusted
        return None


def _write(path: Path, key: str, g: Glossary) -> None:
    automata = automata_of(g)
    columns = term_columns(g.terms)
    blobs = [("terms", pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL)),
             ("ids", pickle.dumps(numbers_packed({t: i for i, t in enumerate(column_of(columns, "id"))})))]
    number = {id(t): i for i, t in enumerate(g.terms)}
    for part, attrs in (*_PARTS.items(), *_LOOKUPS.items()):
        owner = g if part in _LOOKUPS else automata
        values = {a: getattr(owner, a) for a in attrs}  # built now: the structures worth saving
        for attr in ("_en_values", "_zh_values"):
            if attr in values:
                values[attr] = pack(values[attr])
        for attr in _NUMBERED:
            if attr in values:  # key → term number: no term is built when the cache is read
                values[attr] = numbers_packed({k: number[id(t)] for k, t in values[attr].items()})
        out = io.BytesIO()
        pickler(out, g.terms).dump(values)
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
