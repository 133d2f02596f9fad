"""Find glossary terms in text: tolerant English matching and bounded Chinese matching.

Both sides run one Aho–Corasick automaton (pyahocorasick) over a folded copy
of the text and take the leftmost-longest candidates that pass the boundary
checks. Offsets are 0-based character offsets into the original text.

English: the text is folded (case, width, quotes, dashes) and separators
(white space, hyphens, invisible characters) are dropped, so that
``Tianwen 3``, ``Tianwen-3`` and ``tianwen3`` all find Tianwen-3; a candidate
must start and end on a Latin word boundary.

Chinese: Traditional folds to Simplified. A candidate inside a longer word
is refused when jieba, knowing the glossary's terms, cuts a word across its
edge (王林 in 王林业), or when a two-character personal name runs straight on
into a character that would lengthen it (李强 in 李强国). Ambiguous terms
(容易 "easy") count only as a gloss, in quotes or brackets, or next to words
that mark them as the name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .model import Match, Term
from .normalize import HAN_CLASS, HAN_RUN, IGNORABLE, en_exact, en_key, fold_en_text, fold_zh_text, is_han

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["Automata", "en_candidates", "find_en", "find_terms", "find_zh", "is_latin_word"]

_FORM_ORDER = {"en": 0, "alias": 1, "variant": 2, "forbidden": 3}
_SEP_CHARS = "".join(sorted(IGNORABLE)) + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_IGNORABLE_RE = re.compile("[" + re.escape("".join(sorted(IGNORABLE))) + "]")
#: Separators other than space, tab, CR, LF and the hyphen (folded dashes are hyphens).
_RARE_SEPARATOR = re.compile(
    "[\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    + re.escape("".join(sorted(IGNORABLE))) + "]"
)
_SEP_SPLIT = re.compile(r"([\s" + re.escape(_SEP_CHARS) + r"]+)")
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

#: Characters that commonly follow a personal name without lengthening it:
#: particles, conjunctions, prepositions, verbs of saying and being, and the
#: first characters of titles.
_NAME_FOLLOWERS = frozenset(
    "的了着过和与及跟同或而是在于对向为被把从给让将已曾也都就还又再才便却则即并"
    "说称讲道问答谈笑叫指表认介透强提告宣坦回说看听想觉希期盼呼主率带领陪会见访到来去"
    "出入上下进回等们这那此其之所以因若如虽但并且不没未别莫非要能可会应该须得必"
    "总副部院委代省市县区局处司厅校园长主书秘董经理教研博硕先女同老小首执常"
    "一二三四五六七八九十两几每各某本该今昨明前后年月日时"
    "称认表示指出透露介绍强调坦言提出表态发现"
)

#: Words near an ambiguous term that show it is the name, by category.
_CUES: dict[str, tuple[str, ...]] = {
    "person": ("代表", "委员", "院士", "设计师", "总师", "主任", "总经理", "董事长", "教授", "研究员",
               "部长", "总指挥", "工程师", "专家", "航天员", "先生", "女士", "同志", "总理", "主席", "书记"),
    "constellation": ("星座", "卫星", "组网", "发射", "低轨", "互联网"),
    "vessel": ("号", "船", "回收", "海上", "舰", "平台"),
    "spacecraft": ("号", "探测器", "飞船", "着陆器", "任务", "发射", "工程", "卫星"),
    "launch-vehicle": ("火箭", "运载", "发射", "号"),
    "programme": ("工程", "计划", "任务", "项目"),
    "organization": ("公司", "集团", "研究院", "中心", "局"),
}
_OPEN_CLOSE = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》", "“": "”", "‘": "’", '"': '"', "「": "」", "『": "』", "〈": "〉"}


def is_latin_word(ch: str) -> bool:
    """A letter or digit of an alphabetic script: what English word boundaries are made of."""
    return ch.isalnum() and ord(ch) < 0x2E80


class Automata:
    """The matching structures of one glossary, built once and reused."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(terms)

    @cached_property
    def en(self) -> Any:
        """Automaton over tolerant English keys → (key length, ((term, form), ...))."""
        import ahocorasick

        entries: dict[str, list[tuple[Term, str]]] = {}
        cased: dict[str, bool] = {}  # key → every form behind it is an abbreviation
        for term in self.terms:
            for form, values in zip(_FORMS, _form_values(term)):
                for value in values:
                    key = en_key(value)
                    if key:
                        entries.setdefault(key, []).append((term, form))
                        cased[key] = cased.get(key, True) and _is_abbreviation(value)
        auto = ahocorasick.Automaton()
        for key, found in entries.items():
            found.sort(key=lambda tf: _FORM_ORDER[tf[1]])
            auto.add_word(key, (len(key), tuple(found), cased[key]))
        if entries:
            auto.make_automaton()
        return auto

    @cached_property
    def _exact_cache(self) -> dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]:
        return {}

    def _exact(self, term: Term, form: str) -> tuple[frozenset[str], frozenset[str]]:
        """A term's listed strings of one form with typography folded, as
        written and casefolded; worked out once, when first needed."""
        key = (term.id, form)
        entry = self._exact_cache.get(key)
        if entry is None:
            values = _form_values(term)[_FORMS.index(form)]
            exact = frozenset(en_exact(v) for v in values)
            entry = self._exact_cache[key] = (exact, frozenset(v.casefold() for v in exact))
        return entry

    @cached_property
    def _direct(self) -> dict[str, set[tuple[str, str]]]:
        """Listed English strings exactly as written → their (term id, form)s."""
        out: dict[str, set[tuple[str, str]]] = {}
        for term in self.terms:
            for form, values in zip(_FORMS, _form_values(term)):
                for v in values:
                    out.setdefault(v, set()).add((term.id, form))
        return out

    def pick_en(self, surface: str, found: tuple[tuple[Term, str], ...]) -> tuple[Term, str]:
        """Which (term, form) a matched English string is: an exact listed
        form first, then one that differs in case only, then the key's first
        entry. A preferred form or alias spelt otherwise is ``"tolerant"``."""
        direct = self._direct.get(surface)
        if direct is not None:
            for term, form in found:
                if (term.id, form) in direct:
                    return term, form
        exact = en_exact(surface)
        table = self._exact
        for term, form in found:
            if exact in table(term, form)[0]:
                return term, form
        folded = exact.casefold()
        for term, form in found:
            if folded in table(term, form)[1]:
                return term, form if form in ("variant", "forbidden") else "tolerant"
        term, form = found[0]
        return term, form if form in ("variant", "forbidden") else "tolerant"

    @cached_property
    def _zh_keys(self) -> dict[str, Term]:
        """Folded Chinese form → its term (the first term that lists it)."""
        keys: dict[str, Term] = {}
        for term in self.terms:
            for form in term.zh_forms:
                key = fold_zh_text(form)
                if key:
                    keys.setdefault(key, term)
        return keys

    @cached_property
    def zh(self) -> Any:
        """Automaton over folded Chinese forms → (length, term)."""
        import ahocorasick

        auto = ahocorasick.Automaton()
        for key, term in self._zh_keys.items():
            auto.add_word(key, (len(key), term))
        if self._zh_keys:
            auto.make_automaton()
        return auto

    @cached_property
    def shortest_key(self) -> int:
        """The length of the shortest Chinese key: shorter runs hold none."""
        return min(map(len, self._zh_keys), default=0)

    @cached_property
    def zh_runs(self) -> re.Pattern[str]:
        """Runs of characters that Chinese keys are made of: Han, plus any
        other character some key holds (digits, letters, ·). The automaton
        only ever runs over these."""
        extra = {c for t in self.terms for f in t.zh_forms for c in fold_zh_text(f) if not is_han(c)}
        cls = "".join(re.escape(c) for c in sorted(extra))
        return re.compile(f"[{HAN_CLASS}{cls}]+")

    @cached_property
    def shortest_zh(self) -> dict[str, int]:
        """Term id → length of its shortest Chinese form. Of an ambiguous
        term only the shortest forms are everyday words (千帆, not 千帆星座)."""
        return {t.id: min(len(f) for f in t.zh_forms) for t in self.terms}

    @cached_property
    def zh_words(self) -> dict[str, int]:
        """The glossary's Chinese words that jieba lacks, and all their
        prefixes, as a jieba frequency table: 0 for a bare prefix, -1 for a
        word whose frequency :attr:`tokenizer` works out on first need."""
        from .segment import base_tokenizer

        freq = base_tokenizer().FREQ
        words: dict[str, int] = {}
        for key in self._zh_keys:
            if len(key) > 1 and not freq.get(key):
                words[key] = -1
                for i in range(1, len(key)):
                    words.setdefault(key[:i], 0)
        return words

    @cached_property
    def tokenizer(self) -> Any:
        """A jieba tokenizer that also knows every Chinese form of the glossary.
        It shares :attr:`zh_words` and jieba's own table; it copies neither."""
        from .segment import base_tokenizer, overlay_class

        return overlay_class()(base_tokenizer(), self.zh_words)

    def cut(self, text: str) -> list[str]:
        """Segment a short window with the glossary-aware tokenizer (memoized)."""
        cache = self._cuts
        words = cache.get(text)
        if words is None:
            if len(cache) > 65536:
                cache.clear()
            words = cache[text] = list(self.tokenizer.cut(text, HMM=False))
        return words

    @cached_property
    def _cuts(self) -> dict[str, list[str]]:
        return {}


