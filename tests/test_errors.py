"""Bad input gets a clear error and nothing is lost: one case per row of docs/errors.md.

Every row of the doc's tables has an id (its first column); the cases here
are keyed by the same ids, and :func:`test_every_documented_row_has_a_case`
keeps the two in step, with the message each row shows. Term tables are
checked through ``glossary.load`` and, in process, through ``main()``; texts
and writing through the installed ``glossary`` command, batched so that a
few processes cover many rows.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import glossary
from glossary import GlossaryError
from glossary.cli import main
from glossary.table import COLUMNS, atomic_writer, spreadsheet_safe

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "errors.md"
COMMAND = Path(sys.executable).parent / "glossary"


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command; never a traceback."""
    proc = subprocess.run([str(COMMAND), *args], cwd=cwd, input=stdin, capture_output=True, timeout=120, check=False)
    out = subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                      proc.stderr.decode("utf-8"))
    assert "Traceback" not in out.stderr, out.stderr
    return out


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# == Term tables ===================================================================================

@dataclass(frozen=True)
class TableError:
    id: str
    content: str | bytes
    message: str  # str(GlossaryError) for a table saved as terms.csv in the current folder


_LONG = "x" * 1100
TABLE_ERRORS = [
    TableError("table-empty", b"",
               "terms.csv: empty file: no header row (hint: the first row names the columns, e.g. zh,en)"),
    TableError("table-blank", "\n \r\n\n",
               "terms.csv: empty file: no header row (hint: the first row names the columns, e.g. zh,en)"),
    TableError("table-header-only", "zh,en\n",
               "terms.csv:1: no terms: the table has a header row and nothing else "
               "(hint: add one row per term below the header)"),
    TableError("table-header-only-bom-crlf", "\ufeffid,zh,en\r\n\r\n",
               "terms.csv:1: no terms: the table has a header row and nothing else "
               "(hint: add one row per term below the header)"),
    TableError("table-no-header", "李强,Li Qiang\n王林,Wang Lin\n",
               "terms.csv:1: missing required columns zh, en; header is '李强,Li Qiang' (hint: the first row looks "
               "like a term, not a header: add a header row such as zh,en above it)"),
    TableError("table-missing-column", "zh,note\n李强,premier\n",
               "terms.csv:1: missing required column en; header is 'zh,note' "
               "(hint: the header row needs at least the columns zh and en)"),
    TableError("table-semicolons", "zh;en\n李强;Li Qiang\n",
               "terms.csv:1: missing required columns zh, en; header is 'zh;en' "
               "(hint: the fields are separated by semicolons; a term table separates them by commas)"),
    TableError("table-misspelt-column", "zh,en,aliasses\n李强,Li Qiang,premier\n",
               "terms.csv:1: unknown column 'aliasses' (hint: did you mean 'aliases'? Other columns of your own "
               "are kept as they are)"),
    TableError("table-repeated-column", "zh,en,en\n李强,Li Qiang,Li\n", "terms.csv:1: column 'en' appears twice"),
    TableError("table-ragged-long", "zh,en\n李强,Li Qiang\n王林,Wang, Lin\n",
               "terms.csv:3: row has 3 fields, the header has 2 (hint: quote a field that contains a comma)"),
    TableError("table-ragged-short", "zh,en,note\n李强,Li Qiang\n",
               "terms.csv:2: row has 2 fields, the header has 3 (hint: every row needs a field for each column; "
               "leave a field empty with nothing between the commas)"),
    TableError("table-empty-zh", "zh,en\n李强,Li Qiang\n,Nobody\n",
               "terms.csv:3: empty zh (hint: every row needs its Chinese form)"),
    TableError("table-empty-en", "zh,en\n李强, \n",
               "terms.csv:2: empty en (hint: every row needs its preferred English rendering)"),
    TableError("table-zh-not-chinese", "zh,en\nLi Qiang,Li Qiang\n",
               "terms.csv:2: zh 'Li Qiang' has no Chinese characters (hint: a Latin-script term that Chinese text "
               "writes as it is (SWIFT, T+1) needs verbatim=true)"),
    TableError("table-chinese-in-en", "zh,en\n李强,Li 强\n",
               "terms.csv:2: en 'Li 强' contains Chinese characters (hint: English columns hold English renderings)"),
    TableError("table-duplicate-id", "id,zh,en\nli,李强,Li Qiang\nli,王林,Wang Lin\n",
               "terms.csv:3: duplicate id 'li' (first on line 2) (hint: ids are stable keys: give each term its own)"),
    TableError("table-same-zh", "zh,en\n李强,Li Qiang\n李強,Li Qiang Two\n",
               "terms.csv:3: Chinese '李強' is already a term on line 2 "
               "(hint: one concept, one row: put other forms in zh_variants)"),
    TableError("table-form-twice-in-row", "zh,en,aliases\n全国人大,NPC,NPC\n",
               "terms.csv:2: English form 'NPC' is listed twice in this row "
               "(hint: each form belongs in one column only)"),
    TableError("table-unknown-category", "zh,en,category\n李强,Li Qiang,premier\n",
               f"terms.csv:2: unknown category 'premier' (hint: use one of {', '.join(glossary.CATEGORIES)})"),
    TableError("table-bad-boolean", "zh,en,ambiguous\n容易,Rong Yi,maybe\n",
               "terms.csv:2: ambiguous must be true or false, not 'maybe'"),
    TableError("table-bad-series", "zh,en,series\n神舟,Shenzhou,Shenzhou-N\n",
               "terms.csv:2: series 'Shenzhou-N' needs one {n} in its Chinese and one in its English (hint: write the "
               "series as 嫦娥{n}号 = Chang'e-{n}, or the English alone: Chang'e-{n})"),
    TableError("table-series-prefix", "zh,en,series\n北斗卫星导航系统,BeiDou,北斗{n}号 = BeiDou-{n}\n",
               "terms.csv:2: series Chinese prefix '北斗' is not one of the row's Chinese forms (hint: add it to "
               "zh_variants, or start the template with the row's zh)"),
    TableError("table-template-without-series", "zh,en,variants\n神舟,Shenzhou,Shenzhou {n}\n",
               "terms.csv:2: variants 'Shenzhou {n}' is a series template, but the row has no series (hint: give the "
               "row a series, or write the form without {n})"),
    TableError("table-huge-unquoted-field", "zh,en\n李强," + "x" * 200_000 + "\n",
               "terms.csv:2: a field on line 2 is over 131,072 characters (hint: a term table's fields hold at most "
               "1,024 bytes: is this a term table?)"),
    TableError("table-control-character", "zh,en,note\n李强,Li Qiang,a\x07b\n",
               "terms.csv:2: field 'note' holds the control character U+0007 (hint: no tool shows it and XML cannot "
               "hold it: delete it)"),
    TableError("table-two-forms-in-en", "zh,en\n天宫,Tiangong|Heavenly Palace\n",
               "terms.csv:2: en 'Tiangong|Heavenly Palace' holds more than one form (hint: en is the one preferred "
               "form: move the others to aliases ('Tiangong' first))"),
    TableError("table-two-forms-in-zh", "zh,en\n长征五号 | 长五,Long March 5\n",
               "terms.csv:2: zh '长征五号 | 长五' holds more than one form (hint: zh is the one preferred form: move the "
               "others to zh_variants ('长征五号' first))"),
    TableError("table-flag-in-forbidden", "zh,en,forbidden\n长征五号,Long March-5,TRUE\n",
               "terms.csv:2: forbidden 'TRUE' is a yes/no flag, not an English form (hint: forbidden lists English "
               "forms of the row; a tool's own yes/no column needs another name, and the forbidden English goes in "
               "the forbidden column of the row it is wrong for)"),
    TableError("table-formula-zh", 'zh,en\n"=HYPERLINK(""x"",""王坚"")",Wang Jian\n',
               "terms.csv:2: zh '=HYPERLINK(\"x\",\"王坚\")' is a spreadsheet formula, not a Chinese form (hint: save "
               "the sheet's values, not its formulas)"),
    TableError("table-bad-id", "id,zh,en\nLi Qiang,李强,Li Qiang\n",
               "terms.csv:2: id 'Li Qiang' is not a slug "
               "(hint: use lowercase letters, digits and hyphens, e.g. long-march-5)"),
    TableError("table-not-pinyin", "zh,en,pinyin\n李强,Li Qiang,Hello World\n",
               "terms.csv:2: pinyin 'Hello World' is not pinyin "
               "(hint: write syllables like Wáng Yàpíng, with tone marks or none)"),
    TableError("table-field-too-long", f"zh,en,note\n李强,Li Qiang,{_LONG}\n",
               "terms.csv:2: field 'note' is 1100 bytes, over the limit of 1024"),
    TableError("table-not-utf8", "zh,en\n李强,Li Qiang\n王林,Wang L".encode() + b"\xedn\n",
               "terms.csv:3: not valid UTF-8 at byte offset 35 (byte 0xed) "
               "(hint: is the table in GBK or Latin-1? save it as UTF-8; in Excel, as 'CSV UTF-8')"),
    TableError("table-gbk", "zh,en\n李强,Li Qiang\n".encode("gbk"),
               "terms.csv:2: not valid UTF-8 at byte offset 6 (byte 0xc0) "
               "(hint: is the table in GBK or Latin-1? save it as UTF-8; in Excel, as 'CSV UTF-8')"),
    TableError("table-utf16", "zh,en\n李强,Li Qiang\n".encode("utf-16"),
               "terms.csv:1: the file is UTF-16, not UTF-8 (it starts with a UTF-16 byte-order mark) "
               "(hint: save it as UTF-8; in Excel, as 'CSV UTF-8')"),
    TableError("table-nul", b"zh,en\n\xe6\x9d\x8e\xe5\xbc\xba,Li\x00Qiang\n",
               "terms.csv:2: NUL byte at byte offset 15 "
               "(hint: the file is binary or UTF-16; save it as UTF-8; in Excel, as 'CSV UTF-8')"),
    TableError("table-unclosed-quote", 'zh,en,note\n李强,Li Qiang,"premier\n王林,Wang Lin,\n',
               "terms.csv:2: a quoted field that starts on line 2 is never closed; it runs to the end of the file "
               '(line 3) (hint: end the field with a double quote; write a quote inside a field as "")'),
    TableError("table-stray-quote", 'zh,en\n李强,"Li" Qiang\n',
               "terms.csv:2: malformed CSV: ',' expected after '\"' (hint: quote a field that holds a comma, a "
               'quote or a line break, and double its quotes: "a ""b"", c")'),
    TableError("table-multiline-record", 'zh,en,note\n李强,Li Qiang,"one\ntwo\nthree"\n,Nobody,\n',
               "terms.csv:5: empty zh (hint: every row needs its Chinese form)"),
    TableError("table-many-problems", "zh,en\n,Nobody\n李强,\n",
               "terms.csv:2: empty zh (hint: every row needs its Chinese form)\n"
               "terms.csv:3: empty en (hint: every row needs its preferred English rendering)"),
]


