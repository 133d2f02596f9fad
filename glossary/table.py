"""Validate term tables: the rows every format reads into (:func:`terms_from_rows`).

A table has a header row naming its columns; only ``zh`` and ``en`` are
required (see docs/table-format.md for every column). The formats of
:mod:`glossary.formats` (CSV, TBX, XLSX, the translation services' files)
read their files into header and rows, and this module turns them into
terms, each row validated by :mod:`glossary.row`. Validation never drops a row: any problem raises
:class:`~glossary.errors.GlossaryError` naming the file and line. Columns the
table does not know are kept (:attr:`Term.extra`). Validation romanizes
nothing: ``pinyin`` and ``romanization`` left out are computed when first read.
"""

from __future__ import annotations

import difflib
import re
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TextIO

from .atomic import atomic_writer
from .errors import GlossaryError, Problem
from .langtags import language
from .model import Term, raw_value, terms_from_columns
from .normalize import has_han, zh_key
from .row import (
    _COLUMN_SET,
    _FAST_COLUMNS,
    _FIELDS,
    _LISTS,
    COLUMNS,
    FORMULA_START,
    MAX_FIELD_BYTES,
    REQUIRED,
    SEPARATOR,
    _clean,
    _split,
    fast_row,
    guess_category,
    slugify,
    validate_row,
)

__all__ = [
    "COLUMNS",
    "FORMULA_START",
    "MAX_FIELD_BYTES",
    "REQUIRED",
    "SEPARATOR",
    "atomic_writer",
    "check_terms",
    "column_name",
    "guess_category",
    "read_table",
    "slugify",
    "spreadsheet_safe",
    "terms_from_rows",
    "write_csv",
]

#: Header cells other tools use for the two languages, besides language tags: the languages' names as
#: spreadsheets and CAT tools write them.
_LANGUAGE_NAMES = {
    **dict.fromkeys(("chinese", "simplified chinese", "chinese (simplified)", "chinese (prc)", "chinese (china)",
                     "中文", "简体中文", "汉语"), "zh"),
    **dict.fromkeys(("traditional chinese", "chinese (traditional)", "chinese (taiwan)", "chinese (hong kong)",
                     "繁體中文", "繁体中文"), "zh_variants"),
    **dict.fromkeys(("english", "english (united states)", "english (us)", "english (united kingdom)",
                     "english (uk)", "english (gb)", "英文", "英语"), "en"),
}
#: A header that is a language tag (read by :func:`glossary.langtags.language`): the language, then only
#: scripts and regions (zh-Hans-SG, en_US, zh-CHT), so that a column of one's own such as en_note or
#: zh_pinyin stays a column of its own.
_HEADER_TAG = re.compile(r"(?:zh|en)(?:-(?:hans|hant|latn|chs|cht|[a-z]{2}|[0-9]{3}))*")
_TAG_COLUMNS = {"zh": "zh", "hant": "zh_variants", "en": "en"}
#: Each column by its name without spaces, hyphens and underscores, as other tools spell them.
_SQUASHED = {c.replace("_", ""): c for c in COLUMNS}


def column_name(header: str) -> str:
    """The table column a header cell names: a column of :data:`COLUMNS`, or the cell itself (an extra column).

    Language tags stand for the languages (:func:`glossary.langtags.language`): ``zh-CN``
    and ``zh-Hans`` for ``zh``, ``zh-TW``, ``zh-Hant`` and ``zh-CHT`` for ``zh_variants``,
    ``en-US`` for ``en``; so do the languages' names in English and Chinese.

    >>> column_name(" ZH-cn "), column_name("en_GB"), column_name("zh-Hant-MO"), column_name("Domain")
    ('zh', 'en', 'zh_variants', 'Domain')
    """
    key = header.strip().lower()
    if key in _COLUMN_SET:
        return key
    squashed = _SQUASHED.get(re.sub(r"[\s_-]+", "", key))
    if squashed:  # "case sensitive", "Case-Sensitive", "casesensitive", "ZH Variants"
        return squashed
    if key in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[key]
    tag = key.replace("_", "-")
    if _HEADER_TAG.fullmatch(tag):  # zh-Hans-SG, zh-CHT, en-IN: as a TBX file's xml:lang is read
        column = _TAG_COLUMNS.get(language(tag))
        if column:
            return column
    return header.strip()


