"""``glossary check --fix / --unsafe-fixes / --diff`` on every kind of file, per-file ignores, -o and --statistics."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from glossary.cli import main

ARTICLE = """\
# Notes from the launch site

Astronaut Wang Yapin spoke at Wenchang. The Beidou system guided the
Tianwen 3 probe, and WANG YAPIN'S crew watched. Tianwen-3 is due in 2028.

Use `Wang Yapin` in code, [a link](https://example.org/Wang_Yapin) and
Minister Zhang Ji (张琦) closed the day.
"""

FIXED = """\
# Notes from the launch site

Astronaut Wang Yaping spoke at Wenchang. The BeiDou system guided the
Tianwen-3 probe, and WANG YAPING'S crew watched. Tianwen-3 is due in 2028.

Use `Wang Yapin` in code, [a link](https://example.org/Wang_Yapin) and
Minister Zhang Ji (张琦) closed the day.
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> int:
    return main(["check", "--no-config", *args])


def test_diff_shows_the_fixes_and_writes_nothing(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--diff", "a.md") == 1
    out, err = capsys.readouterr()
    assert out == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,7 +1,7 @@\n # Notes from the launch site\n \n"
        "-Astronaut Wang Yapin spoke at Wenchang. The Beidou system guided the\n"
        "-Tianwen 3 probe, and WANG YAPIN'S crew watched. Tianwen-3 is due in 2028.\n"
        "+Astronaut Wang Yaping spoke at Wenchang. The BeiDou system guided the\n"
        "+Tianwen-3 probe, and WANG YAPING'S crew watched. Tianwen-3 is due in 2028.\n"
        " \n Use `Wang Yapin` in code, [a link](https://example.org/Wang_Yapin) and\n"
        " Minister Zhang Ji (张琦) closed the day.\n"
    )
    assert err == "glossary: would apply 4 fixes in 1 file\n"
    assert (here / "a.md").read_text(encoding="utf-8") == ARTICLE


def test_fix_writes_and_reports_what_is_left(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = here / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    os.chmod(path, 0o640)
    assert check("--fix", "a.md") == 1
    out, err = capsys.readouterr()
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # rewritten atomically, permissions kept
    assert out.splitlines() == ["a.md:7:10: GL101 [gloss-mismatch] 'Zhang Ji' is glossed 张琦, whose rendering is "
                                "'Zhang Qi'", "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file."]
    assert err == "glossary: applied 4 fixes in 1 file; 1 problem left\n"
    # A second run changes nothing.
    assert check("--fix", "a.md") == 1
    assert path.read_text(encoding="utf-8") == FIXED
    assert capsys.readouterr().err == "glossary: applied 0 fixes in 0 files; 1 problem left\n"
    assert check("--diff", "a.md") == 0
    assert capsys.readouterr().out == ""


def test_unsafe_fixes_come_back_clean(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--fix", "--unsafe-fixes", "a.md") == 0
    assert (here / "a.md").read_text(encoding="utf-8") == FIXED.replace("Zhang Ji", "Zhang Qi")
    assert capsys.readouterr().out == "No problems found in 1 file.\n"
    assert check("a.md") == 0


def test_fix_keeps_a_byte_order_mark_and_crlf(here: Path) -> None:
    (here / "a.txt").write_bytes(b"\xef\xbb\xbfAstronaut Wang Yapin spoke.\r\nTianwen 3 flew.\r\n")
    assert check("--fix", "a.txt") == 0
    assert (here / "a.txt").read_bytes() == b"\xef\xbb\xbfAstronaut Wang Yaping spoke.\r\nTianwen-3 flew.\r\n"


def test_fix_respects_suppressions_and_the_baseline(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("<!-- glossary-ignore-next-line forbidden -->\nA quotation: \"Wang Yapin said so.\"\n\n"
            "Tianwen 3 flew.\n\nThe Beidou system.\n")
    (here / "a.md").write_text(text, encoding="utf-8")
    (here / "b.md").write_text("Tianwen 3 flew.\n", encoding="utf-8")
    assert check("--write-baseline", "base.json", "b.md") == 0
    (here / "b.md").write_text("Intro.\n\nTianwen 3 flew.\n\nThe Beidou system.\n", encoding="utf-8")
    assert check("--fix", "--baseline", "base.json", "a.md", "b.md") == 0
    assert (here / "a.md").read_text(encoding="utf-8") == text.replace("Tianwen 3", "Tianwen-3").replace(
        "Beidou", "BeiDou")
    assert (here / "b.md").read_text(encoding="utf-8") == "Intro.\n\nTianwen 3 flew.\n\nThe BeiDou system.\n"


def test_a_baseline_finding_on_a_fixed_line_is_not_fixed(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text("Astronaut Wang Yapin spoke of Tianwen 3.\n", encoding="utf-8")
    # Recorded while only GL202 ran: the variant on the same line is new when every rule runs.
    assert check("--select", "GL202", "--write-baseline", "base.json", "a.md") == 1
    capsys.readouterr()
    assert check("--fix", "--baseline", "base.json", "a.md") == 1
    assert (here / "a.md").read_text(encoding="utf-8") == "Astronaut Wang Yapin spoke of Tianwen-3.\n"
    # Fixing the variant edited the line the baseline's key reads, so the old finding is now reported.
    assert capsys.readouterr().out.startswith("a.md:1:11: GL202 [forbidden]")


def test_fix_on_stdin_prints_the_fixed_text(here: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Wang Yapin and `Wang Yapin`.\n".encode())))
    assert check("--fix", "-") == 0
    out, err = capsys.readouterr()
    assert out == "Wang Yaping and `Wang Yapin`.\n"
    assert err.startswith("No problems found in 1 file.\n")


def test_unsafe_fixes_alone_exits_2(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--unsafe-fixes", "a.md") == 2
    assert capsys.readouterr().err == "glossary: --unsafe-fixes goes with --fix or --diff\n"


def test_fix_with_diff_is_diff(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--diff", "a.md") == 1
    diff = capsys.readouterr().out
    assert check("--fix", "--diff", "a.md") == 1
    assert capsys.readouterr().out == diff
    assert (here / "a.md").read_text(encoding="utf-8") == ARTICLE


def test_diff_to_a_file_and_fix_in_processes(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """fix-file-named-twice (docs/errors.md), in worker processes."""
    for name in ("a.md", "b.md", "c.md"):
        (here / name).write_text(ARTICLE, encoding="utf-8")
    assert check("--diff", "-o", "fixes.diff", "a.md", "b.md", "c.md") == 1
    diff = (here / "fixes.diff").read_text(encoding="utf-8")
    assert capsys.readouterr().out == "" and diff.count("+++ b/") == 3
    assert check("--fix", "--jobs", "2", "a.md", "b.md", "c.md", "./a.md", ".") == 1
    assert all((here / n).read_text(encoding="utf-8") == FIXED for n in ("a.md", "b.md", "c.md"))
    assert "applied 12 fixes in 3 files; 3 problems left" in capsys.readouterr().err  # each file once


def test_readme_session_shows_the_real_diff(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = "$ glossary check --fix --diff docs/examples/article.md\n"
    shown = readme[readme.index(command) + len(command):]
    shown = shown[:shown.index("$ ")]
    assert check("--fix", "--diff", "docs/examples/article.md") == 1
    assert capsys.readouterr().out == shown


def test_fix_a_table_and_an_aligned_pair(here: Path) -> None:
    (here / "t.tsv").write_text("source\ttarget\n王亚平出舱。\tWang Yapin left.\n天问三号发射。\tTianwen 3 launched.\n",
                                encoding="utf-8")
    (here / "zh.txt").write_text("王亚平出舱。\n天问三号发射。\n", encoding="utf-8")
    (here / "en.txt").write_text("Wang Yapin left.\nTianwen 3 launched.\n", encoding="utf-8")
    assert check("--fix", "t.tsv", "--source", "zh.txt", "--target", "en.txt") == 0
    assert (here / "t.tsv").read_text(encoding="utf-8") == (
        "source\ttarget\n王亚平出舱。\tWang Yaping left.\n天问三号发射。\tTianwen-3 launched.\n")
    assert (here / "en.txt").read_text(encoding="utf-8") == "Wang Yaping left.\nTianwen-3 launched.\n"
    assert (here / "zh.txt").read_text(encoding="utf-8") == "王亚平出舱。\n天问三号发射。\n"


XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>王亚平出舱。</source>
        <target state="needs-review-translation">Wang Yapin left the module.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>王亚平挥手。</source>
        <target>Wang Yapin <g id="b">waved</g>.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_fix_xliff_through_translate_toolkit(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """fix-xliff-inline-markup (docs/errors.md): the unit with inline markup is left alone and reported."""
    pytest.importorskip("translate.storage.xliff")
    from translate.storage.xliff import xlifffile

    (here / "t.xlf").write_text(XLIFF, encoding="utf-8")
    assert check("--fix", "t.xlf") == 1
    store = xlifffile.parsestring((here / "t.xlf").read_bytes())
    first, second = store.units
    assert str(first.target) == "Wang Yaping left the module."
    assert first.get_target_dom().get("state") == "needs-review-translation"  # its state is untouched
    assert str(second.target) == "Wang Yapin waved."  # inline markup: left alone, and still reported
    assert len(second.get_target_dom()) == 1
    assert "t.xlf:11:" in capsys.readouterr().out


def test_fix_xliff2_and_po(here: Path) -> None:
    pytest.importorskip("translate.storage.pypo")
    from translate.storage.pypo import pofile
    from translate.storage.xliff2 import Xliff2File

    (here / "t.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        'srcLang="zh" trgLang="en">\n <file id="f">\n  <unit id="1">\n   <segment>\n    <source>天问三号</source>\n'
        '    <target>Tianwen 3</target>\n   </segment>\n  </unit>\n </file>\n</xliff>\n', encoding="utf-8")
    (here / "t.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n#, fuzzy\nmsgid "王亚平出舱。"\n'
        'msgstr "Wang Yapin left "\n"the module."\n', encoding="utf-8")
    assert check("--fix", "t.xlf", "t.po") == 0
    assert [str(u.target) for u in Xliff2File.parsestring((here / "t.xlf").read_bytes()).units] == ["Tianwen-3"]
    [unit] = [u for u in pofile.parsestring((here / "t.po").read_bytes()).units if not u.isheader()]
    assert str(unit.target) == "Wang Yaping left the module." and unit.isfuzzy()


def test_per_file_ignores(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "pyproject.toml").write_text('[tool.glossary.per-file-ignores]\n"quotes/*.md" = ["GL202", "variant"]\n',
                                         encoding="utf-8")
    (here / "quotes").mkdir()
    (here / "quotes" / "q.md").write_text("Wang Yapin and Tianwen 3.\n", encoding="utf-8")
    (here / "a.md").write_text("Wang Yapin and Tianwen 3.\n", encoding="utf-8")
    assert main(["check", "quotes", "a.md"]) == 1
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["a.md", "a.md"]
    assert main(["check", "--fix", "quotes"]) == 0
    assert (here / "quotes" / "q.md").read_text(encoding="utf-8") == "Wang Yapin and Tianwen 3.\n"


def test_bad_per_file_ignores_exit_2(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """per-file-ignores-unknown-rule (docs/errors.md)."""
    (here / "pyproject.toml").write_text('[tool.glossary.per-file-ignores]\n"*.md" = ["GL777"]\n', encoding="utf-8")
    (here / "a.md").write_text("x\n", encoding="utf-8")
    assert main(["check", "a.md"]) == 2
    assert capsys.readouterr().err == (
        f"glossary: {here / 'pyproject.toml'}: [tool.glossary] per-file-ignores '*.md': unknown rule or code prefix "
        "'GL777' (hint: see 'glossary rule' for the list)\n")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "rdjson", "junit", "gitlab"])
def test_output_file_for_every_format(here: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--format", fmt, "a.md") == 1
    expected = capsys.readouterr().out
    assert check("--format", fmt, "-o", "out/report", "a.md") == 2  # no such folder: a clear error
    assert "out" in capsys.readouterr().err
    assert check("--format", fmt, "-o", "report.out", "a.md") == 1
    assert capsys.readouterr().out == ""
    assert (here / "report.out").read_text(encoding="utf-8") == expected


def test_statistics(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text(ARTICLE + "\nWang Yapin again.\n", encoding="utf-8")
    assert check("--statistics", "a.md") == 1
    assert capsys.readouterr().out == (
        "3  GL202  forbidden       [*]\n"
        "2  GL201  variant         [*]\n"
        "1  GL101  gloss-mismatch  [-]\n"
        "1  GL203  inconsistent    [*]\n"
    )
    assert check("--statistics", "--format", "json", "a.md") == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0] == {"code": "GL202", "name": "forbidden", "count": 3, "fixable": 3, "unsafe_fixable": 0}
    assert data[2] == {"code": "GL101", "name": "gloss-mismatch", "count": 1, "fixable": 0, "unsafe_fixable": 1}


def test_rdjson_byte_columns_from_the_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.md").write_text("李强说 Wang Yapin 到了。\n", encoding="utf-8")
    assert check("--format", "rdjson", "--select", "GL202", "a.md") == 1
    [d] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert d["location"]["range"] == {"start": {"line": 1, "column": 11}, "end": {"line": 1, "column": 21}}


def test_fix_write_fails(here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """fix-write-fails (docs/errors.md): a full disk while a.md is rewritten; b.md is still fixed."""
    import errno

    import glossary.atomic as atomic

    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    (here / "b.md").write_text("Tianwen 3 flew.\n", encoding="utf-8")
    real = atomic.os.fsync
    calls = []

    def full_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", full_once)
    assert check("--fix", "a.md", "b.md") == 2
    err = capsys.readouterr().err
    assert "glossary: a.md: No space left on device\n" in err
    assert (here / "a.md").read_text(encoding="utf-8") == ARTICLE
    assert (here / "b.md").read_text(encoding="utf-8") == "Tianwen-3 flew.\n"
    assert sorted(p.name for p in here.iterdir()) == ["a.md", "b.md"]  # no temporary file left


def test_fix_quoted_cell(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """fix-quoted-cell (docs/errors.md)."""
    text = 'source,target\n天问三号,"Tianwen 3, the ""probe"""\n王亚平,Wang Yapin\n'
    (here / "t.csv").write_text(text, encoding="utf-8")
    assert check("--fix", "t.csv") == 0
    assert (here / "t.csv").read_text(encoding="utf-8") == text.replace("Wang Yapin", "Wang Yaping")
    assert "GL201 [variant] 'Tianwen 3'" in capsys.readouterr().out


def test_po_plural_entries_are_left_alone(here: Path) -> None:
    """fix-xliff-inline-markup (docs/errors.md), for a PO plural entry."""
    pytest.importorskip("translate.storage.pypo")
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "王亚平"\nmsgid_plural "王亚平们"\nmsgstr[0] "Wang Yapin"\nmsgstr[1] "Wang Yapins"\n')
    (here / "p.po").write_text(text, encoding="utf-8")
    assert check("--fix", "p.po") == 1
    assert (here / "p.po").read_text(encoding="utf-8") == text


def test_fix_on_stdin_with_output_keeps_the_fixed_text_on_stdout(
        here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Shenzou-20 and Tianwen 3.\n")))
    check("--fix", "-", "-o", "r.txt")
    out, _ = capsys.readouterr()
    assert out == "Shenzhou-20 and Tianwen-3.\n"
    assert (here / "r.txt").read_text(encoding="utf-8").startswith("No problems found in 1 file.")


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_naming_an_input_is_a_usage_error(
        here: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    (here / "t3.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--fix", option, "./t3.md", "t3.md") == 2
    assert "t3.md is also an input" in capsys.readouterr().err
    assert (here / "t3.md").read_text(encoding="utf-8") == ARTICLE
    terms = Path(__file__).parents[1] / "data" / "terms.csv"  # the term table is an input too
    (here / "terms.csv").write_bytes(terms.read_bytes())
    assert check("--glossary", "terms.csv", option, "terms.csv", "t3.md") == 2
    assert "terms.csv is also an input" in capsys.readouterr().err
    assert (here / "terms.csv").read_bytes() == terms.read_bytes()


def test_fix_refuses_a_read_only_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = here / "x.md"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o444)
    before = os.stat(path)
    assert check("--fix", "x.md") == 2
    assert "x.md: read-only, not fixed" in capsys.readouterr().err
    after = os.stat(path)
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert (after.st_ino, stat.S_IMODE(after.st_mode)) == (before.st_ino, 0o444)


def test_rdjson_gives_no_suggestion_for_store_formats(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("translate.storage.pypo")
    (here / "t.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "王亚平出舱。"\n'
        'msgstr "Wang Yapin left the module."\n', encoding="utf-8")
    (here / "a.md").write_text("Wang Yapin left.\n", encoding="utf-8")
    assert check("--format", "rdjson", "--select", "GL202", "t.po", "a.md") == 1
    by_path = {d["location"]["path"]: d for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert "suggestions" not in by_path["t.po"]
    assert by_path["t.po"]["location"]["range"] == {"start": {"line": by_path["t.po"]["location"]["range"]
                                                              ["start"]["line"]}}
    assert by_path["a.md"]["suggestions"][0]["text"] == "Wang Yaping"


@pytest.mark.parametrize("extra", [["--format", "json"], ["--statistics"], ["--write-baseline", "b.json"]])
def test_diff_with_a_report_option_is_a_usage_error(
        here: Path, capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--diff", *extra, "a.md") == 2
    assert f"--diff prints a diff, not a report: it does not go with {extra[0]}" in capsys.readouterr().err
    assert not (here / "b.json").exists()


@pytest.mark.parametrize("fmt", ["sarif", "github", "rdjson", "junit", "gitlab", "html"])
def test_statistics_in_another_format_is_a_usage_error(
        here: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert check("--statistics", "--format", fmt, "a.md") == 2
    assert f"--statistics is text or --format json, not --format {fmt}" in capsys.readouterr().err


def test_fix_in_a_folder_that_cannot_be_written_names_the_file(
        here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    import glossary.atomic as atomic

    (here / "x.md").write_text("Tianwen 3 flew.\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)  # what a read-only folder does (root may write any)
    assert check("--fix", "x.md") == 2
    err = capsys.readouterr().err
    assert "glossary: x.md: Permission denied (cannot create a temporary file in the folder .)" in err


def test_junit_names_every_checked_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    (here / "a.md").write_text(ARTICLE, encoding="utf-8")
    (here / "clean.md").write_text("Tianwen-3 flew.\n", encoding="utf-8")
    assert check("--format", "junit", "a.md", "clean.md") == 1
    root = ET.fromstring(capsys.readouterr().out)
    assert [s.get("name") for s in root.findall("testsuite")] == ["a.md", "clean.md"]


def test_rdjson_gives_no_suggestion_on_a_suppressed_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Line 3's Tianwen 3 is inconsistent with line 1's Tianwen-3, but its line is suppressed for another rule:
    # --fix leaves it, so the suggestion must not offer the edit either.
    (here / "a.md").write_text("Tianwen-3 flew.\n\nThe old Tianwen 3 plan. <!-- glossary-ignore-line variant -->\n",
                               encoding="utf-8")
    assert check("--format", "rdjson", "--exit-zero", "a.md") == 0
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    assert diagnostics and all("suggestions" not in d for d in diagnostics if d["location"]["range"]["start"]["line"] == 3)
