"""The Glossary: a term table with its lookups and matching automata.

Lookup dictionaries are built on the first lookup of their kind (one pass
over the terms), so that loading a large table does not pay for them. The matching automata and the glossary-aware jieba tokenizer
(:mod:`glossary.automata`) are built on first use and kept in
:attr:`Glossary.cache` for the life of the Glossary; this module imports
nothing of the matching layers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .errors import GlossaryError, Problem
from .model import Term
from .normalize import en_exact, en_key, zh_key

#: A numbered series member holds a number: digits, or Chinese numerals.
_HAS_NUMBER = re.compile(r"[0-9０-９零〇一二三四五六七八九十百两]")
from .formats import read_terms

__all__ = ["Glossary", "default_glossary", "default_path", "load", "or_default"]

#: Which listed form an English string is, in order of precedence.
EN_FORMS: tuple[str, ...] = ("en", "alias", "derived", "variant", "forbidden")


class Glossary:
    """An immutable collection of terms with lookups by Chinese and English.

    >>> g = Glossary([Term(id="li-qiang", zh="李强", en="Li Qiang")])
    >>> g.lookup("李強").en
    'Li Qiang'
    >>> g.lookup_en("li qiang") is g["li-qiang"]
    True
    """

    def __init__(self, terms: Iterable[Term], *, path: str | None = None) -> None:
        self._terms: tuple[Term, ...] = tuple(terms)
        self.path = path
        self._by_id: dict[str, Term] = {}
        problems: list[Problem] = []
        by_id = self._by_id
        for term in self._terms:
            if by_id.setdefault(term.id, term) is not term:
                problems.append(Problem(path or "<terms>", term.line, f"duplicate id {term.id!r}"))
        if problems:
            raise GlossaryError(problems)

    @cached_property
    def _by_zh(self) -> dict[str, Term]:
        """Folded Chinese form → term: built on the first lookup (loading does not pay for it)."""
        out: dict[str, Term] = {}
        for term in self._terms:
            for form in term.zh_forms:
                out.setdefault(zh_key(form), term)
        return out

    @cached_property
    def _by_en(self) -> dict[str, Term]:
        out: dict[str, Term] = {}
        for term in self._terms:
            for form in (term.en, *term.aliases, *term.derived, *term.variants):
                out.setdefault(en_exact(form), term)
        return out

    @cached_property
    def _by_en_key(self) -> dict[str, Term]:
        out: dict[str, Term] = {}
        for term in self._terms:
            for form in (term.en, *term.aliases, *term.derived, *term.variants):
                out.setdefault(en_key(form), term)
        return out

    # -- collection protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Glossary):
            return NotImplemented
        return self._terms == other._terms

    def __hash__(self) -> int:
        return id(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle the terms only; lookups and automata are rebuilt where the
        # glossary lands (a worker process), never shipped.
        return (_rebuild, (self._terms, self.path))

    def __repr__(self) -> str:
        where = f" from {self.path!r}" if self.path else ""
        return f"<Glossary of {len(self)} terms{where}>"

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms in table order."""
        return self._terms

    # -- lookups ---------------------------------------------------------------
    def lookup(self, zh: str) -> Term | None:
        """The term whose Chinese (Simplified, Traditional or a listed variant) is ``zh``,
        or the member of a numbered series that ``zh`` names (神舟二十号 → Shenzhou-20)."""
        found = self._by_zh.get(zh_key(zh))
        if found is None and self._series_rows and _HAS_NUMBER.search(zh):  # a member has a number
            found = self._member(zh, "zh")
        return found

    def lookup_en(self, en: str) -> Term | None:
        """The term whose preferred, alias or variant English is ``en``.

        Typography (quotes, dashes, width, spacing) is folded first; failing
        an exact hit, case and hyphen/space/nothing are ignored too.
        Forbidden forms are not looked up: use :meth:`en_form` for them.
        """
        found = self._by_en.get(en_exact(en)) or self._by_en_key.get(en_key(en))
        if found is None and self._series_rows:
            found = self._member(en, "en")
        return found

    @cached_property
    def _series_rows(self) -> bool:
        return any(t.series for t in self._terms)

    def _member(self, text: str, lang: str) -> Term | None:
        """The series member that ``text`` names as a whole, found by the scan
        itself (so lookups and checks agree on what a member is)."""
        from .match import find_en  # the scan sits above the index: imported when first needed
        from .match_zh import find_zh

        text = text.strip()
        matches = find_zh(text, self) if lang == "zh" else find_en(text, self)
        if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(text):
            m = matches[0]
            if m.term.series == "" and m.term.id not in self and m.form in ("zh", "en", "alias"):
                return m.term
        return None

    def en_form(self, term: Term, text: str) -> str | None:
        """Which listed English form of ``term`` ``text`` is, typography folded:
        ``"en"``, ``"alias"``, ``"derived"``, ``"variant"``, ``"forbidden"``, or None."""
        exact = en_exact(text)
        for kind, forms in zip(EN_FORMS, (term.accepted[:1], term.aliases, term.derived, term.variants, term.forbidden)):
            if any(en_exact(f) == exact for f in forms):
                return kind
        return None

    # -- lazily built structures ---------------------------------------------
    @cached_property
    def cache(self) -> dict[str, Any]:
        """Structures built from the terms on first need and kept for the life
        of the glossary (the matching automata: :func:`glossary.automata.automata_of`).
        Never pickled."""
        return {}


def _rebuild(terms: tuple[Term, ...], path: str | None) -> Glossary:
    return Glossary(terms, path=path)


def default_path() -> Path:
    """Where the bundled table is: inside the installed package, or in a checkout."""
    packaged = resources.files("glossary").joinpath("data", "terms.csv")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "terms.csv"


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The bundled glossary, loaded once per process."""
    path = default_path()
    return Glossary(read_terms(path), path=str(path))


def or_default(glossary: Glossary | None) -> Glossary:
    """``glossary``, or the bundled one when it is None."""
    return glossary if glossary is not None else default_glossary()


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes] | None = None, *, format: str | None = None,
         group: bool = False) -> Glossary:
    """Load a term table in any format :mod:`glossary.formats` reads (CSV, TBX, XLSX, the services' files, JSON);
    with no argument, the bundled one.

    ``format`` is guessed from the name and content when not given; ``group``
    merges rows with the same Chinese. Raises :class:`GlossaryError` naming the
    file, line and problem.

    >>> load().lookup("王亚平").en
    'Wang Yaping'
    """
    if source is None:
        return default_glossary()
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else getattr(source, "name", None)
    return Glossary(read_terms(source, format=format, group=group), path=str(name) if name else None)
