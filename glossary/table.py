"""Validate term tables: the rows every format reads into (:func:`terms_from_rows`).

A table has a header row naming its columns; only ``zh`` and ``en`` are
required (see docs/table-format.md for every column). The formats of
:mod:`glossary.formats` (CSV, TBX, XLSX, the translation services' files)
read their files into header and rows, and this module turns them into
terms. Validation never drops a row: any problem raises
:class:`~glossary.errors.GlossaryError` naming the file and line. Columns the
table does not know are kept (:attr:`Term.extra`). Validation romanizes
nothing: ``pinyin`` and ``romanization`` left out are computed when first read.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, TextIO

from .atomic import atomic_writer
from .errors import GlossaryError, Problem
from .model import CATEGORIES, LAZY, ROMANIZATIONS, SOURCES, Term, lazy_fields, raw_value, terms_from_columns
from .normalize import IGNORABLE, en_exact, fold_zh_text, has_han, zh_key

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

#: Every column, in the order the canonical table writes them.
COLUMNS: tuple[str, ...] = (
    "id",
    "zh",
    "zh_variants",
    "en",
    "aliases",
    "variants",
    "forbidden",
    "derived",
    "pinyin",
    "romanization",
    "category",
    "ambiguous",
    "note",
    "source",
    "series",
    "case_sensitive",
    "verbatim",
)
REQUIRED: tuple[str, ...] = ("zh", "en")
_LISTS = ("zh_variants", "aliases", "variants", "forbidden", "derived")
_EN_LISTS = ("aliases", "variants", "forbidden", "derived")
_FLAGS = ("ambiguous", "case_sensitive", "verbatim")
#: Multi-valued cells separate their values with this character.
SEPARATOR = "|"
#: The longest field accepted, in UTF-8 bytes.
MAX_FIELD_BYTES = 1024
_SHORT_FIELD = MAX_FIELD_BYTES // 4
_COLUMN_SET = frozenset(COLUMNS)

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: Characters that XML 1.0 cannot hold (and that no tool shows): C0 controls but tab, LF and CR.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}
#: Leading characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def slugify(text: str) -> str:
    """A kebab-case id from an English rendering.

    >>> slugify("Chang'e-7 (probe)"), slugify("Tiānwèn Yīhào")
    ('change-7-probe', 'tianwen-yihao')
    """
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("'", "")
    return _NOT_SLUG.sub("-", text).strip("-") or "term"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


_ORG_SUFFIXES = ("公司", "集团", "研究院", "研究所", "中心", "大学", "学院", "委员会", "局", "部", "署", "院", "所", "会", "社")
_PLACE_SUFFIXES = ("省", "市", "县", "区", "州", "镇", "乡", "村", "岛", "湾", "港", "山", "河", "江", "湖")


def guess_category(zh: str) -> str:
    """A category guessed from the shape of a Chinese name.

    >>> guess_category("张若尘"), guess_category("中国长城工业集团有限公司"), guess_category("酒泉市")
    ('person', 'organization', 'place')
    """
    if zh.endswith(_ORG_SUFFIXES):
        return "organization"
    if zh.endswith(("报", "杂志", "日报", "周刊")):
        return "publication"
    if zh.endswith("号"):
        return "spacecraft"
    if zh.endswith(_PLACE_SUFFIXES) and len(zh) > 2:
        return "place"
    if 2 <= len(zh) <= 4:
        from .pinyin import surname_of

        if surname_of(zh):
            return "person"
    return "other"


def _clean(value: str) -> str:
    return " ".join(value.split())


def _split(cell: str) -> tuple[str, ...]:
    return tuple(_clean(v) for v in cell.split(SEPARATOR) if v.strip())


#: Header cells other tools use for the two languages: language tags (any case, ``-`` or ``_``).
#: Language names as spreadsheets and CAT tools write them in headers count too.
_ZH_TAGS = {"zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg", "chinese", "simplified chinese", "chinese (simplified)",
            "chinese (prc)", "chinese (china)", "中文", "简体中文", "汉语"}
_HANT_TAGS = {"zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw", "zh-hant-hk", "traditional chinese",
              "chinese (traditional)", "chinese (taiwan)", "chinese (hong kong)", "繁體中文", "繁体中文"}
_EN_TAGS = {"en", "en-us", "en-gb", "en-au", "en-ca", "en-nz", "en-ie", "en-in", "english", "english (united states)",
            "english (us)", "english (united kingdom)", "english (uk)", "english (gb)", "英文", "英语"}


def column_name(header: str) -> str:
    """The table column a header cell names: a column of :data:`COLUMNS`, or the cell itself (an extra column).

    Language tags stand for the languages: ``zh-CN`` and ``zh-Hans`` for ``zh``,
    ``zh-TW`` and ``zh-Hant`` for ``zh_variants``, ``en-US`` for ``en``.

    >>> column_name(" ZH-cn "), column_name("en_GB"), column_name("zh-Hant"), column_name("Domain")
    ('zh', 'en', 'zh_variants', 'Domain')
    """
    key = header.strip().lower()
    if key in _COLUMN_SET:
        return key
    tag = key.replace("_", "-")
    if tag in _ZH_TAGS:
        return "zh"
    if tag in _HANT_TAGS:
        return "zh_variants"
    if tag in _EN_TAGS:
        return "en"
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
        close = difflib.get_close_matches(col.lower().replace(" ", "_"), COLUMNS, n=1, cutoff=0.8)
        if close:  # a misspelt column would be kept and its values never used
            problems.append(Problem(name, header_line, f"unknown column {col!r}",
                                    f"did you mean {close[0]!r}? Other columns of your own are kept as they are"))
    if problems:
        raise GlossaryError(problems)

    def cells_of() -> Iterator[tuple[int, dict[str, str]]]:
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
            if not any(row):
                continue
            if not any(cell.strip() for cell in row):
                continue  # a row of empty cells (spreadsheets save empty rows as ",,,")
            yield line, dict(zip(columns, row))

    records: Iterable[tuple[int, dict[str, str]]] = cells_of()  # one row at a time: a large table is never held twice
    if group:
        records = _group(list(records))

    seen_ids: dict[str, int] = {}
    seen_zh: dict[str, int] = {}
    has_id = "id" in columns
    fast = _fast_row(columns) if not group and set(columns) <= _FAST_COLUMNS | set(extra_cols) else None
    fields: list[tuple[Any, ...]] = []
    for line, cells in records:
        found: tuple[Any, ...] | None = fast(cells, line) if fast is not None else None
        if found is None:  # the full validation, which says what is wrong
            term = _row_to_term(cells, line, name, problems, extra_cols)
            if term is None:
                continue
            found = tuple(raw_value(term, f) if f in ("pinyin", "romanization") else getattr(term, f) for f in _FIELDS)
        if has_id:  # ids made from en are made unique below; given ids must be unique
            first = seen_ids.setdefault(found[0], line)
            if first != line:
                problems.append(Problem(name, line, f"duplicate id {found[0]!r} (first on line {first})",
                                        "ids are stable keys: give each term its own"))
        for form in (found[1], *found[3]):
            first = seen_zh.setdefault(_zh_key(form), line)
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


#: The fields of a Term, in order; the lookup key of a Chinese form (:func:`glossary.normalize.zh_key`, faster).
_FIELDS = tuple(Term.__dataclass_fields__)
_DROP_IGNORABLE = dict.fromkeys(map(ord, IGNORABLE))


def _zh_key(text: str) -> str:
    return fold_zh_text(text.translate(_DROP_IGNORABLE).strip())


#: Columns of the rows :func:`_fast_row` can take: the simple ones, and lists, flags and series left empty.
_EMPTY_ONLY = frozenset({*_LISTS, *_FLAGS, "series"})
_FAST_COLUMNS = frozenset({"id", "zh", "en", "category", "note", "source", "romanization", "pinyin"}) | _EMPTY_ONLY
_CATEGORY_SET = frozenset(CATEGORIES)
_ROMANIZATION_SET = frozenset(ROMANIZATIONS)
_SOURCE_SET = frozenset(SOURCES)


def _fast_row(columns: Sequence[str]) -> Callable[[dict[str, str], int], tuple[Any, ...] | None]:
    """A validator for the plain rows of most tables (lists, flags and series empty): the Term's fields (in
    :data:`_FIELDS` order) when the row is clearly good, None when :func:`_row_to_term` must look at
    it (and say what is wrong)."""
    extra_cols = [c for c in columns if c not in _COLUMN_SET]
    has_id = "id" in columns
    empty_only = [c for c in columns if c in _EMPTY_ONLY]  # list and flag columns: the short path takes them empty

    def fast(cells: dict[str, str], line: int) -> tuple[Any, ...] | None:
        if max(map(len, cells.values())) > _SHORT_FIELD or _CONTROL.search("\n".join(cells.values())):
            return None
        for col in empty_only:
            value = cells[col]
            if value and (col not in _FLAGS or value.strip().lower() not in _FALSE):
                return None
        zh = cells["zh"].strip()
        en = " ".join(cells["en"].split())
        if not zh or zh[0] in "=+@" or not has_han(zh) or not en or has_han(en):
            return None
        get = cells.get
        category = get("category", "").strip()
        romanization = get("romanization", "").strip()
        source = get("source", "").strip()
        tid = get("id", "").strip()
        if (category and category not in _CATEGORY_SET) or (romanization and romanization not in _ROMANIZATION_SET) \
                or (source and source not in _SOURCE_SET) or (has_id and not _ID_RE.match(tid)):
            return None
        pinyin = get("pinyin", "")
        if pinyin:
            from .pinyin import is_pinyin

            pinyin = " ".join(pinyin.split())
            if not is_pinyin(pinyin):
                return None
        return (tid or slugify(en), zh, en, (), (), (), (), (), pinyin or LAZY,
                romanization or ("" if "romanization" in cells else LAZY), category, False,
                get("note", "").strip(), source, "", False, False,
                tuple((col, cells[col]) for col in extra_cols) if extra_cols else (), line)

    return fast


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


def _row_to_term(cells: dict[str, str], line: int, name: str, problems: list[Problem],
                 extra_cols: Sequence[str] = ()) -> Term | None:
    before = len(problems)

    def bad(message: str, hint: str = "") -> None:
        problems.append(Problem(name, line, message, hint))

    for col, value in cells.items():
        if len(value) > _SHORT_FIELD:  # a UTF-8 character is at most 4 bytes: shorter fields are within the limit
            size = len(value.encode("utf-8", "surrogatepass"))
            if size > MAX_FIELD_BYTES:
                bad(f"field {col!r} is {size} bytes, over the limit of {MAX_FIELD_BYTES}")
    if _CONTROL.search("\n".join(cells.values())):
        for col, value in cells.items():
            bad_char = _CONTROL.search(value)
            if bad_char:
                bad(f"field {col!r} holds the control character U+{ord(bad_char.group()):04X}",
                    "no tool shows it and XML cannot hold it: delete it")
    zh = cells.get("zh", "").strip()
    en = _clean(cells.get("en", ""))
    if zh.startswith(("=", "+", "@")):
        bad(f"zh {zh!r} is a spreadsheet formula, not a Chinese form",
            "save the sheet's values, not its formulas")
    flags = {}
    for col in _FLAGS:
        value = cells.get(col, "")
        if value:
            value = value.strip().lower()
            if value not in _TRUE and value not in _FALSE:
                bad(f"{col} must be true or false, not {value!r}")
        flags[col] = value in _TRUE
    verbatim = flags["verbatim"]
    if not zh:
        bad("empty zh", "every row needs its Chinese form")
    elif not verbatim and not has_han(zh):
        bad(f"zh {zh!r} has no Chinese characters",
            "a Latin-script term that Chinese text writes as it is (SWIFT, T+1) needs verbatim=true")
    if not en:
        bad("empty en", "every row needs its preferred English rendering")
    lists = {col: _split(cells[col]) if cells.get(col) else () for col in _LISTS}
    if has_han(en):
        bad(f"en {en!r} contains Chinese characters", "English columns hold English renderings")
    english = [en]
    for col in _EN_LISTS:
        for form in lists[col]:
            english.append(form)
            if has_han(form):
                bad(f"{col} {form!r} contains Chinese characters", "English columns hold English renderings")
    for form in lists["zh_variants"]:
        if not verbatim and not has_han(form):
            bad(f"zh_variants {form!r} has no Chinese characters")
    series = cells.get("series", "").strip()
    if series:
        from .forms import parse_series

        try:
            parsed = parse_series(Term(id="x", zh=zh or "x", en=en or "x", series=series))
        except ValueError as exc:
            bad(str(exc), "write the series as 嫦娥{n}号 = Chang'e-{n}, or the English alone: Chang'e-{n}")
        else:
            forms = {zh_key(f) for f in (zh, *lists["zh_variants"])}
            if parsed is not None and zh_key(parsed.zh_prefix) not in forms:
                bad(f"series Chinese prefix {parsed.zh_prefix!r} is not one of the row's Chinese forms",
                    "add it to zh_variants, or start the template with the row's zh")
    if len(english) > 1:
        if not series:
            for col in _EN_LISTS:
                for form in lists[col]:
                    if "{n}" in form:
                        bad(f"{col} {form!r} is a series template, but the row has no series",
                            "give the row a series, or write the form without {n}")
        exact = [en_exact(f) for f in english]
        repeated = sorted({f for f in exact if exact.count(f) > 1})
        if repeated:
            bad(f"English form {repeated[0]!r} is listed twice in this row", "each form belongs in one column only")
    category = cells.get("category", "").strip()
    if category and category not in CATEGORIES:
        bad(f"unknown category {category!r}", f"use one of {', '.join(CATEGORIES)}")
    romanization = cells.get("romanization", "").strip()
    if romanization and romanization not in ROMANIZATIONS:
        bad(f"unknown romanization {romanization!r}", f"use one of {', '.join(ROMANIZATIONS)}")
    source = cells.get("source", "").strip()
    if source and source not in SOURCES:
        bad(f"unknown source {source!r}", f"use one of {', '.join(SOURCES)}")
    pinyin = cells.get("pinyin", "")
    if pinyin:
        from .pinyin import is_pinyin

        pinyin = " ".join(pinyin.split())
        if pinyin and not is_pinyin(pinyin):
            bad(f"pinyin {pinyin!r} is not pinyin", "write syllables like Wáng Yàpíng, with tone marks or none")
    tid = cells.get("id", "").strip()
    if "id" in cells and not tid:
        bad("empty id", "ids are lowercase slugs such as li-qiang")
    elif tid and not _ID_RE.match(tid):
        bad(f"id {tid!r} is not a slug", "use lowercase letters, digits and hyphens, e.g. long-march-5")
    if len(problems) > before:
        return None
    if not pinyin and not verbatim:
        pinyin = LAZY  # romanized when first read: loading never romanizes
    if not romanization and "romanization" not in cells and not verbatim:
        romanization = LAZY
    return Term(
        id=tid or slugify(en),
        zh=zh,
        en=en,
        zh_variants=lists["zh_variants"],
        aliases=lists["aliases"],
        variants=lists["variants"],
        forbidden=lists["forbidden"],
        pinyin=pinyin,
        romanization=romanization,
        category=category,
        ambiguous=flags["ambiguous"],
        note=cells.get("note", "").strip(),
        source=source,
        derived=lists["derived"],
        series=series,
        case_sensitive=flags["case_sensitive"],
        verbatim=verbatim,
        extra=tuple((col, cells.get(col, "")) for col in extra_cols),
        line=line,
    )


def _computed_pinyin(term: Term) -> str:
    from .pinyin import romanize

    return romanize(term.zh, kind=term.category or guess_category(term.zh))


def _computed_romanization(term: Term) -> str:
    from .pinyin import matches_pinyin

    return "pinyin" if matches_pinyin(term.en, term.zh) else ""


lazy_fields({"pinyin": _computed_pinyin, "romanization": _computed_romanization})


def check_terms(terms: Iterable[Term], name: str = "<table>") -> list[Problem]:
    """Problems that do not stop a table loading: warnings for ``validate``.

    Reports the same English form used by two terms, and stored pinyin that
    disagrees with :func:`glossary.romanize` for terms romanized as pinyin.
    """
    from .pinyin import romanize

    problems: list[Problem] = []
    owner: dict[str, Term] = {}
    for term in terms:
        for form in (term.en, *term.aliases, *term.variants):
            key = form.casefold()
            other = owner.get(key)
            if other is not None and other.id != term.id:
                problems.append(Problem(name, term.line, f"English {form!r} is also used by {other.id!r} (line {other.line})",
                                        "two terms with one rendering cannot be told apart in English text", "warning"))
            owner.setdefault(key, term)
        if term.romanization == "pinyin" and term.pinyin:
            computed = romanize(term.zh, kind=term.category or guess_category(term.zh))
            if computed != term.pinyin and "pinyin:" not in term.note:
                problems.append(Problem(name, term.line, f"pinyin {term.pinyin!r} differs from romanize(): {computed!r}",
                                        "fix the pinyin, or explain the difference in note as 'pinyin: …'", "warning"))
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

