"""glossary.formats: every format's read and write, on small files of our own."""

from __future__ import annotations

import io
import json

import pytest

import glossary
from glossary.errors import GlossaryError
from glossary.formats import detect, read_bytes, render
from glossary.formats.tbx import language, status
from glossary.model import Term

V2_TIG = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">China's crewed orbital station</descrip>
      <langSet xml:lang="{zh}">
        <tig><term>天宫空间站</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="{hant}">
        <tig><term>天宮太空站</term></tig>
      </langSet>
      <langSet xml:lang="{en}">
        <tig><term>Tiangong space station</term>
             <termNote type="{kind}">{preferred}</termNote></tig>
        <tig><term>Tiangong</term><termNote type="{kind}">{admitted}</termNote></tig>
        <tig><term>Heavenly Palace</term><termNote type="{kind}">{superseded}</termNote></tig>
        <tig><term>Tiangong Station</term><termNote type="{kind}">{deprecated}</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""

V2_NTIG = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry>
    <langSet xml:lang="zh-CN"><ntig><termGrp><term>李强</term>
      <termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig></langSet>
    <langSet xml:lang="en-US"><ntig><termGrp><term>Li Qiang</term>
      <termNote type="normativeAuthorization">preferredTerm</termNote></termGrp>
      <note>premier since 2023</note></ntig>
      <ntig><termGrp><term>Li Chiang</term>
      <termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig></langSet>
  </termEntry>
