"""Find glossary terms in text: the English scan and :func:`find_terms`.

The English scan runs one Aho–Corasick automaton (pyahocorasick, built in
:mod:`glossary.automata` from the forms of :mod:`glossary.forms`) over a
folded copy of the text and takes the leftmost-longest candidates that pass
the boundary checks. Offsets are 0-based character offsets into the
original text. The Chinese scan is in :mod:`glossary.match_zh`.

English: the text is folded (case, width, quotes, dashes) and separators
(white space, hyphens, invisible characters) are skipped, so that
``Tianwen 3``, ``Tianwen-3`` and ``tianwen3`` all find Tianwen-3; a candidate
must start and end on a Latin word boundary. A digit glued to the end of a
word is a footnote mark and no boundary (Report1). A series prefix followed
by a number is that numbered member (Chang'e 5, Long March 2F, Shenzhou V).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from .automata import AS_LISTED, CAPITALS, SERIES, Automata, automata_of, gc_paused
from .forms import ACCEPTED_KINDS, Series, from_roman
from .model import Match, Term
from .index import or_default
from .normalize import IGNORABLE, fold_en_text, is_han, is_latin_word
from .match_zh import find_zh

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["en_candidates", "find_en", "find_terms", "find_zh", "is_latin_word"]

Candidate = tuple[int, int, tuple[tuple[Term, str], ...]]

_SEP_CHARS = "".join(sorted(IGNORABLE)) + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
#: Separators other than space, tab, CR, LF and the hyphen (folded dashes are hyphens).
_RARE_SEPARATOR = re.compile(
    "[\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    + re.escape("".join(sorted(IGNORABLE))) + "]"
)
_SEP_SPLIT = re.compile(r"([\s" + re.escape(_SEP_CHARS) + r"]+)")
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
#: A footnote mark glued to a word: one to three digits, then no letter or digit.
_FOOTNOTE = re.compile(r"[0-9\u00b9\u00b2\u00b3\u2070-\u2079]{1,3}(?![^\W_])")
#: What follows a series prefix: a number (digits, or Roman numerals in
#: capitals) and an optional letter suffix, then a word boundary.
_MEMBER = re.compile(
    r"[ \t\-\u2010\u2011\u2013]?(?:(?P<d>\d{1,3})(?P<ds>[A-H])?|(?P<r>[IVX]{1,5})(?:[ \-]?(?P<rs>[A-H]))?)(?![^\W_])"
)
#: A minor planet's number before its name: (21064) Yangliwei.
_ASTEROID = re.compile(r"\(\d{3,7}\)[ \u00a0]$")


def _skeleton(text: str) -> tuple[str, list[int], list[int]]:
    """Folded text with separators dropped, and where each run of it starts
    in the skeleton and in the text (for texts with invisible characters or
    unusual spaces; others take the fast path in :func:`en_candidates`)."""
    parts = _SEP_SPLIT.split(fold_en_text(text))
    words = parts[0::2]
    ends = list(accumulate(map(len, parts)))
    tx_starts = [0, *ends[1::2]]
    sk_starts = [0, *accumulate(map(len, words))][:-1]
    return "".join(words), sk_starts, tx_starts


def _members(text: str, s: int, e: int, series: tuple[tuple[Series, str], ...], automata: Automata) -> list[Candidate]:
    """The numbered series member that starts with the prefix text[s:e]: none,
    or the member, and with a letter suffix also the member without it (Long
    March 2F renders Long March 2 as well: the longer rendering holds the
    shorter). A proper name: the prefix must start with a capital."""
    if not text[s:s + 1].isupper():
        return []
    m = _MEMBER.match(text, e)
    if m is None:
        return []
    roman = bool(m.group("r"))
    if roman:
        n, suffix, num_end = from_roman(m.group("r")) or 0, m.group("rs") or "", m.end("r")
    else:
        n, suffix, num_end = int(m.group("d")), m.group("ds") or "", m.end("d")
    if not 0 < n < 1000:
        return []

    def found(suffix: str) -> tuple[tuple[Term, str], ...]:
        # Roman numerals (Shenzhou V, Long March II F) are a variant numbering of every member.
        return tuple((automata.member_term(ser, n, suffix), "variant" if roman and kind in ACCEPTED_KINDS else kind)
                     for ser, kind in series)

    out = [(s, m.end(), found(suffix))]
    if suffix:
        out.append((s, num_end, found("")))
    return out


def _camel_glued(text: str, s: int, length: int) -> bool:
    """A capitalized name glued to the word before it, as scraped text loses
    the space: amidChina's, inBeijing (a lower-case letter, then a capital)."""
    return length >= 4 and text[s].isupper() and "a" <= text[s - 1] <= "z"


