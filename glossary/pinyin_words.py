"""Word boundaries for pinyin of names other than persons (GB/T 16159-2012).

jieba segments the Han text; runs of single characters it cannot place are
joined; long dictionary compounds are split into their words; numbers and
measure words, and administrative generic names (市, 自治区, …), are
written apart. See ``docs/pinyin.md`` ("All other names").
"""

from __future__ import annotations

import math
import re

from .segment import base_tokenizer, cut, word_tag

__all__ = ["is_transliteration", "words"]

_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
#: Measure words and suffixes written apart from a preceding number.
_CLASSIFIERS = frozenset("号型期届次代颗批艘枚级")
#: One-character administrative generic names (GB/T 16159-2012, place names).
_ADMIN = frozenset("省市县区州镇乡旗盟")
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


def is_transliteration(word: str) -> bool:
    """Whether every character of ``word`` is one common in transliterated foreign names (莫斯科).

    >>> is_transliteration("莫斯科"), is_transliteration("司马迁")
    (True, False)
    """
    return bool(word) and all(c in _TRANSLIT for c in word)


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
        if word_tag(word) == "ns" or not base_tokenizer().FREQ.get(word):  # a place jieba knows, or no word
            return _split_long(word[:-1]) + [word[-1]]
    return _split_long(word)


def words(han: str) -> list[str]:
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