@pytest.mark.parametrize("case", TABLE_ERRORS, ids=lambda c: c.id)
def test_table_error(case, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "terms.csv", case.content)
    (tmp_path / "a.md").write_text("Premier Li Qiang spoke.\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        glossary.load("terms.csv")
    assert str(info.value) == case.message
    assert info.value.path == "terms.csv"
    # The command: status 2, the message on stderr, nothing on stdout, no traceback.
    assert main(["check", "--no-config", "--glossary", "terms.csv", "a.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"glossary: {case.message}\n" if "\n" not in case.message else case.message + "\n")


def test_table_lone_surrogate():
    """table-lone-surrogate: a table read from a text stream that holds a lone surrogate."""
    with pytest.raises(GlossaryError) as info:
        glossary.load(io.StringIO("zh,en\n李强,Li \ud800Qiang\n"))
    assert str(info.value) == ("<table>:2: lone surrogate U+D800 at character offset 12 "
                               "(hint: the text is not valid Unicode; save it as UTF-8; in Excel, as 'CSV UTF-8')")


def test_table_missing(tmp_path):
    """table-missing: the library names the file; the command says so in one line."""
    with pytest.raises(GlossaryError) as info:
        glossary.load(tmp_path / "nope.csv")
    assert str(info.value) == f"{tmp_path / 'nope.csv'}: cannot read the table: No such file or directory"
    proc = run("check", "--no-config", "--glossary", "nope.csv", "a.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", "glossary: nope.csv: no such file\n")


def test_table_error_through_the_installed_command(tmp_path):
    """The real entry point, for a one-problem and a many-problem table: status 2, no traceback."""
    write(tmp_path / "terms.csv", TABLE_ERRORS_BY_ID["table-not-utf8"].content)
    write(tmp_path / "many.csv", "zh,en\n,Nobody\n李强,\n")
    write(tmp_path / "a.md", "Premier Li Qiang spoke.\n")
    proc = run("check", "--no-config", "--glossary", "terms.csv", "a.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"glossary: {TABLE_ERRORS_BY_ID['table-not-utf8'].message}\n"
    proc = run("export", "--glossary", "many.csv", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == TABLE_ERRORS_BY_ID["table-many-problems"].message.replace("terms.csv", "many.csv") + "\n"


TABLE_ERRORS_BY_ID = {c.id: c for c in TABLE_ERRORS}


def test_table_same_english(tmp_path):
    """table-same-english: loads (ids made unique); ``validate`` warns and exits 1."""
    write(tmp_path / "terms.csv", "zh,en\n李强,Li Qiang\n李锵,Li Qiang\n")
    g = glossary.load(tmp_path / "terms.csv")
    assert [t.id for t in g] == ["li-qiang", "li-qiang-2"]
    proc = run("validate", "terms.csv", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ("terms.csv:3: English 'Li Qiang' is also used by 'li-qiang' (line 2) (hint: two terms "
                           "with one rendering cannot be told apart in English text)\n")
    assert proc.stderr == "terms.csv: 2 terms, 1 warning.\n"


@dataclass(frozen=True)
class TableAccepted:
    id: str
    content: str | bytes
    rows: list[tuple[str, str, int]]  # (zh, en, line) of each term
    aliases: tuple[str, ...] = ()


TABLE_ACCEPTED = [
    TableAccepted("table-bom-crlf", "\ufeffzh,en\r\n李强,Li Qiang\r\n王林,Wang Lin\r\n",
                  [("李强", "Li Qiang", 2), ("王林", "Wang Lin", 3)]),
    TableAccepted("table-cr-only", "zh,en\r李强,Li Qiang\r王林,Wang Lin\r",
                  [("李强", "Li Qiang", 2), ("王林", "Wang Lin", 3)]),
    TableAccepted("table-quoted-fields",
                  'zh,en,aliases,note\n李强,"Li Qiang","Premier Li, Li Qiang","the ""premier"",\nof China"\n'
                  "王林,Wang Lin,,\n",
                  [("李强", "Li Qiang", 2), ("王林", "Wang Lin", 4)], ("Premier Li, Li Qiang",)),
    TableAccepted("table-blank-rows", "zh,en,note\n\n李强,Li Qiang,\n,,\n , ,\n\n王林,Wang Lin,\n",
                  [("李强", "Li Qiang", 3), ("王林", "Wang Lin", 7)]),
    TableAccepted("table-sep-line", "sep=,\nzh,en\n李强,Li Qiang\n", [("李强", "Li Qiang", 3)]),
    TableAccepted("table-trailing-empty-columns", "zh,en,,\n李强,Li Qiang,,\n王林,Wang Lin,,\n",
                  [("李强", "Li Qiang", 2), ("王林", "Wang Lin", 3)]),
]


@pytest.mark.parametrize("case", TABLE_ACCEPTED, ids=lambda c: c.id)
def test_table_accepted(case, tmp_path):
    g = glossary.load(write(tmp_path / "terms.csv", case.content))
    assert [(t.zh, t.en, t.line) for t in g] == case.rows
    assert g.terms[0].aliases == case.aliases
    if case.id == "table-quoted-fields":
        assert g.terms[0].note == 'the "premier",\nof China'  # a line break inside quotes is kept


# == Texts =========================================================================================

_LATE = ("Premier Li Qiang spoke.\n\n" * 50_000).encode()  # 1.25 MB: past the first piece
TEXT_FILES: dict[str, bytes] = {
    "bad.md": "第一行 Wang Yaping\n".encode() + b"Wang \xff\n",
    "late.md": _LATE + b"Wang \xffYapin\n",
    "utf16.md": "Wang Yapin\n".encode("utf-16"),
    "surrogate.md": b"Li \xed\xa0\x80Qiang\n",
    "empty.md": b"",
    "bom.md": "\ufeffWang Yapin spoke.\n".encode(),
    "crlf.md": "Intro.\r\n\r\nPremier Li Qiang (李刚) met Wang Yapin.\r\n".encode(),
    "zw.md": "Premier Li\u200bQiang spoke.\n".encode(),
    "invisible.md": "Premier Li Q\u00adiang (李刚) and Li\u2060 Qiang\ufe0f spoke.\n".encode(),
    "nul.md": b"Wang Yapin\x00 spoke.\n",
}
_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [{entities}]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>李强出席。</source><target>Li Qiang attended. &e;</target></trans-unit>
</body></file></xliff>
"""


@pytest.fixture(scope="module")
def text_run(tmp_path_factory):
    """One run of ``glossary check`` over every text file above (and two XLIFF files)."""
    folder = tmp_path_factory.mktemp("texts")
    for name, data in TEXT_FILES.items():
        write(folder / name, data)
    write(folder / "secret.txt", "SECRET-TOKEN\n")
    write(folder / "xxe.xlf", _XLIFF.format(entities=f'<!ENTITY e SYSTEM "file://{folder}/secret.txt">'))
    bomb = '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 20}">' for a, b in zip("abcdef", "bcdefg")) + '<!ENTITY e "&g;">'
    write(folder / "bomb.xlf", _XLIFF.format(entities=bomb))
    names = [*TEXT_FILES, "missing.md", "xxe.xlf", "bomb.xlf"]
    proc = run("check", "--no-config", "--format", "json", *names, cwd=folder)
    return proc, json.loads(proc.stdout)


def _findings(report: list[dict], path: str) -> list[tuple[str, int, int, str]]:
    return [(f["rule"], f["line"], f["column"], f["found"]) for f in report if f["path"] == path]


TEXT_ERRORS = {
    "text-not-utf8": "glossary: bad.md: not valid UTF-8 at byte offset 27 (line 2)",
    "text-not-utf8-late": f"glossary: late.md: not valid UTF-8 at byte offset {len(_LATE) + 5} (line 100001)",
    "text-utf16": "glossary: utf16.md: the file is UTF-16, not UTF-8 (it starts with a UTF-16 byte-order mark) "
                  "(hint: save it as UTF-8)",
    "text-surrogate-bytes": "glossary: surrogate.md: not valid UTF-8 at byte offset 3 (line 1)",
    "text-missing": "glossary: missing.md: no such file or directory",
}


@pytest.mark.parametrize("row", TEXT_ERRORS)
def test_text_error(row, text_run):
    proc, report = text_run
    assert proc.returncode == 2
    assert TEXT_ERRORS[row] in proc.stderr.splitlines()
    path = TEXT_ERRORS[row].split(": ")[1]
    assert _findings(report, path) == []  # a file that cannot be read has no findings, not partial ones


TEXT_FINDINGS = {
    # The readable files are still checked, with exact positions.
    "text-empty": ("empty.md", []),
    "text-bom": ("bom.md", [("forbidden", 1, 1, "Wang Yapin")]),
    "text-crlf": ("crlf.md", [("gloss-mismatch", 3, 19, "李刚"), ("forbidden", 3, 27, "Wang Yapin")]),
    "text-zero-width-inside": ("zw.md", [("variant", 1, 9, "Li\u200bQiang")]),
    # A soft hyphen inside the name, a word joiner and a variation selector around it: the name
    # is still Li Qiang (the gloss is tied to it), spelled as preferred (no variant finding).
    "text-invisible-around": ("invisible.md", [("gloss-mismatch", 1, 20, "李刚")]),
    "text-nul": ("nul.md", [("forbidden", 1, 1, "Wang Yapin")]),
}


@pytest.mark.parametrize("row", TEXT_FINDINGS)
def test_text_findings(row, text_run):
    proc, report = text_run
    path, expected = TEXT_FINDINGS[row]
    assert _findings(report, path) == expected
    assert not any(line.startswith(f"glossary: {path}:") for line in proc.stderr.splitlines())


_ENTITIES_REFUSED = ("the file declares XML entities (<!ENTITY>), which glossary does not read: they can read other "
                     "files or expand without end")


def test_text_xml_entity_is_not_read(text_run):
    """text-xml-entity: an XLIFF file that declares an external entity is refused; no file's text gets in."""
    proc, _ = text_run
    assert "SECRET-TOKEN" not in proc.stdout + proc.stderr
    assert f"glossary: xxe.xlf:2: {_ENTITIES_REFUSED}" in proc.stderr.splitlines()
    assert proc.stdout.startswith("[")


def test_text_xml_entity_bomb(text_run):
    """text-xml-bomb: nested entities ("billion laughs") are refused before any parsing, as an error for that file."""
    proc, _ = text_run
    assert f"glossary: bomb.xlf:2: {_ENTITIES_REFUSED}" in proc.stderr.splitlines()


def test_text_invisible_before_gloss():
    """text-invisible-before-gloss: a variation selector between a name and its gloss."""
    found = [(f.rule, f.found, f.column) for f in glossary.check_text("Premier Li Qiang\ufe0f (李刚) spoke.")]
    assert found == [("gloss-mismatch", "李刚", 20)]


def test_text_invisible_in_chinese():
    """text-invisible-in-chinese: a zero-width space inside a Chinese name."""
    assert [(m.text, m.start) for m in glossary.find_terms("他说李\u200b强出席。")] == [("李\u200b强", 2)]
    assert glossary.check_pair("李\u200b强出席。", "Li Qiang attended.") == []


def test_text_invisible_in_gloss():
    """text-invisible-in-gloss: a zero-width space inside the Chinese of a gloss is skipped."""
    assert glossary.check_text("Premier Li Qiang (李\u200b强) spoke.") == []
    found = [(f.rule, f.found) for f in glossary.check_text("Premier Li Qiang (李\u200b刚) spoke.")]
    assert found == [("gloss-mismatch", "李\u200b刚")]


def test_text_stdin_not_utf8(tmp_path):
    """text-stdin-not-utf8"""
    proc = run("check", "--no-config", "-", cwd=tmp_path, stdin=b"Li Qiang\n\xc3(\n")
    assert proc.returncode == 2
    assert proc.stderr == "glossary: <stdin>: not valid UTF-8 at byte offset 9 (line 2)\n"


def test_text_lone_surrogate():
    """text-lone-surrogate: str input with lone surrogates is matched around them."""
    g = glossary.load()
    text = "Premier\ud800 Li Qiang (李刚) spoke; \udc80Wang Yapin\udfff too."
    found = [(f.rule, f.found, f.column) for f in glossary.check_text(text, g)]
    assert found == [("gloss-mismatch", "李刚", 20), ("forbidden", "Wang Yapin", 32)]
    matches = glossary.find_terms(text, g)
    assert [m.text for m in matches] == ["Li Qiang", "Wang Yapin"]
    assert all(text[m.start:m.end] == m.text for m in matches)


def test_text_large(tmp_path, monkeypatch, capsys):
    """text-large: a text read in pieces gets the findings of the whole, lines and all.

    The piece size is cut to 1 byte so that this small text is read in many
    pieces; fences, comments and off regions with blank lines inside, CRLF,
    and an inconsistency whose reference spelling comes pieces later are all
    in it. benchmarks/large_file.py measures the real thing (50 MB).
    """
    from glossary import bilingual

    parts = [
        "The Beidou network grew. Beidou is used widely.\n\n",
        "```text\nLi Qiang (李刚) inside code\n\n\nWang Yapin in code\n```\n\n",
        "<!-- a comment\n\nWang Yapin in a comment\n\n-->\n\n",
        "<!-- glossary off -->\n\nWang Yapin off\n\n<!-- glossary on -->\n\n",
        "Later the BeiDou system (北斗) and Tianwen 3 flew.\r\n\r\n",
        "    indented Wang Yapin code\n\n",
        "Premier Li Qiang (李刚) spoke. Tianwen-3 then.\n\n",
        "Zhang Ruocheng (张若尘) joined; 中国 is untranslated.\n\n",
    ]
    path = tmp_path / "long.md"
    path.write_bytes("".join(parts * 3).encode())
    monkeypatch.chdir(tmp_path)

    def check(size: int) -> tuple[int, str]:
        monkeypatch.setattr(bilingual, "CHUNK_BYTES", size)
        status = main(["check", "--no-config", "long.md"])
        return status, capsys.readouterr().out

    pieces = list(bilingual.read_text_chunks(path, size=1))
    assert len(pieces) > 10 and "".join(p.text for p in pieces) == path.read_bytes().decode()
    assert not any(p.text.startswith(("Wang", "\n", "-->")) for p in pieces)  # never inside a region
    whole = check(10**9)
    assert check(1) == whole
    assert whole[0] == 1
    # The reference spelling of an inconsistency is pieces later; lines count from the top of the file.
    assert "long.md:1:5: GL203 [inconsistent] 'Beidou' here, but 'BeiDou' on line 22;" in whole[1]
    assert "long.md:86:30: GL204 [untranslated]" in whole[1]
    assert "Wang Yapin" not in whole[1]  # only ever in code, comments and off regions


def test_text_large_indented_blocks_after_one_another():
    """Two indented code blocks one blank line apart: code in the whole text and in pieces alike."""
    from glossary.source import mask

    text = "Intro.\n\n    code Wang Yapin\n\n    more Wang Yapin\n\nEnd.\n"
    assert "Wang" not in mask(text)


def test_text_large_not_utf8_late(tmp_path):
    """The byte offset and line of a bad byte are the file's, whatever piece it is in."""
    from glossary.bilingual import read_text_chunks

    path = write(tmp_path / "t.md", b"a\n\nb\n\nc\xff\n")
    with pytest.raises(GlossaryError) as info:
        list(read_text_chunks(path, "t.md", size=1))
    assert str(info.value) == "t.md: not valid UTF-8 at byte offset 7 (line 5)"


# == Writing =======================================================================================

@pytest.fixture
def table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write(tmp_path / "terms.csv", "zh,en\n李强,Li Qiang\n")


@pytest.mark.parametrize("row, output", [
    pytest.param("write-self", "terms.csv", id="write-self"),
    pytest.param("write-self-relative", "./sub/../terms.csv", id="write-self-relative"),
    pytest.param("write-self-symlink", "link.csv", id="write-self-symlink"),
    pytest.param("write-self-hardlink", "hard.csv", id="write-self-hardlink"),
])
def test_write_refuses_the_table_it_reads(row, output, table, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.csv").symlink_to("terms.csv")
    os.link(tmp_path / "terms.csv", tmp_path / "hard.csv")
    before = table.read_bytes()
    proc = run("export", "--glossary", "terms.csv", "-o", output, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"glossary: {output} is the glossary being exported; use --force to overwrite it\n"
    assert table.read_bytes() == before


def test_write_force_through_symlink(table, tmp_path):
    """write-force: --force rewrites the table; through a link, the file it points to (the link stays)."""
    (tmp_path / "link.csv").symlink_to("terms.csv")
    table.chmod(0o640)
    proc = run("export", "--glossary", "terms.csv", "-o", "link.csv", "--force", cwd=tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / "link.csv").is_symlink()
    assert table.read_text(encoding="utf-8").startswith(",".join(COLUMNS) + "\nli-qiang,李强,,Li Qiang,")
    assert table.stat().st_mode & 0o777 == 0o640  # permissions kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "terms.csv"]


class _DiskFull:
    """A file that takes half of the first write, then fails as a full disk does."""

    def __init__(self, fh):
        self._fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()

    def write(self, text):
        self._fh.write(text[: len(text) // 2])
        self._fh.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._fh, name)


def test_write_interrupted(table, tmp_path, monkeypatch):
    """write-interrupted: a write that fails half-way leaves the old file whole and no temporary file."""
    import glossary.table as table_module

    real_fdopen = os.fdopen
    monkeypatch.setattr(table_module.os, "fdopen", lambda *a, **k: _DiskFull(real_fdopen(*a, **k)))
    before = table.read_bytes()
    with pytest.raises(OSError, match="No space left"):
        glossary.export(glossary.load(), table)
    assert table.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.csv"]


def test_write_interrupted_in_the_block(table, tmp_path):
    """An exception inside atomic_writer's block, after part was written, changes nothing either."""
    before = table.read_bytes()
    with pytest.raises(KeyboardInterrupt), atomic_writer(table) as fh:
        fh.write("id,zh\n")
        raise KeyboardInterrupt
    assert table.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.csv"]


def test_write_service_rejects(table, tmp_path):
    """write-service-rejects: an export a service would refuse writes nothing."""
    g = glossary.Glossary([glossary.Term("a", "甲", "Alpha"), glossary.Term("b", "乙", "Alpha")], path="two.csv")
    out = write(tmp_path / "deepl.csv", "old\n")
    with pytest.raises(GlossaryError) as info:
        glossary.export(g, out, format="deepl", direction="en-zh")
    assert str(info.value) == ("two.csv: deepl: duplicate source 'Alpha' in terms 'a' and 'b' "
                               "(hint: a service glossary maps each source to one target)")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deepl.csv", "terms.csv"]


@pytest.mark.parametrize("row, args, message", [
    pytest.param("write-missing-folder", ["-o", "no/such/folder/out.csv"],
                 "glossary: no/such/folder: No such file or directory", id="write-missing-folder"),
    pytest.param("write-folder", ["-o", "sub"], "glossary: sub: is a folder, not a file", id="write-folder"),
    pytest.param("write-safe-not-csv", ["--format", "json", "--safe"],
                 "glossary: safe applies to the CSV formats (csv, deepl, google, amazon), not json",
                 id="write-safe-not-csv"),
])
def test_write_error(row, args, message, table, tmp_path):
    (tmp_path / "sub").mkdir()
    proc = run("export", "--glossary", "terms.csv", *args, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", message + "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub", "terms.csv"]


def test_write_safe(table, tmp_path):
    """write-safe: --safe defuses formula cells; without it the CSV round-trips exactly."""
    write(table, 'zh,en,aliases,note\n李强,Li Qiang,@LiQiang,"=HYPERLINK(""http://x"")"\n'
                 "王林,Wang Lin,+Wang | -Wang,-5 dB\n")
    proc = run("export", "--glossary", "terms.csv", "--safe", cwd=tmp_path)
    assert proc.returncode == 0
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    cells = {c for row in rows for c in row if c.startswith("'")}
    assert cells == {"'@LiQiang", "'=HYPERLINK(\"http://x\")", "'+Wang | -Wang", "'-5 dB"}
    assert [spreadsheet_safe(v) for v in ("\tx", "\rx", "x=1")] == ["'\tx", "'\rx", "x=1"]
    g = glossary.load(table)
    plain = glossary.export(g, io.StringIO())
    plain.seek(0)
    assert glossary.load(plain) == g


def test_no_code_runs_from_data():
    """no-eval: the package never evaluates data (no eval/exec, no pickle loads, no unsafe YAML)."""
    banned = re.compile(r"\b(eval|exec)\s*\(|pickle\.loads?\s*\(|marshal\.loads?\s*\(|yaml\.(load|unsafe_load)\s*\(")
    hits = []
    for path in sorted((ROOT / "glossary").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if banned.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert hits == []
    assert banned.search("yaml.load(data)") and banned.search("exec(code)") and not banned.search("yaml.safe_load(x)")


# == The doc and the cases =========================================================================

def _documented() -> dict[str, str]:
    """Row id → the row's text, for every table row of docs/errors.md."""
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([a-z0-9-]+)` \|(.*)$", line)
        if m:
            rows[m.group(1)] = m.group(2)
    return rows


CASE_IDS = (
    {c.id for c in TABLE_ERRORS} | {c.id for c in TABLE_ACCEPTED} | set(TEXT_ERRORS) | set(TEXT_FINDINGS)
    | {"table-lone-surrogate", "table-missing", "table-same-english"}
    | {"text-xml-bomb", "text-xml-entity", "text-stdin-not-utf8", "text-lone-surrogate", "text-large", "text-invisible-before-gloss",
       "text-invisible-in-chinese", "text-invisible-in-gloss", "text-internal-error", "text-double-space",
       "text-newline-in-name", "write-disk-full", "export-xml-control-character", "text-special-file",
       "text-fifo-in-folder", "write-special-file", "write-symlink-loop", "check-jobs-capped",
       "text-xml-mislabelled", "report-sarif-odd-name"}
    | {"write-self", "write-self-relative", "write-self-symlink", "write-self-hardlink", "write-force",
       "write-interrupted", "write-service-rejects", "write-missing-folder", "write-folder", "write-safe-not-csv",
       "write-safe"}
    | {"no-eval"}
    # tests/test_cli_fix.py, tests/test_fix.py, tests/test_suppress.py, tests/test_baseline.py
    | {"fix-write-fails", "fix-stale-finding", "fix-in-skipped-region", "fix-quoted-cell", "fix-xliff-inline-markup",
       "fix-file-named-twice", "suppression-unknown-rule", "per-file-ignores-unknown-rule", "baseline-missing",
       "baseline-not-json", "baseline-wrong-shape"}
)


def test_every_documented_row_has_a_case():
    assert set(_documented()) == CASE_IDS


@pytest.mark.parametrize("case", TABLE_ERRORS, ids=lambda c: c.id)
def test_doc_shows_the_exact_message(case):
    """The doc's message for a table error is the message, up to an elided ``…`` tail."""
    row = _documented()[case.id]
    shown = re.findall(r"`([^`]*terms\.csv[^`]*)`", row)
    assert shown, row
    for message in shown:
        message = message.replace("&#124;", "|")
        if message.endswith("…"):
            assert case.message.startswith(message[:-1]), (message, case.message)
        else:
            assert message in case.message.split("\n"), (message, case.message)


# -- one document's failure is that document's -------------------------------------------------------

def test_an_internal_error_in_one_file_keeps_the_others(tmp_path, monkeypatch, capsys):
    import glossary.check as check_module

    (tmp_path / "good.md").write_text("Astronaut Wang Yapin flew.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("The poison pill.\n", encoding="utf-8")
    real = check_module.check_text

    def flaky(text, *args, **kwargs):
        if "poison" in text:
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(check_module, "check_text", flaky)
    monkeypatch.delenv("GLOSSARY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    status = main(["check", "--no-config", "--jobs", "1", "good.md", "bad.md"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "good.md:1:11: GL202" in out
    assert "bad.md: internal error while checking: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_a_double_space_inside_a_name_is_checked_not_a_crash():
    found = glossary.check_text("We met Mr. Zhang  Wei (李强) at noon.")
    assert [(f.rule, f.found, f.column) for f in found] == [("gloss-mismatch", "Zhang  Wei", 12)]


def test_text_newline_in_name(tmp_path, monkeypatch, capsys):
    """text-newline-in-name: a file name with a line break stays on its finding's line."""
    (tmp_path / "a\nb.md").write_text("Astronaut Wang Yapin flew.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-config", "a\nb.md"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("a\\nb.md:1:11: GL202")


def test_write_disk_full_names_the_file(tmp_path, monkeypatch):
    """write-disk-full: a full disk is an error that names the file, and the old file is kept."""
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as info:
        with atomic_writer(target) as fh:
            fh.write("new\n")
    assert info.value.filename == str(target) and info.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_export_xml_control_character():
    """export-xml-control-character: a term built in code with a control character still exports TBX that parses."""
    import xml.etree.ElementTree as ET

    g = glossary.Glossary([glossary.Term(id="x", zh="李强", en="Li Qiang", note="bell\x07 escape\x1b")])
    buf = io.StringIO()
    glossary.export(g, buf, format="tbx")
    root = ET.fromstring(buf.getvalue().split("\n", 2)[2])
    assert "bell escape" in ET.tostring(root, encoding="unicode")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_text_special_file_and_fifo_in_folder(tmp_path, monkeypatch, capsys):
    """text-special-file, text-fifo-in-folder: a device or FIFO is never read (it could hang or never end)."""
    os.mkfifo(tmp_path / "hang.md")
    (tmp_path / "ok.md").write_text("Astronaut Wang Yapin flew.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-config", "."]) == 1  # the FIFO inside the folder is skipped
    assert "ok.md:1:11: GL202" in capsys.readouterr().out
    assert main(["check", "--no-config", "/dev/zero"]) == 2
    assert "glossary: /dev/zero: not a regular file (give - to read standard input)" in capsys.readouterr().err
    assert main(["check", "--no-config", "--glossary", "/dev/zero", "ok.md"]) == 2
    assert "glossary: /dev/zero: not a regular file" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_write_special_file_is_a_stream(tmp_path):
    """write-special-file: a FIFO (or /dev/null) is written to, never replaced by a regular file."""
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    with atomic_writer(fifo) as fh:
        fh.write("zh,en\n")
    reader.join(timeout=10)
    assert got == ["zh,en\n"]
    assert not fifo.is_file() and fifo.exists()  # still a FIFO
    with atomic_writer("/dev/null") as fh:
        fh.write("nothing")
    assert Path("/dev/null").is_char_device()


def test_write_symlink_loop(tmp_path, monkeypatch, capsys):
    """write-symlink-loop: a loop of symbolic links is an error that names the path."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "-o", "a"]) == 2
    assert "glossary: a: a loop of symbolic links" in capsys.readouterr().err


def test_check_jobs_capped(tmp_path, monkeypatch):
    """check-jobs-capped: --jobs is capped at the cores and at the files."""
    import concurrent.futures as cli  # the worker pool, which glossary.cli.check_run imports when it makes one

    seen: dict[str, int] = {}
    real = cli.ProcessPoolExecutor

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, max_workers=None, **kwargs):
            seen["workers"] = max_workers
            super().__init__(*args, max_workers=max_workers, **kwargs)

    monkeypatch.setattr(cli, "ProcessPoolExecutor", Spy)
    for i in range(3):
        (tmp_path / f"{i}.md").write_text("Astronaut Wang Yapin flew.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-config", "--jobs", "1000", "."]) == 1
    cores = os.cpu_count() or 1
    if cores == 1:
        assert seen == {}  # one core: checked in this process, no pool at all
    else:
        assert seen["workers"] == min(3, cores)


_MISLABELLED_XLIFF = """<?xml version="1.0" encoding="{enc}"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" target-language="en"
 datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>王亚平出舱。</source><target>Wang Yapin left.</target></trans-unit>
</body></file></xliff>
"""


@pytest.mark.parametrize("enc", ["ISO-8859-1", "UTF-16", "windows-1252", "UTF-8"])
def test_text_xml_mislabelled(tmp_path, monkeypatch, capsys, enc):
    """text-xml-mislabelled: an XLIFF that declares another encoding but holds UTF-8 is read as UTF-8."""
    pytest.importorskip("translate.storage.xliff")
    (tmp_path / "t.xlf").write_text(_MISLABELLED_XLIFF.format(enc=enc), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-config", "t.xlf"]) == 1
    out = capsys.readouterr().out
    assert "GL202 [forbidden] 'Wang Yapin' is wrong for 王亚平" in out


def test_report_sarif_odd_name(tmp_path, monkeypatch, capsys):
    """report-sarif-odd-name: a file name that is not UTF-8 gets a percent-encoded URI."""
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text("Astronaut Wang Yapin flew.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-config", "--format", "sarif", "."]) == 1
    log = json.loads(capsys.readouterr().out)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.md"