_FORMS = ("en", "alias", "variant", "forbidden")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


def _is_abbreviation(form: str) -> bool:
    """An all-capital short form (MOST, CAST, NPC): matched in capitals only,
    so that the English words "most" and "cast" never match it."""
    return _ABBREVIATION.fullmatch(form) is not None


def _form_values(term: Term) -> tuple[tuple[str, ...], ...]:
    return ((term.en,), term.aliases, term.variants, term.forbidden)


# ---------------------------------------------------------------- English side
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


def en_candidates(text: str, glossary: "Glossary") -> list[tuple[int, int, tuple[tuple[Term, str], ...]]]:
    """Every English candidate on word boundaries, overlapping ones included.

    Each is (start, end, ((term, form), ...)): all terms whose listed forms
    share the tolerant key, in order of form precedence.
    """
    auto = glossary.automata.en
    if not len(auto) or not text:
        return []
    candidates: list[tuple[int, int, tuple[tuple[Term, str], ...]]] = []
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
        for end_idx, (length, found, cased) in auto.iter(folded, ignore_white_space=True):
            e = end_idx + 1
            if e < n:
                ch = folded[e]
                if ch.isalnum() and ch < "\u2e80":
                    continue
            # Walk back over the key's characters and the spaces among them.
            s = e - length
            k = count(" ", s, e)
            while k:
                s, k = s - k, count(" ", s - k, s)
            if s > 0:
                ch = folded[s - 1]
                if ch.isalnum() and ch < "\u2e80":
                    continue
            if cased and not text[s:e].isupper():
                continue
            append((s, e, found))
        return candidates
    skel, sk_starts, tx_starts = _skeleton(text)
    ignorable = IGNORABLE
    n = len(text)

    def to_text(i: int) -> int:
        r = bisect_right(sk_starts, i) - 1
        return tx_starts[r] + (i - sk_starts[r])

    # Invisible characters are dropped like separators but are no boundary:
    # look past them in the text itself.
    for end_idx, (length, found, cased) in auto.iter(skel):
        s = to_text(end_idx - length + 1)
        e = to_text(end_idx) + 1
        if cased and not text[s:e].isupper():
            continue
        if s > 0:
            p = s - 1
            while p >= 0 and text[p] in ignorable:
                p -= 1
            if p >= 0 and is_latin_word(text[p]):
                continue
        if e < n:
            q = e
            while q < n and text[q] in ignorable:
                q += 1
            if q < n and is_latin_word(text[q]):
                continue
        candidates.append((s, e, found))
    return candidates


