"""Sentence-pair rules: missing-translation, count-mismatch, extra-term, unknown-name."""

from __future__ import annotations

import re

from collections import Counter

from ..automata import automata_of
from ..match import en_candidates
from ..model import Match, Term
from ..normalize import fold_zh_text
from ._base import Doc
from ._rendered import by_head, modifier_only

__all__ = ["check_parallel", "check_unknown_names"]

_NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "organization"}


def check_parallel(src: Doc, tgt: Doc, src_matches: list[Match]) -> None:
    """missing-translation and count-mismatch (on the source), extra-term (on the target)."""
    # A target string counts for every term that lists it, overlapping
    # candidates included: "Young Master Zhou Que" renders 周公子 and 周缺.
    # Forbidden forms are wrong renderings and do not count.
    spans: set[tuple[str, int, int]] = set()
    terms: dict[str, Term] = {}
    pick = automata_of(tgt.glossary).pick_en
    # A target in lower case throughout (a normalised MT output) writes its
    # names in lower case too: "china" is then China, not the word.
    dropped = ("forbidden",) if not any(c.isupper() for c in tgt.masked) else ("forbidden", "implausible")
    candidates = en_candidates(tgt.masked, tgt.glossary)
    for s, e, found in candidates:
        surface = tgt.text[s:e]
        per_term: dict[str, list[tuple[Term, str]]] = {}
        for term, form in found:
            per_term.setdefault(term.id, []).append((term, form))
        for tid, entries in per_term.items():
            # Each term's own entries in precedence: Change-5 is Chang'e-5's
            # forbidden form before it is a tolerant spelling of a variant.
            if pick(surface, tuple(entries))[1] not in dropped:
                spans.add((tid, s, e))
                terms[tid] = entries[0][0]
    tgt_count = Counter(tid for tid, _s, _e in spans)
    # Terms rendered on their own, not inside a longer candidate ("Shenzhou" in
    # "Shenzhou-9", "Change" in the forbidden "Change-5").
    rendered = {tid: terms[tid] for tid, s, e in spans
                if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _f in candidates)}
    by_term: dict[str, list[Match]] = {}
    covered = {i for m in src_matches for i in range(m.start, m.end)}
    for m in src_matches:
        if not modifier_only(m.term, src.masked, m, covered):
            by_term.setdefault(m.term.id, []).append(m)
    for tid, occ in by_term.items():
        term = occ[0].term
        have = tgt_count.get(tid, 0)
        if have == 0 and _surname_alone(term, tgt.masked):
            have = 1  # Xi added …: news English names a person by the surname alone
        if have == 0 and any(by_head(term, m, rendered, src.glossary) for m in occ):
            have = len(occ)  # "a launch pad in Xichang": news English keeps the name's distinctive head
        if have == 0:
            src.add("missing-translation", occ[0].start, occ[0].end,
                    f"{term.zh} has no {term.en!r} in the target" + (f" ({len(occ)} occurrences)" if len(occ) > 1 else ""),
                    expected=term.en, term=term)
        elif have < len(occ):
            m = occ[have]
            src.add("count-mismatch", m.start, m.end,
                    f"{term.zh} occurs {len(occ)} times in the source but {term.en!r} {have} in the target",
                    expected=term.en, term=term)
    for m in tgt.en_matches:
        if m.term.id in by_term:
            continue
        tgt.add("extra-term", m.start, m.end, f"{m.text!r} ({m.term.zh}) is not in the source", term=m.term)


def _surname_alone(term: Term, text: str) -> bool:
    """Does ``text`` name the person by the surname alone (Xi said, Wang added),
    not as part of another full name (Wang Lin)?"""
    if term.category != "person" or " " not in term.en:
        return False
    surname = term.en.split()[0]
    return re.search(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])(?![ \t]+[A-Z])", text) is not None


def _looks_like_person(word: str) -> bool:
    """jieba tags some common words as names (卫星 "satellite"): a person's
    name must start with a surname and be rare as a dictionary word."""
    from ..pinyin import surname_of
    from ..segment import base_tokenizer

    return 2 <= len(word) <= 4 and surname_of(word) is not None and (base_tokenizer().FREQ.get(word) or 0) < 1000


def check_unknown_names(src: Doc, src_matches: list[Match]) -> None:
    """unknown-name: jieba's person, place and organization names the glossary lacks."""
    from ..segment import pos_cut
    from .gloss import suggest_row

    g = src.glossary
    covered: set[int] = set()  # offsets inside glossary matches
    for m in src_matches:
        covered.update(range(m.start, m.end))
    seen: set[str] = set()
    pos = 0
    # Tag the Simplified fold (same length), so Traditional names tag alike.
    for word, tag in pos_cut(fold_zh_text(src.masked)):
        start, pos = pos, pos + len(word)
        category = _NAME_TAGS.get(tag)
        if category is None or len(word) < 2 or word in seen:
            continue
        if category == "person" and not _looks_like_person(word):
            continue
        if g.lookup(word) is not None or any(i in covered for i in range(start, pos)):
            continue
        seen.add(word)
        row = suggest_row(word, "", category)
        src.add("unknown-name", start, pos, f"{word} ({category}) is not in the glossary; suggested {row.en!r}",
                suggestion=row)


