"""Hanyu Pinyin for Chinese names, by China's national orthography rules.

Personal names follow GB/T 28039-2011 (surname, space, given name as one
word); all other names follow GB/T 16159-2012 (one word per lexical word,
each capitalized). See ``docs/pinyin.md`` for the rules and their limits.

pypinyin and jieba are imported lazily, on first use; the data files
``glossary/data/syllables.txt`` and ``glossary/data/surnames.tsv`` are read
once and cached.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, TypeAlias

from .normalize import HAN_CLASS
from .segment import base_tokenizer, cut

__all__ = [
    "is_pinyin",
    "matches_pinyin",
    "readings",
    "romanize",
    "strip_tones",
    "surname_of",
    "syllabify",
]

#: Combining marks for tones 2, 4, 1 and 3 (NFD form); ü's diaeresis is kept.
_TONE_MARKS = frozenset("\u0301\u0300\u0304\u030c")
_HAN = re.compile(
    f"[\u3007{HAN_CLASS}]"  # 〇 (líng) reads as a Han numeral here
)
_HAN_RUNS = re.compile(f"({_HAN.pattern}+)")
#: Separators between the parts of a minority or foreign name (马克·吐温).
_MIDDOTS = re.compile("[\u00b7\u2022\u2027\u30fb\uff65]")
_APOSTROPHES = "'\u2019\u2018"
_VOWELS = "aeiouüvê"
_U_FORMS = ("ü", "v", "yu")

_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
#: Measure words and suffixes written apart from a preceding number.
_CLASSIFIERS = frozenset("号型期届次代颗批艘枚级")
#: One-character administrative generic names (GB/T 16159-2012, place names).
_ADMIN = frozenset("省市县区州镇乡")
#: Multi-character generic names: one word, split off whole (西藏 自治区).
_ADMIN_LONG = ("自治区", "自治州", "自治县", "自治旗", "行政区", "新区", "地区", "特区", "林区")
#: Characters common in transliterated foreign names. A long word is never
#: split between two of them, which keeps 马来西亚, 拉斯维加斯, 乌兰巴托 whole.
_TRANSLIT = frozenset(
    "阿埃艾奥澳巴拜班贝比波伯布达德迪蒂多厄尔法菲芬弗福冈哥格圭哈赫吉加杰喀卡凯"
    "科克肯库拉莱来兰朗劳勒雷里利莉卢鲁伦罗洛马麦曼梅蒙米密摩莫姆穆纳娜奈内尼纽"
    "努诺欧帕佩皮普奇乔萨塞桑瑟沙什斯苏索塔泰坦特提图托瓦威维温沃乌西希锡辛雅亚"
    "伊尤约泽扎詹兹"
)

#: Digits and capital-letter designations inside names: 10, F, C919, 2D.
_DESIGNATION = re.compile(r"[0-9]+[A-Z]{0,2}|[A-Z]{1,2}[0-9]*")

_Token: TypeAlias = "str | list[str]"  # raw text passed through, or one word's syllables


# --------------------------------------------------------------------- data


def _data_text(name: str) -> str:
    return resources.files("glossary").joinpath("data", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """The valid toneless syllables, as listed in ``syllables.txt``."""
    return frozenset(
        line.strip() for line in _data_text("syllables.txt").splitlines() if line.strip()
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


@lru_cache(maxsize=1)
def _surnames() -> dict[str, tuple[str, ...]]:
    """Surname → its tone-marked syllables, lower case, from ``surnames.tsv``."""
    table: dict[str, tuple[str, ...]] = {}
    lines = _data_text("surnames.tsv").splitlines()
    for number, line in enumerate(lines[1:], start=2):  # line 1 is the header
        if not line.strip() or line.startswith("#"):
            continue
        surname, reading = line.split("\t")[:2]
        syllables = _split_syllables(reading.strip().lower(), len(surname))
        if syllables is None:
            raise ValueError(f"surnames.tsv:{number}: {reading!r} is not "
                             f"{len(surname)} pinyin syllable(s)")
        table[surname] = syllables
    return table


@lru_cache(maxsize=1)
def _surname_char_readings() -> dict[str, frozenset[str]]:
    """Each character of the surname table → its toneless readings there."""
    found: dict[str, set[str]] = {}
    for surname, syllables in _surnames().items():
        for char, syl in zip(surname, syllables):
            found.setdefault(char, set()).add(strip_tones(syl))
    return {char: frozenset(r) for char, r in found.items()}


@lru_cache(maxsize=1)
def _admin_places() -> frozenset[str]:
    """jieba dictionary words tagged as places that end in an admin generic."""
    words: set[str] = set()
    with base_tokenizer().get_dict_file() as handle:
        for raw in handle:
            word, _, tag = (raw.decode("utf-8").split() + ["", ""])[:3]
            if tag == "ns" and len(word) >= 3 and word[-1] in _ADMIN:
                words.add(word)
    return frozenset(words)


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


def _split_syllables(word: str, count: int) -> tuple[str, ...] | None:
    """``word`` (no apostrophes needed) as exactly ``count`` syllables."""
    word = unicodedata.normalize("NFC", "".join(c for c in word if c not in _APOSTROPHES))
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
    pinyin. ü may also be written v, or yu after l and n (Lyu).

    >>> is_pinyin("Wáng Yàpíng"), is_pinyin("Xī'ān"), is_pinyin("Qianfan")
    (True, True, True)
    >>> is_pinyin("Chángzhēng 10 Hào"), is_pinyin("Lǚ"), is_pinyin("Lv")
    (True, True, True)
    >>> is_pinyin("Hello World"), is_pinyin("xyz"), is_pinyin("Wāng"), is_pinyin("42")
    (False, False, True, False)
    >>> is_pinyin("Tiananmen"), is_pinyin("Xi'an"), is_pinyin("Wang'ya"), is_pinyin("Lìu")
    (True, True, False, False)
    """
    if not isinstance(text, str):
        return False
    words = re.split(r"[\s\-]+", unicodedata.normalize("NFC", text).strip())
    has_pinyin = False
    for word in words:
        if _DESIGNATION.fullmatch(word):
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
    for index, part in enumerate(re.split(f"[{_APOSTROPHES}]", word)):
        parsed = _decompose(part)
        if not parsed or not parsed[0] or _segment(*parsed) is None:
            return False
        if index and parsed[0][0] not in "aoeê":
            return False
    return True


