"""The matching structures of one glossary, built once from its forms.

:func:`automata_of` builds an :class:`Automata` for a glossary on first use
and keeps it on the glossary. Each structure is built lazily: the English
automaton over the tolerant keys of every surface form
(:func:`glossary.forms.english_surfaces`) and series prefix, the Chinese
automaton over folded Chinese forms, verbatim (Latin-script) Chinese forms,
and the glossary-aware jieba tokenizer. The scans that use them are in
:mod:`glossary.match`.
"""

from __future__ import annotations

import array
import gc
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .automata_values import EnValues, ZhValues
from .en_keys import (ANY_CASE, AS_LISTED, CAPITALS, SERIES, capitals_kept, case_mode, fits_case, is_abbreviation,
                      plain_surface_keys)
from .forms import EN_KINDS, Series, english_surfaces, parse_series
from .model import Term
from .normalize import HAN_CLASS, HAN_RUN, en_exact, en_key, fold_zh_text, has_han

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["AS_LISTED", "ANY_CASE", "CAPITALS", "SERIES", "Automata", "EnValue", "automata_of", "gc_paused"]

#: What an English key stands for: (key length, ((term, kind), ...), case mode).
EnValue = tuple[int, tuple[tuple[Term, str], ...], int]

_KIND_ORDER = {k: i for i, k in enumerate(EN_KINDS)}  # a kind code: 3 bits of an English value code
assert len(EN_KINDS) <= 8


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large acyclic structure is
    built (it would otherwise rescan the growing heap; about half of the
    English index build of 100,000 terms)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def automata_of(glossary: "Glossary") -> "Automata":
    """The glossary's automata, built on first use and kept in its cache."""
    cache = glossary.cache
    found = cache.get("automata")
    if found is None:
        found = cache["automata"] = Automata(glossary.terms)
    return found  # type: ignore[no-any-return]


