"""Read, validate and write term tables (CSV).

A table is UTF-8 CSV with a header row. Only ``zh`` and ``en`` are required;
see docs/table-format.md for every column. Reading never drops a row: any
problem raises :class:`~glossary.errors.GlossaryError` naming the file and
line. Writing is atomic (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TextIO

from .atomic import atomic_writer
from .errors import GlossaryError, Problem
from .model import CATEGORIES, ROMANIZATIONS, SOURCES, Term
from .normalize import en_exact, has_han, zh_key

__all__ = [
    "COLUMNS",
    "FORMULA_START",
    "MAX_FIELD_BYTES",
    "REQUIRED",
    "SEPARATOR",
    "atomic_writer",
    "check_terms",
    "guess_category",
    "read_table",
    "slugify",
    "spreadsheet_safe",
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

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_SEP_HINT = re.compile(r"sep=.")
#: Characters that XML 1.0 cannot hold (and that no tool shows): C0 controls but tab, LF and CR.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}
#: Leading characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def slugify(text: str) -> str:
    """A kebab-case id from an English rendering.

    >>> slugify("Chang'e-7 (probe)")
    'change-7-probe'
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "term"


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


#: Byte-order marks of encodings a table is sometimes saved in by mistake (UTF-32 first: it starts like UTF-16).
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8; in Excel, as 'CSV UTF-8'"


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, counting \\n, \\r\\n and lone \\r as line ends (as CSV does)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise GlossaryError(Problem(name, 1, f"the file is {encoding}, not UTF-8 (it starts with a {encoding} "
                                                  "byte-order mark)", _SAVE_AS_UTF8))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise GlossaryError(
            Problem(name, _line_at(data, offset), f"NUL byte at byte offset {offset}",
                    "the file is binary or UTF-16; " + _SAVE_AS_UTF8)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            Problem(
                name,
                _line_at(data, exc.start),
                f"not valid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x})",
                "is the table in GBK or Latin-1? " + _SAVE_AS_UTF8,
            )
        ) from None
    return text.removeprefix("\ufeff")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encode(text: str, name: str) -> bytes:
    """A table read as text, back to bytes; a lone surrogate (not Unicode) is an error."""
    bad = _SURROGATE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise GlossaryError(Problem(name, line, f"lone surrogate U+{ord(bad.group()):04X} at character offset "
                                                f"{bad.start()}", "the text is not valid Unicode; " + _SAVE_AS_UTF8))
    return text.encode("utf-8")


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the 1-based line each one starts on.

    A malformed record raises GlossaryError naming the line it starts on (a
    quoted field may span lines), and the line where reading failed.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise GlossaryError(_csv_problem(str(exc), start, reader.line_num, _quoted_from(text, start))) from None
        yield start, row
        start = reader.line_num + 1


_CLOSE_QUOTE = 'end the field with a double quote; write a quote inside a field as ""'


def _quoted_from(text: str, line: int) -> bool:
    """Does a quote appear on the 1-based ``line`` of ``text`` (or within its first 64 KiB)?"""
    pos = 0
    for _ in range(line - 1):
        m = _LINE_BREAK.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return '"' in text[pos:pos + 65536].split("\n", 1)[0]


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _csv_problem(error: str, start: int, line: int, quoted: bool = True) -> Problem:
    """A Problem for a csv.Error in the record that starts on ``start``."""
    if error == "unexpected end of data":
        return Problem("", start, f"a quoted field that starts on line {start} is never closed; it runs to the end "
                       f"of the file (line {line})", _CLOSE_QUOTE)
    if error.startswith("field larger than field limit") and not quoted:
        return Problem("", start, f"a field on line {start} is over {csv.field_size_limit():,} characters",
                       f"a term table's fields hold at most {MAX_FIELD_BYTES:,} bytes: is this a term table?")
    if error.startswith("field larger than field limit"):
        return Problem("", start, f"a quoted field that starts on line {start} is never closed, or is over "
                       f"{csv.field_size_limit():,} characters", _CLOSE_QUOTE)
    where = f" (on line {line})" if line != start else ""
    return Problem("", start, f"malformed CSV: {error}{where}",
                   'quote a field that holds a comma, a quote or a line break, and double its quotes: "a ""b"", c"')


