"""Rendering rules: variant, forbidden, inconsistent, untranslated."""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..match_zh import find_zh
from ..forms import ACCEPTED_KINDS
from ..model import Finding, Match, Term
from ..normalize import en_exact, en_key
from . import get_rule
from ..normalize import HAN_RUN
from ._base import Doc
from ._fixes import fix_to, is_plural_of

__all__ = ["Spelling", "check_inconsistent", "check_renderings", "check_untranslated", "form_key", "is_accepted", "spellings"]


def _singular(text: str, term: Term) -> str:
    """``text`` less a regular plural ending (Beidous → Beidou); a person's name is never a plural."""
    return (is_plural_of(text, term) or text) if term.category != "person" else text


def _nearest_form(text: str, term: Term) -> str:
    """The accepted form a spelling is closest to: the alias it only
    re-spells (Beidou → BeiDou), else the preferred rendering."""
    key = en_key(_singular(text, term))
    for form in term.accepted:
        if en_key(form) == key:
            return form
    return term.en


def _nearest_accepted(m: Match) -> str:
    return _nearest_form(m.text, m.term)


def _closest_accepted(found: str, term: Term) -> str:
    """The form to put for a wrong one: the preferred form when it shares a
    word with it, else the alias that keeps most of its words (and adds
    fewest), so that the fix still reads as a sentence: 'the Tiangong core
    module' becomes 'the Tianhe core module', not 'the Tianhe'. Words are
    split at hyphens too (Tianwen One shares Tianwen with Tianwen-1)."""
    words = _words(found)
    if words & _words(term.en):
        return term.en
    best, score = term.en, (0, 0)
    for form in term.aliases:
        own = _words(form)
        candidate = (len(words & own), -len(own - words))  # most words kept, then fewest added
        if candidate[0] and candidate > score:
            best, score = form, candidate
    return best


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", en_exact(text).casefold()))


def check_renderings(doc: Doc) -> None:
    """variant, forbidden and case, for every English match. A text in lower
    case throughout (a normalised MT output) gets no case findings."""
    lower_case_text = None
    for m in doc.en_matches:
        if lower_case_text is None and m.form == "case":
            lower_case_text = not any(c.isupper() for c in doc.masked)
        form = m.form
        if form == "forbidden":
            want = _closest_accepted(m.text, m.term)
            doc.add("forbidden", m.start, m.end, f"{m.text!r} is wrong for {m.term.zh}; use {want!r}",
                    expected=want, term=m.term, fix=fix_to(m.text, want, m.term))
        elif form in ("variant", "tolerant"):
            want = _nearest_accepted(m)
            what = "a variant" if form == "variant" else "not the house spelling"
            # Re-spelling one name (Tianwen 3, Beidou) is safe; replacing an
            # abbreviation, a former name or a translation (SSST, Thousand
            # Sails) with the house name rewrites the sentence: unsafe.
            doc.add("variant", m.start, m.end, f"{m.text!r} is {what}; use {want!r}", expected=want, term=m.term,
                    fix=fix_to(m.text, want, m.term, safe=_same_name(m.text, want)))
        elif form == "case" and lower_case_text is False:
            want = _nearest_accepted(m)
            doc.add("case", m.start, m.end, f"{m.text!r} differs from {want!r} only in case", expected=want,
                    term=m.term, fix=fix_to(m.text, want, m.term))


_ACCEPTED = "\x00accepted"


def form_key(doc: Doc, m: Match) -> str | None:
    """The spelling an occurrence counts as for consistency, or None if it
    does not count (forbidden forms are errors of their own). The preferred
    form and the aliases are one accepted spelling: they never conflict."""
    form = m.form
    if form == "forbidden":
        return None
    if form in ACCEPTED_KINDS or form == "case":
        return _ACCEPTED
    # A plural is the same spelling as its singular: Beidous and Beidou do not conflict.
    return en_exact(_singular(m.text, m.term)).casefold()


@dataclass(frozen=True, slots=True)
class Spelling:
    """One occurrence of a term, as the inconsistent rule needs it: the
    spelling it counts as (``key``), what it reads and where it is (1-based,
    already placed in the file or segment it belongs to)."""

    term: Term
    key: str
    found: str
    line: int
    column: int
    end_line: int
    end_column: int
    segment: int | None = None
    side: str = "text"


def spellings(doc: Doc, line_offset: int = 0) -> list[Spelling]:
    """The counted occurrences of ``doc``'s English matches, lines shifted by
    ``line_offset`` (for a piece of a longer text)."""
    out = []
    for m in doc.en_matches:
        key = form_key(doc, m)
        if key is None:
            continue
        line, column = doc.lines.position(m.start)
        end_line, end_column = doc.lines.position(m.end)
        out.append(Spelling(m.term, key, m.text, line + line_offset, column, end_line + line_offset, end_column,
                            doc.segment, doc.side))
    return out


def is_accepted(spelling: Spelling) -> bool:
    """An occurrence in the preferred form or an alias."""
    return spelling.key == _ACCEPTED


