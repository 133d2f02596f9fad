from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

import glossary
from glossary.model import Finding, Term
from glossary.report import format_github, format_json, format_sarif, format_text, summary
from glossary.ruledoc import render_all, render_rule, rule_help
from glossary.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

TEXT = "Astronaut Wang Yapin met Zhang Ji (张琦).\nThe Beidou network grew.\nThe engineer Qin Mu (秦木) spoke.\n"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    found = glossary.check_text(TEXT)
    return [replace(f, path="docs/a b.md") for f in found]


def test_text_report_is_sorted_with_summary(findings):
    shuffled = list(reversed(findings)) + [replace(findings[0], path="a.md")]
    lines = format_text(shuffled, files=2).splitlines()
    assert lines[0].startswith("a.md:1:11: GL202 [forbidden] ")
    assert [line.split(" [")[0] for line in lines[1:-1]] == [
        "docs/a b.md:1:11: GL202",
        "docs/a b.md:1:26: GL101",
        "docs/a b.md:2:5: GL201",
        "docs/a b.md:3:22: GL102",
    ]
    by_code = {f.code: f for f in findings}
    for line in lines[1:-1]:
        code = line.split(": ")[1].split()[0]
        f = by_code[code]
        assert line == f"docs/a b.md:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}"
    assert lines[-1] == "Found 5 problems (3 errors, 1 warning, 1 info) in 2 files."


@pytest.mark.parametrize(
    ("severities", "files", "expected"),
    [
        ((), 0, "No problems found in 0 files."),
        ((), 1, "No problems found in 1 file."),
        (("info",), 1, "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."),
        (("error", "warning", "warning"), 3, "Found 3 problems (1 error, 2 warnings, 0 info) in 3 files."),
    ],
)
def test_summary_counts(severities, files, expected):
    base = Finding("forbidden", "GL202", "error", "m", 1, 1, 1, 2, "x")
    assert summary([replace(base, severity=s) for s in severities], files) == expected


def test_json_has_every_field(findings):
    data = json.loads(format_json(findings))
    assert [d["code"] for d in data] == ["GL202", "GL101", "GL201", "GL102"]
    first = data[0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message",
                          "found", "expected", "term", "suggestion", "segment", "side", "fix"}
    assert first["term"] == {"id": "wang-yaping", "zh": "王亚平", "en": "Wang Yaping"}
    assert first["fix"] == {"replacement": "Wang Yaping", "safe": True}
    assert (first["line"], first["column"], first["end_column"], first["found"]) == (1, 11, 21, "Wang Yapin")
    unknown = data[-1]
    assert unknown["term"] is None
    assert unknown["suggestion"]["zh"] == "秦木" and unknown["suggestion"]["en"] == "Qin Mu"
    assert unknown["suggestion"]["aliases"] == [] and unknown["suggestion"]["category"] == "person"


def test_github_escapes_data_and_properties():
    f = Finding("variant", "GL201", "warning", "50% done,\r\nnext: line", 3, 4, 3, 9, "x", path="dir,x/a:b.md")
    out = format_github([f, replace(f, severity="info", rule="extra-term", code="GL303")])
    assert out.splitlines() == [
        "::warning file=dir%2Cx/a%3Ab.md,line=3,col=4,endLine=3,endColumn=9,title=GL201 variant"
        "::50%25 done,%0D%0Anext: line",
        "::notice file=dir%2Cx/a%3Ab.md,line=3,col=4,endLine=3,endColumn=9,title=GL303 extra-term"
        "::50%25 done,%0D%0Anext: line",
    ]


def test_sarif_is_valid_and_complete(findings, tmp_path):
    schema = json.loads((FIXTURES / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    absolute = replace(findings[0], path=str(tmp_path / "sub" / "x.md"))
    log = json.loads(format_sarif([*findings, absolute], root=tmp_path))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    driver = run["tool"]["driver"]
    assert driver["name"] == "glossary" and driver["version"] == glossary.__version__
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for rule, entry in zip(RULES, driver["rules"]):
        assert entry["name"] == rule.name
        assert entry["help"]["markdown"] == rule_help(rule)
        assert entry["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            rule.severity]
    results = run["results"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    forbidden = next(r for r in results if r["ruleId"] == "GL202"
                     and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "sub/x.md")
    assert forbidden["level"] == "error"
    assert forbidden["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 21},
    }
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    # A path under the root becomes relative to it.
    assert any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/x.md" for r in results)
    # Fingerprints tell findings apart.
    prints = [r["partialFingerprints"]["glossaryFinding/v1"] for r in results]
    assert len(set(prints)) == len({(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                                    for r in results})


def test_sarif_counts_columns_in_code_points():
    text = "宇航员 Astronaut Wang Yapin 😀 and Wang Yapin."
    found = glossary.check_text(text, rules={"forbidden"})
    log = json.loads(format_sarif([replace(f, path="x.md") for f in found]))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    for region in regions:
        start, end = region["startColumn"] - 1, region["endColumn"] - 1
        assert text[start:end] == "Wang Yapin"


def test_rule_docs_have_the_four_sections():
    for rule in RULES:
        page = render_rule(rule.code)
        assert page == render_rule(rule.name)
        assert page.startswith(f"## {rule.code} `{rule.name}`\n")
        headings = [line for line in page.splitlines() if line.startswith("### ")]
        assert headings == ["### What it does", "### Why", "### Example", "### Fix"]
        assert rule.fix in page and rule.why in page
    with pytest.raises(KeyError):
        render_rule("no-such-rule")


def test_docs_rules_md_is_up_to_date():
    """Regenerate with: glossary rule --all > docs/rules.md"""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_all()


@pytest.mark.parametrize("rule", [r for r in RULES if r.applies_to != "pair"], ids=lambda r: r.code)
def test_rule_examples_fire(rule):
    """Each documented example of a text rule really produces that rule's finding.

    (Pair rules' examples describe a source and a target in prose.)
    """
    for line in rule.example.splitlines():
        given = line.split("  →  ")[0].replace("…", "").strip()
        if rule.name == "inconsistent":
            given = "Tianwen-3 launches in 2028. The Tianwen 3 orbiter follows."
        found = glossary.check_text(given, rules={rule.name})
        assert [f.rule for f in found][:1] == [rule.name], given


def test_term_dict_round_trips_every_column():
    from glossary.report import term_dict
    from glossary.table import COLUMNS

    t = Term(id="x", zh="某", en="X", aliases=("Ex",), ambiguous=True)
    d = term_dict(t)
    assert tuple(d) == COLUMNS
    assert d["aliases"] == ["Ex"] and d["ambiguous"] is True
