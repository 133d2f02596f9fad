"""glossary.forms: the surface forms a term accepts, and the causes of false
alarms on real text, each with sentences that fire and sentences that stay
quiet, for text and for pairs. All sentences are written for these tests."""

from __future__ import annotations

import pytest

import glossary
from glossary import Glossary, Term, check_pair, check_text, find_terms
from glossary.forms import case_fit, chinese_number, english_surfaces, parse_series, plurals, to_chinese

ALARM = ("error", "warning")


def alarms(findings):
    return [(f.rule, f.found) for f in findings if f.severity in ALARM]


@pytest.fixture(scope="module")
def fin():
    """A small finance termbase of the kind WMT25 and TICO-19 carry."""
    return Glossary([
        Term(id="stress-test", zh="压力测试", en="liquidity stress test"),
        Term(id="antibody", zh="抗体", en="antibody"),
        Term(id="host", zh="宿主", en="host", forbidden=("hoster",)),
        Term(id="cd", zh="存款证", en="certificate of deposit"),
        Term(id="sme", zh="中小企业", en="SME"),
        Term(id="swift", zh="SWIFT", zh_variants=("环球银行金融电信协会",), en="SWIFT", verbatim=True),
        Term(id="report", zh="年报", en="Annual Report"),
    ])


# ------------------------------------------------------------ the forms themselves
@pytest.mark.parametrize("form, expected", [
    ("stress test", ("stress tests",)), ("antibody", ("antibodies",)), ("tax", ("taxes",)),
    ("Ministry of Finance", ("Ministries of Finance",)), ("certificate of deposit", ("certificates of deposit",)),
    ("spokesman", ("spokesmen",)), ("analysis", ("analyses",)), ("SME", ("SMEs",)),
    ("Long March 5", ()), ("Two Sessions", ()), ("spacecraft", ()), ("series", ()),
])
def test_plurals(form, expected):
    assert plurals(form) == expected


def test_plurals_keep_the_kind_and_names_are_not_inflected():
    t = Term(id="h", zh="宿主", en="host", variants=("hosting animal",), forbidden=("hoster",))
    assert ("hosters", "forbidden") in english_surfaces(t) and ("hosting animals", "variant") in english_surfaces(t)
    person = Term(id="w", zh="王亚平", en="Wang Yaping", category="person")
    assert english_surfaces(person) == [("Wang Yaping", "en")]


@pytest.mark.parametrize("surface, listed, verdict", [
    ("BEIJING", "Beijing", "same"), ("Hainan province", "Hainan Province", "same"),
    ("Lunar Exploration Programme", "lunar exploration programme", "same"), ("Chang'E", "Chang'e", "same"),
    ("Xinhua news agency", "Xinhua News Agency", "same"),
    ("Beidou", "BeiDou", "spelling"), ("tianwen-3", "Tianwen-3", "case"), ("QianFan", "Qianfan", "case"),
])
def test_case_fit(surface, listed, verdict):
    from glossary.en_keys import is_name_word as _is_name_word

    assert case_fit(surface, listed, is_name_word=_is_name_word) == verdict


@pytest.mark.parametrize("text, n", [("五", 5), ("十三", 13), ("二十一", 21), ("一百零二", 102), ("７", 7), ("两", 2)])
def test_chinese_numbers(text, n):
    assert chinese_number(text) == n
    assert chinese_number(to_chinese(n)) == n


def test_series_members_carry_the_templates_of_their_row():
    s = parse_series(Term(id="sz", zh="神舟", en="Shenzhou", series="Shenzhou-{n}", variants=("Shenzhou {n}",),
                          forbidden=("Shenzou-{n}",)))
    m = s.member(19)
    assert (m.zh, m.en, m.forbidden) == ("神舟十九号", "Shenzhou-19", ("Shenzou-19",))
    assert set(m.variants) == {"Shenzhou 19", "Shenzhou XIX"}