def check_inconsistent(occurrences: Iterable[Spelling]) -> list[Finding]:
    """inconsistent: when one term is spelled two ways in a document, flag
    each occurrence that differs from the reference spelling: an accepted
    form if the document uses one, else the first spelling used."""
    rule = get_rule("inconsistent")
    by_term: dict[str, list[Spelling]] = {}
    for one in occurrences:
        by_term.setdefault(one.term.id, []).append(one)
    findings = []
    for occ in by_term.values():
        if len({o.key for o in occ}) < 2:
            continue
        ref = next((o for o in occ if o.key == _ACCEPTED), occ[0])
        # Only spellings of one name conflict: Tianwen 3 / Tianwen-3, Macau /
        # Macao, Beidou / BeiDou. A name and its abbreviation (SSST), or a
        # former or translated name (Yuanxin, Thousand Sails), do not.
        used = {o.found for o in occ if o.key == ref.key}
        where = f"line {ref.line}" if ref.segment is None else f"segment {ref.segment}, line {ref.line}"
        # Name the accepted form nearest the reference spelling, as the variant
        # rule does: the alias it uses or re-spells (BeiDou for Beidou), else
        # the preferred rendering.
        want = _nearest_form(ref.found, ref.term)
        for o in occ:
            if o.key != ref.key and any(_same_name(o.found, u) for u in used):
                findings.append(Finding(
                    rule=rule.name, code=rule.code, severity=rule.severity,  # type: ignore[arg-type]
                    message=f"{o.found!r} here, but {ref.found!r} on {where}; use {want!r} throughout",
                    line=o.line, column=o.column, end_line=o.end_line, end_column=o.end_column, found=o.found,
                    expected=want, term=o.term, segment=o.segment, side=o.side,
                    # Safe only when it re-spells one name; never a short name into a long one.
                    fix=fix_to(o.found, want, o.term, safe=_same_name(_singular(o.found, o.term), want)),
                ))
    return findings


@lru_cache(maxsize=8192)
def _same_name(a: str, b: str) -> bool:
    """Are two spellings spellings of one name (not an abbreviation, a former
    name or a translation)?

    >>> _same_name("Tianwen 3", "Tianwen-3"), _same_name("Macau", "Macao"), _same_name("SSST", "Spacecom")
    (True, True, False)
    """
    ka, kb = en_key(a), en_key(b)
    if ka == kb:
        return True
    if _ABBREVIATION.fullmatch(a) or _ABBREVIATION.fullmatch(b):
        return False
    return SequenceMatcher(None, ka, kb).ratio() >= 0.75


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&\-]{1,9}s?")


#: A language label right before Chinese characters: a quotation of the
#: Chinese, not an untranslated word (Simplified Chinese国家航天, Chinese: 王亚平).
_LABEL_BEFORE = re.compile(r"(?i)(?:chinese|mandarin|zh)[ \t]*[:\uff1a]?[ \t]*$")
#: Latin words after Chinese characters, to try as their pinyin (长征 chángzhēng).
_WORDS_AFTER = re.compile(r"[ \t]*\(?((?:[^\W\d_]+['\u2019]?[ \t\-]?){1,12})")


def _quoted_chinese(text: str, s: int, e: int) -> bool:
    """Chinese given as Chinese: after a language label, or followed by its pinyin."""
    if _LABEL_BEFORE.search(text, max(0, s - 24), s):
        return True
    m = _WORDS_AFTER.match(text, e)
    if m is None:
        return False
    from ..pinyin import matches_pinyin

    words = m.group(1).split()
    zh = text[s:e]
    return any(matches_pinyin(" ".join(words[:k]), zh) for k in range(1, min(len(words), len(zh)) + 1))


def check_untranslated(doc: Doc, *, allow_glosses: bool = True) -> None:
    """untranslated: Han characters outside a gloss, not quoted as Chinese."""
    spans = sorted(g.span if g.kind == "after" else g.zh_span for g in doc.glosses) if allow_glosses else []
    starts = [a for a, _ in spans]
    for run in HAN_RUN.finditer(doc.masked):
        s, e = run.span()
        i = bisect_right(starts, s) - 1
        if i >= 0 and e <= spans[i][1]:
            continue
        if allow_glosses and _quoted_chinese(doc.masked, s, e):
            continue
        # A long run is a sentence left in Chinese: name it briefly, and look
        # its glossary terms up only in a run short enough to be a name or two.
        shown = run.group() if e - s <= 40 else run.group()[:40] + "…"
        known = find_zh(doc.text[s:e], doc.glossary) if e - s <= 80 else []
        if known:
            names = ", ".join(f"{m.text} → {m.term.en}" for m in known[:5]) + (", …" if len(known) > 5 else "")
            msg = f"{shown!r} is untranslated (glossary: {names})"
            expected = known[0].term.en if len(known) == 1 and known[0].end - known[0].start == e - s else None
        else:
            msg = f"{shown!r} is untranslated"
            expected = None
        # Replacing the characters with their English is a guess about the
        # sentence (they may be a quotation): an unsafe fix. The word after
        # them is not said twice (北斗 system → BeiDou system).
        put = _before_word(expected, known[0].term, doc.text, e) if expected else None
        doc.add("untranslated", s, e, msg, expected=expected, fix=fix_to(doc.text[s:e], put, safe=False))


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _before_word(want: str, term: Term, text: str, end: int) -> str:
    """``want``, or a shorter accepted form when the text goes on with ``want``'s last word: the
    BeiDou Navigation Satellite System before 'system' becomes BeiDou (else the last word is dropped).

    >>> t = Term(id="b", zh="北斗", en="BeiDou Navigation Satellite System", aliases=("BeiDou",))
    >>> _before_word(t.en, t, "北斗 system", 2), _before_word(t.en, t, "北斗 works", 2)
    ('BeiDou', 'BeiDou Navigation Satellite System')
    """
    m = _NEXT_WORD.match(text, end)
    words = want.split()
    if m is None or len(words) < 2 or m.group(1).casefold() != words[-1].casefold():
        return want
    shorter = [form for form in term.accepted
               if form.split()[-1].casefold() != words[-1].casefold() and form.split()[0] == words[0]]
    return min(shorter, key=len) if shorter else " ".join(words[:-1])
