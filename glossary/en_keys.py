"""The English keys of the automata and how each matches: case modes, a row's plain surfaces.

:class:`glossary.automata.Automata` folds every English surface form
(:func:`glossary.forms.english_surfaces`) to a key; these functions give the
keys of the usual row (one ASCII form) on a short path, the case mode of a
key (any case, capitals only, as listed) and the case tests a match's surface
must pass.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .forms import _ASCII_LETTERS, _NUMBERED, _head_inflections, case_fit
from .model import Term
from .normalize import en_key

__all__ = ["ANY_CASE", "AS_LISTED", "CAPITALS", "SERIES", "capitals_kept", "case_mode", "fits_case",
           "is_abbreviation", "is_name_word", "plain_surface_keys"]

_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,7}s?")

#: How a key matches: in any case, in capitals only (abbreviations), or with
#: the capitals of its listed form (case-sensitive rows, literal renderings
#: of ambiguous terms).
ANY_CASE, AS_LISTED, CAPITALS = 0, 1, 2
#: A flag on the case mode: the key is also a series prefix (its series in :attr:`Automata.en_series`).
SERIES = 4


def is_abbreviation(form: str) -> bool:
    """An all-capital short form (MOST, CAST, NPC; SOEs): matched in capitals
    only, so that the English words "most" and "cast" never match it."""
    return _ABBREVIATION.fullmatch(form) is not None


def case_mode(term: Term, form: str) -> int:
    if len(form) <= 9 and form[:1].isupper() and is_abbreviation(form):
        return CAPITALS
    if term.case_sensitive:
        return AS_LISTED
    if term.ambiguous:
        from .pinyin import is_pinyin

        if not is_pinyin(form):
            return AS_LISTED  # Thousand Sails, not "a thousand sails"
    return ANY_CASE




@lru_cache(maxsize=65536)
def _head_keys(word: str) -> tuple[tuple[str, str], ...]:
    """The inflections of a last word (as :func:`glossary.forms.english_surfaces` makes them), each with its key."""
    return tuple((w, en_key(w)) for w in _head_inflections(word))


def plain_surface_keys(en: str) -> list[tuple[str, str]] | None:
    """(surface, key) of each English surface of a row whose only form is the ASCII ``en`` (not a person, not
    numbered), in :func:`glossary.forms.english_surfaces` order; None when that function must be asked. The key of
    an ASCII text is a fold character by character, so an inflection's key is its head's key and its word's."""
    if not en.isascii() or "{n}" in en or " of " in en or " Of " in en or " OF " in en or _NUMBERED.fullmatch(en):
        return None
    key = en_key(en)
    if not key:
        return None
    out = [(en, key)]
    i = len(en.rstrip(_ASCII_LETTERS))
    if i < len(en):
        head = en[:i]
        head_key = en_key(head)
        for word, word_key in _head_keys(en[i:]):
            surface = head + word
            if surface != en and (head_key or word_key):
                out.append((surface, head_key + word_key))
    return out


def capitals_kept(surface: str, listed: str) -> bool:
    """Every word capitalized in ``listed`` is capitalized in ``surface``."""
    s_words, l_words = re.findall(r"[^\W\d_]+", surface), re.findall(r"[^\W\d_]+", listed)
    if len(s_words) != len(l_words):
        return False
    return all(not w[0].isupper() or s[0].isupper() for s, w in zip(s_words, l_words))


@lru_cache(maxsize=65536)
def fits_case(surface: str, listed: str, translation: bool = False) -> str:
    # A rendering made of English words (romanization "translation": Space
    # Pioneer, Meridian Project) has no name words, so its lower case is
    # ordinary English: "a space pioneer" is no slip. Many English words also
    # parse as pinyin syllables (pi-o-ne-er), so the pinyin test alone cannot say.
    return case_fit(surface, listed, is_name_word=None if translation else is_name_word)


def is_name_word(word: str) -> bool:
    """A word that is a name when capitalized: pinyin (Hainan, Tiangong)."""
    from .pinyin import is_pinyin

    return is_pinyin(word)
