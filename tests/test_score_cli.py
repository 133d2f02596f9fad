"""``glossary score``: inputs, the three output formats, ranking, and one-line errors (exit 2)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from glossary.cli import main

TERMS = {"金管局": ["HKMA"], "外匯基金": ["Exchange Fund"], "知識產權": ["IP"]}
SOURCES = ["金管局管理外匯基金。", "金管局說，金管局保護知識產權。"]
REFERENCE = ["The HKMA manages the Exchange Fund.", "The HKMA said the HKMA protects IP."]
GOOD = ["The HKMA manages the Exchange Fund.", "The HKMA said it protects IP."]
POOR = ["The authority manages the fund.", "The HKMA said it protects the relationship."]


def jsonl(path: Path, sources: list[str], targets: list[str] | None, terms: dict | None = TERMS,
          key: str = "proper") -> Path:
    lines = []
    for i, src in enumerate(sources):
        doc: dict = {"zh": src}
        if targets is not None:
            doc["en"] = targets[i]
        if terms is not None:
            doc[key] = terms
        lines.append(json.dumps(doc, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["score", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def systems(tmp_path):
    return (jsonl(tmp_path / "good.jsonl", SOURCES, GOOD), jsonl(tmp_path / "poor.jsonl", SOURCES, POOR),
            jsonl(tmp_path / "ref.jsonl", SOURCES, REFERENCE))


def test_text_ranks_systems_and_lists_the_most_missed(capsys, systems):
    good, poor, ref = systems
    code, out, err = run(capsys, str(poor), str(good), "--reference", str(ref), "--no-config")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "metric: glossary, reference filter on"
    ranking = [line.split() for line in lines[3:5]]
    # good: HKMA 1, Exchange Fund 1 | HKMA 1/2, IP 1 → 3.5 / 4; poor: 0, 0 | 0.5, 0 → 0.5 / 4
    # no term is rendered twice in a document: no consistency figure
    assert ranking == [["1", str(good), "0.8750", "-", "4"], ["2", str(poor), "0.1250", "-", "4"]]
    assert f"most missed by {poor}:" in lines
    assert "  外匯基金 → Exchange Fund: below 1 in 1 of 1 document, found 0 of 1" in lines


def test_wmt25_counts_substrings(capsys, systems):
    good, poor, ref = systems
    code, out, _ = run(capsys, str(poor), "--reference", str(ref), "--metric", "wmt25", "--format", "json")
    system = json.loads(out)["systems"][0]
    # "relationship" holds "ip": the organisers' metric counts it, the glossary metric does not
    assert system["rate"] == pytest.approx((0 + 0 + 0.5 + 1) / 4)
    code, out, _ = run(capsys, str(poor), "--reference", str(ref), "--format", "json", "--no-config")
    assert json.loads(out)["systems"][0]["rate"] == pytest.approx(0.5 / 4)


def test_json_shape(capsys, systems):
    good, _poor, ref = systems
    code, out, _ = run(capsys, str(good), "--reference", str(ref), "--format", "json")
    data = json.loads(out)
    assert data["metric"] == "glossary"
    (system,) = data["systems"]
    assert system["path"] == str(good) and system["rate"] == 0.875 and system["pairs"] == 4
    assert [d["rate"] for d in system["documents"]] == [1.0, 0.75]
    second = {t["zh"]: t for t in system["documents"][1]["terms"]}
    assert second["金管局"] == {"zh": "金管局", "forms": ["HKMA"], "expected": 2, "found": 1, "score": 0.5,
                               "consistency": None, "renderings": {"HKMA": 1}}
    assert system["terms"][0] == {"zh": "金管局", "forms": ["HKMA"], "documents": 2, "expected": 3, "found": 2,
                                  "rate": 0.75, "missed": 1}


def test_csv_one_row_per_system_document_term(capsys, systems):
    good, poor, ref = systems
    code, out, _ = run(capsys, str(good), str(poor), "--reference", str(ref), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 * 4
    assert {r["system"] for r in rows} == {str(good), str(poor)}
    first = rows[0]
    assert (first["document"], first["line"], first["zh"], first["expected"], first["found"], first["score"]) == \
        ("1", "1", "金管局", "1", "1", "1.0")


def test_no_reference_filter_scores_every_source_term(capsys, tmp_path, systems):
    good, _poor, _ref = systems
    ref = jsonl(tmp_path / "thin.jsonl", SOURCES, ["The HKMA manages it.", "The HKMA said so."])
    _, out, _ = run(capsys, str(good), "--reference", str(ref), "--format", "json")
    assert json.loads(out)["systems"][0]["pairs"] == 2
    _, out, _ = run(capsys, str(good), "--reference", str(ref), "--format", "json", "--no-reference-filter")
    assert json.loads(out)["systems"][0]["pairs"] == 4


def test_plain_text_takes_sources_and_terms_from_the_reference(capsys, tmp_path, systems):
    good, _poor, ref = systems
    hyp = tmp_path / "good.txt"
    hyp.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    _, a, _ = run(capsys, str(hyp), "--reference", str(ref), "--format", "json")
    _, b, _ = run(capsys, str(good), "--reference", str(ref), "--format", "json")
    assert json.loads(a)["systems"][0]["rate"] == json.loads(b)["systems"][0]["rate"] == 0.875


def test_line_aligned_with_source_and_the_table(capsys, tmp_path):
    (tmp_path / "src.zh").write_text("李强出席了会议。\n李强说。\n", encoding="utf-8")
    (tmp_path / "hyp.en").write_text("Li Qiang attended.\nThe premier said.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(tmp_path / "hyp.en"), "--source", str(tmp_path / "src.zh"),
                       "--format", "json", "--no-config")
    system = json.loads(out)["systems"][0]
    assert code == 0
    assert [(d["line"], [(t["zh"], t["score"]) for t in d["terms"]]) for d in system["documents"]] == [
        (1, [("李强", 1.0)]), (2, [("李强", 0.0)])]


def test_terms_key_and_a_custom_glossary(capsys, tmp_path, write_table):
    hyp = jsonl(tmp_path / "h.jsonl", ["金管局"], ["HKMA"], {"金管局": ["HKMA"]}, key="glossary")
    _, out, _ = run(capsys, str(hyp), "--terms-key", "glossary", "--format", "json")
    assert json.loads(out)["systems"][0]["terms"][0]["zh"] == "金管局"
    table = write_table("id,zh,en\nhkma,金管局,Monetary Authority\n")
    _, out, _ = run(capsys, str(hyp), "--glossary", str(table), "--format", "json")  # no "proper": the table
    assert json.loads(out)["systems"][0]["rate"] == 0.0


def test_the_reference_dictionary_beats_the_system_one(capsys, tmp_path, systems):
    # WMT25 runs carry the dictionary they were given (random terms, {} for noterm); the organisers score
    # every run against the reference's proper terms
    _, _, ref = systems
    random = jsonl(tmp_path / "random.jsonl", SOURCES, GOOD, {"金管局": ["Monetary Authority"]}, key="terms")
    noterm = jsonl(tmp_path / "noterm.jsonl", SOURCES, GOOD, {}, key="terms")
    proper = jsonl(tmp_path / "proper.jsonl", SOURCES, GOOD)
    _, out, _ = run(capsys, str(random), str(noterm), str(proper), "--reference", str(ref), "--format", "json")
    got = {s["path"]: (s["rate"], s["pairs"]) for s in json.loads(out)["systems"]}
    assert got == {str(random): (0.875, 4), str(noterm): (0.875, 4), str(proper): (0.875, 4)}
    # without a reference, a run's own dictionary applies
    _, out, _ = run(capsys, str(random), "--format", "json")
    assert [(t["zh"], t["rate"]) for t in json.loads(out)["systems"][0]["terms"]] == [("金管局", 0.0)]


def test_tsv_xliff_and_po(capsys, tmp_path):
    (tmp_path / "a.tsv").write_text("zh\ten\n李强出席了会议。\tLi Qiang attended.\n", encoding="utf-8")
    (tmp_path / "a.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="x" source-language="zh" target-language="en" datatype="plaintext"><body>\n'
        '<trans-unit id="1"><source>李强出席了会议。</source><target>The premier attended.</target></trans-unit>\n'
        "</body></file></xliff>\n", encoding="utf-8")
    (tmp_path / "a.po").write_text('msgid "李强说。"\nmsgstr "Li Qiang said."\n', encoding="utf-8")
    _, out, _ = run(capsys, str(tmp_path / "a.tsv"), str(tmp_path / "a.xlf"), str(tmp_path / "a.po"),
                    "--format", "json", "--no-config")
    rates = {s["path"]: s["rate"] for s in json.loads(out)["systems"]}
    assert rates == {str(tmp_path / "a.tsv"): 1.0, str(tmp_path / "a.xlf"): 0.0, str(tmp_path / "a.po"): 1.0}


def test_several_files_make_one_system(capsys, tmp_path):
    a = jsonl(tmp_path / "a.jsonl", ["金管局"], ["HKMA"])
    b = jsonl(tmp_path / "b.jsonl", ["金管局", "外匯基金"], ["none", "none"])
    _, out, _ = run(capsys, f"{a},{b}", "--format", "json", "--metric", "wmt25")
    (system,) = json.loads(out)["systems"]
    assert system["rate"] == pytest.approx(1 / 3) and len(system["documents"]) == 3


BAD = [
    ("mismatched line counts", lambda p: (p("h.txt", "A\nB\n"), "--source", p("s.zh", "金管局\n")),
     "has 2 lines but"),
    ("no zh", lambda p: (p("h.jsonl", '{"en": "HKMA"}\n'),), "h.jsonl:1: document has no 'zh'"),
    ("no en", lambda p: (p("h.jsonl", '{"zh": "金管局"}\n'),), "h.jsonl:1: document has no 'en'"),
    ("bad JSON", lambda p: (p("h.jsonl", '{"zh": "x", "en": "y"}\n{oops\n'),), "h.jsonl:2: not valid JSON"),
    ("bad term dictionary", lambda p: (p("h.jsonl", '{"zh": "x", "en": "y", "proper": {"a": 1}}\n'),),
     "the forms of 'a' must be a list of strings"),
    ("reference of another length",
     lambda p: (p("h.jsonl", '{"zh": "x", "en": "y"}\n'), "--reference", p("r.jsonl", '{"zh": "x", "en": "y"}\n' * 2)),
     "has 1 documents but the reference"),
    ("another source in the reference",
     lambda p: (p("h.jsonl", '{"zh": "x", "en": "y"}\n'), "--reference", p("r.jsonl", '{"zh": "z", "en": "y"}\n')),
     "its source differs"),
    ("plain text without a source", lambda p: (p("h.txt", "HKMA\n"),), "h.txt:1: no source for this document"),
    ("a missing file", lambda p: (str(Path(p("x", "")).parent / "nope.jsonl"),), "nope.jsonl"),
    ("not UTF-8", lambda p: (p("h.jsonl", b"\xff\n"),), "not valid UTF-8"),
    ("an empty plain-text HYP", lambda p: (p("h.txt", ""), "--source", p("s.zh", "")), "h.txt: holds no documents"),
    ("an empty TSV", lambda p: (p("h.tsv", ""),), "h.tsv: holds no documents"),
    ("an empty JSONL", lambda p: (p("h.jsonl", "\n"),), "h.jsonl: holds no documents"),
    ("an empty reference", lambda p: (p("h.jsonl", '{"zh": "x", "en": "y"}\n'), "--reference", p("r.jsonl", "")),
     "r.jsonl: holds no documents"),
    ("an empty term dictionary (a noterm run)", lambda p: (p("h.jsonl", '{"zh": "x", "en": "y", "terms": {}}\n'),),
     "h.jsonl:1: its term dictionary 'terms' is empty"),
    ("an empty term dictionary in the reference",
     lambda p: (p("h.jsonl", '{"zh": "x", "en": "y", "terms": {"x": ["y"]}}\n'), "--reference",
                p("r.jsonl", '{"zh": "x", "en": "y", "proper": {}}\n')),
     "r.jsonl:1: its term dictionary 'proper' is empty"),
    ("too few reference files", lambda p: (p("a.jsonl", "") + "," + p("b.jsonl", ""), "--reference", p("r.jsonl", "")),
     "--reference names 1 file but each HYP has 2"),
]


@pytest.mark.parametrize("what,make,message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, what, make, message):
    def p(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return str(path)

    code, out, err = run(capsys, *make(p))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("glossary: ") and message in err, err
