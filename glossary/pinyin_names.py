"""Readings that pypinyin's defaults get wrong in names, and surname detection.

Data files, each read once on first use (see ``docs/pinyin.md`` for their
format and sources):

- ``glossary/data/surnames.tsv``: surnames whose reading differs from the
  ordinary one, and compound surnames of up to four characters;
- ``glossary/data/given_names.tsv``: characters read differently in given names;
- ``glossary/data/phrases.tsv``: words whose reading pypinyin's phrase data
  gets wrong (蒙古 měnggǔ).
"""

from __future__ import annotations

from functools import lru_cache

from .pinyin_syllables import data_text, is_syllable, split_syllables, strip_tones

__all__ = [
    "COMMON_SURNAMES",
    "LONGEST_SURNAME",
    "given_name_readings",
    "phrase_readings",
    "surname_char_readings",
    "surname_of",
    "surnames",
]

#: The most characters a surname in the table has (爱新觉罗).
LONGEST_SURNAME = 4

@lru_cache(maxsize=1)
def surnames() -> dict[str, tuple[str, ...]]:
    """Surname → its tone-marked syllables, lower case, from ``surnames.tsv``."""
    table: dict[str, tuple[str, ...]] = {}
    lines = data_text("surnames.tsv").splitlines()
    for number, line in enumerate(lines[1:], start=2):  # line 1 is the header
        if not line.strip() or line.startswith("#"):
            continue
        surname, reading = line.split("\t")[:2]
        syllables = split_syllables(reading.strip().lower(), len(surname))
        if syllables is None or len(surname) > LONGEST_SURNAME:
            raise ValueError(f"surnames.tsv:{number}: {reading!r} is not "
                             f"{len(surname)} pinyin syllable(s)")
        table[surname] = syllables
    return table


def _rows(name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a data file with a header row and # comments."""
    lines = data_text(name).splitlines()
    return [(number, line.split("\t")) for number, line in enumerate(lines[1:], start=2)
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def given_name_readings() -> dict[str, str]:
    """Character → its tone-marked reading in given names, from ``given_names.tsv``."""
    table: dict[str, str] = {}
    for number, (char, reading, *_) in _rows("given_names.tsv"):
        if len(char) != 1 or not is_syllable(reading):
            raise ValueError(f"given_names.tsv:{number}: {char!r} {reading!r} is not one character "
                             "and one pinyin syllable")
        table[char] = reading
    return table


@lru_cache(maxsize=1)
def phrase_readings() -> dict[str, tuple[str, ...]]:
    """Word → its tone-marked syllables, one per character, from ``phrases.tsv``."""
    table: dict[str, tuple[str, ...]] = {}
    for number, (phrase, reading, *_) in _rows("phrases.tsv"):
        syllables = tuple(reading.split())
        if len(syllables) != len(phrase) or not all(is_syllable(s) for s in syllables):
            raise ValueError(f"phrases.tsv:{number}: {reading!r} is not one pinyin syllable per character "
                             f"of {phrase!r}")
        table[phrase] = syllables
    return table


@lru_cache(maxsize=1)
def surname_char_readings() -> dict[str, frozenset[str]]:
    """Each character of the surname table → its toneless readings there."""
    found: dict[str, set[str]] = {}
    for surname, syllables in surnames().items():
        for char, syl in zip(surname, syllables):
            found.setdefault(char, set()).add(strip_tones(syl))
    return {char: frozenset(r) for char, r in found.items()}



#: The commonest single-character surnames (about nine in ten people carry one).
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝姜杭利阴"
)


def surname_of(name: str) -> str | None:
    """The surname a Chinese personal name starts with, if it starts with one.

    Compound surnames from the surname table win over single characters
    (the longest first); a compound needs a given name after it.

    >>> surname_of("欧阳修"), surname_of("王亚平"), surname_of("北京"), surname_of("爱新觉罗玄烨")
    ('欧阳', '王', None, '爱新觉罗')
    """
    for size in range(LONGEST_SURNAME, 1, -1):
        if len(name) > size and name[:size] in surnames():
            return name[:size]
    if name[:1] in COMMON_SURNAMES or name[:1] in surnames():
        return name[:1]
    return None