def terms_from_rows(header: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]], name: str, *,
                    header_line: int = 1, group: bool = False) -> list[Term]:
    """Validate the rows of a table (from any format) into terms; raise GlossaryError on any problem.

    ``header`` names the columns (see :func:`column_name`); each row is its
    1-based line (or spreadsheet row) and its cells. Columns the table does
    not know are kept in :attr:`Term.extra`. With ``group``, rows with the same
    Chinese are merged into the first one: their English becomes aliases, their
    lists are joined.
    """
    given = list(header)
    columns = [column_name(h) for h in header]
    while len(columns) > 1 and columns[-1] == "":
        columns.pop()  # trailing empty columns, as spreadsheets save them
    width = len(columns)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise GlossaryError(
            Problem(name, header_line, f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                                       f"header is {','.join(given)!r}", _header_hint(given))
        )
    problems: list[Problem] = []
    dupes = sorted({h for h in columns if columns.count(h) > 1 and h})
    if dupes:
        problems.append(Problem(name, header_line, f"column {', '.join(map(repr, dupes))} appears twice"))
    if "" in columns:
        problems.append(Problem(name, header_line, f"column {columns.index('') + 1} has no name",
                                "name every column, or delete the empty one"))
    extra_cols = [c for c in columns if c not in _COLUMN_SET]
    for col in extra_cols:
        # A misspelt column would be kept and its values never used; a short name (CID, URL) is too
        # short to call a misspelling.
        close = difflib.get_close_matches(col.lower().replace(" ", "_"), COLUMNS, n=1, cutoff=0.8) \
            if len(col) > 3 else []
        if close:
            problems.append(Problem(name, header_line, f"unknown column {col!r}",
                                    f"did you mean {close[0]!r}? Other columns of your own are kept as they are"))
    if problems:
        raise GlossaryError(problems)

    def cells_of() -> Iterator[tuple[int, Sequence[str]]]:
        for line, row in rows:
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    continue  # a blank line
                if len(row) > width and not any(cell.strip() for cell in row[width:]):
                    row = row[:width]  # the empty cells of trailing empty columns
                else:
                    hint = "quote a field that contains a comma" if len(row) > width else \
                        "every row needs a field for each column; leave a field empty with nothing between the commas"
                    problems.append(Problem(name, line, f"row has {len(row)} fields, the header has {width}", hint))
                    continue
            if not "".join(row).strip():
                continue  # a row of empty cells (spreadsheets save empty rows as ",,,")
            yield line, row

    # One row at a time: a large table is never held twice. The short path reads a row's cells as they are;
    # a dict of them is made for the rows it hands to the full validation, and for grouping.
    records: Iterable[tuple[int, Any]] = cells_of()
    if group:
        records = _group([(line, dict(zip(columns, row))) for line, row in records])

    seen_ids: dict[str, int] = {}
    seen_zh: dict[str, int] = {}
    has_id = "id" in columns
    fast = fast_row(columns) if not group and set(columns) <= _FAST_COLUMNS | set(extra_cols) else None
    fields: list[tuple[Any, ...]] = []
    for line, cells in records:
        found: tuple[Any, ...] | None = fast(cells, line) if fast is not None else None
        if found is None:  # the full validation, which says what is wrong
            if not group:
                cells = dict(zip(columns, cells))
            term = validate_row(cells, line, name, problems, extra_cols)
            if term is None:
                continue
            found = tuple(raw_value(term, f) if f in ("pinyin", "romanization") else getattr(term, f) for f in _FIELDS)
        if has_id:  # ids made from en are made unique below; given ids must be unique
            first = seen_ids.setdefault(found[0], line)
            if first != line:
                problems.append(Problem(name, line, f"duplicate id {found[0]!r} (first on line {first})",
                                        "ids are stable keys: give each term its own"))
        for form in (found[1], *found[3]):
            first = seen_zh.setdefault(zh_key(form), line)
            if first != line:
                problems.append(Problem(name, line, f"Chinese {form!r} is already a term on line {first}",
                                        "one concept, one row: put other forms in zh_variants"))
        fields.append(found)
    columns_of = [list(column) for column in zip(*fields)]
    del fields
    terms = list(terms_from_columns(columns_of)) if columns_of else []
    if problems:
        raise GlossaryError(problems)
    if not terms:
        raise GlossaryError(Problem(name, header_line, "no terms: the table has a header row and nothing else",
                                    "add one row per term below the header"))
    if not has_id:
        terms = _assign_ids(terms)
    return terms