def _footnote_after(folded: str, e: int) -> bool:
    """Digits glued to a word's last letter, then a boundary: a footnote mark."""
    return folded[e - 1].isalpha() and _FOOTNOTE.match(folded, e) is not None


def en_candidates(text: str, glossary: "Glossary") -> list[Candidate]:
    """Every English candidate on word boundaries, overlapping ones included.

    Each is (start, end, ((term, form), ...)): all terms whose listed forms
    share the tolerant key, in order of form precedence.
    """
    automata = automata_of(glossary)
    auto = automata.en
    if not len(auto) or not text:
        return []
    candidates: list[Candidate] = []
    members: list[Candidate] = []  # series members, after the rows: a stable sort prefers a row of the same span
    folded = fold_en_text(text)
    if _RARE_SEPARATOR.search(folded) is None:
        # Fast path: every separator becomes one space (same length), and the
        # automaton skips spaces itself (pyahocorasick's ignore_white_space),
        # so "Qian Fan", "Qian-Fan" and "Qianfan" all reach the key "qianfan".
        for ch in "-\n\r\t":
            if ch in folded:
                folded = folded.replace(ch, " ")
        n = len(folded)
        append = candidates.append
        count = folded.count
        values = automata.en_values
        for end_idx, k in auto.iter(folded, ignore_white_space=True):
            length, found, mode = values[k]
            series = mode & SERIES
            e = end_idx + 1
            bounded = True
            if e < n:
                ch = folded[e]
                if ch.isalnum() and ch < "\u2e80":
                    # a footnote digit glued to a word (Report1) is no word of its own
                    if not series and not (ch.isdigit() and _footnote_after(folded, e)):
                        continue
                    bounded = False
            # Walk back over the key's characters and the spaces among them.
            s = e - length
            k = count(" ", s, e)
            while k:
                s, k = s - k, count(" ", s - k, s)
            if s > 0:
                ch = folded[s - 1]
                # inline _camel_glued: amidChina's
                if ch.isalnum() and ch < "\u2e80" and not (length >= 4 and "a" <= text[s - 1] <= "z" and text[s].isupper()):
                    continue
                if ch == " " and _after_minor_planet(text, s):
                    continue
            if series:
                members += _members(text, s, e, automata.en_series[folded[s:e].replace(" ", "")], automata)
                mode ^= SERIES
            if not found or (not bounded and not _footnote_after(folded, e)):
                continue
            if mode and not _case_fits(text[s:e], found, mode, automata):
                continue
            append((s, e, found))
        return candidates + members if members else candidates
    skel, sk_starts, tx_starts = _skeleton(text)
    ignorable = IGNORABLE
    n = len(text)

    def to_text(i: int) -> int:
        r = bisect_right(sk_starts, i) - 1
        return tx_starts[r] + (i - sk_starts[r])

    # Invisible characters are dropped like separators but are no boundary:
    # look past them in the text itself. Boundaries are judged on the folded
    # text, as on the fast path (a full-width ０ glued to a word is a digit).
    values = automata.en_values
    for end_idx, k in auto.iter(skel):
        length, found, mode = values[k]
        series = mode & SERIES
        mode &= ~SERIES
        s = to_text(end_idx - length + 1)
        e = to_text(end_idx) + 1
        if s > 0:
            p = s - 1
            while p >= 0 and text[p] in ignorable:
                p -= 1
            if p >= 0 and is_latin_word(folded[p]) and not (p == s - 1 and _camel_glued(text, s, length)):
                continue
        if series:
            members += _members(text, s, e, automata.en_series[skel[end_idx - length + 1:end_idx + 1]], automata)
        if not found or (mode and not _case_fits(text[s:e], found, mode, automata)):
            continue
        if e < n:
            q = e
            while q < n and text[q] in ignorable:
                q += 1
            if q < n and is_latin_word(folded[q]) and not (q == e and _footnote_after(folded[e - 1:e + 4], 1)):
                continue
        candidates.append((s, e, found))
    return [c for c in candidates + members if not _after_minor_planet(text, c[0])]


