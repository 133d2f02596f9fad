"""jieba's dictionary as the library reads it: every word's frequency and part-of-speech tag.

jieba reads its dictionary twice: the frequencies (its own cache, a marshalled
dict) and, on ``import jieba.posseg``, the tags of every word, each time from
the text file. Both come from one file here, saved once in the cache folder
(``jieba-tables.bin``) as plain columns, which loads in a fraction of that
time, as a :class:`~glossary.sortedmap.SortedMap` (no dict is built until
many lookups make one worth it); it is rebuilt when jieba or its dictionary
changes, and a damaged copy (its CRC-32 is checked) is never used. Nothing
here touches jieba's global tokenizer.

The saved columns, after a header with the key of the dictionary they came
from: the frequency of each word (8 bytes), its tag's number (1 byte; 0 for a
prefix that is no word, or a word without a tag), the tag names, and the words
themselves, in code-point order, which is what lets :meth:`Tables.tag` look a
word up by bisection without a second dictionary.
"""

from __future__ import annotations

import array
import os
import struct
import tempfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .sortedmap import SortedMap

__all__ = ["Tables", "read_tables"]

_MAGIC = b"glossary-jieba-tables-3\n"
_HEAD = struct.Struct("<qqqI")  # total, number of words, bytes of tag names, CRC-32 of those and what follows
_FIELDS = struct.Struct("<qqq")


@dataclass(frozen=True)
class Tables:
    """jieba's frequency table (every word and every prefix of one, as jieba builds it) and its tags."""

    freq: Mapping[str, int]  # a SortedMap read from the saved copy, jieba's own dict when just built
    total: int
    words: list[str]  # the keys of ``freq`` in code-point order
    tag_numbers: bytes  # per word of ``words``: 1 + its index in ``tag_names``, or 0
    tag_names: tuple[str, ...]

    @cached_property
    def _tags(self) -> SortedMap:
        return SortedMap(self.words, self.tag_numbers)  # the words are sorted: no dict until many lookups

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a dictionary word (``nr``, ``ns`` …), None for any other string."""
        n = self._tags.get(word, 0)
        return self.tag_names[n - 1] if n else None


def _file(jieba: Any) -> tuple[Path, bytes]:
    from ._cachedir import cache_dir

    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    stat = source.stat()
    key = f"{jieba.__version__}\0{source}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
    return cache_dir() / "jieba-tables.bin", key + b"\n"


def _saved(jieba: Any) -> Tables | None:
    """The tables from the saved copy, or None (missing, stale or damaged)."""
    try:
        path, key = _file(jieba)
        data = path.read_bytes()
        head = _MAGIC + key
        if not data.startswith(head):
            return None
        at = len(head)
        total, n, names_size, crc = _HEAD.unpack_from(data, at)
        at += _HEAD.size
        if zlib.crc32(memoryview(data)[at:], zlib.crc32(_FIELDS.pack(total, n, names_size))) != crc:
            return None
        freqs = array.array("q")
        freqs.frombytes(data[at:at + 8 * n])
        at += 8 * n
        numbers = data[at:at + n]
        at += n
        names = tuple(data[at:at + names_size].decode("utf-8").split("\n"))
        words = data[at + names_size:].decode("utf-8").split("\n") if n else []
        if not n or len(freqs) != n or len(numbers) != n or len(words) != n or max(numbers) > len(names):
            return None
        return Tables(SortedMap(words, freqs), total, words, numbers, names)
    except Exception:  # unreadable or damaged: read jieba's own dictionary instead
        return None


def _save(jieba: Any, tables: Tables) -> None:
    """Save the tables for the next process; a cache folder that cannot be written is no error."""
    if any("\n" in w for w in tables.words) or any("\n" in t for t in tables.tag_names):
        return
    try:
        path, key = _file(jieba)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except Exception:
        return
    try:
        names = "\n".join(tables.tag_names).encode("utf-8")
        body = b"".join((array.array("q", (tables.freq[w] for w in tables.words)).tobytes(), tables.tag_numbers,
                         names, "\n".join(tables.words).encode("utf-8")))
        with os.fdopen(fd, "wb") as fh:
            fields = (tables.total, len(tables.words), len(names))
            fh.write(_MAGIC + key + _HEAD.pack(*fields, zlib.crc32(body, zlib.crc32(_FIELDS.pack(*fields)))))
            fh.write(body)
        os.replace(tmp, path)  # atomic: a concurrent reader sees no file or the whole one
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _tags_of(tokenizer: Any) -> dict[str, str]:
    """Each dictionary word's tag, read from the dictionary file as ``jieba.posseg`` reads it (the last line wins)."""
    tags: dict[str, str] = {}
    with tokenizer.get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    return tags


def _build(tokenizer: Any) -> Tables:
    """The tables from jieba's own reading of its dictionary (``tokenizer`` initialized)."""
    freq: dict[str, int] = tokenizer.FREQ
    tags = _tags_of(tokenizer)
    names = tuple(sorted(set(tags.values())))
    words = sorted(freq)
    if len(names) > 255:  # a dictionary with more tags than a byte holds: no tags rather than wrong ones
        return Tables(freq, tokenizer.total, words, bytes(len(words)), ())
    number = {name: i + 1 for i, name in enumerate(names)}
    numbers = bytes(number[tags[w]] if w in tags else 0 for w in words)
    return Tables(freq, tokenizer.total, words, numbers, names)


def read_tables(jieba: Any, tokenizer: Any) -> Tables:
    """jieba's tables for ``tokenizer`` (a fresh ``jieba.Tokenizer`` of the default dictionary):
    from the saved copy when it is current, else from jieba's own reading, then saved."""
    saved = _saved(jieba)
    if saved is not None:
        assert isinstance(saved.freq, SortedMap)
        # Once many lookups have made the table a dict, jieba's own code reads that dict.
        saved.freq.on_promote = lambda table: setattr(tokenizer, "FREQ", table)
        return saved
    tokenizer.initialize()
    tables = _build(tokenizer)
    _save(jieba, tables)
    return tables
