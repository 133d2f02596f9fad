"""What the keys of the automata stand for, kept as packed numbers.

An automaton holds a number ``k`` per key; the value it stands for is
(key length, ((term, kind), ...), case mode) for English and (length, term)
for Chinese. Built as Python tuples that would be half a million small
objects for 100,000 terms, which the garbage collector then walks again and
again; packed, they are a few arrays of term numbers and codes. Each value is
made from the arrays the first time a scan meets its key, and kept. The
compiled cache saves the arrays as they are.
"""

from __future__ import annotations

import array
from collections.abc import Sequence
from typing import Any, Protocol

from .forms import EN_KINDS
from .model import Term

__all__ = ["EnValues", "Indexed", "ZhValues", "pack", "unpack"]


class Indexed(Protocol):
    """The terms values point into: a tuple, or a cache file's terms built on first need."""

    def __getitem__(self, i: int, /) -> Term: ...

    def __len__(self) -> int: ...


class EnValues(dict[int, Any]):
    """English values: ``values[k]`` is (key length, ((term, kind), ...), case mode)."""

    def __init__(self, terms: Indexed, lengths: array.array[int], modes: bytes | bytearray,
                 starts: array.array[int], flat: array.array[int], kinds: bytes | bytearray) -> None:
        super().__init__()
        self.terms = terms
        self.lengths, self.modes, self.starts, self.flat, self.kinds = lengths, modes, starts, flat, kinds
        if len(starts) != len(lengths) + 1 or len(modes) != len(lengths) or len(kinds) != len(flat) \
                or (flat and max(flat) >= len(terms)) or (kinds and max(kinds) >= len(EN_KINDS)):
            raise ValueError("packed values that do not fit together")

    def __missing__(self, k: int) -> Any:
        terms, flat, kinds = self.terms, self.flat, self.kinds
        found = tuple((terms[flat[i]], EN_KINDS[kinds[i]]) for i in range(self.starts[k], self.starts[k + 1]))
        value = self[k] = (self.lengths[k], found, self.modes[k])
        return value

    def packed(self) -> tuple[str, tuple[bytes, ...]]:
        return "en", (self.lengths.tobytes(), bytes(self.modes), self.starts.tobytes(), self.flat.tobytes(),
                      bytes(self.kinds))


class ZhValues(dict[int, Any]):
    """Chinese values: ``values[k]`` is (length, term)."""

    def __init__(self, terms: Indexed, lengths: array.array[int], flat: array.array[int]) -> None:
        super().__init__()
        self.terms, self.lengths, self.flat = terms, lengths, flat
        if len(lengths) != len(flat) or (flat and max(flat) >= len(terms)):
            raise ValueError("packed values that do not fit together")

    def __missing__(self, k: int) -> Any:
        value = self[k] = (self.lengths[k], self.terms[self.flat[k]])
        return value

    def packed(self) -> tuple[str, tuple[bytes, ...]]:
        return "zh", (self.lengths.tobytes(), self.flat.tobytes())


def _arrays(blobs: Sequence[bytes], codes: str) -> list[Any]:
    out: list[Any] = []
    for blob, code in zip(blobs, codes):
        if code == "B":
            out.append(bytes(blob))
        else:
            a = array.array(code)
            a.frombytes(blob)
            out.append(a)
    return out


def unpack(packed: Any, terms: Indexed) -> EnValues | ZhValues:
    """The values of :meth:`EnValues.packed` or :meth:`ZhValues.packed`; ValueError for anything else."""
    which, blobs = packed
    if which == "zh" and len(blobs) == 2:
        return ZhValues(terms, *_arrays(blobs, "II"))
    if which == "en" and len(blobs) == 5:
        return EnValues(terms, *_arrays(blobs, "IBIIB"))
    raise ValueError("unknown packed values")


def pack(values: Any) -> tuple[str, tuple[bytes, ...]]:
    """The packed form of values the automata built (:class:`EnValues` or :class:`ZhValues`)."""
    if isinstance(values, (EnValues, ZhValues)):
        return values.packed()
    raise ValueError("values that are not packed")
