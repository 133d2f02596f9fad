"""Hanyu Pinyin for Chinese names, by China's national orthography rules.

Personal names follow GB/T 28039-2011 (surname, space, given name as one
word); all other names follow GB/T 16159-2012 (one word per lexical word,
each capitalized). See ``docs/pinyin.md`` for the rules and their limits.

pypinyin and jieba are imported lazily, on first use. Pinyin as text
(tones, syllables, the pinyin check) lives in :mod:`glossary.pinyin_syllables`,
the name data (surnames, readings in names) in :mod:`glossary.pinyin_names`,
word boundaries of other names in :mod:`glossary.pinyin_words`; this module
re-exports their public functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeAlias

from .model import CATEGORIES
from .normalize import HAN_CLASS
from .pinyin_names import (
    LONGEST_SURNAME,
    given_name_readings,
    phrase_readings,
    surname_char_readings,
    surname_of,
    surnames,
)
from .pinyin_syllables import is_interjection, is_pinyin, is_syllable, strip_tones, syllabify
from .pinyin_words import words

__all__ = [
    "is_pinyin",
    "matches_pinyin",
    "readings",
    "romanize",
    "strip_tones",
    "surname_of",
    "syllabify",
]

_HAN = re.compile(
    f"[\u3007{HAN_CLASS}]"  # 〇 (líng) reads as a Han numeral here
)
_HAN_RUNS = re.compile(f"({_HAN.pattern}+)")
#: Separators between the parts of a minority or foreign name (马克·吐温).
_MIDDOTS = re.compile("[\u00b7\u2022\u2027\u30fb\uff65]")
_U_FORMS = ("ü", "v", "yu")

_Token: TypeAlias = "str | list[str]"  # raw text passed through, or one word's syllables


# ------------------------------------------------------------------ readings


def _tone_syllables(han: str) -> list[str]:
    """One tone-marked syllable per character of the Han string ``han``,
    chosen by pypinyin with its phrase data."""
    from pypinyin import Style, pinyin

    keep: Any = list  # pypinyin's errors callback may return a list; its hints say str
    found = [item[0] for item in pinyin(han, style=Style.TONE, errors=keep)]
    if len(found) != len(han):  # never seen, but keep the alignment safe
        found = [pinyin(c, style=Style.TONE, errors=keep)[0][0] for c in han]
    _fix_phrases(han, found)
    return [syl if is_syllable(syl) else _standard_reading(char, syl) for char, syl in zip(han, found)]


def _fix_phrases(han: str, found: list[str]) -> None:
    """Put the readings of ``phrases.tsv`` into ``found``, longest phrase first
    (a row of one character is a reading pypinyin gets wrong everywhere)."""
    table = phrase_readings()
    if not table:
        return
    longest = max(map(len, table))
    i = 0
    while i < len(han):
        for size in range(min(longest, len(han) - i), 0, -1):
            fixed = table.get(han[i:i + size])
            if fixed is not None:
                found[i:i + size] = fixed
                i += size - 1
                break
        i += 1


@lru_cache(maxsize=256)
def _standard_reading(char: str, reading: str) -> str:
    """A reading of ``char`` that is a standard syllable, in place of ``reading``
    (an interjection such as hm or ń): its first such heteronym; else one of
    two letters or more (嗯 ńg, whose toneless Ng is no capital designation
    like N), else ``reading``."""
    from pypinyin import Style, pinyin

    drop: Any = lambda s: []  # noqa: E731
    result = pinyin(char, style=Style.TONE, heteronym=True, errors=drop)
    options = result[0] if result else []
    return (next((r for r in options if is_syllable(r)), None)
            or next((r for r in options if len(strip_tones(r)) > 1 and is_interjection(r)), reading))


@lru_cache(maxsize=8192)
def _char_readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    drop: Any = lambda s: []  # noqa: E731  (a list, which pypinyin's hints do not allow for)
    result = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=True, errors=drop)
    found = set(result[0]) if result else set()
    found |= surname_char_readings().get(char, frozenset())
    found |= {r.replace("ü", "v") for r in found}
    return frozenset(r for r in found if r.isalpha())


def readings(zh: str) -> list[set[str]]:
    """For each Han character of ``zh``, all its toneless readings.

    ü is given both as ``ü`` and as ``v``; readings a character has as a
    surname (from the surname table) are included.

    >>> [sorted(r) for r in readings("曾吕")]
    [['ceng', 'zeng'], ['lv', 'lü']]
    >>> readings("A1")
    []
    """
    if not isinstance(zh, str):
        raise ValueError(f"readings() needs a str, not {type(zh).__name__}")
    return [set(_char_readings(c)) for c in zh if _HAN.fullmatch(c)]


def _alternatives(zh: str) -> Iterable[frozenset[str]]:
    """What each meaningful character of ``zh`` may be written as in English."""
    for char in zh:
        if _HAN.fullmatch(char):
            found = set(_char_readings(char))
            for r in list(found):
                if "ü" in r:
                    found.add(r.replace("ü", "u"))
                    found.add(r.replace("ü", "yu"))
            if char == "儿":
                found.add("r")  # erhua: 哪儿 nar
            yield frozenset(found)
        elif char.isalnum():
            yield frozenset({char.lower()})


def matches_pinyin(en: str, zh: str) -> bool:
    """Whether ``en`` can be a toneless romanization of ``zh``.

    Case, spaces, hyphens, apostrophes and tone marks are ignored; every
    reading of a polyphonic character is accepted, and ü may be written ü,
    u, v or (after l, n) yu. Latin letters and digits in ``zh`` must appear
    as they are.

    >>> matches_pinyin("Zhang Ruochen", "张若尘"), matches_pinyin("Zhang Ruocheng", "张若尘")
    (True, False)
    >>> matches_pinyin("Zeng Guofan", "曾国藩"), matches_pinyin("Lyu Bu", "吕布")
    (True, True)
    >>> matches_pinyin("Chang'e-6", "嫦娥六号")
    False
    """
    if not isinstance(en, str) or not isinstance(zh, str):
        raise ValueError("matches_pinyin() needs two str")
    target = "".join(c for c in strip_tones(en).lower() if c.isalnum())
    positions = {0}
    for options in _alternatives(zh):
        positions = {p + len(o) for p in positions for o in options if target.startswith(o, p)}
        if not positions:
            return False
    return len(target) in positions


# ---------------------------------------------------------------- romanize


def _han_tokens(text: str, han: Callable[[str], list[_Token]]) -> list[_Token]:
    """``text`` as tokens: what lies between Han runs passed through, each Han run as ``han`` splits it."""
    tokens: list[_Token] = []
    for index, run in enumerate(_HAN_RUNS.split(text)):
        if not run:
            continue
        if index % 2 == 0:
            tokens.append(run)
        else:
            tokens.extend(han(run))
    return tokens


def _word_tokens(run: str) -> list[_Token]:
    """A Han run as its words by GB/T 16159-2012, each word's syllables together."""
    syllables, pos = _tone_syllables(run), 0
    tokens: list[_Token] = []
    for word in words(run):
        tokens.append(syllables[pos:pos + len(word)])
        pos += len(word)
    return tokens