def read_table(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, name: str | None = None) -> list[Term]:
    """Read and validate a term table; raise GlossaryError on any problem.

    ``source`` is a path or an open file (text or binary). Rows without
    ``pinyin`` get it from :func:`glossary.romanize`; rows without
    ``romanization`` get ``pinyin`` when ``en`` is a reading of ``zh``.
    """
    if isinstance(source, (str, os.PathLike)):
        name = name or os.fspath(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise GlossaryError(Problem(name, 0, f"cannot read the table: {exc.strerror or exc}")) from None
    else:
        name = name or getattr(source, "name", None) or "<table>"
        raw = source.read()
        data = _encode(raw, str(name)) if isinstance(raw, str) else raw
    text = _decode(data, str(name))
    try:
        return _parse(text, str(name))
    except GlossaryError as exc:
        if exc.problems and not exc.problems[0].path:
            raise GlossaryError([Problem(str(name), p.line, p.message, p.hint) for p in exc.problems]) from None
        raise


def _parse(text: str, name: str) -> list[Term]:
    records = _records(text)
    header_line = 0
    header: list[str] = []
    for header_line, header in records:
        if len(header) <= 2 and _SEP_HINT.fullmatch(",".join(header).strip()):
            continue  # Excel's "sep=," first line names the delimiter, not a column
        if any(h.strip() for h in header):
            break
    else:
        raise GlossaryError(Problem(name, 0, "empty file: no header row", "the first row names the columns, e.g. zh,en"))
    given = header
    header = [h.strip().lower() for h in header]
    while len(header) > 1 and header[-1] == "":
        header.pop()  # trailing empty columns, as spreadsheets save them
    width = len(header)
    problems: list[Problem] = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GlossaryError(
            Problem(name, header_line, f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; header is {','.join(given)!r}",
                    _header_hint(given))
        )
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        problems.append(Problem(name, header_line, f"unknown column {', '.join(map(repr, unknown))}",
                                f"the columns are {', '.join(COLUMNS)}"))
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        problems.append(Problem(name, header_line, f"column {', '.join(map(repr, dupes))} appears twice"))
    if problems:
        raise GlossaryError(problems)

    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_zh: dict[str, int] = {}
    for line, row in records:
        if not any(cell.strip() for cell in row):
            continue  # a blank line, or a row of empty cells (spreadsheets save empty rows as ",,,")
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            row = row[:width]  # the empty cells of trailing empty columns
        if len(row) != len(header):
            hint = "quote a field that contains a comma" if len(row) > len(header) else \
                "every row needs a field for each column; leave a field empty with nothing between the commas"
            problems.append(Problem(name, line, f"row has {len(row)} fields, the header has {len(header)}", hint))
            continue
        cells = dict(zip(header, row))
        term = _row_to_term(cells, line, name, problems)
        if term is None:
            continue
        if "id" in header:  # ids made from en are made unique below; given ids must be unique
            if term.id in seen_ids:
                problems.append(Problem(name, line, f"duplicate id {term.id!r} (first on line {seen_ids[term.id]})",
                                        "ids are stable keys: give each term its own"))
            seen_ids.setdefault(term.id, line)
        for form in term.zh_forms:
            key = zh_key(form)
            if key in seen_zh and seen_zh[key] != line:
                problems.append(Problem(name, line, f"Chinese {form!r} is already a term on line {seen_zh[key]}",
                                        "one concept, one row: put other forms in zh_variants"))
            seen_zh.setdefault(key, line)
        terms.append(term)
    if problems:
        raise GlossaryError(problems)
    if not terms:
        raise GlossaryError(Problem(name, header_line, "no terms: the table has a header row and nothing else",
                                    "add one row per term below the header"))
    if "id" not in header:
        terms = _assign_ids(terms)
    return terms


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


def _row_to_term(cells: dict[str, str], line: int, name: str, problems: list[Problem]) -> Term | None:
    from .pinyin import is_pinyin

    before = len(problems)

    def bad(message: str, hint: str = "") -> None:
        problems.append(Problem(name, line, message, hint))

    for col, value in cells.items():
        if len(value.encode("utf-8", "surrogatepass")) > MAX_FIELD_BYTES:
            bad(f"field {col!r} is {len(value.encode('utf-8', 'surrogatepass'))} bytes, over the limit of {MAX_FIELD_BYTES}")
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
    flags = {col: cells.get(col, "").strip().lower() for col in _FLAGS}
    for col, value in flags.items():
        if value not in _TRUE and value not in _FALSE:
            bad(f"{col} must be true or false, not {value!r}")
    verbatim = flags["verbatim"] in _TRUE
    if not zh:
        bad("empty zh", "every row needs its Chinese form")
    elif not has_han(zh) and not verbatim:
        bad(f"zh {zh!r} has no Chinese characters",
            "a Latin-script term that Chinese text writes as it is (SWIFT, T+1) needs verbatim=true")
    if not en:
        bad("empty en", "every row needs its preferred English rendering")
    lists = {col: _split(cells.get(col, "")) for col in _LISTS}
    for col in ("en", *_EN_LISTS):
        for form in (en,) if col == "en" else lists[col]:
            if has_han(form):
                bad(f"{col} {form!r} contains Chinese characters", "English columns hold English renderings")
    for form in lists["zh_variants"]:
        if not has_han(form) and not verbatim:
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
    for col in _EN_LISTS:
        for form in lists[col]:
            if "{n}" in form and not series:
                bad(f"{col} {form!r} is a series template, but the row has no series",
                    "give the row a series, or write the form without {n}")
    english = [en_exact(en)] + [en_exact(f) for col in _EN_LISTS for f in lists[col]]
    repeated = sorted({f for f in english if english.count(f) > 1})
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
    pinyin = " ".join(cells.get("pinyin", "").split())
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
        from .pinyin import romanize

        pinyin = romanize(zh, kind=category or guess_category(zh))
    if not romanization and "romanization" not in cells and not verbatim:
        from .pinyin import matches_pinyin

        romanization = "pinyin" if matches_pinyin(en, zh) else ""
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
        ambiguous=flags["ambiguous"] in _TRUE,
        note=cells.get("note", "").strip(),
        source=source,
        derived=lists["derived"],
        series=series,
        case_sensitive=flags["case_sensitive"] in _TRUE,
        verbatim=verbatim,
        line=line,
    )


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


def write_csv(terms: Iterable[Term], out: TextIO, *, safe: bool = False) -> None:
    """Write terms as a canonical table to an open text file.

    With ``safe=True`` cells that a spreadsheet would run as a formula get a
    leading apostrophe (OWASP's advice on CSV injection); the result then no
    longer round-trips exactly.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    sep = f" {SEPARATOR} "
    for t in terms:
        row = [
            t.id, t.zh, sep.join(t.zh_variants), t.en, sep.join(t.aliases), sep.join(t.variants),
            sep.join(t.forbidden), sep.join(t.derived), t.pinyin, t.romanization, t.category,
            "true" if t.ambiguous else "false", t.note, t.source, t.series,
            "true" if t.case_sensitive else "false", "true" if t.verbatim else "false",
        ]
        writer.writerow([spreadsheet_safe(v) for v in row] if safe else row)
