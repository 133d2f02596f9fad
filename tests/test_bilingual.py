from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import write_file

import glossary
from glossary import GlossaryError
from glossary.bilingual import (
    Segment,
    decode,
    is_bilingual,
    place,
    read_aligned,
    read_bilingual,
    read_table_pairs,
    read_text,
)

XLIFF12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>李强出席了会议。</source>
        <target>The premier attended.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>天问三号还没有翻译。</source>
      </trans-unit>
      <trans-unit id="3">
        <source>航天员王亚平出舱。</source>
        <target>Astronaut Wang Yapin left the module.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>李强出席了会议。</source>
        <target>The premier attended.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: news.txt:1
msgid "李强出席了会议。"
msgstr "The premier attended."

msgid ""
"航天员王亚平"
"出舱。"
msgstr "Astronaut Wang Yapin left the module."

msgid "没有翻译。"
msgstr ""

#~ msgid "旧的。"
#~ msgstr "Old."
"""

TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence"
          adminlang="en" srclang="zh-CN" o-tmf="test"/>
  <body>
    <tu>
      <tuv xml:lang="en"><seg>The premier attended.</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>李强出席了会议。</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    return write_file(tmp_path / name, content)


def test_decode_names_the_bad_byte_and_drops_a_bom():
    assert decode("\ufeff李强".encode(), "a.md") == "李强"
    with pytest.raises(GlossaryError) as info:
        decode("第一行\n第二\n".encode() + b"\xc3(", "dir/a.md")
    assert str(info.value) == "dir/a.md: not valid UTF-8 at byte offset 17 (line 3)"
    assert decode(b"", "empty.md") == ""


def test_read_text_keeps_line_ends(tmp_path):
    assert read_text(write(tmp_path, "a.md", "a\r\nb")) == "a\r\nb"


def test_aligned_files(tmp_path):
    src = write(tmp_path, "zh.txt", "李强出席。\r\n\r\n王亚平出舱。\n")
    tgt = write(tmp_path, "en.txt", "Li Qiang attended.\n\nWang Yaping left.")
    doc = read_aligned(src, tgt)
    assert doc.pairs == [("李强出席。", "Li Qiang attended."), ("", ""), ("王亚平出舱。", "Wang Yaping left.")]
    assert [s.source_line for s in doc.segments] == [1, 2, 3]
    assert doc.source_path == str(src) and doc.target_path == str(tgt)


def test_aligned_files_must_have_equal_line_counts(tmp_path):
    src = write(tmp_path, "zh.txt", "一。\n二。\n")
    tgt = write(tmp_path, "en.txt", "One.\n")
    with pytest.raises(GlossaryError, match=r"en.txt: has 1 lines but .*zh.txt has 2"):
        read_aligned(src, tgt)


@pytest.mark.parametrize(
    ("name", "content", "pairs", "columns"),
    [
        ("p.tsv", "source\ttarget\n李强。\tLi Qiang.\n", [("李强。", "Li Qiang.")], [(1, 5)]),
        ("p.tsv", "en\tzh\nLi Qiang.\t李强。\n", [("李强。", "Li Qiang.")], [(11, 1)]),
        ("p.csv", "id,zh,en\n7,李强。,Li Qiang.\n", [("李强。", "Li Qiang.")], [(3, 7)]),
        ("p.csv", '李强。,"Li Qiang, premier."\n', [("李强。", "Li Qiang, premier.")], [(1, 6)]),
        ("p.csv", '"a ""b""",x\n', [('a "b"', "x")], [(1, 1)]),
    ],
)
def test_table_pairs_pick_columns_and_positions(tmp_path, name, content, pairs, columns):
    doc = read_table_pairs(write(tmp_path, name, content))
    assert doc.pairs == pairs
    assert [(s.source_column, s.target_column) for s in doc.segments] == columns


def test_table_pairs_record_the_line_of_each_row(tmp_path):
    doc = read_table_pairs(write(tmp_path, "p.csv", 'zh,en\n\n"一\n二",One\n三,Three\n'))
    assert [(s.source, s.source_line) for s in doc.segments] == [("一\n二", 3), ("三", 5)]