def _case_fits(surface: str, found: tuple[tuple[Term, str], ...], mode: int, automata: Automata) -> bool:
    if mode == CAPITALS:  # NPC, and the plural NPCs
        return surface.isupper() or (surface[-1:] == "s" and surface[:-1].isupper())
    assert mode == AS_LISTED
    return automata.case_ok(surface, found)


def _after_minor_planet(text: str, s: int) -> bool:
    """A name after a minor planet's number is the asteroid's: (21064) Yangliwei."""
    return s > 5 and text[s - 2] == ")" and _ASTEROID.search(text, s - 10 if s > 10 else 0, s) is not None


_NAME_PART_FORMS = frozenset({"variant", "tolerant", "case"})
_NEXT_CAPITAL = re.compile(r"[ \u00a0]+[A-Z][a-z]")
_OF_BEFORE = re.compile(r"[A-Z][a-z]+ of $")


def _inside_a_longer_name(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a word of a longer proper name: followed by a capitalized
    word (Peking University), or after "X of" (University of Macau)?"""
    return _NEXT_CAPITAL.match(text, e) is not None or _OF_BEFORE.search(text, max(0, s - 40), s) is not None


def _span_order(c: Candidate) -> tuple[int, int]:
    return c[0], -c[1]


def _latin_only(text: str) -> str:
    """``text`` with its Han characters and CJK punctuation replaced by ``#``
    (same length), when they are most of it: the English scan then folds an
    ASCII text and skips nothing it could match, and every Han character is
    still a boundary that no tolerant match crosses."""
    n = len(text)
    if n < 4096 or (n - len(text.encode("ascii", "ignore"))) * 4 < n:
        return text
    table = {ord(c): "#" for c in set(text) if c >= "\u2e80" and c != "\u3000" and (is_han(c) or not c.isalnum())}
    return text.translate(table) if table else text


def find_en(text: str, glossary: "Glossary", *, surfaces: str | None = None) -> list[Match]:
    """English matches of glossary terms, leftmost-longest, no overlaps.

    ``surfaces``, when given, is the text the offsets point into and the
    matched strings come from; ``text`` is then a same-length copy to scan
    (see :func:`_latin_only`).

    >>> from glossary.index import Glossary
    >>> g = Glossary([Term(id="t3", zh="天问三号", en="Tianwen-3")])
    >>> [(m.text, m.form) for m in find_en("Tianwen 3 and TIANWEN-3, not Tianwen-30.", g)]
    [('Tianwen 3', 'tolerant'), ('TIANWEN-3', 'en')]
    """
    automata = automata_of(glossary)
    matches: list[Match] = []
    pos = 0
    # Leftmost, then longest; of equal spans the first found (a row of the
    # table before a series member built from a template: the sort is stable).
    original = text if surfaces is None else surfaces  # the text the offsets point into
    for s, e, found in sorted(en_candidates(text, glossary), key=_span_order):
        if s < pos:
            continue
        surface = original[s:e]
        term, form = automata.pick_en(surface, found)
        if form == "implausible":
            continue
        if form in _NAME_PART_FORMS and surface[-1:].isalpha() and _inside_a_longer_name(original, s, e):
            continue  # Peking University, University of Macau: the official name of something else
        pos = e
        matches.append(Match(term=term, start=s, end=e, text=surface, lang="en", form=form))
    return matches


def find_terms(text: str, glossary: "Glossary | None" = None) -> list[Match]:
    """Every glossary term in ``text``, Chinese and English, in text order.

    Matches are leftmost-longest and never overlap; ``text[m.start:m.end] == m.text``.
    """
    g = or_default(glossary)
    with gc_paused():  # the scans' many small tuples are acyclic: the collector would only rescan them
        en = find_en(_latin_only(text), g, surfaces=text) if _LATIN.search(text) else []
        zh = find_zh(text, g)
    if en and zh and len(automata_of(g).verbatim):
        # A verbatim form (SWIFT) found by both scans is one occurrence.
        spans = {(m.start, m.end) for m in en}
        zh = [m for m in zh if (m.start, m.end) not in spans]
    matches = en + zh
    matches.sort(key=lambda m: (m.start, -m.end))
    return matches