# ------------------------------------------------------------------ readings


def _tone_syllables(han: str) -> list[str]:
    """One tone-marked syllable per character of the Han string ``han``,
    chosen by pypinyin with its phrase data."""
    from pypinyin import Style, pinyin

    keep: Any = list  # pypinyin's errors callback may return a list; its hints say str
    found = [item[0] for item in pinyin(han, style=Style.TONE, errors=keep)]
    if len(found) != len(han):  # never seen, but keep the alignment safe
        found = [pinyin(c, style=Style.TONE, errors=keep)[0][0] for c in han]
    return found


@lru_cache(maxsize=8192)
def _char_readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    drop: Any = lambda s: []  # noqa: E731  (a list, which pypinyin's hints do not allow for)
    result = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=True, errors=drop)
    found = set(result[0]) if result else set()
    found |= _surname_char_readings().get(char, frozenset())
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


def _dict_split(word: str) -> list[str] | None:
    """``word`` as the fewest jieba dictionary words of two or more characters
    (ties: the most frequent words); None when there is no such split.
    No cut falls between two characters of a transliteration (``_TRANSLIT``).
    """
    freq = base_tokenizer().FREQ
    n = len(word)
    best: list[tuple[int, float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, [])
    for i in range(n):
        here = best[i]
        if here is None or (i and word[i - 1] in _TRANSLIT and word[i] in _TRANSLIT):
            continue
        for j in range(i + 2, n + 1):
            piece = word[i:j]
            count = freq.get(piece, 0)
            if piece == word or not count:
                continue
            candidate = (here[0] + 1, here[1] - math.log(count), here[2] + [piece])
            there = best[j]
            if there is None or candidate[:2] < there[:2]:
                best[j] = candidate
    last = best[n]
    return last[2] if last else None


def _split_long(word: str) -> list[str]:
    """Write apart the parts of a compound jieba keeps whole (长江三角洲)."""
    if len(word) < 4:
        return [word]
    pieces = _dict_split(word)
    if pieces is None:
        return [word]
    return [part for piece in pieces for part in _split_long(piece)]


def _split_word(word: str) -> list[str]:
    """Split one jieba word where the standard writes its parts apart."""
    match = re.fullmatch(f"([{''.join(_NUMERALS)}]+)([{''.join(_CLASSIFIERS)}])", word)
    if match:  # 三号 → 三 号
        return [match[1], match[2]]
    for generic in _ADMIN_LONG:  # 西藏自治区 → 西藏 自治区
        if word.endswith(generic):
            head = word[: -len(generic)]
            return _split_long(head) + [generic] if len(head) >= 2 else [word]
    if len(word) >= 3 and word[-1] in _ADMIN:  # 上海市 → 上海 市
        if word in _admin_places() or not base_tokenizer().FREQ.get(word):
            return _split_long(word[:-1]) + [word[-1]]
    return _split_long(word)


def _words(han: str) -> list[str]:
    """Orthographic words of the Han string ``han``.

    jieba's words, with runs of single characters it could not place joined
    (天|和 → 天和, unless a number or measure word), then split where the
    standard writes parts apart.
    """
    words: list[str] = []
    pending = ""
    for word in cut(han):
        if len(word) == 1 and word not in _NUMERALS and word not in _CLASSIFIERS:
            pending += word
            continue
        if pending:
            words.append(pending)
            pending = ""
        words.append(word)
    if pending:
        words.append(pending)
    return [part for word in words for part in _split_word(word)]


def syllabify(text: str) -> list[str] | None:
    """The syllables of a pinyin string (fewest possible), or None if it is not pinyin.

    >>> syllabify("Zhang Ruocheng"), syllabify("Xi'an"), syllabify("Hello")
    (['Zhang', 'Ruo', 'cheng'], ['Xi', 'an'], None)
    """
    if not is_pinyin(text):
        return None
    out: list[str] = []
    for word in re.split(r"[\s\-]+", unicodedata.normalize("NFC", text).strip()):
        if _DESIGNATION.fullmatch(word):
            continue
        for part in re.split(f"[{_APOSTROPHES}]", word):
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


#: The commonest single-character surnames (about nine in ten people carry one).
_COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝姜杭利阴"
)