def find_en(text: str, glossary: "Glossary") -> list[Match]:
    """English matches of glossary terms, leftmost-longest, no overlaps.

    >>> from glossary.index import Glossary
    >>> g = Glossary([Term(id="t3", zh="天问三号", en="Tianwen-3")])
    >>> [(m.text, m.form) for m in find_en("Tianwen 3 and TIANWEN-3, not Tianwen-30.", g)]
    [('Tianwen 3', 'tolerant'), ('TIANWEN-3', 'tolerant')]
    """
    automata = glossary.automata
    matches: list[Match] = []
    pos = 0
    for s, e, found in sorted(en_candidates(text, glossary), key=lambda c: (c[0], -c[1])):
        if s < pos:
            continue
        pos = e
        surface = text[s:e]
        term, form = automata.pick_en(surface, found)
        matches.append(Match(term=term, start=s, end=e, text=surface, lang="en", form=form))
    return matches


# ---------------------------------------------------------------- Chinese side
def find_zh(text: str, glossary: "Glossary") -> list[Match]:
    """Chinese matches of glossary terms, leftmost-longest, no overlaps.

    Traditional characters match their Simplified forms. Offsets are into
    ``text`` itself.

    >>> from glossary.index import Glossary
    >>> g = Glossary([Term(id="wl", zh="王林", en="Wang Lin", category="person"),
    ...               Term(id="ry", zh="容易", en="Rong Yi", category="person", ambiguous=True)])
    >>> [m.text for m in find_zh("王林说，王林业务很忙，这件事很容易，代表容易发言。王林业来了", g)]
    ['王林', '王林', '容易']
    """
    if _IGNORABLE_RE.search(text) is None:
        return _find_zh(text, glossary)
    # Invisible characters (zero-width spaces, variation selectors) are
    # skipped: match the text without them, then map offsets back.
    keep = [i for i, c in enumerate(text) if c not in IGNORABLE]
    out = []
    for m in _find_zh("".join(text[i] for i in keep), glossary):
        start, end = keep[m.start], keep[m.end - 1] + 1
        out.append(Match(term=m.term, start=start, end=end, text=text[start:end], lang="zh", form="zh"))
    return out


