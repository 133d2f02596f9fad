"""The HTML report (glossary/report/html.py): structure, escaping, and a real headless browser."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glossary import check_pairs, check_text
from glossary.bilingual import read_aligned
from glossary.cli import main
from glossary.report import FORMATS
from glossary.report.html import format_html

ARTICLE = (
    "# Crews\n"
    "\n"
    "Astronaut Wang Yapin taught a class. Tianwen-3 is ready; Tianwen 3 flies later.\n"
    "The engineer Zhao Mingyuan (赵明远) spoke. Code: `Wang Yapin` stays.\n"
    'A <script>alert("gotcha")</script> & <b>bold</b> line.\n'
)


class _Tags(HTMLParser):
    """Start tags with their attributes, and the text inside each <mark>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marked: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marked.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marked[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _article_report(g) -> tuple[str, list]:  # type: ignore[no-untyped-def]
    findings = [replace(f, path="crews.md") for f in check_text(ARTICLE, g)]
    return format_html(findings, 1, documents={"crews.md": ARTICLE}, glossary=g), findings


def test_html_is_a_format() -> None:
    assert FORMATS["html"] is format_html


def test_findings_are_marked_in_place(g) -> None:  # type: ignore[no-untyped-def]
    page, findings = _article_report(g)
    assert sorted(f.code for f in findings) == ["GL102", "GL201", "GL202", "GL203"]
    tags = _parse(page)
    marks = [a for t, a in tags.tags if t == "mark"]
    # GL201 and GL203 share 'Tianwen 3': one mark, both messages in its title, the worse severity's colour.
    assert tags.marked == ["Wang Yapin", "Tianwen 3", "赵明远"]
    assert [m["class"] for m in marks] == ["sev-error", "sev-warning", "sev-info"]
    assert "GL201" in (marks[1]["title"] or "") and "GL203" in (marks[1]["title"] or "")
    assert (marks[0]["title"] or "").startswith("GL202 'Wang Yapin' is wrong for 王亚平")
    # Each mark links to its entry in the side list, and the entry back to the mark.
    items = [a["id"] for t, a in tags.tags if t == "li" and a.get("id")]
    assert items == ["f1", "f2", "f3", "f4"]
    assert {a["href"] for t, a in tags.tags if t == "a" and a.get("class") == "hit"} == {"#f1", "#f2", "#f4"}
    assert {a["id"] for t, a in tags.tags if t == "span" and (a.get("id") or "").startswith("m")} == \
        {"m1", "m2", "m3", "m4"}
    # One numbered line per line of the text.
    assert sum(1 for t, a in tags.tags if t == "span" and a.get("class") == "line") == 5


def test_summary_by_rule_and_terms_with_pinyin(g) -> None:  # type: ignore[no-untyped-def]
    page, _ = _article_report(g)
    rules = re.search(r'<table class="rules">.*?</table>', page, re.S)
    assert rules is not None
    rows = re.findall(r"<tr><td><code>(GL\d+)</code></td><td>([a-z-]+)</td>.*?<td class=\"n\">(\d+)</td>", rules.group())
    assert rows == [("GL102", "unknown-term", "1"), ("GL201", "variant", "1"), ("GL202", "forbidden", "1"),
                    ("GL203", "inconsistent", "1")]
    terms = re.search(r'<table class="terms">.*?</table>', page, re.S)
    assert terms is not None
    assert "<td>王亚平</td><td>Wang Yaping</td><td>Wáng Yàpíng</td>" in terms.group()
    assert "<td>天问三号</td><td>Tianwen-3</td><td>Tiānwèn Sān Hào</td>" in terms.group()
    # The name in the code span is not counted: Wang Yapin once, in the prose.
    assert re.search(r"<td>Wáng Yàpíng</td><td>person</td><td class=\"n\">1</td>", terms.group())


def test_everything_is_escaped_and_nothing_is_fetched(g) -> None:  # type: ignore[no-untyped-def]
    name = 'evil"<b>.md'
    findings = [replace(f, path=name) for f in check_text(ARTICLE, g)]
    page = format_html(findings, 1, documents={name: ARTICLE}, glossary=g, title="<i>report</i>")
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;gotcha&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "evil&quot;&lt;b&gt;.md" in page
    for fetch in ("http:", "https:", "//", "src=", "url(", "@import", "<link", "<iframe", "<img"):
        assert fetch not in page.replace("<!DOCTYPE html>", ""), fetch
    assert "default-src 'none'" in page  # the page may not load anything, even by mistake


def test_bilingual_side_by_side(g) -> None:  # type: ignore[no-untyped-def]
    from glossary.bilingual import place

    root = Path(__file__).resolve().parent.parent / "docs" / "examples"
    bi = read_aligned(root / "pair.zh.txt", root / "pair.en.txt")
    findings = [place(f, bi) for f in check_pairs(bi.pairs, g)]
    page = format_html(findings, 2, documents={"pair": bi}, glossary=g)
    table = re.search(r'<table class="pairs">.*?</table>', page, re.S)
    assert table is not None
    rows = re.findall(r"<tr id=\"pair-(\d+)\"><td class=\"n\">\d+</td><td>(.*?)</td><td>(.*?)</td></tr>", table.group())
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    marked = {(i, side, text) for i, *cells in rows
              for side, cell in zip(("source", "target"), cells)
              for text in _parse(cell).marked}
    assert marked == {("2", "source", "梦舟"), ("3", "source", "王亚平"), ("3", "target", "Wang Yapin"),
                      ("4", "target", "Tianwen 3")}
    assert "source 2:10" in page and "target 3:11" in page


def test_findings_without_text_are_listed() -> None:
    from glossary.model import Finding

    f = Finding(rule="forbidden", code="GL202", severity="error", message="'Wang Yapin' is wrong", line=1,
                column=1, end_line=1, end_column=11, found="Wang Yapin", path="<stdin>")
    tags = _parse(format_html([f], 1))
    assert [a["id"] for t, a in tags.tags if t == "li"] == ["f1"] and tags.marked == []


def test_check_format_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "crews.md").write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--no-config", "--format", "html", str(tmp_path / "crews.md")]) == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and page.count("<mark ") == 3
    assert "Found 4 problems (1 error, 2 warnings, 1 info) in 1 file." in page


# -- in a real browser ---------------------------------------------------------------------------------

def _browser() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.slow
def test_in_headless_chromium(tmp_path: Path, g) -> None:  # type: ignore[no-untyped-def]
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium installed (apt-get install chromium)")
    page, _ = _article_report(g)
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    dom = _run_browser(browser, tmp_path / "profile", "--dump-dom", report.as_uri()).stdout
    tags = _parse(dom)
    assert tags.marked == ["Wang Yapin", "Tianwen 3", "赵明远"]
    assert not any(t == "script" for t, _ in tags.tags)  # the document's <script> stayed text
    assert '&lt;script&gt;alert("gotcha")&lt;/script&gt;' in dom
    assert sum(1 for t, a in tags.tags if t == "li" and (a.get("id") or "").startswith("f")) == 4

    shot = tmp_path / "report.png"
    _run_browser(browser, tmp_path / "profile", "--window-size=1280,1200", f"--screenshot={shot}", report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1200)
    assert len(data) > 50_000  # a rendered page, not a blank one
