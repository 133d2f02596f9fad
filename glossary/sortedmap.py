"""A read-only ``str → int`` map that loads in milliseconds: sorted keys and an array of values.

A dict of half a million strings takes a tenth of a second or more to build,
which a one-file check would pay before it looks up a few hundred words (in
jieba's frequency table, in a cached glossary's lookups). A
:class:`SortedMap` is made from its keys in code-point order and an array of
their values, both read from bytes at once, and answers by bisection. After
many lookups it builds the dict after all, when the dict's speed pays for its
building: from then on :meth:`SortedMap.get` is the dict's own ``get``.
"""

from __future__ import annotations

import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["SortedMap"]

_MISSING = object()


class SortedMap(Mapping[str, int]):
    """``keys`` (sorted, unique) → the ``values`` at the same places.

    >>> m = SortedMap.from_dict({"b": 2, "a": 1})
    >>> m["a"], m.get("c"), "b" in m, list(m), len(m)
    (1, None, True, ['a', 'b'], 2)
    >>> SortedMap.unpack(m.pack()) == {"a": 1, "b": 2}
    True
    """

    def __init__(self, keys: list[str], values: Sequence[int], *, promote_after: int = 50_000,
                 on_promote: Callable[[dict[str, int]], None] | None = None) -> None:
        if len(keys) != len(values):
            raise ValueError("keys and values of unequal length")
        self._keys, self._values = keys, values
        self._left = promote_after
        self._dict: dict[str, int] | None = None
        self.on_promote = on_promote

    def get(self, key: str, default: Any = None) -> Any:
        if self._dict is None:
            if not isinstance(key, str):
                return default  # as the dict answers, not a TypeError from the bisection
            self._left -= 1
            if self._left >= 0:
                keys = self._keys
                i = bisect_left(keys, key)
                return self._values[i] if i < len(keys) and keys[i] == key else default
            self._promote()
        assert self._dict is not None
        return self._dict.get(key, default)

    def _promote(self) -> None:
        table = dict(zip(self._keys, self._values))
        self._dict = table
        self.get = table.get  # type: ignore[method-assign, assignment]  # later lookups at the dict's speed
        if self.on_promote is not None:
            self.on_promote(table)

    def __getitem__(self, key: str) -> int:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def sorted_values(self) -> Sequence[int]:
        """The values, in the keys' code-point order (the array itself: do not change it)."""
        return self._values

    @classmethod
    def from_dict(cls, table: Mapping[str, int], typecode: str = "q", **kw: Any) -> SortedMap:
        keys = sorted(table)
        return cls(keys, array.array(typecode, [table[k] for k in keys]), **kw)

    def pack(self, typecode: str = "q") -> tuple[str, bytes, bytes] | None:
        """The map as bytes for :meth:`unpack`; None when a key holds a line break (then keep a dict)."""
        if any("\n" in k for k in self._keys):
            return None
        keys = "\n".join(self._keys).encode("utf-8", "surrogatepass")  # (a lone surrogate is a str too)
        return typecode, keys, array.array(typecode, self._values).tobytes()

    @classmethod
    def unpack(cls, packed: tuple[str, bytes, bytes], **kw: Any) -> SortedMap:
        """The map of :meth:`pack` (whose keys are sorted: the caller checks the bytes are what was
        written, by a checksum); ValueError for bytes that do not make one."""
        typecode, keys_blob, values_blob = packed
        values = array.array(typecode)
        values.frombytes(values_blob)
        keys = bytes(keys_blob).decode("utf-8", "surrogatepass").split("\n") if values else []
        if len(keys) != len(values):
            raise ValueError("packed keys and values that do not fit together")
        return cls(keys, values, **kw)
