"""The glossary as a Markdown page: docs/glossary.md.

One section per category (in the order of :data:`glossary.model.CATEGORIES`),
each a table sorted by English, after a coverage table that counts the rows
of each category. ``glossary export --format markdown`` writes it;
tests/test_exports.py checks that the committed docs/glossary.md is current.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import CATEGORIES, Term
from .table_lint import is_sourced

__all__ = ["CATEGORY_TITLES", "render_markdown"]

#: Section titles of the categories; rows without a category come last.
CATEGORY_TITLES: dict[str, str] = {
    "person": "People",
    "place": "Places",
    "organization": "Organizations",
    "publication": "Publications",
    "event": "Events",
    "programme": "Programmes",
    "policy": "Policies",
    "spacecraft": "Spacecraft",
    "constellation": "Constellations",
    "launch-vehicle": "Launch vehicles",
    "vessel": "Vessels",
    "facility": "Facilities",
    "other": "Other",
    "": "Uncategorized",
}

_REGENERATE = "glossary export --format markdown -o docs/glossary.md --force"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, spaces as hyphens."""
    return title.lower().replace(" ", "-")


def _row(t: Term) -> str:
    cells = [
        f"**{_md(t.en)}**", " · ".join(_md(z) for z in t.zh_forms), _md(t.pinyin),
        "; ".join(_md(a) for a in t.aliases), "; ".join(_md(v) for v in t.variants),
        "; ".join(_md(f) for f in t.forbidden), _md(t.note),
    ]
    return "| " + " | ".join(cells) + " |\n"


def render_markdown(terms: Iterable[Term]) -> str:
    """The Markdown page for ``terms``: a coverage table, then a section per category.

    >>> page = render_markdown([Term(id="a", zh="甲", en="A", category="place")])
    >>> "| [place](#places) | 1 | 0 | 0 |" in page, "## Places" in page
    (True, True)
    """
    rows = list(terms)
    groups: dict[str, list[Term]] = {c: [] for c in (*CATEGORIES, "")}
    for t in rows:
        groups.setdefault(t.category, []).append(t)
    used = [c for c, members in groups.items() if members]
    parts = [
        "# Glossary\n\n",
        f"<!-- Generated from the term table; do not edit. Regenerate with:\n     {_REGENERATE} -->\n\n",
        f"{len(rows)} terms in {len(used)} categories. *Also accepted* forms pass silently; *not preferred* "
        "forms draw a warning; *wrong* forms are errors. See [the rules](rules.md) and "
        "[the table format](table-format.md).\n\n",
        "## Coverage\n\n",
        "*Sourced*: rows whose note or source cites a public reference (what `glossary validate --strict` "
        "asks of every row). *Series*: rows that stand for a numbered series.\n\n",
        "| Category | Rows | Sourced | Series |\n| --- | ---: | ---: | ---: |\n",
    ]
    for c in used:
        members = groups[c]
        sourced = sum(map(is_sourced, members))
        series = sum(bool(t.series) for t in members)
        label = c or "(none)"
        parts.append(f"| [{label}](#{_anchor(CATEGORY_TITLES.get(c, c))}) | {len(members)} | {sourced} | {series} |\n")
    sourced_all = sum(map(is_sourced, rows))
    series_all = sum(bool(t.series) for t in rows)
    parts.append(f"| **all** | {len(rows)} | {sourced_all} | {series_all} |\n")
    for c in used:
        title = CATEGORY_TITLES.get(c, c)
        parts.append(f"\n## {title}\n\n")
        parts.append("| English | Chinese | Pinyin | Also accepted | Not preferred | Wrong | Note |\n")
        parts.append("| --- | --- | --- | --- | --- | --- | --- |\n")
        for t in sorted(groups[c], key=lambda t: (t.en.casefold(), t.id)):
            parts.append(_row(t))
    return "".join(parts)