</body></text></martif>
"""

V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="wang-yaping">
      <langSec xml:lang="zh-Hans"><termSec><term>王亚平</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="zh-TW"><termSec><term>王亞平</term></termSec></langSec>
      <langSec xml:lang="EN-gb"><termSec><term>Wang Yaping</term>
        <termNote type="usageStatus">preferred</termNote></termSec>
        <termSec><term>Yaping Wang</term><termNote type="usageStatus">notRecommended</termNote></termSec>
        <termSec><term>Wang Ya-ping</term><termNote type="usageStatus">obsolete</termNote></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="fr-only">
      <langSec xml:lang="fr"><termSec><term>bonjour</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

V3_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="c-9">
      <langSec xml:lang="zh"><termSec><term>天舟</term>
        <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>Tianzhou</term></termSec>
        <termSec><term>Tianchou</term>
        <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def tbx(text: str, name: str = "t.tbx") -> list[Term]:
    return read_bytes(text.encode("utf-8"), name)


# -- TBX: structures, language tags, statuses ------------------------------------------------------

@pytest.mark.parametrize("zh, hant, en", [
    ("zh", "zh-Hant", "en"), ("zh-CN", "zh-TW", "en-US"), ("zh-Hans", "zh-HK", "en-GB"),
    ("ZH-cn", "ZH-HANT", "EN-us"), ("zh_CN", "zh_TW", "en_GB"),
])
@pytest.mark.parametrize("kind, values", [
    ("administrativeStatus", ("preferredTerm-admn-sts", "admittedTerm-admn-sts", "supersededTerm-admn-sts",
                              "deprecatedTerm-admn-sts")),
    ("normativeAuthorization", ("preferredTerm", "admittedTerm", "supersededTerm", "deprecatedTerm")),
    ("usageStatus", ("preferred", "admitted", "obsolete", "notRecommended")),
])
def test_tbx_tig_tags_and_statuses(zh, hant, en, kind, values):
    preferred, admitted, superseded, deprecated = values
    text = V2_TIG.format(zh=zh, hant=hant, en=en, kind=kind, preferred=preferred, admitted=admitted,
                         superseded=superseded, deprecated=deprecated)
    [t] = tbx(text)
    assert (t.zh, t.zh_variants, t.en) == ("天宫空间站", ("天宮太空站",), "Tiangong space station")
    assert (t.aliases, t.variants, t.forbidden) == (("Tiangong",), ("Heavenly Palace",), ("Tiangong Station",))
    assert t.note == "China's crewed orbital station"
    assert t.id == "c1" and t.line == 6


def test_tbx_ntig():
    [t] = tbx(V2_NTIG)
    assert (t.zh, t.en, t.forbidden, t.note, t.id) == ("李强", "Li Qiang", ("Li Chiang",), "premier since 2023",
                                                        "li-qiang")
    assert t.pinyin == "Lǐ Qiáng"  # computed when asked


def test_tbx_v3_and_skipped_entries():
    [t] = tbx(V3)
    assert (t.id, t.zh, t.zh_variants, t.en) == ("wang-yaping", "王亚平", ("王亞平",), "Wang Yaping")
    assert (t.forbidden, t.variants) == (("Yaping Wang",), ("Wang Ya-ping",))


def test_tbx_v3_dct_style():
    [t] = tbx(V3_DCT)
    assert (t.id, t.zh, t.en, t.forbidden) == ("c-9", "天舟", "Tianzhou", ("Tianchou",))


@pytest.mark.parametrize("tag, lang", [("zh", "zh"), ("zh-CN", "zh"), ("zh-Hans", "zh"), ("zh-Hant", "hant"),
                                       ("zh-TW", "hant"), ("zh-HK", "hant"), ("en", "en"), ("en-US", "en"),
                                       ("en-GB", "en"), ("EN-gb", "en"), ("de-DE", "")])
def test_language_tags(tag, lang):
    assert language(tag) == lang


def test_status_values():
    assert status("admittedTerm-admn-sts") == "admitted"
    assert status("supersededTerm-admn-sts") == "variant"
    assert status("deprecatedTerm-admn-sts") == "forbidden"


@pytest.mark.parametrize("text, line, message", [
    ("<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
     1, "<langSet> has no xml:lang"),
    ('<martif><text><body>\n<termEntry>\n<langSet xml:lang="zh"><tig><note>x</note></tig></langSet>'
     '</termEntry></body></text></martif>', 3, "<tig> has no <term>"),
    ("<html><body/></html>", 1, "the root element is <html>"),
    ("<martif><text><body>\n<termEntry>\n</langSet></termEntry></body></text></martif>", 3, "not well-formed XML"),
    ('<martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>x</term></tig></langSet></termEntry>'
     '</body></text></martif>', 0, "none of its 1 entries has both a Chinese and an English term"),
])
def test_tbx_errors_name_line_and_element(text, line, message):
    with pytest.raises(GlossaryError) as info:
        tbx(text)
    problem = info.value.problems[0]
    assert (problem.path, problem.line) == ("t.tbx", line) and message in problem.message


# -- XML attacks -----------------------------------------------------------------------------------

SECRET = "TOP-SECRET-CONTENT"
ATTACKS = {
    "external-entity": '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
                       '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&xxe;</term></tig>'
                       '</langSet></termEntry></body></text></martif>',
    "external-dtd": '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "file://{dtd}">\n'
                    '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&leak;</term></tig>'
                    '</langSet></termEntry></body></text></martif>',
    "parameter-entity": '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY % p SYSTEM "file://{dtd}"> %p;]>\n'
                        '<martif/>',
    "billion-laughs": '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "lol">'
                      + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
                      + ']>\n<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&j;</term></tig>'
                        '</langSet></termEntry></body></text></martif>',
    "quadratic-blowup": '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY big "' + "x" * 50_000 + '">]>\n'
                        '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>'
                        + "&big;" * 5_000 + '</term></tig></langSet></termEntry></body></text></martif>',
}


@pytest.fixture
def secret_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    return secret, dtd


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_xml_attacks_refused_in_tbx(attack, secret_files, tmp_path, capsys):
    secret, dtd = secret_files
    path = tmp_path / "attack.tbx"
    path.write_text(ATTACKS[attack].format(secret=secret, dtd=dtd), encoding="utf-8")
    status_ = glossary.cli.main(["check", "--glossary", str(path), str(path)])
    out, err = capsys.readouterr()
    assert status_ == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("glossary: ") and str(path) in err
    assert SECRET not in out + err and "lol" not in err and "xxx" not in err


@pytest.mark.parametrize("suffix", [".xlf", ".tmx"])
@pytest.mark.parametrize("attack", ["external-entity", "billion-laughs", "quadratic-blowup"])
def test_xml_attacks_refused_in_bilingual_files(attack, suffix, secret_files, tmp_path, capsys):
    secret, dtd = secret_files
    root = "xliff" if suffix == ".xlf" else "tmx"
    doc = ATTACKS[attack].format(secret=secret, dtd=dtd).replace("martif", root)
    path = tmp_path / f"attack{suffix}"
    path.write_text(doc, encoding="utf-8")
    status_ = glossary.cli.main(["check", str(path)])
    out, err = capsys.readouterr()
    assert status_ == 2 and len(err.strip().splitlines()) == 1 and SECRET not in out + err
    assert "declares XML entities" in err


def test_external_dtd_in_bilingual_file_not_fetched(secret_files, tmp_path, capsys):
    secret, dtd = secret_files
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "file://{dtd}">\n<tmx version="1.4"><header srclang="zh"/>'
           '<body><tu><tuv xml:lang="zh"><seg>李强</seg></tuv><tuv xml:lang="en"><seg>&leak;</seg></tuv></tu>'
           '</body></tmx>')
    path = tmp_path / "a.tmx"
    path.write_text(doc, encoding="utf-8")
    status_ = glossary.cli.main(["check", str(path)])
    out, err = capsys.readouterr()
    assert status_ == 2 and SECRET not in out + err and len(err.strip().splitlines()) == 1


# -- other formats ---------------------------------------------------------------------------------

def test_csv_keeps_unknown_columns_and_writes_them_back():
    data = "zh,en,Domain,comment\n李强,Li Qiang,politics,premier\n王林,Wang Lin,,\n".encode()
    terms = read_bytes(data, "other.csv")
    assert terms[0].extra == (("Domain", "politics"), ("comment", "premier"))
    out = render(terms, format="csv").decode()
    header, first = out.splitlines()[:2]
    assert header.endswith(",Domain,comment") and first.endswith(",politics,premier")
    assert read_bytes(out.encode(), "again.csv") == terms


def test_csv_language_tag_headers_and_group():
    data = "zh-CN,en-US,zh-TW\n李强,Li Qiang,李強\n李强,Premier Li,\n王林,Wang Lin,\n".encode()
    with pytest.raises(GlossaryError, match="already a term"):
        read_bytes(data, "tool.csv")
    li, wang = read_bytes(data, "tool.csv", group=True)
    assert (li.zh, li.zh_variants, li.en, li.aliases) == ("李强", ("李強",), "Li Qiang", ("Premier Li",))
    assert wang.en == "Wang Lin"


def test_tsv():
    [t] = read_bytes("zh\ten\n李强\tLi Qiang\n".encode(), "t.tsv")
    assert t.en == "Li Qiang"


XLSX_HEADERS = [["zh", "en", "note"], ["zh-CN", "en-US", "Remark"]]


@pytest.mark.parametrize("header", XLSX_HEADERS)
def test_xlsx_reads_headers_and_names_rows(header, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    sheet.append(["李强", "Li Qiang", "premier"])
    sheet.append(["王林", 12, None])
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    li, wang = glossary.load(path)
    assert (li.en, li.note if header[2] == "note" else li.extra, wang.en) == (
        "Li Qiang", "premier" if header[2] == "note" else (("Remark", "premier"),), "12")
    sheet.append(["", "Nobody", None])
    book.save(path)
    with pytest.raises(GlossaryError) as info:
        glossary.load(path)
    assert str(info.value).startswith(f"{path}:4: empty zh")


def test_xlsx_round_trip(tmp_path):
    pytest.importorskip("openpyxl")
    g = glossary.load()
    path = tmp_path / "g.xlsx"
    glossary.export(g, path, format="xlsx")
    assert detect(str(path), path.read_bytes()) == "xlsx"
    assert glossary.load(path) == g


@pytest.mark.parametrize("format, name, direction", [
    ("deepl", "g.deepl.csv", "zh-en"), ("deepl", "g.deepl.csv", "en-zh"), ("amazon", "g.amazon.csv", "zh-en"),
    ("amazon", "g.amazon.tsv", "en-zh"), ("google", "g.google.csv", "zh-en"),  # Google's term sets have no direction
])
def test_service_files_round_trip_exactly(format, name, direction):
    data = render(list(glossary.load()), format=format, direction=direction, name=name)
    assert detect(name, data) == format
    assert render(read_bytes(data, name), format=format, direction=direction, name=name) == data


def test_deepl_groups_a_run_of_one_target():
    [t] = read_bytes("北京,Beijing\n北京市,Beijing\n".encode(), "x.deepl.csv")
    assert (t.zh, t.zh_variants, t.en) == ("北京", ("北京市",), "Beijing")


def test_wmt_dictionary():
    data = json.dumps({"嫦娥六号": ["Chang'e-6", "Chang'e 6"], "天问一号": "Tianwen-1"}, ensure_ascii=False)
    a, b = read_bytes(data.encode(), "terms.json")
    assert (a.zh, a.en, a.aliases, b.en) == ("嫦娥六号", "Chang'e-6", ("Chang'e 6",), "Tianwen-1")
    with pytest.raises(GlossaryError) as info:
        read_bytes(b'{\n"a": ["x"],\n"\xe6\x9d\x8e": [1]\n}', "bad.json")
    assert str(info.value).startswith("bad.json:3:")


def test_json_round_trip():
    g = glossary.load()
    data = render(list(g), format="json")
    assert read_bytes(data, "g.json") == list(g)


def test_markdown_is_written_not_read():
    with pytest.raises(GlossaryError, match="written, not read"):
        read_bytes(b"| a |", "g.md")


def test_load_open_file_and_format():
    g = glossary.load(io.BytesIO(V2_NTIG.encode()), format="tbx")
    assert g.lookup("李强").en == "Li Qiang"


# -- glossary convert ------------------------------------------------------------------------------

def test_convert_between_formats(tmp_path, capsys):
    from glossary.cli import main

    source = tmp_path / "in.csv"
    source.write_text("zh,en,aliases,Domain\n李强,Li Qiang,Premier Li,politics\n", encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "t.tbx")]) == 0
    assert main(["convert", str(tmp_path / "t.tbx"), str(tmp_path / "t.xlsx")]) == 0
    assert main(["convert", str(tmp_path / "t.xlsx"), str(tmp_path / "t.deepl.csv")]) == 0
    assert (tmp_path / "t.deepl.csv").read_text(encoding="utf-8") == "李强,Li Qiang\n"
    assert main(["convert", str(source), "-", "--to", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith(",Domain") and out.splitlines()[1].endswith(",politics")
    [t] = glossary.load(tmp_path / "t.xlsx")
    assert (t.zh, t.en, t.aliases) == ("李强", "Li Qiang", ("Premier Li",))


@pytest.mark.parametrize("argv, message", [
    (["IN", "-"], "writing to stdout needs --to FORMAT"),
    (["IN", "IN"], "is the file being converted; use --force to overwrite it"),
    (["missing.csv", "x.csv"], "missing.csv: no such file"),
    (["IN", "x.md", "--safe"], "--safe applies to the CSV formats"),
    (["BAD", "x.csv"], "bad.csv:3: Chinese '李强' is already a term on line 2"),
])
def test_convert_errors(argv, message, tmp_path, capsys, monkeypatch):
    from glossary.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("zh,en\n李强,Li Qiang\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("zh,en\n李强,Li Qiang\n李强,Premier Li\n", encoding="utf-8")
    argv = [{"IN": "in.csv", "BAD": "bad.csv"}.get(a, a) for a in argv]
    assert main(["convert", *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not (tmp_path / "x.csv").exists()


def test_convert_group(tmp_path):
    from glossary.cli import main

    (tmp_path / "bad.csv").write_text("zh,en\n李强,Li Qiang\n李强,Premier Li\n", encoding="utf-8")
    assert main(["convert", str(tmp_path / "bad.csv"), str(tmp_path / "ok.json"), "--group"]) == 0
    [t] = glossary.load(tmp_path / "ok.json")
    assert (t.en, t.aliases) == ("Li Qiang", ("Premier Li",))


MEMOQ_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<martif type="TBX" xml:lang="en-us">
  <martifHeader><fileDesc><sourceDesc><p>memoQ</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="_1">
      <descrip type="subjectField">Space</descrip>
      <transacGrp><transac type="origination">user</transac><date>2024-01-01T00:00:00</date></transacGrp>
      <langSet xml:lang="en-us">
        <descripGrp><descrip type="definition">crewed spacecraft</descrip></descripGrp>
        <tig><term>Shenzhou</term><termNote type="termType">fullForm</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descrip type="context">Shenzhou docked.</descrip></tig>
        <tig><term>Shen Zhou</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="zh-cn"><tig><term>神舟</term></tig></langSet>
    </termEntry>
    <termEntry id="_2">
      <langSet xml:lang="zh-cn"><tig><term>神舟</term></tig></langSet>
      <langSet xml:lang="en-gb"><tig><term>Divine Vessel</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_memoq_style_export_and_homonyms():
    with pytest.raises(GlossaryError, match=r"t.tbx:17: Chinese '神舟' is already a term on line 5"):
        tbx(MEMOQ_STYLE)
    [t] = read_bytes(MEMOQ_STYLE.encode(), "t.tbx", group=True)
    assert (t.id, t.zh, t.en, t.aliases, t.forbidden, t.note) == (
        "1", "神舟", "Shenzhou", ("Divine Vessel",), ("Shen Zhou",), "crewed spacecraft")


def test_tbx_in_utf16():
    data = V2_NTIG.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    [t] = read_bytes(data, "multiterm.tbx")
    assert (t.zh, t.en) == ("李强", "Li Qiang")


def test_a_file_that_is_no_workbook_is_a_clear_error():
    from glossary.formats import read_bytes

    with pytest.raises(GlossaryError) as exc:
        read_bytes(b"PK\x03\x04" + b"not a workbook" * 10, "terms.xlsx")
    assert str(exc.value).startswith("terms.xlsx: cannot read the spreadsheet: ")


@pytest.mark.parametrize("text", ["sep=;\nzh;en\n天宫;Tiangong\n", "sep=\t\r\nzh\ten\r\n天宫\tTiangong\r\n",
                                  "sep=,\nzh,en\n天宫,Tiangong\n"])
def test_excel_sep_line_names_the_delimiter(text):
    from glossary.formats import read_bytes

    [term] = read_bytes(text.encode("utf-8"), "terms.csv")
    assert (term.zh, term.en) == ("天宫", "Tiangong")
