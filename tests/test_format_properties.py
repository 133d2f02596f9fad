"""Round trips, with hypothesis: every format that reads and writes gives back what it can hold."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.formats import read_bytes, render
from glossary.model import CATEGORIES, ROMANIZATIONS, Term

HAN = "李王张刘陈杨黄赵周吴天宫星河山海中国长征神舟嫦娥北斗航站火箭卫湖港城"
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=8).filter(
    lambda w: w[0] != "'" and w[-1] != "'" and "''" not in w).map(str.capitalize)
ENGLISH = st.lists(WORD, min_size=1, max_size=3).map(" ".join).filter(  # a yes/no word is no forbidden form
    lambda e: e.lower() not in {"true", "false", "yes", "no", "wahr", "falsch", "ja", "nein"})
CHINESE = st.text(alphabet=HAN, min_size=2, max_size=6)
NOTE = st.lists(st.text(alphabet="abcdefghij,;:()\"'-.0123456789", min_size=1, max_size=8), max_size=4).map(" ".join)
PINYIN = st.sampled_from(["Wáng Lín", "Lǐ Qiáng", "Tiāngōng", "Chángzhēng", "Běidǒu Xìtǒng"])
EXTRA_NAMES = ("Domain", "comment")


@st.composite
def term_lists(draw: st.DrawFn, *, extra: bool = True) -> list[Term]:
    n = draw(st.integers(1, 6))
    chinese = draw(st.lists(CHINESE, min_size=n * 2, max_size=n * 2, unique=True))
    english = draw(st.lists(ENGLISH, min_size=n * 4, max_size=n * 4, unique_by=lambda e: e.casefold()))
    columns = draw(st.sets(st.sampled_from(EXTRA_NAMES))) if extra else set()
    terms = []
    for i in range(n):
        en, alias, variant, forbidden = english[i * 4:i * 4 + 4]
        terms.append(Term(
            id=f"t-{i}",
            zh=chinese[2 * i],
            en=en,
            zh_variants=(chinese[2 * i + 1],) if draw(st.booleans()) else (),
            aliases=(alias,) if draw(st.booleans()) else (),
            variants=(variant,) if draw(st.booleans()) else (),
            forbidden=(forbidden,) if draw(st.booleans()) else (),
            pinyin=draw(PINYIN),
            romanization=draw(st.sampled_from(ROMANIZATIONS)),
            category=draw(st.sampled_from(("", *CATEGORIES))),
            ambiguous=draw(st.booleans()),
            note=draw(NOTE),
            extra=tuple((c, draw(NOTE)) for c in EXTRA_NAMES if c in columns),
        ))
    return terms


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("format, name", [("csv", "t.csv"), ("json", "t.json"), ("xlsx", "t.xlsx")])
@SETTINGS
@given(terms=term_lists())
def test_every_column_round_trips(format, name, terms):
    assert read_bytes(render(terms, format=format), name) == terms


TBX_FIELDS = ("id", "zh", "zh_variants", "en", "aliases", "variants", "forbidden", "pinyin", "category", "note")


@SETTINGS
@given(terms=term_lists(extra=False))
def test_tbx_keeps_what_it_writes(terms):
    again = read_bytes(render(terms, format="tbx"), "t.tbx")
    assert [[getattr(t, f) for f in TBX_FIELDS] for t in again] == [[getattr(t, f) for f in TBX_FIELDS] for t in terms]


@pytest.mark.parametrize("format, name", [("deepl", "t.deepl.csv"), ("amazon", "t.amazon.csv"),
                                          ("google", "t.google.csv"), ("wmt", "t.json")])
@SETTINGS
@given(terms=term_lists(extra=False))
def test_service_files_and_dictionaries_round_trip_exactly(format, name, terms):
    data = render(terms, format=format)
    assert render(read_bytes(data, name), format=format) == data


@SETTINGS
@given(terms=term_lists())
def test_csv_through_every_format_and_back(terms):
    """A pass through the project's CSV and back loses nothing the CSV can hold."""
    csv = render(terms, format="csv")
    for format, name in (("json", "t.json"), ("xlsx", "t.xlsx")):
        via = read_bytes(render(read_bytes(csv, "t.csv"), format=format), name)
        assert render(via, format="csv") == csv


CELL = st.one_of(CHINESE, ENGLISH, st.sampled_from(["", " ", "person", "astronaut", "pinyin", "=SUM(1)", "Li 强",
                                                      "Wáng Lín", "Hello World", "li-qiang", "Bad Id", "article"]))


LIST_OR_FLAG = st.sampled_from(["", " ", "false", "FALSE", "no", "true", "maybe", "Premier Li", "A | B", "李强"])


@SETTINGS
@given(rows=st.lists(st.tuples(CHINESE, CELL, CELL, CELL, CELL, LIST_OR_FLAG, LIST_OR_FLAG, LIST_OR_FLAG),
                     min_size=1, max_size=8))
def test_fast_validation_agrees_with_the_full_one(rows):
    """The short path for plain rows gives the terms, or the errors, the full validation gives."""
    from unittest import mock

    from glossary import table
    from glossary.errors import GlossaryError

    header = ["zh", "en", "category", "pinyin", "romanization", "aliases", "ambiguous", "zh_variants"]
    numbered = [(n, list(r)) for n, r in enumerate(rows, start=2)]

    def outcome():
        try:
            return [(t, t.line) for t in table.terms_from_rows(header, numbered, "t.csv")]
        except GlossaryError as exc:
            return str(exc)

    fast = outcome()
    with mock.patch.object(table, "fast_row", lambda columns: lambda cells, line: None):
        full = outcome()
    assert fast == full