def test_a_bad_series_template_names_the_line(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("zh,en,series\n神舟,Shenzhou,Shenzhou-N\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryError) as info:
        glossary.load(p)
    assert str(info.value).startswith(f"{p}:2: series 'Shenzhou-N' needs one {{n}}")


# ------------------------------------------------------------ English inflection
@pytest.mark.parametrize("zh, en", [
    ("银行须进行压力测试。", "Banks must run liquidity stress tests every quarter."),
    ("抗体水平下降。", "Antibodies waned after six months."),
    ("病毒需要宿主。", "The virus needs intermediate hosts."),
    ("存款证发行量上升。", "Issuance of certificates of deposit rose."),
    ("中小企业贷款增加。", "Loans to SMEs grew."),
    ("宿主的反应。", "The host's response."),
])
def test_inflected_renderings_count(fin, zh, en):
    assert check_pair(zh, en, fin) == []


def test_the_plural_of_a_forbidden_form_is_forbidden(fin):
    assert alarms(check_text("Two hosters were found.", fin)) == [("forbidden", "hosters")]


def test_inflection_does_not_reach_another_word(fin):
    assert check_pair("病毒需要宿主。", "The virus needs a hostel.", fin)[0].rule == "missing-translation"


# ------------------------------------------------------------ adjectives and demonyms
@pytest.mark.parametrize("zh, en", [
    ("中国航天员进驻空间站。", "Chinese astronauts moved into the station."),
    ("中国人民欢迎客人。", "The Chinese people welcomed the guests."),
    ("澳门居民投票。", "Macanese voters went to the polls."),
])
def test_derived_forms_render_the_term(zh, en):
    assert [f.rule for f in check_pair(zh, en) if f.side == "source"] == []


# ------------------------------------------------------------ case
@pytest.mark.parametrize("text", [
    "BEIJING — The ministry said on Monday that work would go on.",
    "SHANGHAI (Wire) — Shares rose.",
    "Rockets fly from Hainan province every month.",
    "Crews live on the Tiangong Space Station for six months.",
    "Xinhua news agency reported the launch.",
])
def test_case_only_differences_never_warn(text):
    assert alarms(check_text(text)) == []


def test_a_lower_case_name_is_info_at_most():
    found = check_text("Reporters met wang yaping in the hall.")
    assert [(f.rule, f.severity, f.found) for f in found] == [("case", "info", "wang yaping")]


def test_a_case_sensitive_row_matches_only_as_written():
    g = Glossary([Term(id="may", zh="五月天", en="Mayday", case_sensitive=True)])
    assert [m.text for m in find_terms("Mayday played; a mayday call came; MAYDAY!", g)] == ["Mayday", "MAYDAY"]


# ------------------------------------------------------------ glosses as the web writes them
@pytest.mark.parametrize("text", [
    "Wang Yaping (Chinese: 王亚平; pinyin: Wáng Yàpíng) taught a class from orbit.",
    "Yang Liwei (simplified Chinese: 杨利伟; traditional Chinese: 楊利偉; pinyin: Yáng Lìwěi) flew first.",
    "The Long March 5 (Chinese: 长征五号) lifted off at dusk.",
    "Wang Yaping (Chinese: 王亚平, pinyin Wáng Yàpíng) spoke next.",
    "The Long March 5 (长征五号, Chángzhēng Wǔ Hào) is the heaviest.",
    "The name Long March (长征 chángzhēng) recalls the army's trek.",
    "The BeiDou Navigation Satellite System (BDS) (Chinese: 北斗卫星导航系统; pinyin: Běidǒu Wèixīng Dǎoháng Xìtǒng) grew.",
    "The Chinese Lunar Exploration Program (CLEP; Chinese: 中国探月; pinyin: Zhōngguó Tànyuè) began in 2004.",
    "It flew on a Long March 2F rocket (长征二号F运载火箭) from Jiuquan.",
    "The Shenzhou-13 mission (神舟十三号任务) ended in April.",
])
def test_web_glosses_are_read(text):
    assert alarms(check_text(text)) == []


def test_a_wrong_pinyin_in_a_gloss():
    found = alarms(check_text("Wang Yaping (Chinese: 王亚平; pinyin: Wáng Yàpín) taught a class."))
    assert found == [("pinyin-mismatch", "Wáng Yàpín")]


def test_a_near_miss_of_a_listed_rendering_is_still_a_mismatch():
    found = alarms(check_text("The China National Space Agency (国家航天局) said so."))
    assert found == [("gloss-mismatch", "China National Space Agency")]


def test_a_descriptor_before_a_gloss_of_another_term():
    assert alarms(check_text("The Tianwen-1 probe (嫦娥五号探测器) landed.")) == [("gloss-mismatch", "嫦娥五号探测器")]


def test_a_labelled_gloss_still_checks_the_name():
    assert alarms(check_text("Yang Liwei (Chinese: 王亚平; pinyin: Wáng Yàpíng) flew.")) == [("gloss-mismatch", "王亚平")]


# ------------------------------------------------------------ numbered series
@pytest.mark.parametrize("zh, en, expected", [
    ("嫦娥五号探测器成功发射。", "The probe was launched.", [("missing-translation", "嫦娥五号")]),
    ("嫦娥五号探测器成功发射。", "Chang'e-5 was launched.", []),
    ("嫦娥四號登陸月球背面。", "Chang'e-4 landed on the far side.", []),
    ("嫦娥五号探测器成功发射。", "Change-5 was launched.", [("forbidden", "Change-5"), ("missing-translation", "嫦娥五号")]),
    ("神舟十九号载人飞船发射。", "Shenzhou-19 lifted off.", []),
    ("长征五号乙运载火箭点火。", "A Long March 5B rocket ignited.", []),
    ("北斗三号系统开通。", "BDS-3 entered service.", []),
    ("长征六号改运载火箭首飞。", "A modified rocket flew for the first time.", []),
])
def test_series_members_in_pairs(zh, en, expected):
    assert sorted(alarms(check_pair(zh, en))) == sorted(expected)


def test_a_member_with_a_row_of_its_own_uses_it():
    (m,) = [m for m in find_terms("长征五号点火") if m.lang == "zh"]
    assert m.term.id == "long-march-5"


def test_series_members_in_text():
    assert alarms(check_text("Shenzhou-21 (神舟二十一号) docked.")) == []
    assert alarms(check_text("Tianzhou-9 (神舟九号) docked."))[0][0] == "gloss-mismatch"


# ------------------------------------------------------------ look-alikes
@pytest.mark.parametrize("text", [
    "A thousand sails race ahead where one ship sank.",
    "The asteroid (21064) Yangliwei was named in 2003.",
    "A change of plans came late.",
    "She studied physics at Peking University.",
    "He teaches at the University of Macau.",
])
def test_look_alikes_are_not_the_name(text):
    assert alarms(check_text(text)) == []


def test_a_variant_on_its_own_is_still_reported():
    assert alarms(check_text("The old name Peking survives in Macau.")) == [("variant", "Peking"), ("variant", "Macau")]


def test_a_literal_rendering_with_its_capitals_is_the_name():
    assert alarms(check_text("The Thousand Sails constellation grew.")) == [("variant", "Thousand Sails")]


# ------------------------------------------------------------ Latin-script Chinese forms
def test_verbatim_forms_match_in_chinese_text(fin):
    assert check_pair("银行通过SWIFT系统付款。", "Banks pay over the SWIFT network.", fin) == []
    assert alarms(check_pair("银行通过SWIFT系统付款。", "Banks pay over a network.", fin)) == [
        ("missing-translation", "SWIFT")]
    assert [m.text for m in find_terms("SWIFTLY与SWIFT", fin)] == ["SWIFT"]


def test_a_latin_zh_needs_verbatim(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("zh,en,verbatim\nSWIFT,SWIFT,true\nT+1,T+1,false\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryError, match="t.csv:3: zh 'T\\+1' has no Chinese characters"):
        glossary.load(p)


# ------------------------------------------------------------ footnote marks
def test_a_footnote_digit_does_not_hide_the_word(fin):
    assert check_pair("见年报。", "See the Annual Report1 for details.", fin) == []
    assert check_pair("见年报。", "See the Annual Reports for details.", fin) == []


# ------------------------------------------------------------ persons by surname alone
@pytest.mark.parametrize("zh, en, expected", [
    ("李强表示欢迎。", "Li said he welcomed them.", []),
    ("李强表示欢迎。", "Li Lin said he welcomed them.", [("missing-translation", "李强")]),
    ("李强表示欢迎。", "He said he welcomed them.", [("missing-translation", "李强")]),
])
def test_a_person_named_by_the_surname_alone(zh, en, expected):
    assert alarms(check_pair(zh, en)) == expected


# ------------------------------------------------------------ scraped-text damage
def test_a_name_glued_to_the_word_before_it():
    assert check_pair("在中国加速城镇化的过程中", "farmers amidChina's rapid urbanization") == []
    assert [m.text for m in find_terms("the word camelCase and inBeijing")] == ["Beijing"]


def test_a_letter_suffix_after_a_closing_quote():
    (m,) = [m for m in find_terms("用“长征二号”F型运载火箭发射") if m.lang == "zh"]
    assert m.term.id == "long-march-2f" and m.text == "长征二号”F"


def test_a_name_that_is_an_english_word_opts_into_case():
    g = Glossary([Term(id="nebula", zh="星云", en="Nebula", category="launch-vehicle", case_sensitive=True)])
    assert [m.text for m in find_terms("A nebula glowed; the Nebula rocket flew.", g)] == ["Nebula"]


def test_a_target_in_lower_case_throughout_still_names_the_term():
    assert check_pair("中国航天员出舱。", "chinese astronauts left the module .") == []


def test_a_termbase_in_sentence_case_matches_lower_case_words():
    g = Glossary([Term(id="h", zh="宿主", en="Host"), Term(id="a", zh="抗体", en="Antibody")])
    assert check_pair("宿主产生抗体。", "The host makes antibodies.", g) == []


# The short paths of the English index build give what the general ones give.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["test", "body", "Box", "spokesman", "SOE", "Sessions", "crisis", "status", "of", "Of", "OF",
                           "Long", "March", "5", "2F", "Tiangong-2", "Chang'e", "Échelle", "class", "series", "Hero",
                           "x", "Ministry", "-", "İ", "\t", "\x1c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4), st.sampled_from([" ", "-", "", "\u2013"]))
def test_inflections_short_path_matches_plurals_and_singulars(words, sep):
    from glossary.forms import _inflections, singulars

    form = sep.join(words)
    assert _inflections(form) == (*plurals(form), *singulars(form))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4), st.sampled_from(["", "person"]))
def test_one_form_rows_take_the_short_path_to_the_same_surfaces(words, category):
    """A row with only ``en`` gives the surfaces of the general path (reached through a forbidden series template, which is no surface)."""
    en = " ".join(words)
    one = Term(id="x", zh="中", en=en, category=category)
    general = [(s, k) for s, k in english_surfaces(Term(id="x", zh="中", en=en, category=category, forbidden=("{n}",)))]
    assert english_surfaces(one) == general


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=20))
def test_en_key_of_ascii_text_as_the_general_path_gives_it(text):
    import unicodedata

    from glossary.normalize import _SEPARATOR_RE, en_key, fold_en_text

    assert en_key(text) == _SEPARATOR_RE.sub("", fold_en_text(unicodedata.normalize("NFKC", text)))
