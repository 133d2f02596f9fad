"""glossary.table_lint (``glossary validate --strict``) and the generated docs/glossary.md."""

from __future__ import annotations

import pytest

import glossary
from glossary.cli import main
from glossary.model import Term
from glossary.table import read_table
from glossary.table_doc import render_markdown
from glossary.table_lint import has_reference, lint_terms

HEADER = "zh,en,aliases,pinyin,category,note\n"


@pytest.mark.parametrize("text, cited", [
    ("https://en.wikipedia.org/wiki/Wang_Yaping", True),
    ("astronaut (http://www.cmse.gov.cn/crewinfo/)", True),
    ("3g.163.com/news/article/HN8H98300530QRMB.html (Shenzhou-15 crew)", True),
    ("ref: GB/T 28039-2011", True),
    ("launch centre; Ref: CNSA press release, 2024-10-30", True),
    ("reference", False),
    ("article", False),
    ("ref:", False),
    ("e.g. the Long March 5", False),
    ("Mr. Zhang", False),
    ("", False),
])
def test_has_reference(text, cited):
    assert has_reference(text) is cited


def write(tmp_path, body: str):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_strict_reports_each_problem_with_file_and_line(tmp_path, capsys):
    path = write(tmp_path, (
        "李强,Li Qiang,,,person,Premier; https://english.www.gov.cn/premier/\n"   # 2: clean
        "王亚平,Wang Yaping,,Wáng Yàpǐng,person,ref: China Manned Space Agency\n"  # 3: pinyin wrong
        "乐嘉,Le Jia,,Lè Jiā,person,TV host; pinyin: known as Lè Jiā; ref: CCTV\n"  # 4: explained
        "李刚,Li Gang,Li Qiang,,person,\n"  # 5: no source, English of line 2
    ))
    assert main(["validate", "--strict", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:3: pinyin 'Wáng Yàpǐng' differs from romanize(): 'Wáng Yàpíng' "
        "(hint: fix the pinyin, or explain the difference in note as 'pinyin: …')",
        f"{path}:5: row 'li-gang' has no source (hint: cite a public reference in note: a web address, "
        "or 'ref: ' and the reference's name)",
        f"{path}:5: English 'Li Qiang' is also used by 'li-qiang' (line 2) "
        "(hint: two terms with one rendering cannot be told apart in English text)",
    ]
    assert err == f"{path}: 4 terms, 3 problems.\n"


def test_strict_clean_table_exits_0_and_plain_validate_ignores_sources(tmp_path, capsys):
    path = write(tmp_path, "李强,Li Qiang,,,person,ref: State Council\n")
    assert main(["validate", "--strict", str(path)]) == 0
    bare = write(tmp_path, "李强,Li Qiang,,,person,Premier\n")
    assert main(["validate", str(bare)]) == 0
    assert main(["validate", "--strict", str(bare)]) == 1
    assert "has no source" in capsys.readouterr().out


def test_same_english_is_case_blind_and_counts_variants(tmp_path):
    path = write(tmp_path, "北京,Beijing,,,place,ref: a\n北平,Peiping,BEIJING,,place,ref: b\n")
    problems = lint_terms(read_table(path), "t.csv")
    assert [(p.line, p.message) for p in problems] == [(3, "English 'BEIJING' is also used by 'beijing' (line 2)")]


def test_person_rows_only_and_empty_pinyin_is_computed():
    rows = [Term(id="x", zh="王大珩", en="Wang Daheng", note="ref: x", line=2),  # no stored pinyin
            Term(id="y", zh="长征", en="Long March", pinyin="Chángzhéng", category="launch-vehicle",
                 note="ref: y", line=3)]
    assert lint_terms(rows) == []


# -- docs/glossary.md -------------------------------------------------------------------------------

def test_markdown_groups_by_category_with_coverage():
    rows = [
        Term(id="b", zh="北京", en="Beijing", category="place", note="ref: x"),
        Term(id="a", zh="安徽", en="Anhui", category="place"),
        Term(id="w", zh="王亚平", en="Wang Yaping", category="person", note="https://example.org/w"),
        Term(id="s", zh="神舟", en="Shenzhou", category="spacecraft", series="Shenzhou-{n}"),
    ]
    page = render_markdown(rows)
    assert "4 terms in 3 categories." in page
    assert ("| [person](#people) | 1 | 1 | 0 |\n| [place](#places) | 2 | 1 | 0 |\n"
            "| [spacecraft](#spacecraft) | 1 | 0 | 1 |\n| **all** | 4 | 2 | 1 |\n") in page
    people, places, craft = page.index("## People"), page.index("## Places"), page.index("## Spacecraft")
    assert people < places < craft
    assert places < page.index("**Anhui**") < page.index("**Beijing**") < craft


def test_bundled_table_docs_cover_every_category_it_uses():
    g = glossary.load()
    page = render_markdown(g)
    for category in {t.category for t in g}:
        assert f"| [{category or '(none)'}](#" in page


@pytest.mark.skipif(len(glossary.load()) < 600, reason="the bundled table gets its sources with issue 13 part 1 "
                    "(branch data); until then its rows say only 'article' or 'reference'")
def test_bundled_table_is_strict_clean(capsys):
    assert main(["validate", "--strict"]) == 0, capsys.readouterr().out


def test_plain_validate_and_strict_read_the_pinyin_note_alike():
    """'Pinyin: …' in any case explains a row's own pinyin, for validate and validate --strict."""
    import io

    from glossary.table import check_terms, read_table
    from glossary.table_lint import lint_terms

    table = ("id,zh,en,pinyin,romanization,category,note\n"
             "le-jia,乐嘉,Le Jia,Lè Jiā,pinyin,person,Pinyin: the family reads 乐 as lè; ref: https://example.org/x\n")
    terms = read_table(io.StringIO(table), name="t.csv")
    assert check_terms(terms, "t.csv") == []
    assert [p for p in lint_terms(terms, "t.csv") if "pinyin" in str(p)] == []
    unexplained = read_table(io.StringIO(table.replace("Pinyin: the family reads 乐 as lè; ", "")), name="t.csv")
    assert any("differs from romanize" in str(p) for p in check_terms(unexplained, "t.csv"))