#: jieba's tags for personal names.
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
#: Last characters of place and common words jieba tags as names (张家口, 石家庄, 王府井, 少林寺, 黄金周):
#: such a word is not taken for a person.
_NOT_PERSON_ENDS = frozenset("省市县区州镇乡旗盟口庄井岭村屯堡寨营桥街巷路寺庙祠墓陵店周期学状剂")


def _names_a_person(word: str, tag: str) -> bool:
    """Is ``word``, tagged ``tag`` by jieba, a personal name to write by GB/T 28039 without a ``kind``?

    Three or four characters starting with a known surname: jieba tags many
    two-character words as names (卫星 satellite, 明白 clear), so those stay
    one word. Not when it ends like a place (张家口) or is all
    transliteration (莫斯科).
    """
    from .pinyin_words import is_transliteration

    return (tag in _PERSON_TAGS and 3 <= len(word) <= 4 and surname_of(word) is not None
            and word[-1] not in _NOT_PERSON_ENDS and not is_transliteration(word))


def _auto_tokens(run: str) -> list[_Token]:
    """A Han run without a ``kind``: personal names jieba recognises by GB/T 28039-2011, the rest by GB/T 16159-2012."""
    from .segment import pos_cut

    tokens: list[_Token] = []
    pending = ""
    for word, tag in pos_cut(run):
        if _names_a_person(word, tag):
            if pending:
                tokens.extend(_word_tokens(pending))
                pending = ""
            tokens.extend(_person(word))
        else:
            pending += word
    if pending:
        tokens.extend(_word_tokens(pending))
    return tokens


def _person(name: str) -> list[_Token]:
    """Surname and given name of an all-Han personal name."""
    table = surnames()
    size = next((k for k in range(LONGEST_SURNAME, 1, -1) if len(name) >= k and name[:k] in table), 1)
    surname, given = name[:size], name[size:]
    first = list(table[surname]) if surname in table else _tone_syllables(surname)
    return [first, _given_syllables(given)] if given else [first]


def _given_syllables(given: str) -> list[str]:
    """The syllables of a given name: pypinyin's, with the readings in names of ``given_names.tsv``."""
    table = given_name_readings()
    return [table.get(char, syl) for char, syl in zip(given, _tone_syllables(given))]


