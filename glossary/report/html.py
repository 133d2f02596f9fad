"""Findings → one self-contained HTML page: each document with its findings marked in place.

The page has inline CSS, no script and a Content-Security-Policy that
forbids every outside request, so it opens the same offline, in a mail
attachment or on a file share. Every text in it is escaped: a document that
holds ``<script>`` shows it as text.

Findings do not carry the texts they point into, so the report is given
them: ``documents`` maps a name to the text of a checked file (the name is
the findings' ``path``), or to a :class:`~glossary.bilingual.Bilingual`, whose
findings are those placed in its source or target file; it is shown source
beside target, segment by segment. Findings of a path with no document are
listed without their text. Given ``glossary``, the page lists the terms
found in the documents with their pinyin.

>>> page = format_html([], documents={"a.md": "<script>alert(1)</script>"})
>>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
(False, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Union

from ..model import SEVERITIES, Finding, Term
from .text import sort_findings, summary

if TYPE_CHECKING:  # pragma: no cover
    from ..bilingual import Bilingual
    from ..index import Glossary

__all__ = ["Document", "format_html"]

#: What a document is for the report: its text, or a bilingual document.
Document = Union[str, "Bilingual"]
_LINE_END = re.compile(r"\r\n|\r|\n")
_MARKDOWN_SUFFIXES = (".md", ".markdown")

_CSS = """
:root { --error: #c62828; --error-bg: #fde0e0; --warning: #a05a00; --warning-bg: #fff0c2;
  --info: #1f5fa8; --info-bg: #dcebfb; --line: #d8dbe0; --muted: #5f6670; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2125; background: #f6f7f9; }
header, main { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
main { padding-bottom: 32px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  word-break: break-all; }
.summary { color: var(--muted); margin: 0 0 12px; }
.legend span, .sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px;
  font-weight: 600; line-height: 20px; }
.legend span { margin-right: 6px; }
.sev-error { background: var(--error-bg); color: var(--error); }
.sev-warning { background: var(--warning-bg); color: var(--warning); }
.sev-info { background: var(--info-bg); color: var(--info); }
table { border-collapse: collapse; background: #fff; width: 100%; border: 1px solid var(--line); }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f3; font-weight: 600; font-size: 13px; }
table.rules td:nth-child(-n+4), table.terms td:nth-child(-n+2) { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
section.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 24px; }
section.doc > h3 { padding: 10px 16px; border-bottom: 1px solid var(--line); background: #fafbfc; }
.doc-body { display: grid; grid-template-columns: minmax(0, 1fr) 340px; }
.text { padding: 12px 16px 12px 0; counter-reset: ln; white-space: pre-wrap; overflow-wrap: anywhere;
  font-size: 15px; line-height: 1.7; }
.line { display: block; padding-left: 56px; position: relative; min-height: 1.7em; }
.line::before { counter-increment: ln; content: counter(ln); position: absolute; left: 0; width: 44px;
  text-align: right; color: #9aa0a8; font-size: 12px; font-variant-numeric: tabular-nums; }
mark { border-radius: 3px; padding: 1px 0; color: inherit; text-decoration: none; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
a.hit { color: inherit; text-decoration: none; }
a.hit:hover mark, a.hit:focus mark { outline: 2px solid currentColor; }
aside { border-left: 1px solid var(--line); padding: 12px 14px; font-size: 13px; background: #fcfcfd; }
aside ol { list-style: none; margin: 0; padding: 0; }
aside li { padding: 6px 0; border-bottom: 1px solid #eceef1; }
aside li:target { background: #fff8d6; }
aside .where { color: var(--muted); font-variant-numeric: tabular-nums; }
aside a { color: inherit; }
aside .none { color: var(--muted); }
.seg-line { display: block; min-height: 1.7em; }
table.pairs td { width: 50%; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.7; }
table.pairs td.n, table.pairs th.n { width: 3em; color: #9aa0a8; }
table.pairs { border: 0; border-right: 1px solid var(--line); }
@media (max-width: 900px) { .doc-body { grid-template-columns: minmax(0, 1fr); }
  aside { border-left: 0; border-top: 1px solid var(--line); } }
"""


class _Marks:
    """Numbers the findings of the page and renders text with them marked in place."""

    def __init__(self) -> None:
        self.count = 0

    def render(self, text: str, spans: Sequence[tuple[int, int, int, Finding]], cls: str = "line") -> list[str]:
        """The lines of ``text`` as HTML, each span ``(start, end, number, finding)`` (0-based
        code-point offsets) marked; a span never crosses a line, as it is cut at each line end."""
        starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        if len(starts) > 1 and starts[-1] == len(text):
            starts.pop()  # the end of the last line starts no line of its own
        out: list[str] = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            line = text[start:end].rstrip("\r\n")
            here = [s for s in spans if s[0] < start + max(len(line), 1) and s[1] > start]
            out.append(f'<span class="{cls}">{self._line(line, start, here)}</span>')
        return out

    @staticmethod
    def _line(line: str, offset: int, spans: Sequence[tuple[int, int, int, Finding]]) -> str:
        cuts = {0, len(line)}
        for s, e, _, _ in spans:
            cuts.update((min(max(s - offset, 0), len(line)), min(max(e - offset, 0), len(line))))
        bounds = sorted(cuts)
        parts: list[str] = []
        for a, b in zip(bounds, bounds[1:]):
            piece = escape(line[a:b])
            over = [sp for sp in spans if sp[0] - offset <= a and sp[1] - offset >= b]
            if over:
                worst = min(over, key=lambda sp: SEVERITIES.index(sp[3].severity))[3].severity
                tip = escape("\n".join(f"{sp[3].code} {sp[3].message}" for sp in over))
                first = over[0][2]
                anchors = "".join(f'<span id="m{sp[2]}"></span>' for sp in over if sp[0] - offset == a)
                piece = (f'{anchors}<a class="hit" href="#f{first}"><mark class="sev-{worst}" title="{tip}">'
                         f"{piece}</mark></a>")
            parts.append(piece)
        return "".join(parts)


def _offsets(text: str, f: Finding) -> tuple[int, int]:
    """0-based offsets in ``text`` of a finding's 1-based lines and columns."""
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def at(line: int, column: int) -> int:
        if line - 1 >= len(starts):
            return len(text)
        return min(starts[line - 1] + column - 1, len(text))

    start, end = at(f.line, f.column), at(f.end_line, f.end_column)
    return start, max(end, min(start + 1, len(text)))


def _item(n: int, f: Finding, marked: bool, side: bool = False) -> str:
    where = f"{f.side} {f.line}:{f.column}" if side and f.side in ("source", "target") else f"{f.line}:{f.column}"
    if marked:
        where = f'<a href="#m{n}">{where}</a>'
    expected = f" → <strong>{escape(f.expected)}</strong>" if f.expected else ""
    fix = ""
    if f.fix is not None:
        fix = f'<br><span class="where">fix{"" if f.fix.safe else " (unsafe)"}: {escape(f.fix.replacement)}</span>'
    return (f'<li id="f{n}"><span class="sev sev-{f.severity}">{f.severity}</span> '
            f'<span class="where">{where}</span> <code>{escape(f.code)}</code> {escape(f.message)}{expected}'
            f"{fix}</li>")


def _aside(items: Sequence[str]) -> str:
    body = "".join(items) if items else '<li class="none">No findings.</li>'
    return f"<aside><ol>{body}</ol></aside>"


def _text_section(name: str, text: str, found: Sequence[Finding], marks: _Marks) -> str:
    spans, items = [], []
    for f in found:
        marks.count += 1
        s, e = _offsets(text, f)
        spans.append((s, e, marks.count, f))
        items.append(_item(marks.count, f, True))
    lines = "".join(marks.render(text, spans))
    return (f'<section class="doc"><h3>{escape(name)}</h3><div class="doc-body">'
            f'<div class="text">{lines}</div>{_aside(items)}</div></section>')


def _pairs_section(name: str, doc: Bilingual, found: Sequence[Finding], marks: _Marks) -> str:
    segs = doc.segments
    spans: dict[tuple[int, str], list[tuple[int, int, int, Finding]]] = {}
    items = []
    for f in found:
        marks.count += 1
        placed = f.segment is not None and 0 <= f.segment < len(segs)
        if placed:
            assert f.segment is not None
            seg = segs[f.segment]
            side = "source" if f.side == "source" else "target"
            text, line0, col0 = (seg.source, seg.source_line, seg.source_column) if side == "source" else \
                (seg.target, seg.target_line, seg.target_column)
            line, end_line = f.line - line0 + 1, f.end_line - line0 + 1
            local = Finding(rule=f.rule, code=f.code, severity=f.severity, message=f.message, found=f.found,
                            line=line, column=f.column - (col0 - 1 if line == 1 else 0), end_line=end_line,
                            end_column=f.end_column - (col0 - 1 if end_line == 1 else 0))
            s, e = _offsets(text, local)
            spans.setdefault((f.segment, side), []).append((s, e, marks.count, f))
        items.append(_item(marks.count, f, placed, side=True))
    rows = []
    for i, seg in enumerate(segs):
        cells = []
        for side, text in (("source", seg.source), ("target", seg.target)):
            cells.append("<td>" + "".join(marks.render(text, spans.get((i, side), []), "seg-line")) + "</td>")
        rows.append(f'<tr id="{escape(name, quote=True)}-{i + 1}"><td class="n">{i + 1}</td>{"".join(cells)}</tr>')
    where = escape(doc.source_path if doc.source_path == doc.target_path else
                   f"{doc.source_path} → {doc.target_path}")
    return (f'<section class="doc"><h3>{where}</h3><div class="doc-body"><table class="pairs">'
            f'<thead><tr><th class="n">#</th><th>Source</th><th>Target</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{_aside(items)}</div></section>')


def _rule_table(findings: Sequence[Finding]) -> str:
    from ..rules import RULES

    count = Counter((f.code, f.rule, f.severity) for f in findings)
    if not count:
        return "<p>No findings.</p>"
    summaries = {r.code: r.summary for r in RULES}
    rows = "".join(
        f'<tr><td><code>{escape(code)}</code></td><td>{escape(rule)}</td>'
        f'<td><span class="sev sev-{sev}">{sev}</span></td><td class="n">{n}</td>'
        f"<td>{escape(summaries.get(code, ''))}</td></tr>"
        for (code, rule, sev), n in sorted(count.items()))
    return ('<table class="rules"><thead><tr><th>Code</th><th>Rule</th><th>Severity</th><th class="n">Count</th>'
            f"<th>What it checks</th></tr></thead><tbody>{rows}</tbody></table>")


def _texts_of(documents: Mapping[str, Document]) -> Iterable[tuple[str, bool]]:
    """Every text of the documents, with whether it is Markdown."""
    for name, doc in documents.items():
        if isinstance(doc, str):
            yield doc, name.lower().endswith(_MARKDOWN_SUFFIXES)
        else:
            for seg in doc.segments:
                yield seg.source, False
                yield seg.target, False


def _terms_table(documents: Mapping[str, Document], glossary: Glossary | None,
                 findings: Sequence[Finding]) -> str:
    count: Counter[str] = Counter()
    terms: dict[str, Term] = {}
    if glossary is not None:
        from ..match import find_terms
        from ..source import mask

        for text, markdown in _texts_of(documents):
            for m in find_terms(mask(text, markdown=markdown), glossary):
                count[m.term.id] += 1
                terms.setdefault(m.term.id, m.term)
    else:  # without the glossary, the terms the findings name
        for f in findings:
            if f.term is not None:
                count[f.term.id] += 1
                terms.setdefault(f.term.id, f.term)
    if not terms:
        return "<p>No glossary terms found.</p>"
    rows = "".join(
        f"<tr><td>{escape(t.zh)}</td><td>{escape(t.en)}</td><td>{escape(t.pinyin)}</td>"
        f'<td>{escape(t.category)}</td><td class="n">{count[t.id]}</td></tr>'
        for t in sorted(terms.values(), key=lambda t: (-count[t.id], t.en.casefold())))
    return ('<table class="terms"><thead><tr><th>Chinese</th><th>English</th><th>Pinyin</th><th>Category</th>'
            f'<th class="n">Found</th></tr></thead><tbody>{rows}</tbody></table>')


def format_html(
    findings: Sequence[Finding],
    files: int = 1,
    *,
    documents: Mapping[str, Document] | None = None,
    glossary: Glossary | None = None,
    title: str = "Glossary check",
) -> str:
    """The report as one HTML page (see the module's docstring for ``documents`` and ``glossary``)."""
    documents = documents or {}
    ordered = sort_findings(findings)
    marks = _Marks()
    sections: list[str] = []
    used: set[int] = set()
    for name, doc in documents.items():
        if isinstance(doc, str):
            mine = [i for i, f in enumerate(ordered) if f.path == name]
            sections.append(_text_section(name, doc, [ordered[i] for i in mine], marks))
        else:
            paths = {doc.source_path, doc.target_path}
            mine = [i for i, f in enumerate(ordered) if f.path in paths and i not in used]
            sections.append(_pairs_section(name, doc, [ordered[i] for i in mine], marks))
        used.update(mine)
    rest = [f for i, f in enumerate(ordered) if i not in used]
    if rest:  # findings whose text the report was not given (stdin, say)
        items = []
        for f in rest:
            marks.count += 1
            items.append(_item(marks.count, f, False).replace('<span class="where">',
                                                               f'<span class="where">{escape(f.path or "<text>")}:', 1))
        sections.append(f'<section class="doc"><h3>Other findings</h3>{_aside(items)}</section>')
    legend = "".join(f'<span class="sev-{s}">{s}</span>' for s in SEVERITIES)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{escape(title)}</h1><p class="summary">{escape(summary(findings, files))}</p>'
        f'<div class="legend">{legend}</div></header><main>'
        f"<h2>Findings by rule</h2>{_rule_table(ordered)}"
        f'<h2>Documents</h2>{"".join(sections) or "<p>No documents.</p>"}'
        f"<h2>Glossary terms found</h2>{_terms_table(documents, glossary, ordered)}"
        "</main></body></html>\n"
    )
