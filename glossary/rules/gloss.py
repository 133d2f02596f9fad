"""Gloss rules: gloss-mismatch, unknown-term, pinyin-mismatch.

A gloss pairs an English name with its Chinese in brackets. For each gloss
the rule looks the Chinese up and asks whether the English beside it is one
of that term's forms.
"""

from __future__ import annotations

import re

from ..forms import english_surfaces
from ..model import Match, Term
from ..match_zh import find_zh
from ..normalize import en_key, is_han, zh_key
from ..pinyin import strip_tones
from ..suggest import origin_of, suggest_row
from ..table import guess_category
from ._base import Doc, Gloss, name_end
from ._fixes import fix_to

__all__ = ["check_glosses", "suggest_row"]


def _forms(term: Term) -> list[tuple[str, str]]:
    """Every English surface of the term, as (kind, surface): plurals included."""
    return [(kind, surface) for surface, kind in english_surfaces(term)]


def check_glosses(doc: Doc) -> None:
    for gloss in doc.glosses:
        if gloss.kind == "after":
            _check_after(doc, gloss)
        else:
            _check_before(doc, gloss)


def _match_ending_at(doc: Doc, pos: int) -> Match | None:
    """The English match that ends right before ``pos`` (spaces, quotes,
    emphasis marks or a possessive between)."""
    return doc.en_by_end.get(name_end(doc.masked, pos))


def _lookup(doc: Doc, zh: str) -> Term | None:
    """The term whose Chinese is ``zh``: a row, or a numbered series member."""
    term = doc.glossary.lookup(zh)
    if term is None:
        found = find_zh(zh, doc.glossary)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(zh):
            term = found[0].term
    return term


def _check_pinyin(doc: Doc, gloss: Gloss, term: Term | None) -> None:
    """pinyin-mismatch for pinyin given in a gloss that does not spell its Chinese."""
    from ..pinyin import matches_pinyin, romanize

    if gloss.pinyin_span is None:
        return
    ps, pe = gloss.pinyin_span
    written = doc.text[ps:pe]
    zh = zh_key(gloss.zh)
    if matches_pinyin(written, zh) or (term is not None and term.pinyin and
                                       en_key(strip_tones(written)) == en_key(strip_tones(term.pinyin))):
        return
    if not any(c.isalpha() for c in written) or not all(is_han(c) for c in zh):
        return  # 长征二号F: letters in the Chinese are not romanized
    expected = term.pinyin if term is not None and term.pinyin else romanize(zh, kind=(term.category if term else None) or None)
    doc.add("pinyin-mismatch", ps, pe, f"pinyin {written!r} in the gloss does not spell {gloss.zh}; its pinyin is "
            f"{expected!r}", expected=expected, term=term)


def _check_after(doc: Doc, gloss: Gloss) -> None:
    term = _lookup(doc, gloss.zh)
    _check_pinyin(doc, gloss, term)
    zs, ze = gloss.zh_span
    pos = gloss.name_end
    if term is not None:
        if doc.ends_with_form(pos, _forms(term)) is not None:
            return
        other = _match_ending_at(doc, pos)
        if other is not None and other.term.id != term.id:
            doc.add("gloss-mismatch", zs, ze,
                    f"gloss {gloss.zh} is {term.en!r}, but the English before it is {other.text!r} "
                    f"({other.term.zh})", expected=other.term.zh, term=other.term,
                    fix=fix_to(doc.text[zs:ze], other.term.zh, safe=False))
            return
        start, found = doc.words_before(pos)
        if _renders_a_part(doc, start, pos, gloss.zh):
            return  # Chang'e Project (嫦娥工程): a literal rendering the table does not list
        keep = len(term.en.split())
        offset = _tail_start(found, keep)
        start, found = start + offset, found[offset:]
        if found:
            doc.add("gloss-mismatch", start, start + len(found),
                    f"{found!r} is glossed {gloss.zh}, whose rendering is {term.en!r}", expected=term.en, term=term,
                    fix=fix_to(found, term.en, term, safe=False))
        return
    other = _match_ending_at(doc, pos)
    if other is not None and any(zh_key(f) in zh_key(gloss.zh) for f in other.term.zh_forms):
        return  # Premier Li Qiang (李强总理): the gloss holds the name and a title
    if other is not None and _short_form(zh_key(gloss.zh), other.term):
        return  # Chinese Lunar Exploration Program (中国探月): the gloss is a short form
    if other is not None:
        doc.add("gloss-mismatch", zs, ze,
                f"{other.text!r} is {other.term.zh}, but the gloss says {gloss.zh}", expected=other.term.zh,
                term=other.term, fix=fix_to(doc.text[zs:ze], other.term.zh, safe=False))
        return
    start, found = doc.words_before(pos)
    named = _named_with_a_descriptor(doc, pos)
    if named is not None:
        inside = find_zh(gloss.zh, doc.glossary)
        if any(zh_key(f) in zh_key(gloss.zh) for f in named.term.zh_forms):
            return  # a Long March 2F rocket (长征二号F运载火箭): the name, a generic word, and both glossed
        if inside:  # the Tianwen-1 probe (嫦娥五号探测器): the gloss names another term
            doc.add("gloss-mismatch", zs, ze, f"{named.text!r} is {named.term.zh}, but the gloss says {gloss.zh}",
                    expected=named.term.zh, term=named.term,
                    fix=fix_to(doc.text[zs:ze], named.term.zh, safe=False))
            return
    _unknown(doc, gloss, found, start)


_DESCRIPTOR = re.compile(r"[ \t]+[a-z][a-z-]{1,20}(?:[ \t]+[a-z][a-z-]{1,20})?[ \t]*$")


