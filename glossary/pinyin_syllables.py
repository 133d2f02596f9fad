"""Hanyu Pinyin as text: strip tones, check that a string is pinyin, split it into syllables.

The valid syllables are listed in ``glossary/data/syllables.txt`` (read once,
on first use). Nothing here loads pypinyin or jieba. See ``docs/pinyin.md``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "APOSTROPHES",
    "DESIGNATION",
    "data_text",
    "is_interjection",
    "is_pinyin",
    "is_syllable",
    "split_syllables",
    "strip_tones",
    "syllabify",
]

#: Combining marks for tones 2, 4, 1 and 3 (NFD form); ü's diaeresis is kept.
_TONE_MARKS = frozenset("\u0301\u0300\u0304\u030c")
APOSTROPHES = "'\u2019\u2018"
_VOWELS = "aeiouüvê"

#: Digits and capital-letter designations inside names: 10, F, C919, 2D.
DESIGNATION = re.compile(r"[0-9]+[A-Z]{0,2}|[A-Z]{1,2}[0-9]*")


def data_text(name: str) -> str:
    return resources.files("glossary").joinpath("data", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """The valid toneless syllables, as listed in ``syllables.txt``."""
    return frozenset(
        line.strip() for line in data_text("syllables.txt").splitlines() if line.strip()
    )


@lru_cache(maxsize=1)
def _spellings() -> frozenset[str]:
    """Syllables plus the ``v`` and ``yu`` spellings of ü that romanize emits."""
    out = set(_syllables())
    for syl in _syllables():
        if "ü" in syl:
            out.add(syl.replace("ü", "v"))
            out.add(syl.replace("ü", "yu"))
    return frozenset(out)



# ------------------------------------------------------------ pinyin parsing


def strip_tones(pinyin: str) -> str:
    """Remove tone marks, keeping ü (and ê).

    >>> strip_tones("Lǚ Xùn, Xī'ān, Zhūgě Liàng")
    "Lü Xun, Xi'an, Zhuge Liang"
    """
    decomposed = unicodedata.normalize("NFD", pinyin)
    kept = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def _decompose(word: str) -> tuple[str, list[int]] | None:
    """Lower-case base letters of ``word`` and the tone marks on each.

    None when the word holds a character pinyin never uses.
    """
    letters: list[str] = []
    marks: list[int] = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONE_MARKS and letters:
            marks[-1] += 1
        elif char == "\u0308" and letters and letters[-1] == "u":
            letters[-1] = "ü"
        elif char == "\u0302" and letters and letters[-1] == "e":
            letters[-1] = "ê"
        elif "a" <= char <= "z":
            letters.append(char)
            marks.append(0)
        else:
            return None
    return "".join(letters), marks


def _tone_position(syllable: str) -> int:
    """Where a tone mark belongs: on a or e, on o of ou, else the last vowel."""
    for vowel in "aeê":
        if vowel in syllable:
            return syllable.index(vowel)
    if "ou" in syllable:
        return syllable.index("o")
    return max(i for i, c in enumerate(syllable) if c in _VOWELS)


def _segment(letters: str, marks: list[int], count: int | None = None) -> list[int] | None:
    """Split ``letters`` into valid syllables; the end offsets, or None.

    Each syllable carries at most one tone mark, on the right vowel. With
    ``count`` the split must have exactly that many syllables.
    """
    valid = _spellings()
    n = len(letters)
    # best[i]: end offsets of a split of letters[:i], keyed by syllable count
    best: list[dict[int, list[int]]] = [dict() for _ in range(n + 1)]
    best[0][0] = []
    for i in range(n):
        if not best[i]:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            syl = letters[i:j]
            if syl not in valid:
                continue
            toned = [k for k in range(i, j) if marks[k]]
            if sum(marks[i:j]) > 1 or (toned and toned[0] - i != _tone_position(syl)):
                continue
            for k, ends in best[i].items():
                best[j].setdefault(k + 1, ends + [j])
    if count is not None:
        return best[n].get(count)
    return best[n][min(best[n])] if best[n] else None


def split_syllables(word: str, count: int) -> tuple[str, ...] | None:
    """``word`` (no apostrophes needed) as exactly ``count`` syllables."""
    word = unicodedata.normalize("NFC", "".join(c for c in word if c not in APOSTROPHES))
    parsed = _decompose(word)
    if parsed is None:
        return None
    ends = _segment(*parsed, count=count)
    if ends is None:
        return None
    # map offsets in the letters back to offsets in the NFC word
    cuts, seen = [], 0
    for pos, char in enumerate(word):
        if char.isalpha():
            seen += 1
            if seen in ends:
                cuts.append(pos + 1)
    starts = [0, *cuts[:-1]]
    return tuple(word[a:b] for a, b in zip(starts, cuts))


def _case_ok(word: str) -> bool:
    rest = word[1:]
    return word == word.lower() or word == word.upper() or rest == rest.lower()


def is_pinyin(text: str) -> bool:
    """Whether ``text`` is well-formed Hanyu Pinyin, with or without tones.

    Words are separated by spaces or hyphens; each is a run of valid
    syllables. Apostrophes are optional (English often drops them:
    Tiananmen), but one may only stand before a syllable that starts with a,
    o or e. A syllable carries at most one tone mark, placed on the vowel
    the rules require. Words may be lower case, capitalized or all
    capitals. A word of ASCII digits is allowed, if at least one word is
    pinyin. ü may also be written v, or yu after l and n (Lyu). The
    interjections m, n, ng, hm and hng (and the dialect fiào) are pinyin
    only as a word of their own.

    >>> is_pinyin("Wáng Yàpíng"), is_pinyin("Xī'ān"), is_pinyin("Qianfan")
    (True, True, True)
    >>> is_pinyin("Chángzhēng 10 Hào"), is_pinyin("Lǚ"), is_pinyin("Lv")
    (True, True, True)
    >>> is_pinyin("Hello World"), is_pinyin("xyz"), is_pinyin("Wāng"), is_pinyin("42")
    (False, False, True, False)
    >>> is_pinyin("Tiananmen"), is_pinyin("Xi'an"), is_pinyin("Wang'ya"), is_pinyin("Lìu")
    (True, True, False, False)
    >>> is_pinyin("A"), is_pinyin("F"), is_pinyin("Chángzhēng 2 F")
    (True, False, True)
    """
    if not isinstance(text, str):
        return False
    words = re.split(r"[\s\-]+", unicodedata.normalize("NFC", text).strip())
    has_pinyin = False
    for word in words:
        if _is_designation(word):
            continue
        if not _is_pinyin_word(word):
            return False
        has_pinyin = True
    return has_pinyin


@lru_cache(maxsize=65536)
def _is_pinyin_word(word: str) -> bool:
    """One word of pinyin (names repeat their syllables: the cache pays)."""
    if not word or not _case_ok(word):
        return False
    if is_interjection(word):
        return True
    for index, part in enumerate(re.split(f"[{APOSTROPHES}]", word)):
        parsed = _decompose(part)
        if not parsed or not parsed[0] or _segment(*parsed) is None:
            return False
        if index and parsed[0][0] not in "aoeê":
            return False
    return True



def syllabify(text: str) -> list[str] | None:
    """The syllables of a pinyin string (fewest possible), or None if it is not pinyin.

    >>> syllabify("Zhang Ruocheng"), syllabify("Xi'an"), syllabify("Hello")
    (['Zhang', 'Ruo', 'cheng'], ['Xi', 'an'], None)
    """
    if not is_pinyin(text):
        return None
    out: list[str] = []
    for word in re.split(r"[\s\-]+", unicodedata.normalize("NFC", text).strip()):
        if _is_designation(word):
            continue
        for part in re.split(f"[{APOSTROPHES}]", word):
            parsed = _decompose(part)
            assert parsed is not None
            ends = _segment(*parsed)
            assert ends is not None
            letters = [i for i, c in enumerate(part) if c.isalpha()]
            start = 0
            for end in ends:
                stop = letters[end - 1] + 1
                out.append(part[start:stop])
                start = stop
    return out



#: Syllables outside the standard table that dictionaries give a few characters:
#: the interjections m (呣), n and ng (嗯), hm (噷), hng (哼) and the Wu dialect
#: fiào (覅). Pinyin only as a word on their own, so that English words such as
#: Tim (ti + m) or Sam never read as pinyin.
_INTERJECTIONS = frozenset({"m", "n", "ng", "hm", "hng", "fiao"})


def _is_designation(word: str) -> bool:
    """A designation (10, F, C919), except the one-letter syllables A, E and O
    (阿, 鹅, 哦 without tones), which are pinyin."""
    return DESIGNATION.fullmatch(word) is not None and word not in ("A", "E", "O")


def is_interjection(word: str) -> bool:
    """Whether ``word`` is one of the non-standard syllables (m, n, ng, hm, hng,
    fiào), with at most one tone mark.

    >>> is_interjection("Ńg"), is_interjection("hm"), is_interjection("ḿ"), is_interjection("Tim")
    (True, True, True, False)
    """
    letters: list[str] = []
    marks = 0
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONE_MARKS and letters:
            marks += 1
        elif "a" <= char <= "z":
            letters.append(char)
        else:
            return False
    return marks <= 1 and "".join(letters) in _INTERJECTIONS


def is_syllable(syllable: str) -> bool:
    """Whether ``syllable`` (tone marks allowed, any case) is one valid pinyin syllable.

    >>> is_syllable("Zhāng"), is_syllable("lüè"), is_syllable("hm"), is_syllable("ń")
    (True, True, False, False)
    """
    parsed = _decompose(unicodedata.normalize("NFC", syllable))
    return parsed is not None and parsed[0] in _syllables() and _segment(*parsed, count=1) is not None
