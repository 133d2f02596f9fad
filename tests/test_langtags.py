"""glossary.langtags: one reading of language tags for TBX xml:lang and spreadsheet headers."""

from __future__ import annotations

import pytest

from glossary.formats import read_bytes
from glossary.langtags import language
from glossary.table import column_name


@pytest.mark.parametrize("tag, lang", [
    ("zh", "zh"), ("ZH-cn", "zh"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("zh-Hans-CN", "zh"), ("zh-SG", "zh"),
    ("zh-Hant", "hant"), ("zh-TW", "hant"), ("zh-hk", "hant"), ("zh-MO", "hant"), ("zh-Hant-TW", "hant"),
    ("zh-CHS", "zh"), ("zh-CHT", "hant"),  # Microsoft's legacy tags
    ("zh-Hans-HK", "zh"), ("zh-Hant-SG", "hant"),  # the script decides before the region
    ("zh-Latn-pinyin", ""), ("zh-Latn", ""),  # romanized Chinese is not the Chinese column
    ("zho", "zh"), ("chi-CN", "zh"), ("cmn-Hant-TW", "hant"),
    ("en", "en"), ("EN-us", "en"), ("en_GB", "en"), ("eng", "en"),
    ("fr", ""), ("ja-JP", ""), ("", ""), ("mul", ""),
])
def test_language(tag, lang):
    assert language(tag) == lang


@pytest.mark.parametrize("header, column", [
    ("zh-Hans-SG", "zh"), ("zh-Hant-MO", "zh_variants"), ("EN_us", "en"), ("zh-CHT", "zh_variants"),
    ("en-IN", "en"), ("zh-Latn-pinyin", "zh-Latn-pinyin"), ("Domain", "Domain"), ("note", "note"),
    ("en_note", "en_note"), ("zh_pinyin", "zh_pinyin"), ("zh-Hant-note", "zh-Hant-note"), ("en_1", "en_1"),
    ("eng", "eng"), ("zh_old", "zh_old"), ("zh-419", "zh"),
    ("Chinese (PRC)", "zh"), ("English", "en"),
])
def test_headers_read_as_tags(header, column):
    assert column_name(header) == column


def test_a_table_with_extended_and_legacy_tag_headers_loads():
    data = "zh-Hans-SG,zh-CHT,EN_us,zh-Latn-pinyin\n长征五号,長征五號,Long March 5,Chángzhēng Wǔ Hào\n".encode()
    [term] = read_bytes(data, "terms.csv")
    assert (term.zh, term.zh_variants, term.en) == ("长征五号", ("長征五號",), "Long March 5")
    assert term.extra == (("zh-Latn-pinyin", "Chángzhēng Wǔ Hào"),)


@pytest.mark.parametrize("header, column", [
    ("case sensitive", "case_sensitive"), ("Case-Sensitive", "case_sensitive"), ("casesensitive", "case_sensitive"),
    ("ZH Variants", "zh_variants"), ("CID", "CID"),
])
def test_column_spellings_of_other_tools(header, column):
    assert column_name(header) == column


def test_a_short_column_of_another_tool_is_kept_not_called_a_misspelling():
    [term] = read_bytes("CID,zh,en,casesensitive\n17,天宫,Tiangong,true\n".encode(), "terms.csv")
    assert term.extra == (("CID", "17"),) and term.case_sensitive


def test_own_columns_named_after_a_language_are_kept():
    [term] = read_bytes("id,zh,en,en_note,zh_old\nt1,上海,Shanghai,a city,上海市\n".encode(), "terms.csv")
    assert term.extra == (("en_note", "a city"), ("zh_old", "上海市"))
