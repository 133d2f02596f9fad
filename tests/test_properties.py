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


# -- Round trips through the other exports, and checking in pieces ---------------------------------

def _valid_terms(rows) -> list[glossary.Term]:
    """Terms from term_rows that a table accepts: distinct English, alias unlike the rendering."""
    seen_en: set[str] = set()
    terms = []
    for i, (zh, en, alias, amb) in enumerate(rows):
        if en.casefold() in seen_en or alias.casefold() in seen_en or alias == en:
            continue
        seen_en.update({en.casefold(), alias.casefold()} - {""})
        terms.append(glossary.Term(id=f"t{i}", zh=zh, en=en, aliases=(alias,) if alias else (), ambiguous=amb,
                                   pinyin=glossary.romanize(zh), romanization="translation", category="other",
                                   forbidden=(en + "x",), note=f"{en} & <{zh}> \"quoted\""))
    return terms


@settings(max_examples=40, deadline=None)
@given(st.lists(term_rows, min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_any_valid_table_round_trips_through_tbx(rows):
    """zh/en pairs, and every English form with its status, read back by translate-toolkit."""
    from translate.storage.tbx import tbxfile

    g = glossary.Glossary(_valid_terms(rows))
    data = glossary.export(g, io.StringIO(), format="tbx").getvalue()
    store = tbxfile.parsestring(data.encode("utf-8"), sourcelanguage="zh", targetlanguage="en")
    assert [(u.source, u.target) for u in store.units] == [(t.zh, t.en) for t in g]
    for unit, term in zip(store.units, g):
        statuses = {t.text: t.administrative_status for t in unit.get_target_terms("en")}
        expected = {term.en: "preferredTerm-admn-sts", **{a: "admittedTerm-admn-sts" for a in term.aliases},
                    **{f: "deprecatedTerm-admn-sts" for f in term.forbidden}}
        assert statuses == expected


@settings(max_examples=40, deadline=None)
@given(st.lists(term_rows, min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_any_valid_table_round_trips_through_json(rows):
    """The json export, read back as Terms, is the table."""
    import json

    g = glossary.Glossary(_valid_terms(rows))
    data = json.loads(glossary.export(g, io.StringIO(), format="json").getvalue())
    again = [glossary.Term(**{k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}) for d in data]
    assert again == list(g)


_PARAGRAPH_PIECES = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from([" ", "(", ")", "（", "）", "\n", "\r\n", "\u200b", "\ufe0f", "-", "’s", ". ", "#",
                     "<!-- glossary off -->", "<!-- glossary on -->", "<!--", "-->", "\n```\n", "\n    code\n"]),
    st.text(alphabet="李强王林容易千帆领航者國国语说是在的了 abcXYZ.,", max_size=6),
)
_paragraphs = st.lists(st.lists(_PARAGRAPH_PIECES, max_size=12).map(lambda p: "Note: " + "".join(p) + " end."),
                       min_size=1, max_size=8)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_paragraphs, st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"]))
def test_checking_in_pieces_equals_checking_the_whole(paragraphs, blank):
    """The command's piecewise check (1-byte pieces: a piece at every possible blank line) finds what
    check_text finds in the whole text, when nothing but paragraph breaks separates the pieces."""
    from glossary.bilingual import read_text_chunks
    from glossary.check import check_text_pieces
    from glossary.rules import RULES

    text = blank.join(paragraphs)
    chunks = read_text_chunks(io.BytesIO(text.encode("utf-8", "surrogatepass")), "t.md", size=1)
    rules = frozenset(r.name for r in RULES)
    assert check_text_pieces(chunks, G, markdown=True, rules=rules) == glossary.check_text(text, G)


@SETTINGS
@given(texts)
def test_english_fast_and_general_paths_agree(text):
    """Texts with only spaces, tabs, line ends and hyphens as separators take a
    fast path; a rare separator at the end sends the same text down the
    general one, which must find exactly the same matches."""
    from glossary.match import find_en

    if any(c in text for c in "\u2028\u200b\ufe0f\u00ad"):
        return
    fast = [(m.start, m.end, m.term.id, m.form) for m in find_en(text, G)]
    general = [(m.start, m.end, m.term.id, m.form) for m in find_en(text + "\u2028", G)]
    assert fast == general