def _find_zh(text: str, glossary: "Glossary") -> list[Match]:
    automata = glossary.automata
    auto = automata.zh
    if not len(auto) or not text:
        return []
    if HAN_RUN.search(text) is None:
        return []
    # Keys live inside runs of Han (and the few other characters keys hold),
    # so each run is matched and bounded on its own. A mostly non-Chinese
    # text (an English article with glosses) folds only its runs.
    dense = sum(map(len, HAN_RUN.findall(text))) * 8 >= len(text)
    source = fold_zh_text(text) if dense else text
    shortest = automata.shortest_zh
    matches: list[Match] = []
    hits_in = auto.iter
    shortest_key = automata.shortest_key
    for run in automata.zh_runs.finditer(source):
        if run.end() - run.start() < shortest_key:
            continue
        piece = run.group() if dense else fold_zh_text(run.group())
        hits = list(hits_in(piece))
        if not hits:
            continue
        if len(hits) > 1:  # leftmost first, then longest
            hits.sort(key=lambda h: (h[0] - h[1][0], -h[0]))
        r0 = run.start()
        pos = 0
        for end, (length, term) in hits:
            s = end - length + 1
            e = end + 1
            if s < pos or not _zh_bounded(piece, s, e, term, automata):
                continue
            if term.ambiguous and length == shortest[term.id] and not _zh_is_name(text, piece, r0, s, e, term):
                continue
            pos = e
            matches.append(Match(term=term, start=r0 + s, end=r0 + e, text=text[r0 + s:r0 + e], lang="zh", form="zh"))
    return matches


def _crossable(text: str, pos: int, lo: int, words: dict[str, int], freq: dict[str, int]) -> bool:
    """Could a dictionary word run across ``pos``? jieba's table holds every
    prefix of every word, so a word starting at i < pos crosses pos exactly
    when ``text[i:pos + 1]`` is in it (or in the glossary's own words)."""
    for i in range(pos - 1, max(lo, pos - 6) - 1, -1):
        piece = text[i:pos + 1]
        if piece in freq or piece in words:
            return True
    return False


def _zh_bounded(text: str, s: int, e: int, term: Term, automata: Automata) -> bool:
    """False when the candidate [s, e) sits inside a longer word or name.

    jieba runs only when a dictionary word could cross an edge of the
    candidate, or a two-character personal name runs on into a character
    that could lengthen it.
    """
    # ``text`` is one run of key characters (see _find_zh): its ends are the
    # ends of the name's surroundings; look at most 7 characters out.
    a, b = max(0, s - 7), min(len(text), e + 7)
    if a == s and b == e:
        return True
    from .segment import base_tokenizer

    freq, words = base_tokenizer().FREQ, automata.zh_words
    lo, hi = max(a, s - 6), min(b, e + 6)
    name_check = (
        term.category == "person" and len(term.zh) == 2 and e < b and is_han(text[e]) and text[e] not in _NAME_FOLLOWERS
    )
    if not name_check and not (s > a and _crossable(text, s, lo, words, freq)) and not (
        e < b and _crossable(text, e, s, words, freq)
    ):
        return True
    window = text[lo:hi]
    cuts: dict[int, int] = {}  # word start → word length
    n = 0
    for word in automata.cut(window):
        cuts[n] = len(word)
        n += len(word)
    cuts[n] = 0
    if (s - lo) not in cuts or (e - lo) not in cuts:
        return False
    # 李强国: a lone character after a two-character name may lengthen it.
    return not (name_check and cuts[e - lo] == 1)


def _zh_is_name(text: str, piece: str, r0: int, s: int, e: int, term: Term) -> bool:
    """True when context shows an ambiguous term is used as the name.

    ``piece`` is the folded run the candidate [s, e) lies in, which starts at
    ``r0`` in ``text``: brackets and quotes are read in the text, cue words
    in the run.
    """
    before = text[r0 + s - 1] if r0 + s > 0 else ""
    after = text[r0 + e] if r0 + e < len(text) else ""
    if before in _OPEN_CLOSE and after == _OPEN_CLOSE[before]:
        return True
    if after in "(（" and (before == "" or not is_han(before)):
        return True  # 容易（Rong Yi）: the name glossed in English
    near_before = piece[max(0, s - 4):s]
    near_after = piece[e:e + 4]
    for cue in _CUES.get(term.category, ()):
        if near_after.startswith(cue) or near_before.endswith(cue):
            return True
    return False


def find_terms(text: str, glossary: "Glossary | None" = None) -> list[Match]:
    """Every glossary term in ``text``, Chinese and English, in text order.

    Matches are leftmost-longest and never overlap; ``text[m.start:m.end] == m.text``.
    """
    if glossary is None:
        from .index import default_glossary

        glossary = default_glossary()  # index imports this module: no top-level import
    matches = (find_en(text, glossary) if _LATIN.search(text) else []) + find_zh(text, glossary)
    matches.sort(key=lambda m: (m.start, -m.end))
    return matches
