"""The records every other module passes around: Term, Match, Finding.

This module imports nothing from the package. All records are frozen.
Positions: ``Match.start``/``Match.end`` are 0-based character offsets
(``text[start:end] == match.text``); ``Finding.line``/``column`` are 1-based,
counted in characters.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Literal

__all__ = [
    "CATEGORIES",
    "ROMANIZATIONS",
    "SOURCES",
    "SEVERITIES",
    "Term",
    "Match",
    "Finding",
    "Fix",
    "Severity",
    "LAZY",
    "lazy_fields",
    "raw_value",
    "term_columns",
    "terms_from_columns",
]

#: The closed list of term categories (documented in docs/table-format.md).
CATEGORIES: tuple[str, ...] = (
    "person",
    "place",
    "organization",
    "publication",
    "event",
    "programme",
    "policy",
    "spacecraft",
    "constellation",
    "launch-vehicle",
    "vessel",
    "facility",
    "other",
)

#: How ``Term.en`` relates to the Chinese.
ROMANIZATIONS: tuple[str, ...] = ("pinyin", "conventional", "translation")

#: Where a row comes from.
SOURCES: tuple[str, ...] = ("article", "reference")

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Term:
    """One concept of the glossary: a Chinese name and its English renderings.

    ``zh`` is the preferred Simplified form and ``en`` the preferred English.
    ``aliases`` are accepted silently, ``variants`` are understood but not
    preferred, ``forbidden`` forms are wrong. ``derived`` forms (irregular
    plurals, the adjective or demonym: Chinese for China) are accepted as
    renderings. ``series`` makes the row stand for a numbered series
    (``嫦娥{n}号 = Chang'e-{n}``, see :mod:`glossary.forms`).
    ``case_sensitive`` rows match their English only as written (all
    capitals aside); ``verbatim`` rows have a Latin-script ``zh`` (SWIFT,
    T+1) matched in Chinese text at word boundaries. ``line`` is the line of the
    table the row came from (0 when built in code); it takes no part in
    equality.
    """

    id: str
    zh: str
    en: str
    zh_variants: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    pinyin: str = ""
    romanization: str = ""
    category: str = ""
    ambiguous: bool = False
    note: str = ""
    source: str = ""
    series: str = ""
    case_sensitive: bool = False
    verbatim: bool = False
    #: Columns of the table this row came from that the glossary does not use,
    #: as (column, value) pairs: carried through conversions and written back.
    extra: tuple[tuple[str, str], ...] = ()
    line: int = field(default=0, compare=False, repr=False)

    @property
    def zh_forms(self) -> tuple[str, ...]:
        """The preferred Chinese form followed by its variants."""
        return (self.zh, *self.zh_variants)

    @property
    def accepted(self) -> tuple[str, ...]:
        """English forms that never warrant a remark: ``en``, the aliases and the derived forms."""
        return (self.en, *self.aliases, *self.derived)


#: A ``pinyin`` or ``romanization`` value meaning "compute me when first read":
#: table readers give it to rows without the column, so that loading never romanizes.
LAZY = "\x00lazy"

#: Field name → how to compute it; filled by the module that makes lazy rows (glossary.row).
_COMPUTE: dict[str, Callable[[Term], str]] = {}
_SLOTS: dict[str, Any] = {}


def _lazy_property(name: str) -> property:
    slot = Term.__dict__[name]  # the slot's member descriptor
    _SLOTS[name] = slot

    def get(self: Term) -> str:
        value: str = slot.__get__(self, Term)
        if value == LAZY:
            if name not in _COMPUTE:  # a row unpickled in a process that has not imported the table yet
                import_module(".row", __package__)
            value = _COMPUTE[name](self)
            slot.__set__(self, value)  # computed once; equality and hashing see the value
        return value

    def set_(self: Term, value: str) -> None:  # only dataclass __init__ gets here (the class is frozen)
        slot.__set__(self, value)

    return property(get, set_, doc=f"``{name}``, computed on first read when the table did not give it.")


for _name in ("pinyin", "romanization"):
    setattr(Term, _name, _lazy_property(_name))

_FIELD_SLOTS = [Term.__dict__[f] if f not in _SLOTS else _SLOTS[f] for f in Term.__dataclass_fields__]


def _getstate(self: Term) -> list[Any]:
    """The fields as stored: pickling (worker processes, the compiled cache) computes no lazy field."""
    return [slot.__get__(self, Term) for slot in _FIELD_SLOTS]


def _setstate(self: Term, state: list[Any]) -> None:
    for slot, value in zip(_FIELD_SLOTS, state):
        slot.__set__(self, value)


def term_columns(terms: Sequence[Term]) -> list[list[Any]]:
    """The stored fields of ``terms`` column by column (lazy fields not computed): see :func:`terms_from_columns`."""
    return [list(map(slot.__get__, terms)) for slot in _FIELD_SLOTS]


def terms_from_columns(columns: list[list[Any]]) -> tuple[Term, ...]:
    """Terms again from :func:`term_columns`, fast (the slots are filled a column at a time, in C)."""
    if len(columns) != len(_FIELD_SLOTS):
        raise ValueError("columns of another version of Term")
    new = object.__new__
    terms = tuple(new(Term) for _ in range(len(columns[0]) if columns else 0))
    for slot, column in zip(_FIELD_SLOTS, columns):
        deque(map(slot.__set__, terms, column), maxlen=0)
    return terms


def term_from_columns(columns: list[list[Any]], i: int) -> Term:
    """The ``i``-th term of :func:`term_columns` alone (a cache that builds its terms on first need)."""
    term = object.__new__(Term)
    _setstate(term, [column[i] for column in columns])
    return term


def column_of(columns: list[list[Any]], name: str) -> list[Any]:
    """The column of field ``name`` in :func:`term_columns`."""
    return columns[list(Term.__dataclass_fields__).index(name)]


setattr(Term, "__getstate__", _getstate)
setattr(Term, "__setstate__", _setstate)


def lazy_fields(compute: dict[str, Callable[[Term], str]]) -> None:
    """Say how to compute the lazy fields (``pinyin``, ``romanization``) of rows made with :data:`LAZY`."""
    _COMPUTE.update(compute)


def raw_value(term: Term, name: str) -> str:
    """A lazy field as stored: :data:`LAZY` when not computed yet (for caches that must not compute it)."""
    value: str = _SLOTS[name].__get__(term, Term)
    return value


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a term in a text.

    ``start`` and ``end`` are 0-based character offsets into the text that was
    searched, so ``text[start:end] == match.text``. ``lang`` is ``"zh"`` or
    ``"en"``; ``form`` says which listed form matched:
    ``"en"``, ``"alias"``, ``"derived"``, ``"variant"``, ``"forbidden"``, ``"zh"``,
    ``"tolerant"`` (an English spelling found only by tolerant matching) or
    ``"case"`` (an accepted form whose case differs in a way house style does
    not expect, such as a lower-case personal name). Inflected forms keep the
    form of what they inflect: the plural of a variant is ``"variant"``.
    """

    term: Term
    start: int
    end: int
    text: str
    lang: str = "en"
    form: str = "en"


@dataclass(frozen=True, slots=True)
class Fix:
    """The edit that resolves a finding: its span (``found``, from ``line``/``column``
    to ``end_line``/``end_column``) becomes ``replacement``.

    ``safe`` fixes are applied by ``check --fix``; the others (a gloss whose
    English disagrees with its Chinese, where the text may be right and the
    Chinese wrong) only with ``--unsafe-fixes``.
    """

    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text; the only record that reports read.

    ``line``/``column``/``end_line``/``end_column`` are 1-based and counted in
    characters; ``end_column`` is exclusive, so on one line
    ``text_line[column-1:end_column-1] == found``. For sentence pairs the
    position is in the target text, except for findings about the source
    alone (a term with no translation, an unknown name), which point into the
    source: ``side`` says which (``"text"``, ``"source"`` or ``"target"``).
    """

    rule: str
    code: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    found: str
    expected: str | None = None
    term: Term | None = None
    suggestion: Term | None = None
    segment: int | None = None
    side: str = "text"
    path: str | None = None
    #: The edit that resolves this finding, when one is known (see :class:`Fix`).
    fix: Fix | None = None
