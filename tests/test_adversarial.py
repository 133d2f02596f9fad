"""Fuzzing with adversarial text: runs of spaces and tabs, brackets, backticks,
Han runs, mixed line ends, web glosses with junk inside. Nothing raises, and
every finding points exactly at its text. Bounded by example count, not by
the clock (benchmarks/adversarial.py measures the time)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import _assert_finding_points_at_found

import glossary
from glossary.source import mask

G = glossary.load()

runs = st.builds(lambda ch, n: ch * n, st.sampled_from([" ", "\t", "`", "(", ")", "[", "]:", "](", "强", "\r", "\n",
                                                          "\r\n", "（", "）", "“", "”", "'", "-"]),
                 st.integers(min_value=1, max_value=60))
fragments = st.one_of(
    runs,
    st.sampled_from(["Chinese: ", "simplified Chinese: ", "traditional Chinese: ", "pinyin: ", "; ", ", ", "lit. ",
                     "Wang Yaping", "王亚平", "Wáng Yàpíng", "Long March", "长征", "五号", "二号F", "改", "Shenzhou V",
                     "Chang'e", "嫦娥", "(21064) ", "Report1", "Peking University", "amidChina", "<!-- glossary off -->",
                     "```", "~~~", "    ", "[x](http://a.b/(c))", "Hainan province", "BEIJING —"]),
    st.text(max_size=6),
)
texts = st.lists(fragments, max_size=30).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_adversarial_text_never_raises_and_points_exactly(text):
    for markdown in (True, False):
        for f in glossary.check_text(text, G, markdown=markdown):
            _assert_finding_points_at_found(text, f)


@SETTINGS
@given(texts, texts)
def test_adversarial_pairs_never_raise_and_point_exactly(source, target):
    for f in glossary.check_pair(source, target, G, rules=glossary.check.DEFAULT_RULES | {"count-mismatch", "extra-term"}):
        _assert_finding_points_at_found(source if f.side == "source" else target, f)


@SETTINGS
@given(texts)
def test_masking_keeps_length_and_line_breaks(text):
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(masked) if c in "\r\n"]