def test_table_pairs_need_two_columns(tmp_path):
    with pytest.raises(GlossaryError, match="row has 1 columns"):
        read_table_pairs(write(tmp_path, "p.tsv", "只有一列\n"))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.xlf", XLIFF12, [("李强出席了会议。", "The premier attended.", 6, 7),
                            ("航天员王亚平出舱。", "Astronaut Wang Yapin left the module.", 13, 14)]),
        ("a.xliff", XLIFF20, [("李强出席了会议。", "The premier attended.", 6, 7)]),
        ("a.po", PO, [("李强出席了会议。", "The premier attended.", 6, 7),
                      ("航天员王亚平出舱。", "Astronaut Wang Yapin left the module.", 10, 12)]),
        ("a.tmx", TMX, [("李强出席了会议。", "The premier attended.", 8, 7)]),
    ],
)
def test_translation_files(tmp_path, name, content, expected):
    path = write(tmp_path, name, content)
    assert is_bilingual(path)
    doc = read_bilingual(path)
    assert [(s.source, s.target, s.source_line, s.target_line) for s in doc.segments] == expected


def test_broken_translation_file_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError, match="cannot read XLF file"):
        read_bilingual(write(tmp_path, "a.xlf", "<xliff version='1.2'><file>"))


def test_missing_translate_toolkit_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "translate", None)
    monkeypatch.setitem(sys.modules, "translate.storage", None)
    with pytest.raises(GlossaryError) as info:
        read_bilingual(write(tmp_path, "a.po", PO))
    assert "pip install 'zhen-glossary[formats]'" in str(info.value)


def test_place_moves_findings_into_their_files(tmp_path):
    path = write(tmp_path, "p.tsv", "zh\ten\n李强出席。\tThe premier and Wang Yapin attended.\n")
    doc = read_table_pairs(path)
    found = {f.rule: glossary.bilingual.place(f, doc) for f in glossary.check_pairs(doc.pairs)}
    missing = found["missing-translation"]
    assert (missing.path, missing.side, missing.line, missing.column, missing.end_column) == (str(path), "source", 2, 1, 3)
    forbidden = found["forbidden"]
    line = path.read_text(encoding="utf-8").splitlines()[1]
    assert line[forbidden.column - 1:forbidden.end_column - 1] == "Wang Yapin"


def test_place_uses_the_side_of_the_finding():
    from glossary.bilingual import Bilingual
    from glossary.model import Finding

    doc = Bilingual((Segment("甲", "A\nB", 4, 9, 1, 3),), "zh.txt", "en.txt")
    f = Finding("forbidden", "GL202", "error", "m", 2, 1, 2, 2, "B", segment=0, side="target")
    moved = place(f, doc)
    assert (moved.path, moved.line, moved.column, moved.end_line, moved.end_column) == ("en.txt", 10, 1, 10, 2)
    g = Finding("unknown-name", "GL304", "info", "m", 1, 1, 1, 2, "甲", segment=0, side="source")
    assert (place(g, doc).path, place(g, doc).line) == ("zh.txt", 4)


# -- line ends and cells that span lines -------------------------------------------------------------

@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"], ids=["lone-cr", "lf", "crlf"])
def test_tsv_with_any_line_end(tmp_path, end):
    from glossary.bilingual import place, read_table_pairs

    p = tmp_path / "pairs.tsv"
    p.write_bytes(f"李强出席。\tLi Qiang attended.{end}王亚平出舱。\tWang Yapin left.{end}".encode("utf-8"))
    bi = read_table_pairs(p)
    found = [place(f, bi) for f in glossary.check_pairs(bi.pairs)]
    assert [(f.rule, f.line, f.column, f.found) for f in found if f.side == "target"] == [
        ("forbidden", 2, 8, "Wang Yapin")]


def test_a_multi_line_cell_keeps_its_column(tmp_path):
    from glossary.bilingual import place, read_table_pairs

    p = tmp_path / "pairs.tsv"
    p.write_text('王亚平\t"Wang Yapin flew\nhome"\n', encoding="utf-8")
    bi = read_table_pairs(p)
    (f,) = [place(f, bi) for f in glossary.check_pairs(bi.pairs) if f.rule == "forbidden"]
    assert (f.line, f.column) == (1, 6)  # W: after 王亚平, the tab and the opening quote, as on one line


def test_a_lone_cr_text_file_counts_its_lines():
    found = glossary.check_text("Title\rAstronaut Wang Yapin flew.\r")
    assert [(f.rule, f.line, f.column) for f in found] == [("forbidden", 2, 11)]