class Automata:
    """The matching structures of one glossary, built once and reused."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(terms)
        self.en_series: dict[str, tuple[tuple[Series, str], ...]] = {}
        self._en_values: Mapping[int, EnValue] = {}
        self._zh_values: Mapping[int, tuple[int, Term]] = {}

    @property
    def en_values(self) -> Mapping[int, EnValue]:
        """What the keys of :attr:`en` stand for, by the number the automaton holds."""
        self.en  # noqa: B018  (built with the automaton)
        return self._en_values

    @property
    def zh_values(self) -> Mapping[int, tuple[int, Term]]:
        """What the keys of :attr:`zh` stand for, by the number the automaton holds."""
        self.zh  # noqa: B018  (built with the automaton)
        return self._zh_values

    # ------------------------------------------------------------ English
    @cached_property
    def series(self) -> dict[str, Series]:
        """Term id → its series, for rows that stand for a numbered series."""
        out = {}
        for term in self.terms:
            if term.series:
                s = parse_series(term)
                if s is not None:
                    out[term.id] = s
        return out

    @cached_property
    def en(self) -> Any:
        """Automaton over tolerant English keys → a number ``k``; ``en_values[k]`` is (key length,
        ((term, kind), ...), case mode | SERIES when the key is a series prefix). Builds
        :attr:`en_values` and :attr:`en_series` (prefix key → ((series, kind), ...)) too. The
        automaton holds plain numbers so that the compiled cache reads it back without
        rebuilding a Python value per key."""
        with gc_paused():
            return self._build_en()

    def _build_en(self) -> Any:
        import ahocorasick

        # key → its (term, kind) pairs as codes (term number << 3 | kind code): a tuple, since most keys have one
        entries: dict[str, tuple[int, ...]] = {}
        modes: dict[str, int] = {}
        get = entries.get
        plain = plain_surface_keys
        for number, term in enumerate(self.terms):
            if not (term.aliases or term.derived or term.variants or term.forbidden or term.case_sensitive
                    or term.ambiguous) and term.category != "person":
                pairs = plain(term.en)
                if pairs is not None:  # the usual row: what the loop below gives, with fewer calls
                    one = (number << 3,)  # kind "en", code 0
                    for surface, key in pairs:
                        found = get(key)
                        entries[key] = one if found is None else found + one
                        if len(surface) <= 9 and surface[:1].isupper() and is_abbreviation(surface):
                            modes[key] = min(modes.get(key, CAPITALS), CAPITALS)
                        else:
                            modes[key] = ANY_CASE
                    continue
            for surface, kind in english_surfaces(term):
                key = en_key(surface)
                if key:
                    code = number << 3 | _KIND_ORDER[kind]
                    found = get(key)
                    entries[key] = (code,) if found is None else (*found, code)
                    mode = case_mode(term, surface)
                    modes[key] = min(modes.get(key, mode), mode) if mode else ANY_CASE
        prefixes: dict[str, list[tuple[Series, str]]] = {}
        for s in self.series.values():
            for prefix, kind in s.en_prefixes:
                key = en_key(prefix)
                if key:
                    prefixes.setdefault(key, []).append((s, kind))
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add = auto.add_word
        # The values, packed (glossary.automata_values): key length, case mode, and the key's codes.
        lengths, case_modes, starts, flat = array.array("I"), bytearray(), array.array("I", [0]), array.array("I")
        kinds = bytearray()
        for key, found in entries.items():
            if len(found) == 1:
                flat.append(found[0] >> 3)
                kinds.append(found[0] & 7)
            else:
                found = tuple(sorted(found, key=lambda code: code & 7))  # by kind, stable
                flat.extend([code >> 3 for code in found])
                kinds.extend([code & 7 for code in found])
            mode = modes[key]
            add(key, len(lengths))
            lengths.append(len(key))
            case_modes.append(mode | SERIES if key in prefixes else mode)
            starts.append(len(flat))
        for key in prefixes.keys() - entries.keys():
            add(key, len(lengths))
            lengths.append(len(key))
            case_modes.append(modes.get(key, ANY_CASE) | SERIES)
            starts.append(len(flat))
        self._en_values = EnValues(self.terms, lengths, case_modes, starts, flat, kinds)
        self.en_series = {key: tuple(v) for key, v in prefixes.items()}
        if len(auto):
            auto.make_automaton()
        return auto

    @cached_property
    def _rows(self) -> dict[str, list[Term]]:
        """Term id → the rows of the table with it (one in a table; series members are none)."""
        rows: dict[str, list[Term]] = {}
        for term in self.terms:
            rows.setdefault(term.id, []).append(term)
        return rows

    @cached_property
    def _listed_by_id(self) -> dict[str, frozenset[tuple[str, str]]]:
        return {}

    def _listed(self, term_id: str) -> frozenset[tuple[str, str]]:
        """The (surface exactly as written, kind)s of the row with this id (none for a series member):
        the fast path of :meth:`pick_en`, worked out per row when first needed."""
        found = self._listed_by_id.get(term_id)
        if found is None:
            rows = self._rows.get(term_id, ())
            found = self._listed_by_id[term_id] = frozenset(sf for row in rows for sf in english_surfaces(row))
        return found

    @cached_property
    def _surfaces(self) -> dict[tuple[str, str, str], tuple[dict[str, str], dict[str, str]]]:
        return {}

    def surfaces(self, term: Term, kind: str) -> tuple[dict[str, str], dict[str, str]]:
        """A term's surfaces of one kind, typography folded: exact → listed,
        and casefolded → listed; worked out once, when first needed."""
        key = (term.id, term.zh, kind)
        entry = self._surfaces.get(key)
        if entry is None:
            exact: dict[str, str] = {}
            folded: dict[str, str] = {}
            for surface, k in english_surfaces(term):
                if k == kind:
                    e = en_exact(surface)
                    exact.setdefault(e, surface)
                    folded.setdefault(e.casefold(), e)
            entry = self._surfaces[key] = (exact, folded)
        return entry

    def case_ok(self, surface: str, found: tuple[tuple[Term, str], ...]) -> bool:
        """For a key matched with its listed capitals: does ``surface`` keep them?"""
        exact = en_exact(surface)
        bare = re.sub(r"[\s\-]", "", exact)
        if bare.isupper():
            return True
        for term, kind in found:
            for listed in self.surfaces(term, kind)[0]:
                if re.sub(r"[\s\-]", "", listed).casefold() == bare.casefold() and capitals_kept(exact, listed):
                    return True
        return False

    def pick_en(self, surface: str, found: tuple[tuple[Term, str], ...]) -> tuple[Term, str]:
        """Which (term, form) a matched English string is.

        A listed surface exactly (typography folded) first; then one that
        differs only in case, judged by :func:`glossary.forms.case_fit`
        (house-style case is that form, a case slip is ``"case"``, a lost
        internal capital is a different spelling); then the key's first
        entry, ``"tolerant"`` for an accepted form spelt otherwise, or
        ``"implausible"`` for a lower-case word that only tolerant matching
        ties to a capitalized name (callers drop it).
        """
        as_written = self._listed
        for term, kind in found:
            if (surface, kind) in as_written(term.id):
                return term, kind
        exact = en_exact(surface)
        for term, kind in found:
            if exact in self.surfaces(term, kind)[0]:
                return term, kind
        folded = exact.casefold()
        for term, kind in found:
            listed = self.surfaces(term, kind)[1].get(folded)
            if listed is None:
                continue
            if kind in ("variant", "forbidden"):
                return term, kind
            fit = fits_case(exact, listed, term.romanization == "translation")
            if fit == "same":
                return term, kind
            return term, "case" if fit == "case" else "tolerant"
        term, kind = found[0]
        if surface[:1].islower() and not any(c.isdigit() for c in surface) and all(
            listed[:1].isupper() for t, k in found for listed in self.surfaces(t, k)[0]
        ):
            # A capitalized name re-spelt in lower case with its separators
            # dropped is usually an English word: "change" is not Chang-e.
            return term, "implausible"
        return term, kind if kind in ("variant", "forbidden") else "tolerant"

    # ------------------------------------------------------------ Chinese
    @cached_property
    def zh_keys(self) -> dict[str, Term]:
        """Folded Chinese form → its term (the first term that lists it)."""
        keys: dict[str, Term] = {}
        add, fold, han = keys.setdefault, fold_zh_text, HAN_RUN.search
        for term in self.terms:
            if not term.zh_variants:  # the usual row: one form, without building the tuple of zh_forms
                key = fold(term.zh)
                if key and han(key) is not None:
                    add(key, term)
                continue
            for form in term.zh_forms:
                key = fold(form)
                if key and han(key) is not None:
                    add(key, term)
        return keys

    @cached_property
    def verbatim(self) -> Any:
        """Automaton over Latin-script Chinese forms (SWIFT, T+1) → (length, term)."""
        import ahocorasick

        auto = ahocorasick.Automaton()
        for term in self.terms:
            if term.verbatim:
                for form in term.zh_forms:
                    key = en_exact(form)
                    if key and not has_han(key) and key not in auto:
                        auto.add_word(key, (len(key), term))
        if len(auto):
            auto.make_automaton()
        return auto

    @cached_property
    def zh(self) -> Any:
        """Automaton over folded Chinese forms → a number ``k``; ``zh_values[k]`` is (length, term).
        Builds :attr:`zh_values` too."""
        import ahocorasick

        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        number = {id(t): i for i, t in enumerate(self.terms)}
        lengths, flat = array.array("I"), array.array("I")
        with gc_paused():
            for k, (key, term) in enumerate(self.zh_keys.items()):
                auto.add_word(key, k)
                lengths.append(len(key))
                flat.append(number[id(term)])
            if len(auto):
                auto.make_automaton()
        self._zh_values = ZhValues(self.terms, lengths, flat)
        return auto

    @cached_property
    def zh_series(self) -> dict[tuple[str, str], Series]:
        """(term id, folded Chinese prefix) → series, for prefixes that are Chinese keys."""
        return {(s.term.id, fold_zh_text(s.zh_prefix)): s for s in self.series.values()}

    @cached_property
    def has_models(self) -> bool:
        """Does some Chinese key end as a vehicle's name does (号, a letter suffix)?"""
        return any(k[-1] in "号甲乙丙丁戊" or k[-1].isascii() for k in self.zh_keys)

    @cached_property
    def shortest_key(self) -> int:
        """The length of the shortest Chinese key: shorter runs hold none."""
        return min(map(len, self.zh_keys), default=0)

    @cached_property
    def zh_run_chars(self) -> str:
        """The characters other than Han that some Chinese key holds (digits, letters, ·), in order."""
        return "".join(sorted(set(HAN_RUN.sub("", "".join(self.zh_keys)))))

    @cached_property
    def zh_runs(self) -> re.Pattern[str]:
        """Runs of characters that Chinese keys are made of: Han, plus
        :attr:`zh_run_chars`. The automaton only ever runs over these."""
        cls = "".join(re.escape(c) for c in self.zh_run_chars)
        return re.compile(f"[{HAN_CLASS}{cls}]+")

    @cached_property
    def zh_nonrun(self) -> re.Pattern[str]:
        """One character that no Chinese key holds: where a run ends."""
        return re.compile("[^" + self.zh_runs.pattern[1:].rsplit("]", 1)[0] + "]")

    def member_term(self, series: Series, n: int, suffix: str) -> Term:
        """Member ``n`` of a series: the row of its own if the table has one."""
        m = series.member(n, suffix)
        return self.zh_keys.get(fold_zh_text(m.zh)) or self.zh_keys.get(fold_zh_text(m.zh_variants[0])) or m

    @cached_property
    def zh_words(self) -> dict[str, int]:
        """The glossary's Chinese words that jieba lacks, and all their
        prefixes, as a jieba frequency table: 0 for a bare prefix, -1 for a
        word whose frequency :attr:`tokenizer` works out on first need. (From
        a cache file, the same answers read from :attr:`zh` on first need:
        :class:`glossary.segment.GlossaryWords`.)"""
        get = self.jieba_freq.get
        lacking = [key for key in self.zh_keys if len(key) > 1 and not get(key)]
        words = dict.fromkeys([key[:i] for key in lacking for i in range(1, len(key))], 0)
        words.update(dict.fromkeys(lacking, -1))  # a word that is also the prefix of another stays a word
        return words

    @property
    def jieba_freq(self) -> Mapping[str, int]:
        """jieba's own frequency table (every word and every prefix of one), as it is now
        (:class:`glossary.sortedmap.SortedMap` until many lookups make it a dict)."""
        from .segment import base_tokenizer

        return base_tokenizer().FREQ  # type: ignore[no-any-return]

    def crossing(self) -> tuple[Mapping[str, int], Mapping[str, int]]:
        """What the Chinese scan asks when a word could cross a candidate's edge: jieba's table as it is
        now (a dict once many lookups have made it one) and :attr:`zh_words`."""
        return self.jieba_freq, self.zh_words

    @cached_property
    def tokenizer(self) -> Any:
        """A jieba tokenizer that also knows every Chinese form of the glossary.
        It shares :attr:`zh_words` and jieba's own table; it copies neither."""
        from .segment import base_tokenizer, overlay_class

        return overlay_class()(base_tokenizer(), self.zh_words)

    def cut(self, text: str) -> list[str]:
        """Segment a short window with the glossary-aware tokenizer (memoized)."""
        cache = self._cuts
        words = cache.get(text)
        if words is None:
            if len(cache) > 65536:
                cache.clear()
            words = cache[text] = list(self.tokenizer.cut(text, HMM=False))
        return words

    @cached_property
    def _cuts(self) -> dict[str, list[str]]:
        return {}
