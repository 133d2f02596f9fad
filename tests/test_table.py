from __future__ import annotations

import io

import pytest

import glossary
from glossary import GlossaryError, Term
from glossary.table import COLUMNS, read_table

MINIMAL = "zh,en\n李强,Li Qiang\n天问三号,Tianwen-3\n"


def test_minimal_table_needs_only_zh_and_en(write_table):
    g = glossary.load(write_table(MINIMAL))
    assert len(g) == 2
    li = g.lookup("李强")
    assert li is not None and li.en == "Li Qiang"
    assert li.id == "li-qiang"
    assert li.pinyin  # computed
    assert li.romanization == "pinyin"
    t3 = g["tianwen-3"]
    assert t3.zh == "天问三号"


def test_lookup_traditional_and_variants(g):
    assert g.lookup("李強").id == g.lookup("李强").id
    assert g.lookup("上海") is g.lookup("上海市")
    assert g.lookup("不存在") is None


def test_lookup_en_folds_typography(g):
    assert g.lookup_en("Li Qiang").zh == "李强"
    assert g.lookup_en("Chang’e").zh == "嫦娥"
    assert g.lookup_en("Macau").zh == "澳门"  # a variant
    assert g.lookup_en("CPPCC").zh == "中国人民政治协商会议"  # an alias
    assert g.lookup_en("Nobody Atall") is None


def test_collection_protocol(g):
    ids = [t.id for t in g]
    assert len(ids) == len(g) == len(set(ids))
    assert g["li-qiang"].zh == "李强"
    assert "li-qiang" in g
    with pytest.raises(KeyError):
        g["no-such-id"]


def test_csv_round_trip(g, tmp_path):
    path = tmp_path / "out.csv"
    assert glossary.export(g, path, format="csv") == path
    again = glossary.load(path)
    assert again == g
    assert [t.line for t in again] == [t.line for t in g]


def test_round_trip_through_text_file(g):
    buf = io.StringIO()
    glossary.export(g, buf)
    buf.seek(0)
    assert glossary.load(buf) == g


def test_header_is_canonical(g, tmp_path):
    path = tmp_path / "out.csv"
    glossary.export(g, path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)


@pytest.mark.parametrize(
    "content, line, needle",
    [
        ("zh,en\n李强,Li Qiang\n,Nobody\n", 3, "empty zh"),
        ("zh,en\n李强,\n", 2, "empty en"),
        ("id,zh,en\na,李强,Li Qiang\na,王林,Wang Lin\n", 3, "duplicate id 'a'"),
        ("zh,en\n李强,Li Qiang\n李強,Li Qiang Two\n", 3, "already a term on line 2"),
        ("zh,en,category\n李强,Li Qiang,astronaut\n", 2, "unknown category 'astronaut'"),
        ("zh,en,pinyin\n李强,Li Qiang,Hello World\n", 2, "is not pinyin"),
        ("zh,en\n李强,Li 强\n", 2, "contains Chinese characters"),
        ("zh,en\n李强,Li Qiang,extra\n", 2, "row has 3 fields"),
        ("zh\n李强\n", 1, "missing required column en"),
        ("zh,en\n李强,\"" + "x" * 1100 + "\"\n", 2, "over the limit"),
        ("zh,en,zh_variants\n上海市,Shanghai,上海\n上海,Shanghai Two,\n", 3, "already a term on line 2"),
    ],
)
def test_load_errors_name_file_and_line(write_table, content, line, needle):
    path = write_table(content)
    with pytest.raises(GlossaryError) as info:
        glossary.load(path)
    message = str(info.value)
    assert f"{path}:{line}:" in message
    assert needle in message


def test_empty_file(write_table):
    with pytest.raises(GlossaryError, match="empty file"):
        glossary.load(write_table(""))


def test_not_utf8_names_line_and_offset(write_table):
    path = write_table("zh,en\n李强,Li Qiang\n".encode() + b"\xff\xfe,bad\n")
    with pytest.raises(GlossaryError) as info:
        glossary.load(path)
    assert f"{path}:3:" in str(info.value) and "byte offset" in str(info.value)


def test_nul_bytes(write_table):
    with pytest.raises(GlossaryError, match="NUL byte"):
        glossary.load(write_table(b"zh,en\n\x00\n"))


def test_bom_crlf_and_quoted_fields_are_accepted(write_table):
    content = "\ufeffzh,en,aliases\r\n李强,\"Li Qiang\",\"Premier Li, Li Qiang\"\r\n"
    g = glossary.load(write_table(content.encode("utf-8")))
    assert g.lookup("李强").aliases == ("Premier Li, Li Qiang",)


def test_every_problem_is_reported_not_only_the_first(write_table):
    with pytest.raises(GlossaryError) as info:
        glossary.load(write_table("zh,en\n,A\n李强,\n"))
    assert [p.line for p in info.value.problems] == [2, 3]


def test_read_table_from_binary_file():
    terms = read_table(io.BytesIO("zh,en\n王林,Wang Lin\n".encode()), name="mem.csv")
    assert terms == [Term(id="wang-lin", zh="王林", en="Wang Lin", pinyin="Wáng Lín", romanization="pinyin")]
