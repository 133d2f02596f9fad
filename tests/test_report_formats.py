"""rdjson, gitlab, junit and --statistics, each checked against the shape its consumer documents."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

import glossary
from glossary.report import FORMATS, format_gitlab, format_junit, format_rdjson, statistics

TEXT = "Minister Zhang Ji (张琦) spoke. Astronaut Wang Yapin and the Beidou system.\nTianwen 3 and Tianwen-3.\n"

# The DiagnosticResult message of reviewdog's proto/rdf/reviewdog.proto, written out as JSON Schema:
# positions are 1-based lines and columns, severities an enum, suggestions a range and a text.
_POSITION = {"type": "object", "properties": {"line": {"type": "integer", "minimum": 1},
                                              "column": {"type": "integer", "minimum": 1}},
             "additionalProperties": False}
_RANGE = {"type": "object", "required": ["start"], "additionalProperties": False,
          "properties": {"start": _POSITION, "end": _POSITION}}
_SEVERITY = {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]}
RDJSON_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "source": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
                                                                          "url": {"type": "string"}}},
        "severity": _SEVERITY,
        "diagnostics": {"type": "array", "items": {
            "type": "object",
            "required": ["message", "location"],
            "additionalProperties": False,
            "properties": {
                "message": {"type": "string"},
                "location": {"type": "object", "required": ["path"], "additionalProperties": False,
                             "properties": {"path": {"type": "string"}, "range": _RANGE}},
                "severity": _SEVERITY,
                "source": {"type": "object"},
                "code": {"type": "object", "required": ["value"], "additionalProperties": False,
                         "properties": {"value": {"type": "string"}, "url": {"type": "string"}}},
                "suggestions": {"type": "array", "items": {
                    "type": "object", "required": ["range", "text"], "additionalProperties": False,
                    "properties": {"range": _RANGE, "text": {"type": "string"}}}},
                "original_output": {"type": "string"},
            },
        }},
    },
}

# GitLab's Code Quality report: an array of issues with these required fields
# (docs.gitlab.com, "Code Quality" → "Implement a custom tool": description, check_name,
# fingerprint, severity, location.path, location.lines.begin).
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string"},
            "check_name": {"type": "string"},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {"type": "object", "required": ["path", "lines"], "properties": {
                "path": {"type": "string"},
                "lines": {"type": "object", "required": ["begin"],
                          "properties": {"begin": {"type": "integer", "minimum": 1},
                                         "end": {"type": "integer", "minimum": 1}}}}},
        },
    },
}


@pytest.fixture
def findings(g: glossary.Glossary) -> list[glossary.Finding]:
    return [replace(f, path="docs/a.md") for f in glossary.check_text(TEXT, g)]


def test_formats_are_registered() -> None:
    assert {"rdjson", "junit", "gitlab"} <= set(FORMATS)


def test_rdjson_shape_and_suggestions(findings: list[glossary.Finding]) -> None:
    data = json.loads(format_rdjson(findings))
    jsonschema.validate(data, RDJSON_SCHEMA)
    assert data["source"] == {"name": "glossary"} and data["severity"] == "ERROR"
    by_code = {d["code"]["value"]: d for d in data["diagnostics"]}
    forbidden = by_code["GL202"]
    assert forbidden["suggestions"] == [{"range": forbidden["location"]["range"], "text": "Wang Yaping"}]
    assert forbidden["severity"] == "ERROR" and by_code["GL201"]["severity"] == "WARNING"


def test_rdjson_counts_columns_in_utf8_bytes(findings: list[glossary.Finding]) -> None:
    line = TEXT.splitlines()[0]
    data = json.loads(format_rdjson(findings, line_text=lambda path, n: TEXT.splitlines()[n - 1]))
    forbidden = next(d for d in data["diagnostics"] if d["code"]["value"] == "GL202")
    start = line.index("Wang Yapin")
    assert forbidden["location"]["range"]["start"] == {"line": 1, "column": len(line[:start].encode()) + 1}
    assert forbidden["location"]["range"]["end"]["column"] == len(line[:start].encode()) + len("Wang Yapin") + 1
    # Without the line's text the columns are characters.
    plain = json.loads(format_rdjson(findings))
    assert next(d for d in plain["diagnostics"] if d["code"]["value"] == "GL202")["location"]["range"]["start"][
        "column"] == start + 1


def test_rdjson_without_findings() -> None:
    data = json.loads(format_rdjson([]))
    jsonschema.validate(data, RDJSON_SCHEMA)
    assert data == {"source": {"name": "glossary"}, "diagnostics": []}


def test_gitlab_shape_and_fingerprints(findings: list[glossary.Finding], tmp_path: Path) -> None:
    issues = json.loads(format_gitlab(findings))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["location"]["path"] for i in issues} == {"docs/a.md"}
    # Fingerprints leave out the line: the same findings one line lower keep theirs.
    moved = [replace(f, line=f.line + 1, end_line=f.end_line + 1) for f in findings]
    assert [i["fingerprint"] for i in json.loads(format_gitlab(moved))] == [i["fingerprint"] for i in issues]
    absolute = [replace(findings[0], path=str(tmp_path / "b.md"))]
    assert json.loads(format_gitlab(absolute, root=tmp_path))[0]["location"]["path"] == "b.md"
    assert json.loads(format_gitlab([])) == []


def test_junit_parses_and_counts(findings: list[glossary.Finding]) -> None:
    root = ET.fromstring(format_junit([*findings, replace(findings[0], path="b.md", message="bad \x01 <x> & y")]))
    assert root.tag == "testsuites" and root.get("failures") == str(len(findings) + 1)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["b.md", "docs/a.md"]
    assert suites[0].find("testcase/failure").get("message") == "bad  <x> & y"
    cases = suites[1].findall("testcase")
    assert len(cases) == len(findings) and all(c.find("failure") is not None for c in cases)


def test_junit_without_findings_has_one_passing_case() -> None:
    root = ET.fromstring(format_junit([], files=3))
    [case] = root.iter("testcase")
    assert case.find("failure") is None and case.get("name") == "No problems found in 3 files"


def test_statistics_counts(findings: list[glossary.Finding]) -> None:
    rows = statistics(findings)
    assert sum(n for _, _, n, _, _ in rows) == len(findings)
    assert [n for _, _, n, _, _ in rows] == sorted((n for _, _, n, _, _ in rows), reverse=True)


def test_junit_lists_clean_files_as_passing_cases(findings: list[glossary.Finding]) -> None:
    root = ET.fromstring(format_junit(findings, files=2, paths=["docs/a.md", "clean.md"]))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"clean.md", "docs/a.md"}
    [case] = suites["clean.md"].findall("testcase")
    assert case.find("failure") is None and case.get("file") == "clean.md"
    assert root.get("tests") == str(len(findings) + 1) and root.get("failures") == str(len(findings))
