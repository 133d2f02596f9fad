"""Each export checked against its consumer's documented layout and limits."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

import glossary
from glossary import GlossaryError, Glossary, Term
from glossary.exports import FORMATS, LIMITS, export
from glossary.table import COLUMNS

ROOT = Path(__file__).resolve().parent.parent


def run(g: Glossary, fmt: str, **kw) -> str:
    return export(g, io.StringIO(), format=fmt, **kw).getvalue()


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def small(*terms: Term) -> Glossary:
    return Glossary(terms, path="small.csv")


def test_every_format_is_registered():
    assert set(FORMATS) == {"csv", "tbx", "json", "wmt", "markdown", "deepl", "google", "amazon"}
    with pytest.raises(ValueError, match="unknown export format"):
        run(glossary.load(), "docx")
    with pytest.raises(ValueError, match="unknown direction"):
        run(glossary.load(), "deepl", direction="fr-en")


def test_csv_round_trips(g, tmp_path):
    path = tmp_path / "out.csv"
    assert export(g, path) == path
    again = glossary.load(path)
    assert again == g
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)


def test_failed_export_leaves_the_file_alone(tmp_path):
    path = tmp_path / "deepl.csv"
    path.write_text("old\n", encoding="utf-8")
    bad = small(Term("a", "甲", "Alpha"), Term("b", "乙", "Alpha"))
    with pytest.raises(GlossaryError):
        export(bad, path, format="deepl", direction="en-zh")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_json_lists_every_column(g):
    data = json.loads(run(g, "json"))
    assert len(data) == len(g)
    assert all(tuple(d) == COLUMNS for d in data)
    two = next(d for d in data if d["id"] == "two-sessions")
    assert two["zh_variants"] == ["全国两会"] and two["variants"] == ["Lianghui", "Two Meetings"]
    assert two["ambiguous"] is False


# -- TBX -------------------------------------------------------------------------------------------

def test_tbx_reads_back_through_translate_toolkit(g):
    from translate.storage.tbx import tbxfile

    data = run(g, "tbx")
    store = tbxfile.parsestring(data.encode("utf-8"), sourcelanguage="zh", targetlanguage="en")
    assert [(u.source, u.target) for u in store.units] == [(t.zh, t.en) for t in g]
    by_id = {u.getid(): u for u in store.units}
    assert len(by_id) == len(g)
    cppcc = by_id["chinese-peoples-political-consultative-conference"]
    statuses = {t.text: t.administrative_status for t in cppcc.get_target_terms("en")}
    term = g["chinese-peoples-political-consultative-conference"]
    assert statuses[term.en] == "preferredTerm-admn-sts"
    assert all(statuses[a] == "admittedTerm-admn-sts" for a in term.aliases)
    assert all(statuses[f] == "deprecatedTerm-admn-sts" for f in term.forbidden)
    zh_statuses = {t.text: t.administrative_status for t in cppcc.get_source_terms()}
    assert zh_statuses[term.zh] == "preferredTerm-admn-sts"
    assert all(zh_statuses[v] == "admittedTerm-admn-sts" for v in term.zh_variants)


def test_tbx_basic_structure(g):
    from xml.etree import ElementTree as ET

    data = run(g, "tbx")
    assert data.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif ')
    root = ET.fromstring(data.split("\n", 2)[2])
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(lang) == "zh"
    assert root.find("martifHeader/encodingDesc/p").text == "TBXBasicXCSV02.xcs"
    entries = root.findall("text/body/termEntry")
    assert len(entries) == len(g)
    ids = [e.get("id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i[0].isalpha() or i[0] == "_" for i in ids)  # XML ids (NCName)
    beidou = next(e for e in entries if e.get("id") == "beidou-navigation-satellite-system")
    assert [ls.get(lang) for ls in beidou.findall("langSet")] == ["zh", "en"]
    for tig in beidou.iter("tig"):
        notes = {n.get("type"): n.text for n in tig.findall("termNote")}
        assert notes["partOfSpeech"] == "properNoun"
        assert notes["administrativeStatus"].endswith("-admn-sts")
        # TBX-Basic order inside a tig: term first, then termNotes, then notes.
        tags = [child.tag for child in tig]
        assert tags[0] == "term" and tags == sorted(tags, key=["term", "termNote", "note"].index)
    zh_pref = beidou.find("langSet/tig")
    assert zh_pref.find("note").text == "pinyin: " + g["beidou-navigation-satellite-system"].pinyin
    en_tigs = {t.find("term").text: t for t in beidou.findall("langSet")[1].findall("tig")}
    variant = en_tigs["Beidou"]
    assert {n.get("type"): n.text for n in variant.findall("termNote")}["termType"] == "variant"
    assert beidou.find("note").text == "category: constellation"


def test_tbx_prefixes_ids_that_are_not_xml_names():
    data = run(small(Term("15th-plan", "十五五", "15th Plan")), "tbx")
    assert '<termEntry id="_15th-plan">' in data


# -- Markdown --------------------------------------------------------------------------------------

def test_docs_glossary_md_is_up_to_date(g):
    """Regenerate with: glossary export --format markdown -o docs/glossary.md --force"""
    assert (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8") == run(g, "markdown")


def test_markdown_escapes_table_syntax():
    text = run(small(Term("a", "甲", "A|B", note="x | y\\z")), "markdown")
    row = text.splitlines()[-1]
    assert row.startswith("| **A\\|B** | 甲 |")
    assert row.endswith("| x \\| y\\\\z |")
    assert row.count(" | ") == 6  # seven cells (the category is the section)


# -- DeepL -----------------------------------------------------------------------------------------

def test_deepl_layout_and_limits(g):
    text = run(g, "deepl")
    entries = rows(text)
    assert entries[0] == ["两会", "Two Sessions"]  # no header row
    assert all(len(e) == 2 for e in entries)
    sources = [e[0] for e in entries]
    assert len(sources) == len(set(sources))
    assert sorted(sources) == sorted(f for t in g for f in t.zh_forms)
    for source, target in entries:
        for cell in (source, target):
            assert cell == cell.strip() and cell
            assert len(cell.encode("utf-8")) <= LIMITS["deepl"]["entry_bytes"]
            assert not any(unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029" for ch in cell)
    assert dict(entries)["全国两会"] == "Two Sessions"
    assert len(text.encode("utf-8")) <= LIMITS["deepl"]["file_bytes"]


def test_deepl_en_zh_maps_every_accepted_english_form(g):
    entries = dict(rows(run(g, "deepl", direction="en-zh")))
    assert entries["Macao"] == entries["Macau"] == entries["Macao SAR"] == "澳门"
    assert "Wang Yapin" not in entries  # forbidden forms are never sources


@pytest.mark.parametrize(
    ("terms", "direction", "message"),
    [
        ((Term("a", "甲", "Alpha"), Term("b", "乙", "Alpha")), "en-zh", "duplicate source 'Alpha' in terms 'a' and 'b'"),
        ((Term("a", "甲", "Alpha"), Term("b", "甲乙", "Beta", zh_variants=("甲",))), "zh-en",
         "duplicate source '甲' in terms 'a' and 'b'"),
        ((Term("a", "甲", "Al\u0085pha"),), "zh-en", "contains the control character U+0085"),
        ((Term("a", "甲", "Alpha "),), "zh-en", "has leading or trailing whitespace"),
        ((Term("a", "甲", "A" * 1025),), "zh-en", "is 1025 bytes, over the limit of 1024"),
    ],
)
def test_deepl_refuses_what_deepl_rejects(terms, direction, message):
    with pytest.raises(GlossaryError, match=re.escape(message)):
        run(small(*terms), "deepl", direction=direction)


def test_deepl_keeps_one_entry_for_a_repeated_identical_pair():
    g = small(Term("a", "甲", "Alpha", aliases=("Alpha",)))
    assert rows(run(g, "deepl", direction="en-zh")) == [["Alpha", "甲"]]


# -- Google ----------------------------------------------------------------------------------------

def test_google_equivalent_term_sets(g):
    text = run(g, "google")
    table = rows(text)
    assert table[0] == ["zh-CN", "en", "pos", "description"]
    assert len(table) == len(g) + 1
    assert all(len(r) == 4 for r in table)
    assert table[1][:3] == ["两会", "Two Sessions", "noun"]
    for zh, en, _, _ in table[1:]:
        assert len(zh.encode()) <= LIMITS["google"]["entry_bytes"] and len(en.encode()) <= LIMITS["google"]["entry_bytes"]
    assert len({r[1] for r in table[1:]}) == len(g)


def test_google_refuses_two_rows_for_one_english_term():
    with pytest.raises(GlossaryError, match="duplicate source 'Alpha'"):
        run(small(Term("a", "甲", "Alpha"), Term("b", "乙", "Alpha")), "google")


# -- Amazon ----------------------------------------------------------------------------------------

def test_amazon_custom_terminology(g):
    table = rows(run(g, "amazon"))
    assert table[0] == ["zh", "en"]  # the source language first
    body = table[1:]
    assert len({r[0] for r in body}) == len(body)
    assert all(len(c.encode("utf-8")) <= LIMITS["amazon"]["entry_bytes"] for r in body for c in r)
    assert rows(run(g, "amazon", direction="en-zh"))[0] == ["en", "zh"]


def test_amazon_refuses_long_terms_and_big_files(monkeypatch):
    with pytest.raises(GlossaryError, match="over the limit of 200"):
        run(small(Term("a", "甲", "A" * 201)), "amazon")
    monkeypatch.setitem(LIMITS, "amazon", {"entry_bytes": 200, "file_bytes": 20})
    with pytest.raises(GlossaryError, match="the export is 25 bytes, over the limit of 20"):
        run(small(Term("a", "甲", "Alpha"), Term("b", "乙", "Beta")), "amazon")


def test_safe_guards_formula_cells_only_when_asked():
    g = small(Term("a", "甲", "+Alpha", aliases=("@Alpha",)), Term("b", "乙", "Beta"))
    assert rows(run(g, "deepl"))[0] == ["甲", "+Alpha"]
    assert rows(run(g, "deepl", safe=True)) == [["甲", "'+Alpha"], ["乙", "Beta"]]
    assert rows(run(g, "amazon", safe=True))[1] == ["甲", "'+Alpha"]
    assert rows(run(g, "csv", safe=True))[1][3:5] == ["'+Alpha", "'@Alpha"]
