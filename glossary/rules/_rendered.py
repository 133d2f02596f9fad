"""When a target carries a source name without its full glossary English.

News English often keeps only the distinctive head of a name: 西昌卫星发射中心
as "a launch pad in Xichang". And a place may be only the modifier of a
longer name the glossary does not know (酒泉 in an unlisted 酒泉…中心), whose
rendering cannot be checked. These helpers tell ``missing-translation`` so.
A name said only by its class noun ("the rover" for 祝融号火星车) stays a
missing translation: the name is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Match, Term
from ..normalize import fold_zh_text, is_han

__all__ = ["by_head", "modifier_only"]

#: The head noun of an institution or facility name: 酒泉 is only the
#: modifier in 酒泉航天升空中心.
_INSTITUTION = ("发射中心", "发射场", "中心", "基地", "航天城", "着陆场", "大学", "学院", "研究所", "研究院",
                "实验室", "天文台", "公司", "集团")
#: Han characters that end a name: particles, conjunctions, prepositions.
_NOT_IN_NAME = set("的和与及或在于是从到向对将把被也都了着")


#: A head that begins the English of more terms than this names none of them
#: ("China" begins dozens; "Xichang" two).
_DISTINCTIVE = 4


def _begins(whole: str, head: str) -> bool:
    return whole.casefold().startswith(head.casefold()) and whole[len(head):len(head) + 1] in (" ", "-")


def by_head(term: Term, m: Match, rendered: Mapping[str, Term], terms: Iterable[Term]) -> bool:
    """Is the name at ``m`` rendered by the distinctive head of its English?

    Another term inside its Chinese is rendered, the term's English begins
    with that term's English, and few terms' English begins so: 西昌卫星发射中心
    as "Xichang", 天宫一号 as "Tiangong" (a misprinted "Tiangong 1which"), but
    never 中国空间站 as "China".
    """
    inside = fold_zh_text(m.text)
    for other in rendered.values():
        if other.id == term.id or not any(fold_zh_text(z) in inside for z in (other.zh, *other.zh_variants)):
            continue
        for head in (other.en, *other.aliases):
            if _begins(term.en, head) and sum(_begins(t.en, head) for t in terms) <= _DISTINCTIVE:
                return True
    return False


def modifier_only(term: Term, source: str, m: Match, covered: set[int]) -> bool:
    """Is the place at ``m`` only the modifier of a longer institution name
    the glossary does not list (酒泉 in 酒泉航天升空中心)?"""
    if term.category != "place":
        return False
    end = m.end
    while end < len(source) and end - m.end < 12 and is_han(source[end]) and source[end] not in _NOT_IN_NAME:
        if end in covered:
            return False  # another glossary term follows: 中国 + 西昌卫星发射中心 is checked as two names
        end += 1
        run = source[m.end:end]
        if any(run.endswith(noun) for noun in _INSTITUTION) and len(run) >= 2:
            return True
    return False