def _group(records: list[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    """Rows with the same Chinese merged into the first (``--group``)."""
    out: list[tuple[int, dict[str, str]]] = []
    first: dict[str, dict[str, str]] = {}
    for line, cells in records:
        key = zh_key(cells.get("zh", "").strip())
        into = first.get(key) if key else None
        if into is None:
            cells = dict(cells)
            if key:
                first[key] = cells
            out.append((line, cells))
            continue
        for col, value in cells.items():
            value = value.strip()
            if not value or col == "zh":
                continue
            if col == "en":
                col = "aliases"
            if col in _LISTS:
                have = _split(into.get(col, ""))
                new = [v for v in _split(value) if v not in have and v != _clean(into.get("en", ""))]
                if new:
                    into[col] = f" {SEPARATOR} ".join((*have, *new))
            elif col == "note" and value not in into.get("note", ""):
                into["note"] = f"{into['note'].strip()}; {value}" if into.get("note", "").strip() else value
            elif not into.get(col, "").strip():
                into[col] = value
    return out


def _header_hint(header: list[str]) -> str:
    """Why a header row may lack the required columns."""
    if any(has_han(cell) for cell in header):
        return "the first row looks like a term, not a header: add a header row such as zh,en above it"
    if len(header) == 1:
        for sep, what in ((";", "semicolons"), ("\t", "tabs")):
            if sep in header[0]:
                return f"the fields are separated by {what}; a term table separates them by commas"
    return "the header row needs at least the columns zh and en"


def _assign_ids(terms: list[Term]) -> list[Term]:
    from dataclasses import replace

    used: set[str] = set()
    out = []
    for t in terms:
        base = t.id
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(t if slug == t.id else replace(t, id=slug))
    return out


def check_terms(terms: Iterable[Term], name: str = "<table>") -> list[Problem]:
    """Problems that do not stop a table loading: warnings for ``validate``.

    Reports the same English form used by two terms, and stored pinyin that
    disagrees with :func:`glossary.romanize` for terms romanized as pinyin.
    """
    from .pinyin import romanize

    terms = list(terms)
    problems = same_english(terms, name, "warning")
    for term in terms:
        if term.romanization == "pinyin" and term.pinyin and not pinyin_explained(term):
            computed = romanize(term.zh, kind=term.category or guess_category(term.zh))
            if computed != term.pinyin:
                problems.append(Problem(name, term.line, f"pinyin {term.pinyin!r} differs from romanize(): {computed!r}",
                                        f"fix the pinyin, or explain the difference in note as '{PINYIN_MARKER} …'",
                                        "warning"))
    return sorted(problems, key=lambda p: p.line)


#: The note's mark of a row whose pinyin differs from :func:`glossary.romanize` on purpose.
PINYIN_MARKER = "pinyin:"


def pinyin_explained(term: Term) -> bool:
    """Whether the row's note says why its pinyin is its own (``pinyin: …``, any case)."""
    return PINYIN_MARKER in term.note.casefold()


def same_english(terms: Iterable[Term], name: str, severity: str = "error") -> list[Problem]:
    """Each English form (preferred, alias or variant) that a second term uses too."""
    problems: list[Problem] = []
    owner: dict[str, Term] = {}
    for term in terms:
        for form in dict.fromkeys((term.en, *term.aliases, *term.variants)):
            key = form.casefold()
            other = owner.setdefault(key, term)
            if other.id != term.id:
                problems.append(Problem(name, term.line, f"English {form!r} is also used by {other.id!r} "
                                        f"(line {other.line})",
                                        "two terms with one rendering cannot be told apart in English text", severity))
    return problems


def spreadsheet_safe(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet would read it as a formula.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-1"), spreadsheet_safe("Li Qiang")
    ("'=HYPERLINK(1)", "'-1", 'Li Qiang')
    """
    return "'" + value if value.startswith(FORMULA_START) else value




def read_table(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, name: str | None = None,
               format: str | None = None, group: bool = False) -> list[Term]:
    """Read and validate a term table in any format :mod:`glossary.formats` reads; raise GlossaryError on any problem.

    Kept for the old import path: the package itself reads through
    :func:`glossary.formats.read_terms` (formats come before the table in the pipeline).

    ``source`` is a path or an open file (text or binary); ``format`` is
    guessed from the name and the content when not given. Rows without
    ``pinyin`` get it from :func:`glossary.romanize` when it is first read;
    rows without ``romanization`` get ``pinyin`` when ``en`` is a reading of ``zh``.
    """
    from .formats import read_terms

    return read_terms(source, name=name, format=format, group=group)


def write_csv(terms: Iterable[Term], out: TextIO, *, safe: bool = False) -> None:
    """Write terms as a canonical table to an open text file (see :func:`glossary.formats.csv.write`)."""
    from .formats.csv import write

    write(terms, out, safe=safe)

