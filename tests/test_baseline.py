"""Baselines: keys that survive edits elsewhere in the file; the CLI's --baseline and --write-baseline."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import glossary
from glossary.baseline import (context_hash, finding_keys, format_baseline, line_contexts, new_findings,
                               read_baseline)
from glossary.cli import main
from glossary.errors import GlossaryError

TEXT = "Wang Yapin spoke.\n\nLater Wang Yapin waved, and Wang Yapin smiled.\n\nTianwen 3 flew.\n"


def keys_of(text: str, g: glossary.Glossary) -> list:
    found = [replace(f, path="a.md") for f in glossary.check_text(text, g)]
    return finding_keys(found, line_contexts(found, text))


def test_keys_survive_an_insertion_above(g: glossary.Glossary) -> None:
    before = keys_of(TEXT, g)
    after = keys_of("A new first paragraph about the Tiangong station.\n\n" + TEXT, g)
    assert before == after
    assert len(set(before)) == len(before) == 4  # two identical findings on one line differ by occurrence


def test_editing_the_line_makes_a_new_finding(g: glossary.Glossary) -> None:
    base = set(keys_of(TEXT, g))
    edited = TEXT.replace("Tianwen 3 flew.", "Tianwen 3 flew in May.")
    found = [replace(f, path="a.md") for f in glossary.check_text(edited, g)]
    fresh = new_findings(found, finding_keys(found, line_contexts(found, edited)), base)
    assert [(f.code, f.found) for f in fresh] == [("GL201", "Tianwen 3")]


def test_a_third_occurrence_is_new(g: glossary.Glossary) -> None:
    base = set(keys_of(TEXT, g))
    more = TEXT.replace("and Wang Yapin smiled.", "and Wang Yapin smiled, Wang Yapin.")
    found = [replace(f, path="a.md") for f in glossary.check_text(more, g)]
    fresh = new_findings(found, finding_keys(found, line_contexts(found, more)), base)
    assert len(fresh) == 3  # the line changed: its findings are new


def test_context_ignores_white_space_runs() -> None:
    assert context_hash("a  b\t c") == context_hash(" a b c ")
    assert context_hash("a b") != context_hash("a c")


def test_round_trip(tmp_path: Path, g: glossary.Glossary) -> None:
    found = [replace(f, path="a.md") for f in glossary.check_text(TEXT, g)]
    keys = finding_keys(found, line_contexts(found, TEXT))
    path = tmp_path / "baseline.json"
    path.write_text(format_baseline(found, keys, path), encoding="utf-8")
    assert read_baseline(path) == set(keys)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["findings"][0]["line"] == 1


@pytest.mark.parametrize(("content", "message"), [
    ("not json", r"b.json:1: not a baseline file \(JSON\)"),
    ('{"version": 2, "findings": []}', "not a baseline file"),
    ('{"version": 1, "findings": [{"path": "a.md"}]}', "baseline entry 1 lacks"),
])
def test_bad_baseline_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        read_baseline(path)


def test_cli_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    assert main(["check", "--no-config", "--write-baseline", "base.json", "a.md"]) == 1
    capsys.readouterr()
    assert main(["check", "--no-config", "--baseline", "base.json", "a.md"]) == 0
    assert capsys.readouterr().out == "No problems found in 1 file.\n"
    # A paragraph inserted above, and one new problem below: only the new one is reported.
    (tmp_path / "a.md").write_text("Intro line.\n\n" + TEXT + "\nAstronaut Wang Yapin again.\n", encoding="utf-8")
    assert main(["check", "--no-config", "--baseline", "base.json", "a.md"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("a.md:9:11: GL202")
    assert "Found 1 problem" in out


def test_cli_baseline_for_a_bilingual_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.tsv").write_text("source\ttarget\n王亚平出舱。\tWang Yapin left.\n", encoding="utf-8")
    assert main(["check", "--no-config", "--write-baseline", "b.json", "t.tsv"]) == 1
    (tmp_path / "t.tsv").write_text("source\ttarget\n天问三号发射。\tTianwen-3 launched.\n王亚平出舱。\tWang Yapin left.\n",
                                    encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--no-config", "--baseline", "b.json", "t.tsv"]) == 0


@pytest.mark.parametrize(("content", "message"), [
    (None, "b.json: cannot read the baseline: No such file or directory"),  # baseline-missing
    ("not json", "b.json:1: not a baseline file (JSON): Expecting value: line 1 column 1 (char 0)"),  # baseline-not-json
    ("[]", 'b.json: not a baseline file: expected {"version": 1, "findings": [...]} '  # baseline-wrong-shape
           "(hint: write one with --write-baseline)"),
    ('{"version": 1, "findings": [{}, {}, {"path": "a.md"}]}',
     "b.json: baseline entry 1 lacks path, code, found, expected, context or occurrence"),
])
def test_cli_bad_baseline_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str], content: str | None, message: str) -> None:
    """baseline-missing, baseline-not-json, baseline-wrong-shape (docs/errors.md)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    if content is not None:
        (tmp_path / "b.json").write_text(content, encoding="utf-8")
    assert main(["check", "--no-config", "--baseline", "b.json", "a.md"]) == 2
    assert capsys.readouterr().err == f"glossary: {message}\n"


def test_paths_are_relative_to_the_baseline_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from glossary.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bl").mkdir()
    monkeypatch.chdir(tmp_path / "bl")
    assert main(["check", "--no-config", "--write-baseline", "b.json", "../docs/a.md"]) == 1
    data = json.loads((tmp_path / "bl" / "b.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"../docs/a.md"}
    capsys.readouterr()
    for here, base, doc in ((tmp_path, "bl/b.json", "docs/a.md"), (tmp_path / "docs", "../bl/b.json", "a.md")):
        monkeypatch.chdir(here)
        assert main(["check", "--no-config", "--baseline", base, doc]) == 0
        assert capsys.readouterr().out.startswith("No problems found")