def _named_with_a_descriptor(doc: Doc, pos: int) -> Match | None:
    """The term before a gloss when one or two lower-case words (rocket,
    mission, probe) stand between it and the gloss, else None."""
    stop = name_end(doc.masked, pos)
    m = _DESCRIPTOR.search(doc.masked, max(0, stop - 48), stop)
    return doc.en_by_end.get(m.start()) if m is not None else None


def _short_form(zh: str, term: Term) -> bool:
    """Is ``zh`` a leading short form of one of the term's Chinese forms (中国探月 of 中国探月工程)?"""
    return len(zh) >= 2 and any(f != zh and zh_key(f).startswith(zh) and 2 * len(zh) >= len(f) for f in term.zh_forms)


def _renders_a_part(doc: Doc, start: int, end: int, zh: str) -> bool:
    """Does the English in [start, end) render a term whose Chinese is part of ``zh``?"""
    key = zh_key(zh)
    return any(start <= m.start and m.end <= end and any(zh_key(f) in key for f in m.term.zh_forms)
               for m in doc.en_matches)


def _check_before(doc: Doc, gloss: Gloss) -> None:
    g = doc.glossary
    term = g.lookup(gloss.zh)
    assert gloss.en_span is not None
    es, ee = gloss.en_span
    english = doc.text[es:ee]
    inside = [m for m in doc.en_matches if es <= m.start and m.end <= ee]
    if term is not None and any(m.term.id == term.id for m in inside):
        return  # 李强（Premier Li Qiang）, 天问三号 (Tianwen-3 mission)
    other = g.lookup_en(english) or (inside[0].term if len(inside) == 1 else None)
    if other is not None:  # the English is another term's: the Chinese is wrong
        zs, ze = gloss.zh_span
        doc.add("gloss-mismatch", zs, ze, f"{english!r} is {other.zh}, but the Chinese here is {gloss.zh}",
                expected=other.zh, term=other, fix=fix_to(doc.text[zs:ze], other.zh, safe=False))
    elif term is not None:  # the Chinese is known: the English is wrong
        doc.add("gloss-mismatch", es, ee, f"{gloss.zh} is rendered {english!r}; the glossary has {term.en!r}",
                expected=term.en, term=term,
                fix=fix_to(english, term.en, term, safe=False))
    else:
        _unknown(doc, gloss, english, es)


_ARTICLE = re.compile(r"(?:The|An|A)[ \t]+(?=\S)")


def _without_article(doc: Doc, english: str, start: int) -> tuple[str, int]:
    """The name-like words before a gloss without an article that starts the
    sentence: its capital is the sentence's, not the name's ("The Changan
    (长安汽车)" names Changan). A capital article inside a sentence stays
    (visited The Hague)."""
    m = _ARTICLE.match(english)
    if m is None or not doc.is_sentence_start(start):
        return english, start
    return english[m.end():], start + m.end()


def _unknown(doc: Doc, gloss: Gloss, english: str, en_start: int) -> None:
    """unknown-term for a gloss the glossary lacks, and pinyin-mismatch when
    the English beside it is pinyin that does not spell it."""
    from ..pinyin import matches_pinyin, romanize

    if gloss.kind == "after":
        english, en_start = _without_article(doc, english, en_start)
    zh = zh_key(gloss.zh)
    zs, ze = gloss.zh_span
    words = english.split()
    # The name is the shortest tail of the words that spells the Chinese …
    used = next((" ".join(words[-k:]) for k in range(1, len(words) + 1)
                 if matches_pinyin(" ".join(words[-k:]), zh)), None)
    wrong = None
    if used is None:
        # … or a tail that is pinyin of the right length but misspelled …
        wrong = _pinyin_tail(words, len(zh))
        # … or, for a rendering by meaning, all of the name-like words.
        used = wrong or english
    category = guess_category(zh)
    expected = romanize(zh, kind=category, tones=False)
    context = doc.masked[max(0, gloss.name_end - 200):gloss.name_end] if gloss.kind == "after" and not wrong else ""
    row = suggest_row(zh, "" if wrong else used, context=context)  # glossary.suggest: text, CC-CEDICT, pinyin
    shown = f"{used or row.en!r}" if used or origin_of(row) == "text" else "no English"
    doc.add("unknown-term", zs, ze, f"{gloss.zh} ({shown}) is not in the glossary; suggested row: "
            f"{row.zh},{row.en},{row.pinyin},{row.category}", suggestion=row)
    if wrong:
        start = en_start + _tail_start(english, len(wrong.split()))
        wrong = english[start - en_start:].rstrip()
        doc.add("pinyin-mismatch", start, start + len(wrong),
                f"{wrong!r} does not spell {gloss.zh}; its pinyin is {expected!r}", expected=expected)


def _tail_start(text: str, k: int) -> int:
    """Where the last ``k`` white-space-separated words of ``text`` start
    (0 when it has no more than ``k``); runs of spaces count as one gap.

    >>> t = "Mr. Zhang  Wei"; t[_tail_start(t, 2):]
    'Zhang  Wei'
    """
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return starts[-k] if 0 < k <= len(starts) else 0


def _pinyin_tail(words: list[str], syllables: int) -> str | None:
    """The tail of ``words`` that is pinyin with ``syllables`` syllables, if any."""
    from ..pinyin import syllabify

    for k in range(1, len(words) + 1):
        tail = words[-k:]
        parts = syllabify(" ".join(tail))
        if parts is None:
            return None
        if len(parts) == syllables:
            return " ".join(tail)
        if len(parts) > syllables:
            return None
    return None