def surname_of(name: str) -> str | None:
    """The surname a Chinese personal name starts with, if it starts with one.

    Compound surnames from the surname table win over single characters.

    >>> surname_of("欧阳修"), surname_of("王亚平"), surname_of("北京")
    ('欧阳', '王', None)
    """
    if len(name) >= 3 and name[:2] in _surnames():
        return name[:2]
    if name[:1] in _COMMON_SURNAMES or name[:1] in _surnames():
        return name[:1]
    return None


def _general_tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for index, run in enumerate(_HAN_RUNS.split(text)):
        if not run:
            continue
        if index % 2 == 0:
            tokens.append(run)
            continue
        syllables, pos = _tone_syllables(run), 0
        for word in _words(run):
            tokens.append(syllables[pos:pos + len(word)])
            pos += len(word)
    return tokens


def _person(name: str) -> list[_Token]:
    """Surname and given name of an all-Han personal name."""
    table = _surnames()
    if len(name) >= 2 and name[:2] in table:
        surname, given = name[:2], name[2:]
    else:
        surname, given = name[:1], name[1:]
    first = list(table[surname]) if surname in table else _tone_syllables(surname)
    return [first, _tone_syllables(given)] if given else [first]


def _person_tokens(text: str, whole_words: bool) -> list[_Token]:
    """Persons: each Han run is a name, or one word when ``whole_words``."""
    tokens: list[_Token] = []
    for index, run in enumerate(_HAN_RUNS.split(text)):
        if not run:
            continue
        if index % 2 == 0:
            tokens.append(run)
        elif whole_words:
            tokens.append(_tone_syllables(run))
        else:
            tokens.extend(_person(run))
    return tokens


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


def _render(tokens: list[_Token], u: str) -> str:
    out: list[str] = []
    previous: _Token | None = None
    for token in tokens:
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
    one word), a space, the given name as one word. Any other ``kind``
    (place, organization, …) or None applies GB/T 16159-2012: one word per
    lexical word, each capitalized. An apostrophe marks a syllable starting
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
    """
    if not isinstance(zh, str):
        raise ValueError(f"romanize() needs a str, not {type(zh).__name__}")
    if kind is not None and not isinstance(kind, str):
        raise ValueError(f"kind must be a str or None, not {type(kind).__name__}")
    if u not in _U_FORMS:
        raise ValueError(f"u must be one of {', '.join(_U_FORMS)}; got {u!r}")
    text = _MIDDOTS.sub(" ", zh)
    if kind == "person":  # a middle dot marks a minority or foreign name
        tokens = _person_tokens(text, whole_words=text != zh)
    else:
        tokens = _general_tokens(text)
    result = _render(tokens, u)
    return result if tones else strip_tones(result)
