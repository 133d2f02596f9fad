"""Matching: find_en, find_zh and find_terms against the bundled table.

Every table row is (text, expected matches) where a match is written
(surface text, term id[, form]). The surface text is checked against the
offsets, so a row also pins ``text[start:end] == match.text``.
"""

from __future__ import annotations

import pytest

import glossary
from glossary import Term, find_terms
from glossary.index import Glossary
from glossary.match import find_en, find_zh


def _check_offsets(text, matches):
    """Offsets are 0-based, text[start:end] == match.text, and matches do not overlap."""
    end = 0
    for m in matches:
        assert text[m.start:m.end] == m.text, m
        assert m.start >= end, f"overlapping matches in {text!r}: {matches}"
        end = m.end


def en(text, g):
    matches = find_en(text, g)
    _check_offsets(text, matches)
    assert all(m.lang == "en" for m in matches)
    return [(m.text, m.term.id, m.form) for m in matches]


def zh(text, g):
    matches = find_zh(text, g)
    _check_offsets(text, matches)
    assert all(m.lang == "zh" and m.form == "zh" for m in matches)
    return [(m.text, m.term.id) for m in matches]


# ============================================================ English: find_en

EN_CASES = [
    # -- exact forms and the form that matched
    pytest.param("Premier Li Qiang spoke.", [("Li Qiang", "li-qiang", "en")], id="preferred"),
    pytest.param("The CPPCC met.", [("CPPCC", "chinese-peoples-political-consultative-conference", "alias")], id="alias"),
    pytest.param("Students from Macau.", [("Macau", "macao", "variant")], id="listed-variant"),
    pytest.param("Astronaut Wang Yapin.", [("Wang Yapin", "wang-yaping", "forbidden")], id="forbidden"),
    # -- tolerant: case, hyphen / space / nothing
    pytest.param("the TIANWEN-3 orbiter", [("TIANWEN-3", "tianwen-3", "en")], id="upper-case"),
    pytest.param("the tianwen3 orbiter", [("tianwen3", "tianwen-3", "tolerant")], id="no-separator"),
    pytest.param("the Tianwen 3 orbiter", [("Tianwen 3", "tianwen-3", "variant")], id="space-for-hyphen-listed"),
    pytest.param("the QianFan network", [("QianFan", "qianfan", "case")], id="camel-case"),
    pytest.param("a LONG MARCH 10A", [("LONG MARCH 10A", "long-march-10a", "en")], id="shouting"),
    pytest.param("the Beidou receivers", [("Beidou", "beidou-navigation-satellite-system", "variant")],
                 id="listed-variant-wins-over-case"),
    pytest.param("the Tiangong Space Station", [("Tiangong Space Station", "tiangong-space-station", "en")],
                 id="title-case-of-preferred"),
    pytest.param("in Hainan province", [("Hainan province", "hainan", "alias")], id="generic-word-lower-case"),
    pytest.param("the Great Hall of\nthe People", [("Great Hall of\nthe People", "great-hall-of-the-people", "en")],
                 id="line-break-inside-name"),
    # -- typography folds to the exact form (so the form stays "en")
    pytest.param("Chang’e-7 flies", [("Chang’e-7", "chang-e-7", "en")], id="curly-apostrophe"),
    pytest.param("Chang‘e-7 flies", [("Chang‘e-7", "chang-e-7", "en")], id="wrong-curly-quote"),
    pytest.param("National People’s Congress", [("National People’s Congress", "national-peoples-congress", "en")],
                 id="curly-apostrophe-long-name"),
    pytest.param("Tianwen–3 and Tianwen—3", [("Tianwen–3", "tianwen-3", "en"), ("Tianwen—3", "tianwen-3", "en")],
                 id="en-and-em-dash"),
    pytest.param("Tianwen\u20113 and Tianwen\u22123", [("Tianwen\u20113", "tianwen-3", "en"),
                                                       ("Tianwen\u22123", "tianwen-3", "en")],
                 id="non-breaking-hyphen-and-minus"),
    pytest.param("Ｔｉａｎｗｅｎ－３ flies", [("Ｔｉａｎｗｅｎ－３", "tianwen-3", "en")], id="nfkc-full-width"),
    pytest.param("the ＣＰＰＣＣ met", [("ＣＰＰＣＣ", "chinese-peoples-political-consultative-conference", "alias")],
                 id="nfkc-full-width-alias"),
    pytest.param("Hong\u00a0Kong", [("Hong\u00a0Kong", "hong-kong", "en")], id="no-break-space"),
    # -- longest first
    pytest.param("the Long March 10A and the Long March 10",
                 [("Long March 10A", "long-march-10a", "en"), ("Long March 10", "long-march-10", "en")],
                 id="long-march-10a-before-10"),
    pytest.param("Shanghai Spacesail Technologies Co Ltd builds",
                 [("Shanghai Spacesail Technologies Co Ltd", "shanghai-spacesail-technologies", "en")],
                 id="company-not-shanghai"),
    pytest.param("Shanghai Spacesail Technologies Co., Ltd. builds",
                 [("Shanghai Spacesail Technologies Co., Ltd.", "shanghai-spacesail-technologies", "alias")],
                 id="company-with-dots"),
    pytest.param("the Shanghai Securities News said",
                 [("Shanghai Securities News", "shanghai-securities-news", "en")], id="paper-not-shanghai"),
    pytest.param("the Wenchang Space Launch Site",
                 [("Wenchang Space Launch Site", "wenchang-space-launch-site", "en")], id="site-not-city"),
    pytest.param("the Chinese Academy of Sciences",
                 [("Chinese Academy of Sciences", "chinese-academy-of-sciences", "en")],
                 id="preferred-longer-than-forbidden"),
    # -- word boundaries
    pytest.param("Tianwen-30 and Tianwen-3s", [("Tianwen-30", "tianwen-30", "en"), ("Tianwen", "tianwen", "en")],
                 id="digit-and-letter-run-on"),  # Tianwen-30 is a member of the series, never Tianwen-3
    pytest.param("XTianjin and Tianjinese", [], id="letters-either-side"),
    pytest.param("Li Qiangguo came", [], id="longer-personal-name"),
    pytest.param("a Tianjin-based firm", [("Tianjin", "tianjin", "en")], id="hyphen-is-a-boundary"),
    pytest.param("Qianfan’s satellites", [("Qianfan", "qianfan", "en")], id="possessive-curly"),
    pytest.param("Qianfan's satellites", [("Qianfan", "qianfan", "en")], id="possessive-straight"),
    pytest.param("(Hebei)", [("Hebei", "hebei", "en")], id="brackets"),
    pytest.param("No names here at all.", [], id="nothing"),
]


