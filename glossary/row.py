"""One row of a term table: its columns, and its validation into a Term.

:func:`validate_row` checks every cell of a row and says what is wrong;
:func:`fast_row` makes the validator of a table's plain rows, a short path
that hands every row it doubts to :func:`validate_row`, so the messages are the
same. Neither romanizes: ``pinyin`` and ``romanization`` left out are marked
:data:`~glossary.model.LAZY` and computed when first read (registered here).
:mod:`glossary.table` builds whole tables from these rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from .errors import Problem
from .model import CATEGORIES, LAZY, ROMANIZATIONS, SOURCES, Term, lazy_fields
from .normalize import HAN_RUN, en_exact, has_han, zh_key

__all__ = ["COLUMNS", "FORMULA_START", "MAX_FIELD_BYTES", "REQUIRED", "SEPARATOR", "TRUE_WORDS", "fast_row",
           "guess_category", "slugify", "validate_row"]

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
#: How a yes/no cell says yes (the flag columns; a TBX yes/no termNote too).
TRUE_WORDS = frozenset({"true", "yes", "1", "y"})
_FALSE = {"false", "no", "0", "n", ""}
#: Cells of a yes/no column (in English or German, as spreadsheets write them), which no forbidden form is.
_FLAG_WORDS = frozenset({"true", "false", "yes", "no", "wahr", "falsch", "ja", "nein"})
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


#: The fields of a Term, in order.
_FIELDS = tuple(Term.__dataclass_fields__)
#: Columns of the rows :func:`fast_row` can take: the simple ones, and lists, flags and series left empty.
_EMPTY_ONLY = frozenset({*_LISTS, *_FLAGS, "series"})
_FAST_COLUMNS = frozenset({"id", "zh", "en", "category", "note", "source", "romanization", "pinyin"}) | _EMPTY_ONLY
_CATEGORY_SET = frozenset(CATEGORIES)
_ROMANIZATION_SET = frozenset(ROMANIZATIONS)
_SOURCE_SET = frozenset(SOURCES)


def fast_row(columns: Sequence[str]) -> Callable[[Sequence[str], int], tuple[Any, ...] | None]:
    """A validator for the plain rows of most tables (lists, flags and series empty): given a row's cells in
    ``columns`` order, the Term's fields (in :data:`_FIELDS` order) when the row is clearly good, None when
    :func:`validate_row` must look at it (and say what is wrong). Where each column is, and which are absent,
    is worked out once per table, not per row."""
    at = {c: i for i, c in enumerate(columns)}
    extra_at = [(c, i) for i, c in enumerate(columns) if c not in _COLUMN_SET]
    empty_at = [(c in _FLAGS, i) for i, c in enumerate(columns) if c in _EMPTY_ONLY]  # taken empty here
    i_zh, i_en = at["zh"], at["en"]
    i_cat, i_rom, i_src, i_id, i_pin, i_note = (at.get(c) for c in
                                                ("category", "romanization", "source", "id", "pinyin", "note"))
    rom_absent = LAZY if i_rom is None else ""
    search_control = _CONTROL.search
    han = HAN_RUN.search

    def fast(row: Sequence[str], line: int) -> tuple[Any, ...] | None:
        if max(map(len, row)) > _SHORT_FIELD or search_control("\n".join(row)):
            return None
        for is_flag, i in empty_at:
            value = row[i]
            if value and (not is_flag or value.strip().lower() not in _FALSE):
                return None
        zh = row[i_zh].strip()
        en = " ".join(row[i_en].split())
        if not zh or zh[0] in "=+@" or han(zh) is None or not en or han(en) is not None or SEPARATOR in zh + en:
            return None
        category = row[i_cat].strip() if i_cat is not None else ""
        romanization = row[i_rom].strip() if i_rom is not None else ""
        source = row[i_src].strip() if i_src is not None else ""
        if (category and category not in _CATEGORY_SET) or (romanization and romanization not in _ROMANIZATION_SET) \
                or (source and source not in _SOURCE_SET):
            return None
        if i_id is not None:
            tid = row[i_id].strip()
            if not _ID_RE.match(tid):
                return None
        else:
            tid = slugify(en)
        pinyin = row[i_pin] if i_pin is not None else ""
        if pinyin:
            from .pinyin import is_pinyin

            pinyin = " ".join(pinyin.split())
            if not is_pinyin(pinyin):
                return None
        return (tid, zh, en, (), (), (), (), (), pinyin or LAZY, romanization or rom_absent, category, False,
                row[i_note].strip() if i_note is not None else "", source, "", False, False,
                tuple((col, row[i]) for col, i in extra_at) if extra_at else (), line)

    return fast


def validate_row(cells: dict[str, str], line: int, name: str, problems: list[Problem],
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
            if value not in TRUE_WORDS and value not in _FALSE:
                bad(f"{col} must be true or false, not {value!r}")
        flags[col] = value in TRUE_WORDS
    verbatim = flags["verbatim"]
    if not zh:
        bad("empty zh", "every row needs its Chinese form")
    elif not verbatim and not has_han(zh):
        bad(f"zh {zh!r} has no Chinese characters",
            "a Latin-script term that Chinese text writes as it is (SWIFT, T+1) needs verbatim=true")
    if not en:
        bad("empty en", "every row needs its preferred English rendering")
    for col, value, rest in (("zh", zh, "zh_variants"), ("en", en, "aliases")):
        if SEPARATOR in value:  # two forms in one cell, as some exports join synonyms
            bad(f"{col} {value!r} holds more than one form", f"{col} is the one preferred form: move the others "
                f"to {rest} ({value.split(SEPARATOR)[0].strip()!r} first)")
    lists = {col: _split(cells[col]) if cells.get(col) else () for col in _LISTS}
    for form in lists["forbidden"]:
        if form.lower() in _FLAG_WORDS:  # another tool's yes/no column (Forbidden: TRUE) read as forms
            bad(f"forbidden {form!r} is a yes/no flag, not an English form",
                "forbidden lists English forms of the row; a tool's own yes/no column needs another name, and the "
                "forbidden English goes in the forbidden column of the row it is wrong for")
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


