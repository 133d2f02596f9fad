"""The ``glossary`` command, run as installed (a subprocess), plus a few in-process cases."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import glossary
from glossary.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _command() -> list[str]:
    beside = Path(sys.executable).parent / "glossary"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("glossary")
    return [found] if found else [sys.executable, "-m", "glossary"]


COMMAND = _command()


def run(*args: str, cwd: Path | None = None, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([*COMMAND, *args], cwd=cwd or ROOT, input=data, capture_output=True, timeout=120)
    proc.stdout = proc.stdout.decode("utf-8")  # type: ignore[assignment]
    proc.stderr = proc.stderr.decode("utf-8")  # type: ignore[assignment]
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def heads(text: str) -> list[str]:
    """``path:line:col: CODE`` of each finding line."""
    return [m.group(1) for m in re.finditer(r"^(\S+:\d+:\d+: GL\d{3}) ", text, re.M)]


ARTICLE_FINDINGS = [
    "docs/examples/article.md:14:11: GL101",
    "docs/examples/article.md:19:39: GL202",
    "docs/examples/article.md:26:42: GL201",
    "docs/examples/article.md:26:42: GL203",
    "docs/examples/article.md:27:53: GL102",
]


# -- check: formats and exit statuses --------------------------------------------------------------

def test_check_article_text_report():
    proc = run("check", "--no-config", "docs/examples/article.md")
    assert proc.returncode == 1
    assert heads(proc.stdout) == ARTICLE_FINDINGS
    assert proc.stdout.splitlines()[-1] == "Found 5 problems (2 errors, 2 warnings, 1 info) in 1 file."
    assert "[forbidden] 'Wang Yapin'" in proc.stdout
    assert proc.stderr == ""  # no progress line when stderr is not a terminal


def test_check_json_sarif_github_agree(tmp_path):
    as_json = json.loads(run("check", "--no-config", "--format", "json", "docs/examples/article.md").stdout)
    assert [f"{d['path']}:{d['line']}:{d['column']}: {d['code']}" for d in as_json] == ARTICLE_FINDINGS
    assert as_json[-1]["suggestion"]["en"] == "Zhao Mingyuan"

    proc = run("check", "--no-config", "--format", "sarif", "docs/examples/article.md")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    jsonschema.validate(log, json.loads((FIXTURES / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [h.split()[-1] for h in ARTICLE_FINDINGS]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "docs/examples/article.md"}

    proc = run("check", "--no-config", "--format", "github", "docs/examples/article.md")
    lines = proc.stdout.splitlines()
    assert lines[0] == ("::error file=docs/examples/article.md,line=14,col=11,endLine=14,endColumn=13,"
                        "title=GL101 gloss-mismatch::'Mengzhou' is 梦舟, but the gloss says 梦州")
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error", "::warning", "::warning", "::notice"]


def test_check_levels_and_exit_statuses():
    article = "docs/examples/article.md"
    # Only warnings left after --ignore: the default --fail-on error passes.
    proc = run("check", "--no-config", "--ignore", "GL101,forbidden", article)
    assert proc.returncode == 0 and heads(proc.stdout)[0].endswith("GL201")
    assert run("check", "--no-config", "--ignore", "GL101,forbidden", "--fail-on", "warning", article).returncode == 1
    # --min-severity hides what it filters, and hidden findings cannot fail the run.
    proc = run("check", "--no-config", "--select", "GL2", "--min-severity", "error", "--fail-on", "warning", article)
    assert heads(proc.stdout) == ["docs/examples/article.md:19:39: GL202"] and proc.returncode == 1
    proc = run("check", "--no-config", "--exit-zero", article)
    assert proc.returncode == 0 and len(heads(proc.stdout)) == 5


def test_check_stdin_and_a_clean_text():
    proc = run("check", "-", "--stdin-filename", "draft.md", stdin="Premier Li Qiang (李强) visited Tianjin.\n")
    assert proc.returncode == 0
    assert proc.stdout == "No problems found in 1 file.\n"
    proc = run("check", "-", stdin="The Beidou network.\n")
    assert proc.returncode == 0 and proc.stdout.startswith("<stdin>:1:5: GL201 [variant]")


def test_check_errors_exit_2(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes("第一行\n".encode() + b"Wang \xff\n")
    good = tmp_path / "good.md"
    good.write_text("Wang Yapin spoke.\n", encoding="utf-8")
    proc = run("check", str(bad), str(good), str(tmp_path / "missing.md"), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{bad}: not valid UTF-8 at byte offset 15 (line 2)" in proc.stderr
    assert "missing.md: no such file or directory" in proc.stderr
    assert heads(proc.stdout) == [f"{good}:1:1: GL202"]  # the readable file is still checked

    proc = run("check", "--select", "no-such-rule", str(good), cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule or code prefix 'no-such-rule'" in proc.stderr
    proc = run("check", "--glossary", str(tmp_path / "nope.csv"), str(good), cwd=tmp_path)
    assert proc.returncode == 2 and "nope.csv: no such file" in proc.stderr
    broken = tmp_path / "broken.csv"
    broken.write_text("zh,en\n李强,\n", encoding="utf-8")
    proc = run("check", "--glossary", str(broken), str(good), cwd=tmp_path)
    assert proc.returncode == 2 and f"{broken}:2: empty en" in proc.stderr
    proc = run("check", "--source", str(good), cwd=tmp_path)
    assert proc.returncode == 2 and "--source and --target go together" in proc.stderr
    proc = run("check", "--format", "xml", str(good), cwd=tmp_path)
    assert proc.returncode == 2 and "invalid choice: 'xml'" in proc.stderr
    proc = run("check", cwd=tmp_path)
    assert proc.returncode == 2 and "nothing to check" in proc.stderr


# -- check: bilingual input ------------------------------------------------------------------------

def test_check_line_aligned_pair_reports_each_side_in_its_file():
    proc = run("check", "--no-config", "--source", "docs/examples/pair.zh.txt", "--target", "docs/examples/pair.en.txt")
    assert proc.returncode == 1
    assert heads(proc.stdout) == [
        "docs/examples/pair.en.txt:3:11: GL202",
        "docs/examples/pair.en.txt:4:1: GL201",
        "docs/examples/pair.zh.txt:2:10: GL301",
        "docs/examples/pair.zh.txt:3:4: GL301",  # a forbidden rendering does not translate 王亚平
    ]
    assert proc.stdout.splitlines()[-1].endswith("in 2 files.")
    zh_line = (EXAMPLES / "pair.zh.txt").read_text(encoding="utf-8").splitlines()[1]
    assert zh_line[9:11] == "梦舟"


def test_check_mismatched_pair_exits_2(tmp_path):
    (tmp_path / "zh.txt").write_text("一。\n二。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("One.\n", encoding="utf-8")
    proc = run("check", "--source", "zh.txt", "--target", "en.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "en.txt: has 1 lines but zh.txt has 2" in proc.stderr


def test_check_tsv_and_xliff_files(tmp_path):
    (tmp_path / "pairs.tsv").write_text(
        "zh\ten\n李强出席了会议。\tThe premier attended.\n王亚平出舱。\tWang Yapin left.\n", encoding="utf-8")
    (tmp_path / "news.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="x" source-language="zh" target-language="en" datatype="plaintext"><body>\n'
        '<trans-unit id="1">\n<source>天问三号发射。</source>\n<target>Tianwen 3 launched.</target>\n'
        "</trans-unit>\n</body></file></xliff>\n", encoding="utf-8")
    proc = run("check", "pairs.tsv", "news.xlf", cwd=tmp_path)
    assert proc.returncode == 1
    assert heads(proc.stdout) == ["news.xlf:6:1: GL201", "pairs.tsv:2:1: GL301", "pairs.tsv:3:1: GL301",
                                  "pairs.tsv:3:8: GL202"]


def test_missing_translate_toolkit_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "translate", None)
    monkeypatch.setitem(sys.modules, "translate.storage", None)
    (tmp_path / "a.po").write_text('msgid "李强"\nmsgstr "Li Qiang"\n', encoding="utf-8")
    assert main(["check", "--no-config", str(tmp_path / "a.po")]) == 2
    assert "pip install 'zhen-glossary[formats]'" in capsys.readouterr().err


# -- check: directories, configuration, jobs -------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("Wang Yapin spoke.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("The Beidou network.\n", encoding="utf-8")
    (tmp_path / "docs" / "c.rst").write_text("Wang Yapin spoke.\n", encoding="utf-8")
    (tmp_path / "docs" / "drafts" / "d.markdown").write_text("Wang Yapin spoke.\n", encoding="utf-8")
    (tmp_path / "docs" / "drafts" / "e.md").write_text("Ann Smith (韩梅) spoke.\n", encoding="utf-8")
    # A Chinese source is not English to check: directory runs skip it.
    (tmp_path / "docs" / "drafts" / "source.zh.txt").write_text("王亚平在天宫空间站讲课。\n", encoding="utf-8")
    # Hidden and tool folders are never searched.
    for skipped in (".git", "node_modules"):
        (tmp_path / "docs" / skipped).mkdir()
        (tmp_path / "docs" / skipped / "x.md").write_text("Wang Yapin spoke.\n", encoding="utf-8")
    return tmp_path


def test_directories_are_searched_for_text_files(project):
    proc = run("check", "docs", cwd=project)
    assert heads(proc.stdout) == [
        "docs/a.md:1:1: GL202",
        "docs/b.txt:1:5: GL201",
        "docs/drafts/d.markdown:1:1: GL202",
        "docs/drafts/e.md:1:12: GL102",
    ]
    assert proc.stdout.splitlines()[-1].endswith("in 4 files.")


def test_pyproject_settings_apply_from_a_subfolder(project):
    (project / "terms.csv").write_text("zh,en\n韩梅,Han Mei\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.glossary]\nglossary = "terms.csv"\nignore = ["GL2"]\nexclude = ["docs/b.txt", "d.*", "docs/drafts/sub"]\n',
        encoding="utf-8")
    (project / "docs" / "drafts" / "sub").mkdir()
    (project / "docs" / "drafts" / "sub" / "f.md").write_text("Ann Smith (韩梅).\n", encoding="utf-8")
    proc = run("check", ".", cwd=project / "docs")
    # Only e.md is left, checked against terms.csv: Ann Smith is not 韩梅's rendering.
    assert heads(proc.stdout) == ["drafts/e.md:1:1: GL101"]
    # The command line overrides the file; --select on it drops the file's ignore too.
    proc = run("check", "--select", "GL202", "--glossary", str(ROOT / "data" / "terms.csv"), "a.md", cwd=project / "docs")
    assert heads(proc.stdout) == ["a.md:1:1: GL202"]
    proc = run("check", "--no-config", "drafts/e.md", cwd=project / "docs")
    assert heads(proc.stdout) == ["drafts/e.md:1:12: GL102"]


def test_bad_pyproject_settings_exit_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.glossary]\nselct = ["GL1"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown key 'selct' in [tool.glossary]" in proc.stderr


def test_jobs_give_the_same_report(project):
    for i in range(6):
        (project / "docs" / f"n{i}.md").write_text(f"Wang Yapin, number {i}, and the Beidou system.\n",
                                                    encoding="utf-8")
    one = run("check", "docs", "--format", "json", cwd=project)
    many = run("check", "docs", "--format", "json", "--jobs", "3", cwd=project)
    assert one.returncode == many.returncode == 1
    assert one.stdout == many.stdout
    assert len(json.loads(one.stdout)) == 16


def test_progress_is_shown_only_on_a_terminal(project, monkeypatch, capsys):
    import io

    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    for i in range(25):
        (project / "docs" / f"p{i}.md").write_text("Premier Li Qiang (李强).\n", encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "stderr", TTY())
    assert main(["check", "docs"]) == 1
    shown = sys.stderr.getvalue()
    assert "Checked 30/30 files" in shown and shown.endswith("\r")
    assert "Checked" not in capsys.readouterr().out


# -- validate --------------------------------------------------------------------------------------

def test_validate(tmp_path):
    proc = run("validate", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.endswith(f"{len(glossary.load())} terms, no problems found.\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("zh,en,category\n李强,Li Qiang,persn\n王亚平,,person\n", encoding="utf-8")
    proc = run("validate", str(bad), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{bad}:2: unknown category 'persn' (hint: use one of {', '.join(glossary.CATEGORIES)})",
        f"{bad}:3: empty en (hint: every row needs its preferred English rendering)",
    ]
    warn = tmp_path / "warn.csv"
    warn.write_text("zh,en,aliases,category\n李强,Li Qiang,,person\n李刚,Li Gang,Li Qiang,person\n", encoding="utf-8")
    proc = run("validate", str(warn), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{warn}:3: English 'Li Qiang' is also used by 'li-qiang' (line 2) (hint: two terms with one rendering "
        "cannot be told apart in English text)"]
    proc = run("validate", str(tmp_path / "none.csv"), cwd=tmp_path)
    assert proc.returncode == 2 and "none.csv: no such file" in proc.stderr


# -- export ----------------------------------------------------------------------------------------

def test_export_formats_to_stdout_and_files(tmp_path):
    from translate.storage.tbx import tbxfile

    g = glossary.load()
    outputs = {fmt: run("export", "--format", fmt, cwd=tmp_path) for fmt in ("csv", "json", "deepl", "google")}
    assert all(p.returncode == 0 for p in outputs.values())
    assert outputs["csv"].stdout.startswith("id,zh,zh_variants,en,")
    assert len(json.loads(outputs["json"].stdout)) == len(g)
    assert outputs["deepl"].stdout.splitlines()[0] == "两会,Two Sessions"
    assert outputs["google"].stdout.splitlines()[0] == "zh-CN,en,pos,description"

    proc = run("export", "--format", "tbx", "-o", "g.tbx", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""
    store = tbxfile.parsefile(str(tmp_path / "g.tbx"))
    assert [(u.source, u.target) for u in store.units] == [(t.zh, t.en) for t in g]
    proc = run("export", "--format", "amazon", "--direction", "en-zh", "-o", "amazon.csv", cwd=tmp_path)
    assert (tmp_path / "amazon.csv").read_text(encoding="utf-8").startswith("en,zh\nTwo Sessions,两会\n")
    proc = run("export", "--format", "markdown", cwd=tmp_path)
    assert proc.stdout == (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")


def test_export_refuses_to_overwrite_its_own_table(tmp_path):
    table = tmp_path / "terms.csv"
    table.write_text("zh,en\n李强,Li Qiang\n", encoding="utf-8")
    before = table.read_text(encoding="utf-8")
    proc = run("export", "--glossary", "terms.csv", "-o", str(table), cwd=tmp_path)
    assert proc.returncode == 2 and "use --force" in proc.stderr
    assert table.read_text(encoding="utf-8") == before
    proc = run("export", "--glossary", "terms.csv", "-o", "terms.csv", "--force", cwd=tmp_path)
    assert proc.returncode == 0
    assert glossary.load(table)["li-qiang"].en == "Li Qiang"
    assert table.read_text(encoding="utf-8").startswith("id,zh,")


def test_export_refuses_what_a_service_rejects(tmp_path):
    (tmp_path / "dup.csv").write_text("zh,en,aliases\n李强,Li Qiang,\n李刚,Li Gang,Li Qiang\n", encoding="utf-8")
    proc = run("export", "--glossary", "dup.csv", "--format", "deepl", "--direction", "en-zh", "-o", "x.csv",
               cwd=tmp_path)
    assert proc.returncode == 2
    assert "duplicate source 'Li Qiang' in terms 'li-qiang' and 'li-gang'" in proc.stderr
    assert not (tmp_path / "x.csv").exists()


# -- pinyin, lookup, suggest, rule -----------------------------------------------------------------

def test_pinyin_and_lookup():
    proc = run("pinyin", "王亚平", "欧阳修", "--kind", "person")
    assert proc.returncode == 0 and proc.stdout == "Wáng Yàpíng\nŌuyáng Xiū\n"
    assert run("pinyin", "赵平安", "--kind", "person", "--no-tones").stdout == "Zhao Ping'an\n"
    assert run("pinyin", "司马迁", "王大珩").stdout == "Sīmǎ Qiān\nWáng Dàhéng\n"  # no --kind: names recognised
    proc = run("pinyin", "北京", "--kind", "foo")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == ("glossary: unknown --kind 'foo'; use one of person, place, organization, publication, "
                           "event, programme, policy, spacecraft, constellation, launch-vehicle, vessel, facility, "
                           "other\n")

    proc = run("lookup", "李強")
    assert proc.returncode == 0
    assert re.search(r"^en\s+Li Qiang$", proc.stdout, re.M) and re.search(r"^id\s+li-qiang$", proc.stdout, re.M)
    proc = run("lookup", "Wang Yapin", "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["zh"] == "王亚平"
    assert "'Wang Yapin' is a wrong rendering; use 'Wang Yaping'" in proc.stderr
    assert json.loads(run("lookup", "macau", "--format", "json").stdout)["en"] == "Macao"
    proc = run("lookup", "Nobody Atall")
    assert proc.returncode == 1 and proc.stdout == "" and "is not in the glossary" in proc.stderr


def test_suggest_rows_for_english_and_chinese_text(tmp_path):
    (tmp_path / "en.md").write_text("Premier Li Qiang (李强) met the engineer Qin Mu (秦木) and Qin Mu (秦木) again.\n",
                                    encoding="utf-8")
    proc = run("suggest", "en.md", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == "qin-mu,秦木,,Qin Mu,,,,,Qín Mù,pinyin,person,false,English as the text writes it,,,false,false\n"
    with_header = run("suggest", "en.md", "--header", cwd=tmp_path).stdout
    assert with_header.splitlines()[0].startswith("id,zh,zh_variants,en,")
    # The rows append to a table that then loads.
    table = tmp_path / "terms.csv"
    table.write_text(with_header, encoding="utf-8")
    assert glossary.load(table)["qin-mu"].zh == "秦木"

    (tmp_path / "zh.txt").write_text("杨利伟和张若尘一起访问了四川。\n", encoding="utf-8")
    proc = run("suggest", "zh.txt", cwd=tmp_path)
    zh_rows = [line.split(",") for line in proc.stdout.splitlines()]
    assert "张若尘" in [r[1] for r in zh_rows] and "杨利伟" not in [r[1] for r in zh_rows]
    proc = run("suggest", "-", cwd=tmp_path, stdin="Nothing new here.\n")
    assert proc.returncode == 0 and proc.stdout == "" and "no unknown names found" in proc.stderr


def test_rule_command():
    proc = run("rule", "GL202")
    assert proc.returncode == 0 and proc.stdout.startswith("## GL202 `forbidden`\n")
    assert run("rule", "forbidden").stdout == proc.stdout
    assert run("rule", "--all").stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    listing = run("rule").stdout.splitlines()
    assert listing[0].startswith("GL101  gloss-mismatch") and len(listing) == len(glossary.rules.RULES)
    proc = run("rule", "GL999")
    assert proc.returncode == 2 and "unknown rule 'GL999'" in proc.stderr


def test_python_m_glossary_and_version():
    proc = subprocess.run([sys.executable, "-m", "glossary", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == f"glossary {glossary.__version__}\n"
    assert main(["--help"]) == 0
    assert main(["frobnicate"]) == 2


def test_pre_commit_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: glossary-check$", text, re.M)
    assert re.search(r"^  entry: glossary check$", text, re.M)
    assert re.search(r"^  language: python$", text, re.M)
    assert re.search(r"^  types_or: \[markdown, plain-text\]$", text, re.M)