@pytest.mark.parametrize("text, expected", EN_CASES)
def test_find_en(g, text, expected):
    assert en(text, g) == expected


# ============================================================ Chinese: find_zh

ZH_CASES = [
    pytest.param("李强出席会议。", [("李强", "li-qiang")], id="person"),
    pytest.param("李強出席會議。", [("李強", "li-qiang")], id="traditional-person"),
    pytest.param("長征十號甲發射。", [("長征十號甲", "long-march-10a")], id="traditional-longest"),
    pytest.param("长征十号甲发射。", [("长征十号甲", "long-march-10a")], id="longest-first"),
    pytest.param("长征十号发射。", [("长征十号", "long-march-10")], id="shorter-alone"),
    pytest.param("全国政协开幕。", [("全国政协", "chinese-peoples-political-consultative-conference")],
                 id="zh-variant"),
    pytest.param("粤港澳大湾区发展。", [("粤港澳大湾区", "guangdong-hong-kong-macao-greater-bay-area")],
                 id="region-not-its-parts"),
    # -- a term inside a longer name must not match
    pytest.param("李强国来了。", [], id="li-qiang-in-li-qiangguo"),
    pytest.param("王林业来了。", [], id="wang-lin-in-wang-linye"),
    pytest.param("王林业务繁忙。", [("王林", "wang-lin")], id="wang-lin-then-yewu"),
    pytest.param("王林说，王林业来了。", [("王林", "wang-lin")], id="same-text-both-ways"),
    pytest.param("李强表示欢迎。", [("李强", "li-qiang")], id="name-then-verb"),
    # -- ambiguous terms: only in a gloss or when context shows the name
    pytest.param("这件事很容易。", [], id="rongyi-easy"),
    pytest.param("说起来容易做起来难。", [], id="rongyi-easy-idiom"),
    pytest.param("总设计师容易表示，进展顺利。", [("容易", "rong-yi")], id="rongyi-after-title"),
    pytest.param("代表容易发言。", [("容易", "rong-yi")], id="rongyi-deputy"),
    pytest.param("Rong Yi (容易) spoke.", [("容易", "rong-yi")], id="rongyi-in-gloss"),
    pytest.param("Rong Yi（容易）spoke.", [("容易", "rong-yi")], id="rongyi-in-full-width-gloss"),
    pytest.param("容易（Rong Yi）spoke.", [("容易", "rong-yi")], id="rongyi-reverse-gloss"),
    pytest.param("千帆竞发。", [], id="qianfan-thousand-sails"),
    pytest.param("“千帆”组网。", [("千帆", "qianfan")], id="qianfan-in-quotes"),
    pytest.param("千帆卫星发射。", [("千帆", "qianfan")], id="qianfan-with-cue"),
    pytest.param("他是我们的领航者。", [], id="linghangzhe-navigator"),
    pytest.param("the ship ‘Linghangzhe (领航者)’", [("领航者", "linghangzhe")], id="linghangzhe-gloss-in-quotes"),
    # -- unambiguous long forms of ambiguous terms are the name by themselves
    pytest.param("他们正在建设千帆星座。", [("千帆星座", "qianfan")], id="qianfan-constellation"),
    pytest.param("领航者号出海了。", [("领航者号", "linghangzhe")], id="linghangzhe-hao"),
    pytest.param("我们使用北斗卫星导航系统。", [("北斗卫星导航系统", "beidou-navigation-satellite-system")],
                 id="beidou-full-name"),
    pytest.param("航天员进驻天宫空间站。", [("天宫空间站", "tiangong-space-station")], id="tiangong-full-name"),
]


