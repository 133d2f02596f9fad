"""The Chinese scan: bounded, homograph-aware matching of Chinese forms.

Traditional folds to Simplified. A candidate inside a longer word is refused
when jieba, knowing the glossary's terms, cuts a word across its edge (王林 in
王林业), or when a two-character personal name runs straight on into a
character that would lengthen it (李强 in 李强国). Ambiguous terms (容易
"easy") count only as a gloss, in quotes or brackets, or next to words that
mark them as the name. A series prefix followed by a number and 号 is that
numbered member (嫦娥五号, 长征二号F), ambiguous or not; a member followed by
改 is another vehicle (长征六号改) and no match. Latin-script forms of
verbatim rows (SWIFT, T+1) match at Latin word boundaries.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .automata import Automata, automata_of, gc_paused
from .forms import Series, chinese_number, cn_suffix_letter
from .model import Match, Term
from .normalize import HAN_RUN, IGNORABLE, fold_zh_text, is_han, is_latin_word

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["find_zh"]

_IGNORABLE_RE = re.compile("[" + re.escape("".join(sorted(IGNORABLE))) + "]")

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
#: A member number: digits or Chinese numerals.
_NUMBER = re.compile(r"[0-9０-９]{1,3}|[零〇一二三四五六七八九十百两]{1,5}")
_CLOSE_QUOTES = frozenset("”’」』\"'")
#: After a member: a modified vehicle (长征六号改) is another one.
_NOT_MEMBER_AFTER = frozenset("改")


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
    with gc_paused():  # the scan's many small tuples are acyclic: the collector would only rescan them
        return _find_zh_all(text, automata_of(glossary))


def _find_zh_all(text: str, automata: Automata) -> list[Match]:
    if _IGNORABLE_RE.search(text) is None:
        found = _find_zh(text, automata)
    else:
        # Invisible characters (zero-width spaces, variation selectors) are
        # skipped: match the text without them, then map offsets back.
        keep = [i for i, c in enumerate(text) if c not in IGNORABLE]
        found = []
        for m in _find_zh("".join(text[i] for i in keep), automata):
            start, end = keep[m.start], keep[m.end - 1] + 1
            found.append(Match(term=m.term, start=start, end=end, text=text[start:end], lang="zh", form="zh"))
    if len(automata.verbatim):
        found = _merge(found, _find_verbatim(text, automata))
    return found


def _find_verbatim(text: str, automata: Automata) -> list[Match]:
    """Latin-script Chinese forms (SWIFT, ISO 20022), as written, on Latin word boundaries."""
    out: list[Match] = []
    pos = 0
    hits = sorted(((end - length + 1, end + 1, term) for end, (length, term) in automata.verbatim.iter(text)),
                  key=lambda h: (h[0], -h[1]))
    for s, e, term in hits:
        if s < pos:
            continue
        if (s > 0 and is_latin_word(text[s - 1])) or (e < len(text) and is_latin_word(text[e])):
            continue
        pos = e
        out.append(Match(term=term, start=s, end=e, text=text[s:e], lang="zh", form="zh"))
    return out


def _merge(a: list[Match], b: list[Match]) -> list[Match]:
    if not b:
        return a
    taken = a + [m for m in b if not any(x.start < m.end and m.start < x.end for x in a)]
    return sorted(taken, key=lambda m: (m.start, -m.end))


def _find_zh(text: str, automata: Automata) -> list[Match]:
    auto = automata.zh
    if not len(auto) or not text:
        return []
    if text.isascii() or HAN_RUN.search(text) is None:
        return []
    # Keys live inside runs of Han (and the few other characters keys hold),
    # so each run is matched and bounded on its own. A mostly non-Chinese
    # text (an English article with glosses) folds only its runs; Han
    # characters are never more than the non-ASCII ones, a cheap first test.
    n = len(text)
    dense = (n - len(text.encode("ascii", "ignore"))) * 8 >= n and sum(map(len, HAN_RUN.findall(text))) * 8 >= n
    source = fold_zh_text(text) if dense else text
    series = automata.zh_series if automata.series else {}
    models = automata.has_models
    matches: list[Match] = []
    hits_in = auto.iter
    values = automata.zh_values
    shortest_key = automata.shortest_key
    if not series and dense:
        return _find_dense(text, source, automata, models)
    crossing: Crossing = []
    pos = 0  # in text: where the last match ended (a series member may run past its run)
    for run in automata.zh_runs.finditer(source):
        if run.end() - run.start() < shortest_key or run.end() <= pos:
            continue
        piece = run.group() if dense else fold_zh_text(run.group())
        hits = list(hits_in(piece))
        if not hits:
            continue
        r0 = run.start()
        cands: list[tuple[int, int, Term, bool]] = []  # (start, end) in text, term, a series member
        for end, k in hits:
            length, term = values[k]
            s, e = end - length + 1, end + 1
            key = (term.id, piece[s:e])
            if key in series:
                member = _member(source if dense else text, piece, r0, s, e, series[key], automata, dense)
                if member is not None:
                    cands.append(member)
                    continue
                if r0 + e < len(text) and _NUMBER.match(fold_zh_text(text[r0 + e:r0 + e + 1])):
                    continue  # 长征六号改, or a number with no 号: no match of the prefix either
            cands.append((r0 + s, r0 + e, term, False))
        if len(cands) > 1:  # leftmost first, then longest
            cands.sort(key=lambda c: (c[0], -c[1]))
        for s_abs, e_abs, term, is_member in cands:
            s, e = s_abs - r0, e_abs - r0
            if s_abs < pos:
                continue
            if is_member:
                if not _left_bounded(piece, s, automata, crossing):
                    continue
            else:
                if not _zh_bounded(piece, s, e, term, automata, crossing):
                    continue
                if e_abs < len(text) and text[e_abs] in _NOT_MEMBER_AFTER and _ends_a_model(piece[e - 1]):
                    continue  # 长征六号改: a modified vehicle, not the one named
                if term.ambiguous and e - s == _shortest(term) and not _zh_is_name(text, piece, r0, s, e, term):
                    continue
            pos = e_abs
            matches.append(Match(term=term, start=s_abs, end=e_abs, text=text[s_abs:e_abs], lang="zh", form="zh"))
    return matches


def _find_dense(text: str, source: str, automata: Automata, models: bool) -> list[Match]:
    """The scan of a mostly Chinese text with no series rows: one pass of the
    automaton over the whole folded text (keys are made of run characters,
    so no hit crosses a run's edge), each hit bounded in a window of up to 7
    run characters on each side: all that :func:`_zh_bounded` and
    :func:`_zh_is_name` ever read of the run."""
    auto, values = automata.zh, automata.zh_values
    hits = [(end, values[k]) for end, k in auto.iter(source)]
    hits.sort(key=lambda h: (h[0] - h[1][0], -h[0]))
    nonrun = automata.zh_nonrun
    n = len(source)
    matches: list[Match] = []
    crossing: Crossing = []
    pos = 0
    for end, (length, term) in hits:
        s = end - length + 1
        if s < pos:
            continue
        e = end + 1
        w0 = max(0, s - 7)
        for left in nonrun.finditer(source, w0, s):
            w0 = left.end()
        right = nonrun.search(source, e, min(n, e + 7))
        w1 = right.start() if right is not None else min(n, e + 7)
        piece = source[w0:w1]
        ps, pe = s - w0, e - w0
        if not _zh_bounded(piece, ps, pe, term, automata, crossing):
            continue
        if models and e < n and text[e] in _NOT_MEMBER_AFTER and _ends_a_model(source[e - 1]):
            continue  # 长征六号改: a modified vehicle, not the one named
        if term.ambiguous and length == _shortest(term) and not _zh_is_name(text, piece, w0, ps, pe, term):
            continue
        pos = e
        matches.append(Match(term=term, start=s, end=e, text=text[s:e], lang="zh", form="zh"))
    return matches


def _ends_a_model(ch: str) -> bool:
    """A character that ends a vehicle's name: 号, a letter suffix (甲, F)."""
    return ch == "号" or ch.isascii() or cn_suffix_letter(ch) is not None


def _member(text: str, piece: str, r0: int, s: int, e: int, series: Series, automata: Automata,
            folded: bool = False) -> tuple[int, int, Term, bool] | None:
    """The numbered member whose prefix is piece[s:e], or None: a number,
    the template's tail (号), and an optional letter suffix (甲, 乙, F)."""
    start = r0 + e
    window = text[start:start + 12] if folded else fold_zh_text(text[start:start + 12])
    m = _NUMBER.match(window)
    if m is None:
        return None
    n = chinese_number(m.group())
    after = series.zh_after
    if n is None or not window.startswith(after, m.end()):
        return None
    end = m.end() + len(after)
    suffix = ""
    # A letter suffix, right after 号 or after a closing quote: 长征二号F, “长征二号”F型.
    for skip in (0, 1):
        at = end + skip
        if at < len(window) and (skip == 0 or window[end] in _CLOSE_QUOTES):
            letter = cn_suffix_letter(window[at])
            if letter is not None and (skip == 0 or "A" <= window[at] <= "Z") and not (
                    at + 1 < len(window) and window[at + 1].isascii() and window[at + 1].isalnum()):
                suffix, end = letter, at + 1
                break
    if end < len(window) and window[end] in _NOT_MEMBER_AFTER:
        return None
    term = automata.member_term(series, n, suffix)
    return r0 + s, start + end, term, True


def _shortest(term: Term) -> int:
    """The length of the term's shortest Chinese form. Of an ambiguous term
    only the shortest forms are everyday words (千帆, not 千帆星座)."""
    return min(map(len, term.zh_forms))


#: What a scan asks of jieba's table and of the glossary's own words (:meth:`Automata.crossing`), fetched on
#: the first candidate that needs them (a text of isolated names never loads jieba).
Crossing = list[Any]


def _crossing(automata: Automata, crossing: Crossing) -> Crossing:
    if not crossing:
        crossing.extend(automata.crossing())
    return crossing


def _crossable(text: str, pos: int, lo: int, crossing: Crossing) -> bool:
    """Could a dictionary word run across ``pos``? jieba's table holds every
    prefix of every word, so a word starting at i < pos crosses pos exactly
    when ``text[i:pos + 1]`` is in it, or is a word of the glossary jieba lacks
    or the prefix of one."""
    freq, words = crossing
    for i in range(pos - 1, max(lo, pos - 6) - 1, -1):
        piece = text[i:pos + 1]
        if piece in freq or piece in words:
            return True
    return False


def _left_bounded(text: str, s: int, automata: Automata, crossing: Crossing) -> bool:
    """False when a word runs across the start of a series member."""
    if s == 0:
        return True
    lo = max(0, s - 6)
    if not _crossable(text, s, lo, _crossing(automata, crossing)):
        return True
    n = 0
    for word in automata.cut(text[lo:min(len(text), s + 6)]):
        if n == s - lo:
            return True
        n += len(word)
        if n > s - lo:
            return False
    return True


def _zh_bounded(text: str, s: int, e: int, term: Term, automata: Automata, crossing: Crossing) -> bool:
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
    lo, hi = max(a, s - 6), min(b, e + 6)
    name_check = (
        term.category == "person" and len(term.zh) == 2 and e < b and is_han(text[e]) and text[e] not in _NAME_FOLLOWERS
    )
    if not name_check and not (s > a and _crossable(text, s, lo, _crossing(automata, crossing))) and not (
        e < b and _crossable(text, e, s, _crossing(automata, crossing))
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
