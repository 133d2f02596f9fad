"""Property tests: matching and checking never raise, and every position is exact."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossary
from glossary.source import LineIndex

G = glossary.load()
NAMES = [t.en for t in G] + [t.zh for t in G] + [a for t in G for a in t.variants]

# Text made of glossary names, their pieces, brackets, Chinese, invisible and odd characters.
pieces = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(["(", ")", "（", "）", " ", "\n", "\r\n", "’s", "‘", "’", "-", "–", "\u200b", "\ufe0f", "\ud800", "#", "`", "<!-- glossary off -->", "<!-- glossary on -->"]),
    st.text(max_size=8),
    st.text(alphabet="李强王林容易千帆领航者國國语说是在的了", max_size=6),
)
texts = st.lists(pieces, max_size=25).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_finding_points_at_found(text: str, f: glossary.Finding) -> None:
    lines = LineIndex(text)
    start = lines.starts[f.line - 1] + f.column - 1
    end = lines.starts[f.end_line - 1] + f.end_column - 1
    assert text[start:end] == f.found
    if f.line == f.end_line:
        assert lines.line_text(f.line)[f.column - 1:f.end_column - 1] == f.found or "\r" in f.found


@SETTINGS
@given(texts)
def test_find_terms_never_raises_and_points_exactly(text):
    previous_end = -1
    for m in glossary.find_terms(text, G):
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # no overlaps, in order
        previous_end = m.end


@SETTINGS
@given(texts)
def test_check_text_never_raises_and_points_exactly(text):
    for f in glossary.check_text(text, G):
        _assert_finding_points_at_found(text, f)


@SETTINGS
@given(texts, texts)
def test_check_pair_never_raises_and_points_exactly(source, target):
    for f in glossary.check_pair(source, target, G):
        _assert_finding_points_at_found(source if f.side == "source" else target, f)


term_rows = st.builds(
    lambda zh, en, alias, amb: (zh, en, alias, amb),
    st.text(alphabet="天问长征神舟嫦娥北斗星座帆航", min_size=2, max_size=5),
    st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}", fullmatch=True),
    st.one_of(st.just(""), st.from_regex(r"[A-Z]{2,5}", fullmatch=True)),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(term_rows, min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_any_valid_table_round_trips_through_csv(rows):
    seen_en: set[str] = set()
    terms = []
    for i, (zh, en, alias, amb) in enumerate(rows):
        if en in seen_en or alias == en:
            continue
        seen_en.add(en)
        terms.append(glossary.Term(id=f"t{i}", zh=zh, en=en, aliases=(alias,) if alias else (), ambiguous=amb,
                                   pinyin=glossary.romanize(zh), romanization="translation", category="other"))
    g = glossary.Glossary(terms)
    buf = io.StringIO()
    glossary.export(g, buf)
    buf.seek(0)
    assert glossary.load(buf) == g