@pytest.mark.parametrize("text, expected", ZH_CASES)
def test_find_zh(g, text, expected):
    assert zh(text, g) == expected


def test_find_zh_offsets_are_into_the_traditional_text(g):
    text = "昨天，李強會見了王亞平。"
    matches = find_zh(text, g)
    assert [(m.start, m.end, m.text) for m in matches] == [(3, 5, "李強"), (8, 11, "王亞平")]
    assert [m.term.zh for m in matches] == ["李强", "王亚平"]


# ============================================================ find_terms

def test_find_terms_both_languages_in_text_order(g):
    text = "Premier Li Qiang (李强) visited Tianjin (天津) and saw the Long March 10A (长征十号甲)."
    matches = find_terms(text, g)
    _check_offsets(text, matches)
    assert [(m.text, m.lang, m.term.id) for m in matches] == [
        ("Li Qiang", "en", "li-qiang"),
        ("李强", "zh", "li-qiang"),
        ("Tianjin", "en", "tianjin"),
        ("天津", "zh", "tianjin"),
        ("Long March 10A", "en", "long-march-10a"),
        ("长征十号甲", "zh", "long-march-10a"),
    ]


def test_find_terms_uses_the_bundled_glossary_by_default():
    assert [m.text for m in find_terms("Premier Li Qiang (李强) visited Tianjin.")] == ["Li Qiang", "李强", "Tianjin"]


def test_find_terms_run_of_glosses(g):
    text = "The Guangdong (广东) Hong Kong (香港) Macao (澳门) Greater Bay Area (粤港澳大湾区) grows."
    got = [(m.text, m.term.id) for m in find_terms(text, g)]
    assert got == [
        ("Guangdong", "guangdong"), ("广东", "guangdong"),
        ("Hong Kong", "hong-kong"), ("香港", "hong-kong"),
        ("Macao", "macao"), ("澳门", "macao"),
        ("Greater Bay Area", "guangdong-hong-kong-macao-greater-bay-area"),
        ("粤港澳大湾区", "guangdong-hong-kong-macao-greater-bay-area"),
    ]


def test_find_terms_with_a_glossary_built_in_code():
    g = Glossary([
        Term(id="t3", zh="天问三号", en="Tianwen-3", variants=("Tianwen 3",)),
        Term(id="wl", zh="王林", en="Wang Lin", category="person"),
    ])
    text = "Tianwen 3 (天问三号) and TIANWEN-3, not Tianwen-30; 王林说，王林业来了。"
    got = [(m.text, m.term.id, m.form) for m in find_terms(text, g)]
    assert got == [
        ("Tianwen 3", "t3", "variant"),
        ("天问三号", "t3", "zh"),
        ("TIANWEN-3", "t3", "en"),
        ("王林", "wl", "zh"),
    ]


def test_empty_text_and_empty_glossary(g):
    assert find_terms("", g) == []
    assert find_terms("Li Qiang (李强)", Glossary([])) == []


def test_abbreviations_match_in_capitals_only(g):
    """MOST and CAST are aliases; the English words "most" and "cast" are not them."""
    text = "Most people cast votes; the cast bowed. MOST and CAST signed."
    assert [(m.text, m.term.id) for m in glossary.find_terms(text, g)] == [
        ("MOST", g.lookup("科学技术部").id),
        ("CAST", g.lookup("中国空间技术研究院").id),
    ]
    assert glossary.check_text(text, g) == []


def test_the_latin_only_copy_finds_what_the_text_finds(g):
    """find_terms scans a long, mostly Chinese text through a same-length
    copy with its Han characters replaced; the English matches are the same."""
    from glossary.match import _latin_only, find_en

    unit = "王亚平说，Wang Yaping 和 Tianwen 3 以及 TIANWEN-3（天问三号）在 Hong Kong 发布。Li Qiang强调，"
    text = unit * 80
    masked = _latin_only(text)
    assert masked != text and len(masked) == len(text)
    assert find_en(masked, g, surfaces=text) == find_en(text, g)


@pytest.mark.parametrize("text", ["０Two Sessions", "Two Sessions０", "x０Two Sessions"])
def test_full_width_digit_is_a_digit_on_both_paths(text):
    """The general path (taken for a rare separator) judges word boundaries on
    the folded text, as the fast path does: a full-width ０ glued to a word is a
    digit glued to it (found by hypothesis)."""
    from glossary.match import find_en

    g = glossary.load()
    fast = [(m.start, m.end) for m in find_en(text, g)]
    general = [(m.start, m.end) for m in find_en(text + "\u2028", g)]
    assert fast == general
