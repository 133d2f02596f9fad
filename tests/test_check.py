"""The checks, rule by rule: check_text, check_pair and check_pairs.

Layout: helpers; the rule registry; one exact "golden" case per rule; then a
section per rule with a table of cases where it fires and a table where it
stays quiet; Markdown skipping; positions; documents of pairs; rule
selection; and the article fixture that glosses every article name.

Every finding returned through the helpers below is also checked to point
at exactly what it reports (``found``), in the text it says (``side``).
All sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import check_pair, check_pairs, check_text, find_terms
from glossary.rules import DEFAULT_RULES, RULES, get_rule, select_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ============================================================ helpers

def _offset(text: str, line: int, column: int) -> int:
    """0-based offset of a 1-based (line, column), counted independently of the library."""
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def assert_points_at_found(text: str, f) -> None:
    start = _offset(text, f.line, f.column)
    end = _offset(text, f.end_line, f.end_column)
    assert text[start:end] == f.found, f
    if f.line == f.end_line:
        line_text = text.split("\n")[f.line - 1].rstrip("\r")
        assert line_text[f.column - 1:f.end_column - 1] == f.found, f
    rule = get_rule(f.rule)
    assert (f.code, f.severity) == (rule.code, rule.severity), f


def text_findings(text: str, **kw):
    findings = check_text(text, **kw)
    for f in findings:
        assert f.side == "text" and f.segment is None, f
        assert_points_at_found(text, f)
    return findings


def pair_findings(source: str, target: str, **kw):
    findings = check_pair(source, target, **kw)
    for f in findings:
        assert f.side in ("source", "target"), f
        assert_points_at_found(source if f.side == "source" else target, f)
    return findings


ALL_RULES = frozenset(r.name for r in RULES)


def test_unknown_name_is_off_by_default():
    assert of(check_pair("张若尘表示，项目进展顺利。", "He said it went well."), "unknown-name") == []
    assert of(check_pair("张若尘表示，项目进展顺利。", "He said it went well.", rules={"unknown-name"}),
              "unknown-name") != []


def of(findings, rule: str):
    return [f for f in findings if f.rule == rule]


def summary(findings):
    return [(f.rule, f.found) for f in findings]


# ============================================================ the rule registry (names and codes are API)

REGISTRY = [
    ("GL101", "gloss-mismatch", "error"),
    ("GL102", "unknown-term", "info"),
    ("GL103", "pinyin-mismatch", "warning"),
    ("GL201", "variant", "warning"),
    ("GL202", "forbidden", "error"),
    ("GL203", "inconsistent", "warning"),
    ("GL204", "untranslated", "error"),
    ("GL301", "missing-translation", "error"),
    ("GL302", "count-mismatch", "warning"),
    ("GL303", "extra-term", "info"),
    ("GL304", "unknown-name", "info"),
]


@pytest.mark.parametrize("code, name, severity", REGISTRY)
def test_registry(code, name, severity):
    assert get_rule(code) is get_rule(name)
    assert (get_rule(code).name, get_rule(name).code, get_rule(code).severity) == (name, code, severity)


def test_registry_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)
    assert {code for code, _, _ in REGISTRY} <= {r.code for r in RULES}


# ============================================================ golden: one exact output per rule
# (rule, code, severity, line, column, end_line, end_column, found, expected) in output order.

GOLDEN_TEXT = [
    pytest.param("Minister Zhang Ji (张琦) spoke first.",
                 [("gloss-mismatch", "GL101", "error", 1, 10, 1, 18, "Zhang Ji", "Zhang Qi")], id="GL101"),
    pytest.param("Yesterday\nZhang Ruochen (张若尘) joined the team.",
                 [("unknown-term", "GL102", "info", 2, 16, 2, 19, "张若尘", None)], id="GL102"),
    pytest.param("Zhang Ruocheng (张若尘) joined.",
                 [("pinyin-mismatch", "GL103", "warning", 1, 1, 1, 15, "Zhang Ruocheng", "Zhang Ruochen"),
                  ("unknown-term", "GL102", "info", 1, 17, 1, 20, "张若尘", None)], id="GL103"),
    pytest.param("Students from Macau study here.",
                 [("variant", "GL201", "warning", 1, 15, 1, 20, "Macau", "Macao")], id="GL201"),
    pytest.param("Astronaut Wang Yapin walked in space.",
                 [("forbidden", "GL202", "error", 1, 11, 1, 21, "Wang Yapin", "Wang Yaping")], id="GL202"),
    pytest.param("Tianwen-3 launches in 2028.\nThe Tianwen 3 orbiter follows.",
                 [("variant", "GL201", "warning", 2, 5, 2, 14, "Tianwen 3", "Tianwen-3"),
                  ("inconsistent", "GL203", "warning", 2, 5, 2, 14, "Tianwen 3", "Tianwen-3")], id="GL203"),
    pytest.param("The 两会 opened in Beijing.",
                 [("untranslated", "GL204", "error", 1, 5, 1, 7, "两会", "Two Sessions")], id="GL204"),
]


@pytest.mark.parametrize("text, expected", GOLDEN_TEXT)
def test_golden_text(text, expected):
    got = [(f.rule, f.code, f.severity, f.line, f.column, f.end_line, f.end_column, f.found, f.expected)
           for f in text_findings(text)]
    assert got == expected


# (rule, side, line, column, end_column, found, expected)
GOLDEN_PAIR = [
    pytest.param("杨利伟说：\n王亚平出舱。", "Yang Liwei said:\nThe astronaut left the module.",
                 [("missing-translation", "source", 2, 1, 4, "王亚平", "Wang Yaping")], id="GL301"),
    pytest.param("李强会见了王亚平。李强表示欢迎。", "Li Qiang met Wang Yaping and welcomed her.",
                 [("count-mismatch", "source", 1, 10, 12, "李强", "Li Qiang")], id="GL302"),
    pytest.param("她出舱了。", "Wang Yaping left the module.",
                 [("extra-term", "target", 1, 1, 12, "Wang Yaping", None)], id="GL303"),
    pytest.param("张若尘表示，项目进展顺利。", "Zhang Ruochen said the project went well.",
                 [("unknown-name", "source", 1, 1, 4, "张若尘", None)], id="GL304"),
    pytest.param("李强出席了会议。", "Li Qiang attended 会议.",
                 [("untranslated", "target", 1, 19, 21, "会议", None)], id="GL204-in-target"),
    pytest.param("王亚平出舱。", "王亚平出舱。",
                 [("missing-translation", "source", 1, 1, 4, "王亚平", "Wang Yaping"),
                  ("untranslated", "target", 1, 1, 6, "王亚平出舱", None)], id="GL204-copied-source"),
]


@pytest.mark.parametrize("source, target, expected", GOLDEN_PAIR)
def test_golden_pair(source, target, expected):
    rules = ALL_RULES  # unknown-name is off by default
    got = [(f.rule, f.side, f.line, f.column, f.end_column, f.found, f.expected)
           for f in pair_findings(source, target, rules=rules)]
    assert got == expected


# ============================================================ hard cases that must stay silent

HARD_CLEAN = [
    pytest.param("Premier Li Qiang (李强) met the delegates.", id="title-before-name"),
    pytest.param("Shanghai Spacesail Technologies Co Ltd (上海垣信卫星科技有限公司) builds satellites.", id="company"),
    pytest.param("Shanghai Spacesail Technologies Co., Ltd. (上海垣信卫星科技有限公司) builds satellites.",
                 id="company-with-dots"),
    pytest.param("Premier Li Qiang（李强）spoke.", id="full-width-parens"),
    pytest.param("Premier Li Qiang (李強) spoke.", id="traditional-gloss"),
    pytest.param("李强（Li Qiang）spoke first.", id="reverse-order"),
    pytest.param("李强 (Li Qiang) spoke first.", id="reverse-order-half-width"),
    pytest.param("The Guangdong (广东) Hong Kong (香港) Macao (澳门) Greater Bay Area (粤港澳大湾区) is growing.",
                 id="run-of-glosses"),
    pytest.param("The Guangdong（广东）Hong Kong（香港）Macao（澳门）Greater Bay Area（粤港澳大湾区）is growing.",
                 id="run-of-full-width-glosses"),
    pytest.param("the ship ‘Linghangzhe (领航者)’ sailed.", id="gloss-in-curly-quotes"),
    pytest.param('the ship "Linghangzhe (领航者)" sailed.', id="gloss-in-straight-quotes"),
    pytest.param("the ship ‘Linghangzhe’ (领航者) sailed.", id="quote-between-name-and-gloss"),
    pytest.param("Qianfan (千帆) grows, and Qianfan’s satellites are small.", id="possessive-after-gloss"),
    pytest.param("Qianfan’s (千帆) first satellites flew.", id="possessive-before-gloss"),
    pytest.param("Near-Earth asteroid defence (近地小行星防御) is a new programme.", id="sentence-initial-capital"),
    pytest.param("Rong Yi (容易) designs rockets.", id="ambiguous-term-in-gloss"),
    pytest.param("CPPCC (全国政协) members met.", id="alias-with-zh-variant"),
    pytest.param("Wang Yaping (王 亚 平) spoke.", id="spaces-inside-gloss"),
    pytest.param("Beijing-Tianjin-Hebei (京津冀) grows.", id="alias-with-hyphens"),
    pytest.param("They met in the Great Hall of\nthe People (人民大会堂).", id="name-across-line-break"),
    pytest.param("Tianwen-3 (天问三号) and Tianwen-3（天问三号） fly.", id="same-gloss-twice"),
    pytest.param("Spacesail (垣信) builds the Qianfan constellation (千帆星座).", id="aliases-glossed"),
    pytest.param("Chang’e-7 (嫦娥七号) follows; Chang'e-7 (嫦娥七号) lands.", id="apostrophes-in-glossed-names"),
    pytest.param("Lunar exploration programme (探月工程) missions continue.", id="sentence-initial-glossed"),
]


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_hard_cases_give_no_findings(text):
    assert summary(text_findings(text)) == []


# ============================================================ GL101 gloss-mismatch

GLOSS_MISMATCH = [
    # (text, found, expected): the wrong English, or the wrong Chinese in the gloss
    pytest.param("Minister Zhang Ji (张琦) spoke.", "Zhang Ji", "Zhang Qi", id="wrong-english"),
    pytest.param("Minister Zhang Ji (張琦) spoke.", "Zhang Ji", "Zhang Qi", id="wrong-english-traditional"),
    pytest.param("Minister Zhang Ji（张琦）spoke.", "Zhang Ji", "Zhang Qi", id="wrong-english-full-width"),
    pytest.param("Premier Li Qiang (李刚) arrived.", "李刚", "李强", id="wrong-unknown-chinese"),
    pytest.param("Wang Yaping (李强) spoke.", "李强", "王亚平", id="gloss-of-another-term"),
    pytest.param("Rong Yi (王亚平) designs rockets.", "王亚平", "容易", id="ambiguous-name-wrong-gloss"),
    pytest.param("CPPCC (全国人大) met.", "全国人大", "中国人民政治协商会议", id="alias-glossed-as-other-body"),
    pytest.param("李强（Li Gang）spoke.", "Li Gang", "Li Qiang", id="reverse-wrong-english"),
    pytest.param("李强（Wang Yaping）spoke.", "李强", "王亚平", id="reverse-english-of-another-term"),
    pytest.param("the ship ‘Pathfinder (领航者)’ sailed.", "Pathfinder", "Linghangzhe", id="translated-not-glossary"),
]


@pytest.mark.parametrize("text, found, expected", GLOSS_MISMATCH)
def test_gloss_mismatch_fires(text, found, expected):
    hits = of(text_findings(text), "gloss-mismatch")
    assert [(f.found, f.expected) for f in hits] == [(found, expected)]
    assert hits[0].term is not None and expected in (hits[0].term.en, hits[0].term.zh)


def test_gloss_mismatch_last_gloss_of_a_run_reports_the_name_not_a_fragment():
    text = "The Guangdong (广东) Hong Kong (香港) Macao (澳门) Greater Bay Zone (粤港澳大湾区) is growing."
    hits = of(text_findings(text), "gloss-mismatch")
    assert len(hits) == 1
    assert hits[0].expected == "Guangdong-Hong Kong-Macao Greater Bay Area"
    # Either the words right before the gloss or the whole run, but never a cut through "Hong Kong".
    assert hits[0].found in ("Greater Bay Zone", "Guangdong (广东) Hong Kong (香港) Macao (澳门) Greater Bay Zone")


@pytest.mark.parametrize("text", [
    "Premier Li Qiang (李强) spoke.",
    "Macau (澳门) grows.",  # a variant is the right term: variant, not gloss-mismatch
    "Wang Yapin (王亚平) flew.",  # a forbidden form is the right term: forbidden, not gloss-mismatch
    "Zhang Ruochen (张若尘) joined.",  # unknown Chinese: unknown-term, not gloss-mismatch
    "The Guangdong (广东) Hong Kong (香港) Macau (澳门) Greater Bay Area (粤港澳大湾区) is growing.",
])
def test_gloss_mismatch_quiet(text):
    assert of(text_findings(text), "gloss-mismatch") == []


# ============================================================ GL102 unknown-term

UNKNOWN_TERM = [
    # (text, found, suggested zh, en, pinyin, category)
    pytest.param("Zhang Ruochen (张若尘) joined.", "张若尘", "张若尘", "Zhang Ruochen", "Zhāng Ruòchén", "person",
                 id="person"),
    pytest.param("张若尘（Zhang Ruochen）joined.", "张若尘", "张若尘", "Zhang Ruochen", "Zhāng Ruòchén", "person",
                 id="reverse-order"),
    pytest.param("Tsinghua University (清华大学) hosted the meeting.", "清华大学", "清华大学", "Tsinghua University",
                 "Qīnghuá Dàxué", "organization", id="organization-conventional-english"),
    pytest.param("(张若尘) joined.", "张若尘", "张若尘", "Zhang Ruochen", "Zhāng Ruòchén", "person",
                 id="no-english-romanized"),
    pytest.param("Engineer Zhang Ruochen (张若尘) joined.", "张若尘", "张若尘", "Zhang Ruochen", "Zhāng Ruòchén",
                 "person", id="title-not-part-of-name"),
    pytest.param("Han Yu (韩愈) and Liu Zongyuan (柳宗元) wrote.", "柳宗元", "柳宗元", "Liu Zongyuan", "Liǔ Zōngyuán",
                 "person", id="second-gloss-not-merged-with-first"),
    pytest.param("Zhang Ruochen (張若塵) joined.", "張若塵", "张若尘", "Zhang Ruochen", "Zhāng Ruòchén", "person",
                 id="traditional-suggests-simplified-row"),
    pytest.param("The Changan (长安汽车) sold more cars.", "长安汽车", "长安汽车", "Changan", "Cháng'ān Qìchē", "",
                 id="sentence-initial-article-dropped"),
    pytest.param("Rain fell. The Beilin Museum (碑林博物馆) stayed open.", "碑林博物馆", "碑林博物馆", "Beilin Museum",
                 "Bēilín Bówùguǎn", "", id="article-after-a-full-stop-dropped"),
    pytest.param("They flew to The Hague (海牙) in May.", "海牙", "海牙", "The Hague", "Hǎiyá", "",
                 id="article-inside-a-sentence-kept"),
    pytest.param("Tianhe-2 supercomputer (天河二号) is fast.", "天河二号", "天河二号", "Tianhe-2 supercomputer",
                 "Tiānhé Èr Hào", "", id="numbered-name-not-a-spacecraft"),
    pytest.param("The Tianyu-3 rocket (天羽三号) flew.", "天羽三号", "天羽三号", "Tianyu-3 rocket",
                 "Tiānyǔ Sān Hào", "launch-vehicle", id="numbered-name-rocket"),
    pytest.param("Qiming-7 (启明七号) is planned.", "启明七号", "启明七号", "Qiming-7", "Qǐmíng Qī Hào",
                 "spacecraft", id="numbered-name-guess-kept"),
]


@pytest.mark.parametrize("text, found, zh, en, pinyin, category", UNKNOWN_TERM)
def test_unknown_term_fires_with_suggested_row(text, found, zh, en, pinyin, category):
    hits = [f for f in of(text_findings(text), "unknown-term") if f.found == found]
    assert len(hits) == 1
    row = hits[0].suggestion
    assert row is not None
    assert (row.zh, row.en, row.pinyin, row.category) == (zh, en, pinyin, category)


def test_unknown_term_quiet_on_known_terms():
    text = "Premier Li Qiang (李强), Zhang Qi (张琦), Tianwen-3 (天问三号) and the CPPCC (全国政协)."
    assert of(text_findings(text), "unknown-term") == []


# ============================================================ GL103 pinyin-mismatch

PINYIN_MISMATCH = [
    pytest.param("Zhang Ruocheng (张若尘) joined.", "Zhang Ruocheng", "Zhang Ruochen", id="extra-letter"),
    pytest.param("Engineer Zhang Ruocheng (张若尘) joined.", "Zhang Ruocheng", "Zhang Ruochen", id="after-title"),
    pytest.param("张若尘（Zhang Ruocheng）joined.", "Zhang Ruocheng", "Zhang Ruochen", id="reverse-order"),
    pytest.param("Wang Yabeng (王亚鹏) spoke.", "Wang Yabeng", "Wang Yapeng", id="b-for-p"),
    pytest.param("Xi Xinghai (冼星海) wrote music.", "Xi Xinghai", "Xian Xinghai", id="dropped-syllable-end"),
]


@pytest.mark.parametrize("text, found, expected", PINYIN_MISMATCH)
def test_pinyin_mismatch_fires(text, found, expected):
    findings = text_findings(text)
    assert [(f.found, f.expected) for f in of(findings, "pinyin-mismatch")] == [(found, expected)]
    assert len(of(findings, "unknown-term")) == 1  # an unknown name is also reported as unknown


@pytest.mark.parametrize("text", [
    pytest.param("Zhang Ruochen (张若尘) joined.", id="exact"),
    pytest.param("ZHANG Ruochen (张若尘) joined.", id="case"),
    pytest.param("Zhang Ruo Chen (张若尘) joined.", id="spaces"),
    pytest.param("Zhang Ruo'chen (张若尘) joined.", id="apostrophe"),
    pytest.param("Zhang Ruo’chen (张若尘) joined.", id="curly-apostrophe"),
    pytest.param("Zeng Ming (曾明) spoke.", id="polyphonic-zeng"),
    pytest.param("Ceng Ming (曾明) spoke.", id="polyphonic-ceng"),
    pytest.param("Zhang Le (张乐) spoke.", id="polyphonic-le"),
    pytest.param("Zhang Yue (张乐) spoke.", id="polyphonic-yue"),
    pytest.param("Shan Tian (单田) spoke.", id="polyphonic-shan"),
    pytest.param("Dan Tian (单田) spoke.", id="polyphonic-dan"),
    pytest.param("Tsinghua University (清华大学) hosted.", id="english-that-is-not-pinyin"),
    pytest.param("Minister Zhang Ji (张琦) spoke.", id="known-term-is-gloss-mismatch-instead"),
])
def test_pinyin_mismatch_quiet(text):
    assert of(text_findings(text), "pinyin-mismatch") == []


# ============================================================ GL201 variant

VARIANT = [
    # (text, found, expected)
    pytest.param("Students from Macau study here.", "Macau", "Macao", id="listed"),
    pytest.param("The old name Peking survives.", "Peking", "Beijing", id="outdated"),
    pytest.param("The Tianwen 3 orbiter is ready.", "Tianwen 3", "Tianwen-3", id="space-for-hyphen"),
    pytest.param("Satellites of the Qian Fan network.", "Qian Fan", "Qianfan", id="split-word"),
    pytest.param("The ship Ling Hang Zhe sailed.", "Ling Hang Zhe", "Linghangzhe", id="split-syllables"),
    pytest.param("Flights to Hongkong resumed.", "Hongkong", "Hong Kong", id="joined-words"),
    pytest.param("Names like Yaping Wang confuse readers.", "Yaping Wang", "Wang Yaping", id="name-order"),
    pytest.param("The tianwen3 orbiter is ready.", "tianwen3", "Tianwen-3", id="unlisted-no-separator"),
    pytest.param("A Long March–2D flew.", "Long March–2D", "Long March 2D", id="listed-with-en-dash"),
    pytest.param("The Beidou Navigation Satellite System grew.", "Beidou Navigation Satellite System",
                 "BeiDou Navigation Satellite System", id="internal-capital-lost"),
    pytest.param("Macau (澳门) is growing.", "Macau", "Macao", id="inside-a-gloss"),
]


@pytest.mark.parametrize("text, found, expected", VARIANT)
def test_variant_fires(text, found, expected):
    hits = of(text_findings(text), "variant")
    assert [(f.found, f.expected) for f in hits] == [(found, expected)]
    assert expected in hits[0].message


def test_variant_of_an_alias_suggests_the_alias():
    # The rule's own example: 'Beidou' is a variant; use 'BeiDou'.
    hits = of(text_findings("The Beidou system works."), "variant")
    assert [(f.found, f.expected) for f in hits] == [("Beidou", "BeiDou")]


@pytest.mark.parametrize("text", [
    pytest.param("Lunar exploration programme missions continue.", id="sentence-initial"),
    pytest.param("The plan grew. Near-Earth asteroid defence is new.", id="after-full-stop"),
    pytest.param("## Lunar exploration programme\n\nMissions continue.", id="heading"),
    pytest.param("- Lunar exploration programme\n- Tianwen-3", id="list-item"),
    pytest.param("“Near-Earth asteroid defence” is new.", id="after-opening-quote"),
    pytest.param("Macao SAR, HKSAR and the CPPCC met.", id="aliases"),
    pytest.param("BeiDou and ＢｅｉＤｏｕ receivers.", id="alias-full-width"),
    pytest.param("Tianwen–3 and Tianwen\u20113 fly.", id="dashes"),
    pytest.param("Chang’e-7 and Chang'e-7 fly.", id="quotes"),
    pytest.param("Qianfan’s satellites.", id="possessive"),
])
def test_variant_quiet(text):
    assert of(text_findings(text), "variant") == []


# ============================================================ GL202 forbidden

FORBIDDEN = [
    pytest.param("Astronaut Wang Yapin walked in space.", "Wang Yapin", "Wang Yaping", id="person"),
    pytest.param("Ships leave Tianjing daily.", "Tianjing", "Tianjin", id="place"),
    pytest.param("The Chinese Academy of Science said so.", "Chinese Academy of Science",
                 "Chinese Academy of Sciences", id="organization"),
    pytest.param("The Shenzou-10 crew returned.", "Shenzou-10", "Shenzhou-10", id="spacecraft"),
    pytest.param("The Chinese People's Political Consultative Committee met.",
                 "Chinese People's Political Consultative Committee",
                 "Chinese People's Political Consultative Conference", id="long-name"),
]


@pytest.mark.parametrize("text, found, expected", FORBIDDEN)
def test_forbidden_fires(text, found, expected):
    findings = text_findings(text)
    assert [(f.rule, f.found, f.expected) for f in findings] == [("forbidden", found, expected)]


def test_forbidden_in_a_gloss_is_forbidden_only():
    assert summary(text_findings("Wang Yapin (王亚平) flew.")) == [("forbidden", "Wang Yapin")]


def test_forbidden_form_is_not_also_an_inconsistency():
    assert summary(text_findings("Wang Yaping flew; Wang Yapin too.")) == [("forbidden", "Wang Yapin")]


@pytest.mark.parametrize("text", [
    "The Chinese Academy of Sciences said so.",  # contains the forbidden form as a prefix
    "Ships leave Tianjin daily.",
    "Astronaut Wang Yaping walked in space.",
])
def test_forbidden_quiet(text):
    assert of(text_findings(text), "forbidden") == []


# ============================================================ GL203 inconsistent

INCONSISTENT = [
    # (text, term id, the two spellings)
    pytest.param("Tianwen-3 launches in 2028. The Tianwen 3 orbiter follows.", "tianwen-3",
                 ("Tianwen-3", "Tianwen 3"), id="tianwen-preferred-first"),
    pytest.param("The Tianwen 3 orbiter follows Tianwen-3.", "tianwen-3", ("Tianwen-3", "Tianwen 3"),
                 id="tianwen-variant-first"),
    pytest.param("Tianwen-3 flies; tianwen3 lands.", "tianwen-3", ("Tianwen-3", "tianwen3"), id="tolerant-case"),
    pytest.param("BeiDou covers the globe. Beidou receivers are cheap.", "beidou-navigation-satellite-system",
                 ("BeiDou", "Beidou"), id="beidou-alias-first"),
    pytest.param("Beidou receivers are cheap. BeiDou covers the globe.", "beidou-navigation-satellite-system",
                 ("BeiDou", "Beidou"), id="beidou-variant-first"),
    pytest.param("Qianfan (千帆) grows. The Qian Fan satellites are small.", "qianfan", ("Qianfan", "Qian Fan"),
                 id="qianfan-preferred-first"),
    pytest.param("The Qian Fan satellites are small; Qianfan grows.", "qianfan", ("Qianfan", "Qian Fan"),
                 id="qianfan-variant-first"),
    pytest.param("The Long March 2D flew; another Long March-2D waits.", "long-march-2d",
                 ("Long March 2D", "Long March-2D"), id="long-march-hyphen"),
    pytest.param("Tianwen-3 flies.\n\nLater the\nTianwen 3 orbiter follows.", "tianwen-3",
                 ("Tianwen-3", "Tianwen 3"), id="across-paragraphs"),
]


@pytest.mark.parametrize("text, term_id, forms", INCONSISTENT)
def test_inconsistent_fires(text, term_id, forms):
    hits = of(text_findings(text), "inconsistent")
    assert len(hits) == 1
    assert hits[0].term is not None and hits[0].term.id == term_id
    assert hits[0].found in forms


def test_inconsistent_flags_the_later_variant_when_the_preferred_form_came_first():
    hits = of(text_findings("Tianwen-3 launches.\nThe Tianwen 3 orbiter follows."), "inconsistent")
    assert [(f.found, f.line, f.column, f.expected) for f in hits] == [("Tianwen 3", 2, 5, "Tianwen-3")]
    assert "line 1" in hits[0].message


INCONSISTENT_QUIET = [
    # typography alone
    pytest.param("Chang’e-7 launches. Chang'e-7 lands.", id="curly-vs-straight-apostrophe"),
    pytest.param("Tianwen-3 launches. Tianwen–3 lands.", id="hyphen-vs-en-dash"),
    pytest.param("Tianwen-3 launches. Tianwen\u20113 lands.", id="hyphen-vs-non-breaking-hyphen"),
    pytest.param("Tianwen-3 launches. Ｔｉａｎｗｅｎ－３ lands.", id="full-width-letters"),
    pytest.param("Premier Li Qiang (李强) spoke. Li Qiang（李强）left.", id="half-vs-full-width-parens"),
    pytest.param("The National People’s Congress met. The National People's Congress rose.", id="apostrophes-long"),
    pytest.param("Hong Kong grows. Hong\u00a0Kong shrinks.", id="no-break-space"),
    # aliases never count
    pytest.param("The Chinese People's Political Consultative Conference met. The CPPCC rose.", id="acronym-alias"),
    pytest.param("Macao grows. Macao SAR shrinks. Macao again.", id="alias-between"),
    pytest.param("The Guangdong-Hong Kong-Macao Greater Bay Area grows. The Greater Bay Area rises.",
                 id="short-alias"),
    pytest.param("Spacesail builds Qianfan. Shanghai Spacesail Technologies Co Ltd owns it.", id="company-alias"),
    # sentence-initial capitals and possessives
    pytest.param("Lunar exploration programme missions continue. The lunar exploration programme grows.",
                 id="sentence-initial-capital"),
    pytest.param("Qianfan (千帆) grows. Qianfan’s satellites are small. Qianfan's network too.", id="possessives"),
]


@pytest.mark.parametrize("text", INCONSISTENT_QUIET)
def test_inconsistent_quiet(text):
    assert summary(text_findings(text)) == []


# ============================================================ GL204 untranslated

UNTRANSLATED = [
    # (text, found, expected)
    pytest.param("The 两会 opened in Beijing.", "两会", "Two Sessions", id="glossary-term"),
    pytest.param("The 兩會 opened in Beijing.", "兩會", "Two Sessions", id="traditional"),
    pytest.param("The slogan “数字中国” spread.", "数字中国", "Digital China", id="in-quotes-not-a-gloss"),
    pytest.param("He said 你好 to everyone.", "你好", None, id="not-a-term"),
    pytest.param("Li Qiang (李强) spoke in the 人民大会堂.", "人民大会堂", "Great Hall of the People",
                 id="after-a-good-gloss"),
]


@pytest.mark.parametrize("text, found, expected", UNTRANSLATED)
def test_untranslated_fires(text, found, expected):
    hits = of(text_findings(text), "untranslated")
    assert [(f.found, f.expected) for f in hits] == [(found, expected)]


@pytest.mark.parametrize("text", [
    pytest.param("Li Qiang (李强) spoke.", id="gloss"),
    pytest.param("Li Qiang（李強）spoke.", id="full-width-traditional-gloss"),
    pytest.param("李强（Li Qiang）spoke.", id="reverse-gloss"),
    pytest.param("Yang Liwei (杨 利 伟) spoke.", id="gloss-with-spaces"),
    pytest.param("Write `李强` in code.", id="code-span"),
    pytest.param("See [Li Qiang](https://x.cn/李强).", id="link-target"),
    pytest.param("<!-- glossary off -->李强<!-- glossary on --> spoke.", id="off-region"),
])
def test_untranslated_quiet(text):
    assert of(text_findings(text), "untranslated") == []


def test_untranslated_in_a_target_allows_glosses():
    assert pair_findings("李强出席。", "Li Qiang (李强) attended.") == []


# ============================================================ Markdown: what is skipped

SKIPPED = [
    pytest.param("Use `Tianwen 3` or `李强` in code. Tianwen-3 flies.", id="code-spans"),
    pytest.param("```\nTianwen 3 两会 Zhang Ji (张琦)\n```\nTianwen-3 flies.", id="fenced-block"),
    pytest.param("Para.\n\n    Tianwen 3 两会 Zhang Ji (张琦)\n\nTianwen-3 flies.", id="indented-block"),
    pytest.param("See [Tianwen-3](Tianwen_3/两会) now.", id="link-target"),  # a URL is skipped in text too
    pytest.param("[ref]: https://x.cn/两会 \"Tianwen 3\"\n\nTianwen-3 flies.", id="reference-definition"),
    pytest.param("<!-- Tianwen 3 两会 -->\nTianwen-3 flies.", id="html-comment"),
]


@pytest.mark.parametrize("text", SKIPPED)
def test_markdown_regions_are_skipped(text):
    assert summary(text_findings(text)) == []
    # ...and they are real problems when the text is not Markdown.
    assert text_findings(text, markdown=False) != []


@pytest.mark.parametrize("text", [
    pytest.param("**Li Qiang** (李强) spoke.", id="bold-name"),
    pytest.param("The ship *Linghangzhe* (领航者) sailed.", id="italic-ship"),
    pytest.param("The ship _Linghangzhe_ (领航者) sailed.", id="underscore-italic-ship"),
    pytest.param("The ship *Linghangzhe (领航者)* sailed.", id="gloss-inside-emphasis"),
    pytest.param("[Li Qiang](https://example.com/li) (李强) spoke.", id="link-text"),
])
def test_markdown_markup_between_name_and_gloss_is_not_a_mismatch(text):
    assert summary(text_findings(text)) == []


@pytest.mark.parametrize("markdown", [True, False])
def test_glossary_off_region_is_skipped_in_any_mode(markdown):
    text = "Intro.\n<!-- glossary off -->\nTianwen 3 两会 Zhang Ji (张琦)\n<!-- glossary on -->\nTianwen 3 flies."
    assert [(f.rule, f.line, f.column) for f in text_findings(text, markdown=markdown)] == [("variant", 5, 1)]


def test_masking_does_not_move_columns():
    findings = text_findings("Use `x` and [y](http://z) then Tianwen 3.")
    assert [(f.rule, f.column, f.end_column) for f in findings] == [("variant", 32, 41)]


def test_fenced_block_with_windows_line_ends_ends_at_its_fence():
    text = "Intro.\r\n\r\n```\r\nTianwen 3\r\n```\r\n\r\nThen Tianwen 3 flew.\r\n"
    assert [(f.rule, f.line, f.column) for f in text_findings(text)] == [("variant", 7, 6)]


def test_indented_block_with_windows_line_ends_is_skipped():
    text = "Intro.\r\n\r\n    Tianwen 3 code\r\n\r\nThen Tianwen 3 flew.\r\n"
    assert [(f.rule, f.line, f.column) for f in text_findings(text)] == [("variant", 5, 6)]


# ============================================================ positions

DOC_LF = (
    "# Notes\n"
    "Minister Zhang Ji (张琦) spoke.\n"
    "\n"
    "The 两会 closed; Tianwen-3 and the Tianwen 3 orbiter.\n"
)


def _positions(findings):
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.found) for f in findings]


def test_positions_exact():
    assert _positions(text_findings(DOC_LF)) == [
        ("gloss-mismatch", 2, 10, 2, 18, "Zhang Ji"),
        ("untranslated", 4, 5, 4, 7, "两会"),
        ("variant", 4, 34, 4, 43, "Tianwen 3"),
        ("inconsistent", 4, 34, 4, 43, "Tianwen 3"),
    ]


def test_crlf_keeps_columns():
    crlf = DOC_LF.replace("\n", "\r\n")
    assert _positions(text_findings(crlf)) == _positions(text_findings(DOC_LF))


def test_columns_count_characters_not_bytes_or_utf16_units():
    findings = text_findings("🚀 航天 Tianwen 3 flew.")
    assert [(f.rule, f.column, f.end_column) for f in findings] == [("untranslated", 3, 5), ("variant", 6, 15)]


def test_finding_across_a_line_break():
    findings = text_findings("We saw the\nTianwen\n3 fly.")
    assert _positions(findings) == [("variant", 2, 1, 3, 2, "Tianwen\n3")]


def test_source_side_positions_with_crlf():
    findings = pair_findings("杨利伟说：\r\n王亚平出舱。", "Yang Liwei said:\r\nThe astronaut left.")
    assert [(f.rule, f.side, f.line, f.column, f.found) for f in findings] == [
        ("missing-translation", "source", 2, 1, "王亚平")
    ]


# ============================================================ GL301 missing-translation

MISSING = [
    # (source, target, found, expected)
    pytest.param("李强出席。", "The premier attended.", "李强", "Li Qiang", id="person"),
    pytest.param("李強出席。", "The premier attended.", "李強", "Li Qiang", id="traditional"),
    pytest.param("长征十号甲发射成功。", "The rocket launched.", "长征十号甲", "Long March 10A", id="longest-first"),
    pytest.param("长征十号甲发射成功。", "The Long March 10 launched.", "长征十号甲", "Long March 10A",
                 id="shorter-term-is-not-the-translation"),
    pytest.param("全国政协开幕。", "The session opened.", "全国政协",
                 "Chinese People's Political Consultative Conference", id="zh-variant"),
    pytest.param("总设计师容易表示，进展顺利。", "The chief designer said all went well.", "容易", "Rong Yi",
                 id="ambiguous-with-context"),
    pytest.param("他们正在建设千帆星座。", "They are building a network.", "千帆星座", "Qianfan",
                 id="unambiguous-form-of-ambiguous-term"),
    pytest.param("王亚平出舱。", "Wang Yapin left the module.", "王亚平", "Wang Yaping",
                 id="forbidden-form-is-not-a-translation"),
]


@pytest.mark.parametrize("source, target, found, expected", MISSING)
def test_missing_translation_fires(source, target, found, expected):
    hits = of(pair_findings(source, target), "missing-translation")
    assert [(f.side, f.found, f.expected) for f in hits] == [("source", found, expected)]


@pytest.mark.parametrize("source, target", [
    pytest.param("李强出席。", "Li Qiang attended.", id="preferred"),
    pytest.param("李強出席。", "Li Qiang attended.", id="traditional"),
    pytest.param("全国政协开幕。", "The CPPCC opened.", id="alias"),
    pytest.param("这件事很容易。", "This is easy.", id="ambiguous-word"),
    pytest.param("李强国来了。", "Li Qiangguo came.", id="longer-name-li"),
    pytest.param("王林业来了。", "Wang Linye came.", id="longer-name-wang"),
    pytest.param("千帆竞发。", "A thousand sails race.", id="thousand-sails"),
    pytest.param("李强出席。", "Li Qiang (李强) attended.", id="gloss-in-target"),
    pytest.param("长征十号甲发射。", "The Long March 10A launched.", id="longest"),
])
def test_missing_translation_quiet(source, target):
    assert of(pair_findings(source, target), "missing-translation") == []


# ============================================================ GL302 count-mismatch

COUNT = [
    # (source, target, found, column of the first unmatched occurrence)
    pytest.param("李强会见了王亚平。李强表示欢迎。", "Li Qiang met Wang Yaping and welcomed her.", "李强", 10,
                 id="person-twice"),
    pytest.param("王亚平说，王亚平的任务完成了。", "Wang Yaping said the mission was done.", "王亚平", 6,
                 id="person-twice-close"),
]


def test_extra_term_is_off_by_default():
    assert check_pair("她出舱了。", "Wang Yaping left the module.") == []


@pytest.mark.parametrize("source, target, found, column", COUNT)
def test_count_mismatch_fires(source, target, found, column):
    findings = pair_findings(source, target, rules=DEFAULT_RULES | {"count-mismatch"})
    hits = of(findings, "count-mismatch")
    assert [(f.side, f.found, f.column) for f in hits] == [("source", found, column)]
    assert of(findings, "missing-translation") == []


@pytest.mark.parametrize("source, target", [
    pytest.param("李强会见了王亚平。李强表示欢迎。", "Li Qiang met Wang Yaping. Li Qiang welcomed her.", id="equal"),
    pytest.param("李强表示欢迎。", "Li Qiang welcomed them, Li Qiang said.", id="more-in-target"),
    pytest.param("李强出席。", "The premier attended.", id="none-is-missing-not-count"),
])
def test_count_mismatch_quiet(source, target):
    assert of(pair_findings(source, target), "count-mismatch") == []


# ============================================================ GL303 extra-term

EXTRA = [
    # (source, target, found)
    pytest.param("她出舱了。", "Wang Yaping left the module.", "Wang Yaping", id="person"),
    pytest.param("会议开幕。", "The CPPCC opened.", "CPPCC", id="alias"),
    pytest.param("这件事很容易。", "This is easy, said Rong Yi.", "Rong Yi", id="ambiguous-word-is-not-the-name"),
    pytest.param("李强国来了。", "Li Qiang came.", "Li Qiang", id="inside-a-longer-name"),
    pytest.param("长征十号甲发射。", "The Long March 10A and a Long March 10 launched.", "Long March 10",
                 id="inside-a-longer-term"),
]


@pytest.mark.parametrize("source, target, found", EXTRA)
def test_extra_term_fires(source, target, found):
    hits = of(pair_findings(source, target, rules=DEFAULT_RULES | {"extra-term"}), "extra-term")
    assert [(f.side, f.found, f.severity) for f in hits] == [("target", found, "info")]


@pytest.mark.parametrize("source, target", [
    pytest.param("王亚平出舱。", "Wang Yaping left.", id="present"),
    pytest.param("王亞平出艙。", "Wang Yaping left.", id="traditional-source"),
    pytest.param("全国政协开幕。", "The CPPCC opened.", id="alias-and-zh-variant"),
    pytest.param("总设计师容易表示。", "Chief designer Rong Yi said so.", id="ambiguous-name-with-context"),
])
def test_extra_term_quiet(source, target):
    assert of(pair_findings(source, target, rules=DEFAULT_RULES | {"extra-term"}), "extra-term") == []


# ============================================================ GL304 unknown-name

UNKNOWN_NAME = [
    # (source, found, category, suggested English or None)
    pytest.param("张若尘表示，项目进展顺利。", "张若尘", "person", "Zhang Ruochen", id="person"),
    pytest.param("他去了洛阳。", "洛阳", "place", "Luoyang", id="place"),
    pytest.param("清华大学发布了报告。", "清华大学", "organization", None, id="organization"),
]


@pytest.mark.parametrize("source, found, category, en", UNKNOWN_NAME)
def test_unknown_name_fires(source, found, category, en):
    hits = of(pair_findings(source, "x", rules=ALL_RULES), "unknown-name")
    assert [(f.side, f.found, f.severity) for f in hits] == [("source", found, "info")]
    row = hits[0].suggestion
    assert row is not None and row.zh == found and row.category == category and row.pinyin
    if en is not None:
        assert row.en == en


def test_unknown_name_reported_once_per_name():
    hits = of(pair_findings("张若尘说，张若尘笑了。", "x", rules=ALL_RULES), "unknown-name")
    assert [(f.found, f.column) for f in hits] == [("张若尘", 1)]


def test_unknown_name_traditional_suggests_simplified_row():
    hits = of(pair_findings("張若塵表示，項目順利。", "Zhang Ruochen said.", rules=ALL_RULES), "unknown-name")
    assert [f.found for f in hits] == ["張若塵"]
    assert (hits[0].suggestion.zh, hits[0].suggestion.en) == ("张若尘", "Zhang Ruochen")


@pytest.mark.parametrize("source", [
    pytest.param("杨利伟说，王亚平出舱。", id="glossary-names"),
    pytest.param("李强会见了王亚平。", id="glossary-names-jieba-splits"),
    pytest.param("这件事很容易。", id="ambiguous-word"),
    pytest.param("卫星发射成功。", id="satellite-is-not-a-person"),
])
def test_unknown_name_quiet(source):
    assert of(pair_findings(source, "x", rules=ALL_RULES), "unknown-name") == []


# ============================================================ documents of pairs: check_pairs

PAIRS = [
    ("李强出席。", "The premier attended."),
    ("天问三号发射。", "Tianwen-3 launched."),
    ("天问三号着陆。", "Tianwen 3 landed."),
    ("张若尘表示，\n王亚平出舱。", "Zhang Ruochen said\nWang Yaping left."),
]


def test_check_pairs_segments_and_sides():
    findings = check_pairs(PAIRS, rules=ALL_RULES)
    for f in findings:
        source, target = PAIRS[f.segment]
        assert_points_at_found(source if f.side == "source" else target, f)
    assert [(f.segment, f.rule, f.side, f.line, f.column, f.found) for f in findings] == [
        (0, "missing-translation", "source", 1, 1, "李强"),
        (2, "variant", "target", 1, 1, "Tianwen 3"),
        (2, "inconsistent", "target", 1, 1, "Tianwen 3"),
        (3, "unknown-name", "source", 1, 1, "张若尘"),
    ]
    assert "segment 1" in findings[2].message


def test_inconsistent_only_across_segments_in_check_pairs():
    for i, (source, target) in enumerate(PAIRS):
        assert of(pair_findings(source, target), "inconsistent") == [], i


def test_check_pair_reports_inconsistency_inside_one_target():
    findings = pair_findings("天问三号发射，天问三号着陆。", "Tianwen-3 launched and Tianwen 3 landed.")
    assert [(f.rule, f.column) for f in of(findings, "inconsistent")] == [("inconsistent", 24)]


def test_check_pair_has_no_segment():
    assert {f.segment for f in pair_findings(*PAIRS[0])} == {None}


def test_check_pairs_accepts_a_generator_and_empty_input():
    assert check_pairs(iter([])) == []
    assert [f.rule for f in check_pairs(p for p in PAIRS[:1])] == ["missing-translation"]


# ============================================================ choosing rules

def test_check_text_runs_only_the_chosen_rules():
    text = "Minister Zhang Ji (张琦) spoke. Tianwen 3 flew; Wang Yapin too; the 两会 ended."
    assert {f.rule for f in text_findings(text)} == {"gloss-mismatch", "variant", "forbidden", "untranslated"}
    assert {f.rule for f in text_findings(text, rules={"variant"})} == {"variant"}
    assert {f.rule for f in text_findings(text, rules=select_rules(["GL2"], ["untranslated"]))} == {
        "variant", "forbidden"}


def test_check_pair_runs_only_the_chosen_rules():
    findings = pair_findings("李强出席。", "The premier attended 会议.", rules={"missing-translation"})
    assert summary(findings) == [("missing-translation", "李强")]


# ============================================================ the article that glosses every article name

ARTICLE_PATH = FIXTURES / "article_all_names.md"


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article_terms(g):
    terms = [t for t in g if t.source == "article"]
    assert len(terms) == 38
    return terms


def test_article_has_no_errors_or_warnings(article):
    bad = [(f.rule, f.line, f.found) for f in text_findings(article) if f.severity in ("error", "warning")]
    assert bad == []


def test_article_glosses_every_article_name(g, article, article_terms):
    matches = find_terms(article, g)
    found_zh = {m.term.id for m in matches if m.lang == "zh"}
    assert {t.id for t in article_terms} <= found_zh
    # Every English occurrence is the preferred form or an alias ...
    assert {m.form for m in matches if m.lang == "en"} <= {"en", "alias"}
    # ... and every gloss follows the English of its own term.
    last_en = None
    for m in matches:
        if m.lang == "en":
            last_en = m
        else:
            assert last_en is not None and last_en.term.id == m.term.id, m


# --------------------------------------------------------------- glosses as news copy writes them
@pytest.mark.parametrize("text", [
    pytest.param("李强（Premier Li Qiang）spoke.", id="reverse-gloss-with-title"),
    pytest.param("天问三号 (Tianwen-3 mission) launched.", id="reverse-gloss-with-descriptor"),
    pytest.param("Premier Li Qiang (李强总理) spoke.", id="gloss-with-title"),
    pytest.param("Astronaut Wang Yaping (王亚平, the first Chinese woman to walk in space) spoke.", id="gloss-then-comma"),
    pytest.param("Mengzhou (梦舟) and Lanyue (揽月 lander) were shown.", id="gloss-then-word"),
])
def test_glosses_with_more_than_the_name_are_quiet(text):
    assert glossary.check_text(text) == []


def test_gloss_with_explanation_is_still_checked():
    found = [(f.rule, f.found, f.expected) for f in glossary.check_text("Zhang Ji (张琦, a deputy) spoke.")]
    assert found == [("gloss-mismatch", "Zhang Ji", "Zhang Qi")]


def test_inconsistent_names_the_accepted_spelling_the_document_uses():
    found = [(f.rule, f.found, f.expected) for f in glossary.check_text("The BeiDou system and the Beidou satellites.")]
    assert ("inconsistent", "Beidou", "BeiDou") in found
    assert ("variant", "Beidou", "BeiDou") in found


@pytest.mark.parametrize(
    "text, found",
    [
        # A translation row's English in lower case is ordinary English.
        ("She was a space pioneer in her field.", []),
        ("The meridian project of the city council failed.", []),
        # A pinyin name in lower case is a case slip (info).
        ("The crew of wang yaping trained for months.", ["wang yaping"]),
    ],
)
def test_lower_case_is_a_slip_only_for_names(text, found):
    got = [f.found for f in check_text(text, glossary.load()) if f.rule == "case"]
    assert got == found


@pytest.mark.parametrize(
    "text, expected",
    [
        # The preferred form shares no word with the wrong one: the alias that keeps its words.
        ("The Tiangong core module was ready.", "Tianhe core module"),
        ("The Tiangong module was ready.", "Tianhe module"),
        # It shares a word: the preferred form.
        ("The Shenzou-20 crew flew.", "Shenzhou-20"),
    ],
)
def test_forbidden_names_the_closest_accepted_form(text, expected):
    found = [f for f in check_text(text, glossary.load()) if f.rule == "forbidden"]
    assert [(f.expected, f.fix.replacement if f.fix else None) for f in found] == [(expected, expected)]
