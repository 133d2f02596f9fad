"""glossary.sortedmap: a read-only str → int map by bisection that becomes a dict after many lookups."""

from __future__ import annotations

import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.sortedmap import SortedMap


@given(st.dictionaries(st.text(max_size=6), st.integers(-2**63, 2**63 - 1), max_size=40), st.lists(st.text(max_size=6)))
def test_answers_as_the_dict_does_before_and_after_promotion(table, probes):
    for promote_after in (10**9, 0, 3):
        m = SortedMap.from_dict(table, promote_after=promote_after)
        for key in [*probes, *table]:
            assert m.get(key) == table.get(key)
            assert (key in m) == (key in table)
            if key in table:
                assert m[key] == table[key]
            else:
                with pytest.raises(KeyError):
                    m[key]
        assert list(m) == sorted(table) and len(m) == len(table) and m == table
        packed = m.pack()
        if any("\n" in k for k in table):
            assert packed is None
        else:
            assert SortedMap.unpack(packed) == table


def test_promotion_builds_the_dict_once_and_tells():
    seen = []
    m = SortedMap.from_dict({"a": 1, "b": 2}, promote_after=2, on_promote=seen.append)
    assert m.get("a") == 1 and m.get("z") is None and not seen
    assert m.get("b") == 2 and seen == [{"a": 1, "b": 2}]
    assert m.get("a") == 1 and len(seen) == 1 and m.get == seen[0].get


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        SortedMap(["a"], array.array("q", [1, 2]))
    typecode, keys, values = SortedMap.from_dict({"a": 1, "b": 2}).pack()
    with pytest.raises(ValueError):
        SortedMap.unpack((typecode, keys, values[:8]))
    assert SortedMap.unpack(SortedMap.from_dict({}).pack()) == {}


def test_a_lone_surrogate_key_packs_and_a_key_that_is_no_string_is_missing():
    m = SortedMap.from_dict({"Pe\udc00king": 1, "b": 2}, promote_after=10**9)
    assert SortedMap.unpack(m.pack()) == {"Pe\udc00king": 1, "b": 2}
    assert m.get(None) is None and m.get(3, "x") == "x" and None not in m