def _person_tokens(text: str, whole_words: bool) -> list[_Token]:
    """Persons: each Han run is a name, or one word when ``whole_words``."""
    return _han_tokens(text, (lambda run: [_tone_syllables(run)]) if whole_words else _person)


def _render_word(syllables: list[str], u: str) -> str:
    parts: list[str] = []
    for index, syllable in enumerate(syllables):
        if index and strip_tones(syllable)[:1] in ("a", "o", "e", "ê"):
            parts.append("'")
        if u != "ü" and "ü" in strip_tones(syllable):
            decomposed = unicodedata.normalize("NFD", syllable)
            syllable = unicodedata.normalize("NFC", decomposed.replace("u\u0308", u))
        parts.append(syllable)
    word = "".join(parts)
    return word[:1].upper() + word[1:]


def _apart(tokens: list[_Token]) -> list[_Token]:
    """Words with each interjection syllable (ń, hm) made a word of its own:
    the pinyin check accepts them only alone."""
    out: list[_Token] = []
    for token in tokens:
        if isinstance(token, str) or not any(is_interjection(s) for s in token):
            out.append(token)
            continue
        run: list[str] = []
        for syllable in token:
            if not is_interjection(syllable):
                run.append(syllable)
                continue
            if run:
                out.append(run)
            out.append([syllable])
            run = []
        if run:
            out.append(run)
    return out


def _render(tokens: list[_Token], u: str) -> str:
    out: list[str] = []
    previous: _Token | None = None
    for token in _apart(tokens):
        if isinstance(token, list):
            text = _render_word(token, u)
            if isinstance(previous, list) or (isinstance(previous, str) and previous[-1].isalnum()):
                out.append(" ")
        else:
            text = token
            if isinstance(previous, list) and token[0].isalnum():
                out.append(" ")
        out.append(text)
        previous = token
    return "".join(out)


def romanize(zh: str, *, kind: str | None = None, tones: bool = True, u: str = "ü") -> str:
    """Romanize a Chinese name by the national rules.

    ``kind="person"`` applies GB/T 28039-2011: surname (compound surnames as
    one word), a space, the given name as one word. Any other ``kind`` of
    :data:`glossary.model.CATEGORIES` (place, organization, …) applies
    GB/T 16159-2012: one word per lexical word, each capitalized. Without a
    ``kind`` (None), GB/T 16159-2012 applies too, except to a personal name
    jieba recognises (three or four characters starting with a surname:
    司马迁 → Sīmǎ Qiān), which gets GB/T 28039-2011. Another ``kind`` raises
    ValueError. An apostrophe marks a syllable starting
    with a, o or e inside a word. ``tones=False`` drops the tone marks.
    ``u`` spells ü: ``"ü"`` (default), ``"v"`` or ``"yu"`` (passport style,
    Lyu). Characters other than Han pass through; a middle dot becomes a
    space.

    >>> romanize("王亚平", kind="person")
    'Wáng Yàpíng'
    >>> romanize("欧阳修", kind="person"), romanize("单雄信", kind="person")
    ('Ōuyáng Xiū', 'Shàn Xióngxìn')
    >>> romanize("赵平安", kind="person", tones=False)
    "Zhao Ping'an"
    >>> romanize("长江三角洲")
    'Chángjiāng Sānjiǎozhōu'
    >>> romanize("上海市"), romanize("西安", tones=False)
    ('Shànghǎi Shì', "Xi'an")
    >>> romanize("天问三号"), romanize("长征10号")
    ('Tiānwèn Sān Hào', 'Chángzhēng 10 Hào')
    >>> romanize("吕", kind="person", u="yu", tones=False)
    'Lyu'
    >>> romanize("司马迁"), romanize("司马迁", kind="place")
    ('Sīmǎ Qiān', 'Sīmǎqiān')
    """
    if not isinstance(zh, str):
        raise ValueError(f"romanize() needs a str, not {type(zh).__name__}")
    if kind is not None and not isinstance(kind, str):
        raise ValueError(f"kind must be a str or None, not {type(kind).__name__}")
    if kind is not None and kind not in CATEGORIES:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(CATEGORIES)}")
    if u not in _U_FORMS:
        raise ValueError(f"u must be one of {', '.join(_U_FORMS)}; got {u!r}")
    text = _MIDDOTS.sub(" ", zh)
    if kind == "person":  # a middle dot marks a minority or foreign name
        tokens = _person_tokens(text, whole_words=text != zh)
    else:
        tokens = _han_tokens(text, _auto_tokens if kind is None else _word_tokens)
    result = _render(tokens, u)
    return result if tones else strip_tones(result)
