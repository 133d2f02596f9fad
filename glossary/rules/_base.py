"""What every rule reads: a checked text with its matches, glosses and line map."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import Finding, Fix, Match, Term
from ..normalize import HAN_CLASS, IGNORABLE, en_key, fold_en_text, is_han, is_latin_word
from ..source import LineIndex, blank, mask
from . import get_rule

if TYPE_CHECKING:  # pragma: no cover
    from ..index import Glossary

__all__ = ["Doc", "Gloss", "finding", "is_sentence_start", "name_end"]

_HAN = HAN_CLASS
#: English, then a gloss: (李强) or （李强）; the content is Han, with · and spaces.
_INVISIBLE = "".join(sorted(IGNORABLE))
#: A bracketed group on one line with no brackets inside: what an "after"
#: gloss is written in. Linear to scan; its content is parsed by hand.
_BRACKETS = re.compile(r"[(\uff08]([^()\uff08\uff09\n]{1,400})[)\uff09]")
#: The Chinese of a gloss: Han, with middle dots and invisible characters,
#: and Latin letters or digits inside or at the end of it (长征二号F火箭).
_GLOSS_ZH = re.compile(rf"[{_HAN}](?:[{_HAN}\u00b7\u30fb\u2027{_INVISIBLE}]|[ \t](?=[{_HAN}])|[A-Za-z0-9]+(?![a-z]))*")
#: A language label before the Chinese: Chinese:, simplified Chinese:, zh:, and a dictionary's
#: bracketed 【中】 or [中文].
_LABEL = re.compile(r"(?i)^[ \t]*(?:(?:(?:simplified|traditional|trad\.|simp\.)[ \t]+)?(?:chinese|mandarin|zh(?:-\w+)?)"
                    r"[ \t]*[:\uff1a]?|[\[\u3010\u3014](?:\u4e2d|\u4e2d\u6587|\u6c49\u8bed)[\]\u3011\u3015])[ \t]*")
_PINYIN_LABEL = re.compile(r"(?i)^[ \t]*(?:hanyu[ \t]+)?pinyin[ \t]*[:\uff1a]?[ \t]*")
_SEGMENT = re.compile(r"[;\uff1b,\uff0c\u3001]")
#: Chinese, then its English in brackets: 李强（Li Qiang）.
_GLOSS_BEFORE = re.compile(
    rf"([{_HAN}][{_HAN}\u00b7\u30fb]{{0,40}})[ \t]?[(\uff08][ \t]{{0,8}}([A-Za-z][^()\uff08\uff09\n{_HAN}]{{0,200}}?)[ \t]{{0,8}}[)\uff09]"
)
_QUOTES_BEFORE = "'\"\u2018\u2019\u201c\u201d\u00ab\u00bb"


@dataclass(frozen=True, slots=True)
class Gloss:
    """A gloss in English text.

    ``kind`` is ``"after"`` for ``Li Qiang (李强)`` and ``"before"`` for
    ``李强（Li Qiang）``. ``span`` covers the brackets (and, for "before", the
    Chinese); ``zh_span`` the Chinese; ``en_span`` the English inside brackets
    ("before" only).
    """

    kind: str
    span: tuple[int, int]
    zh_span: tuple[int, int]
    zh: str
    en_span: tuple[int, int] | None = None
    before: int = -1
    pinyin_span: tuple[int, int] | None = None

    @property
    def name_end(self) -> int:
        """Where the English the gloss belongs to ends: before the brackets,
        or before an abbreviation in brackets between: BeiDou (BDS) (北斗)."""
        return self.span[0] if self.before < 0 else self.before


@dataclass
class Doc:
    """One text under check. ``segment`` and ``side`` label its findings."""

    text: str
    glossary: "Glossary"
    markdown: bool = True
    segment: int | None = None
    side: str = "text"
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def masked(self) -> str:
        return mask(self.text, markdown=self.markdown)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def glosses(self) -> list[Gloss]:
        out: list[Gloss] = []
        taken: list[tuple[int, int]] = []  # in text order
        for m in _GLOSS_BEFORE.finditer(self.masked):
            out.append(Gloss("before", (m.start(), m.end()), m.span(1), m.group(1), m.span(2)))
            taken.append((m.start(), m.end()))
        starts = [a for a, _ in taken]
        text = self.masked
        for m in _BRACKETS.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < taken[i][1]:
                continue
            gloss = _parse_after(text, m)
            if gloss is not None:
                out.append(gloss)
        out.sort(key=lambda g: g.span)
        return out

    @cached_property
    def glossless(self) -> str:
        """The masked text with every "after" gloss blanked out."""
        parts: list[str] = []
        pos = 0
        for g in self.glosses:
            if g.kind == "after":
                a, b = g.span
                parts.append(self.masked[pos:a])
                parts.append(blank(self.masked[a:b]))
                pos = b
        parts.append(self.masked[pos:])
        return "".join(parts)

    @cached_property
    def en_by_end(self) -> dict[int, Match]:
        """English matches keyed by their end offset."""
        return {m.end: m for m in self.en_matches}

    @cached_property
    def en_matches(self) -> list[Match]:
        from ..match import find_en

        return find_en(self.masked, self.glossary)

    def ends_with_form(self, pos: int, forms: list[tuple[str, str]]) -> tuple[str, str, int] | None:
        """Does the English that ends at ``pos`` (glosses skipped) read as one of ``forms``?

        ``forms`` are (kind, English) pairs. Spaces, quotes, emphasis marks,
        a link's closing bracket and a possessive 's between the name and
        ``pos`` are passed over. Returns (kind, form, start) of the longest
        form that fits on a word boundary, or None.
        """
        reach = 2 * max((len(form) for _, form in forms), default=0) + 40
        lo = max(0, pos - reach)
        stop = name_end(self.glossless, pos, lo)
        window = self.glossless[lo:stop]
        folded = fold_en_text(window)
        keep = [i for i, c in enumerate(folded) if not (c.isspace() or c == "-" or c in IGNORABLE)]
        skel = "".join(folded[i] for i in keep)
        best: tuple[str, str, int] | None = None
        best_len = 0
        for kind, form in forms:
            key = en_key(form)
            if not key or len(key) <= best_len or not skel.endswith(key):
                continue
            start = keep[len(skel) - len(key)]
            if start > 0 and is_latin_word(window[start - 1]):
                continue
            best, best_len = (kind, form, lo + start), len(key)
        return best

    def words_before(self, pos: int) -> tuple[int, str]:
        """The name-like words that end at ``pos``: capitalized words and the
        small words between them, stopping at an earlier gloss or bracket.
        Returns (start, text); text is "" when there are none."""
        lo = max(0, pos - 200)
        stop = name_end(self.masked, pos, lo)
        window = self.masked[lo:stop]
        words = list(re.finditer(r"[A-Za-z0-9\u00c0-\u024f'\u2019.&-]+", window))
        chosen: list[re.Match[str]] = []
        for w in reversed(words):
            gap = window[w.end():chosen[-1].start()] if chosen else window[w.end():]
            if not re.fullmatch(r"[ \t]*" if not chosen else r"[ \t]+", gap):
                break
            word = w.group()
            if word[0].isupper() or word[0].isdigit():
                chosen.append(w)
            elif word in _SMALL_WORDS and chosen:
                chosen.append(w)
            else:
                break
            if len(chosen) >= 10:
                break
        while chosen and not chosen[-1].group()[0].isupper():
            chosen.pop()
        if not chosen:
            return pos, ""
        chosen.reverse()
        start = chosen[0].start()
        return lo + start, window[start:chosen[-1].end()]

    def is_sentence_start(self, pos: int) -> bool:
        return is_sentence_start(self.masked, pos)

    def add(self, rule: str, start: int, end: int, message: str, **extra: Any) -> None:
        self.findings.append(finding(self, rule, start, end, message, **extra))


def _parse_after(text: str, m: re.Match[str]) -> Gloss | None:
    """An "after" gloss from a bracketed group, or None when the group holds
    no Chinese in a gloss's place.

    The group is read as segments cut at semicolons and commas. Segments
    before the Chinese may be short Latin ones (an abbreviation: CLEP;). The
    Chinese may carry a language label (Chinese:, simplified Chinese:);
    later segments may give the Traditional form, the pinyin (labelled, or
    pinyin right after the characters) or an explanation.
    """
    content, base = m.group(1), m.start(1)
    pos = 0
    zh_span: tuple[int, int] | None = None
    pinyin_span: tuple[int, int] | None = None
    for seg in [*_SEGMENT.finditer(content), None]:
        end = seg.start() if seg is not None else len(content)
        part = content[pos:end]
        if zh_span is None:
            label = _LABEL.match(part)
            lead = label.end() if label else len(part) - len(part.lstrip(" \t\u3000"))
            z = _GLOSS_ZH.match(part, lead)
            if z is not None:
                zh_span = (base + pos + z.start(), base + pos + z.end())
                rest = part[z.end():]
                if rest.strip() and _looks_pinyin(rest):
                    pinyin_span = _strip_span(base + pos + z.end(), rest)
            elif has_han_char(part) or len(part.strip()) > 40:
                return None
        elif pinyin_span is None:
            label = _PINYIN_LABEL.match(part)
            if label is not None and label.end() < len(part):
                pinyin_span = _strip_span(base + pos + label.end(), part[label.end():])
            elif not has_han_char(part) and _looks_pinyin(part) and not _LABEL.match(part):
                pinyin_span = _strip_span(base + pos, part)
        pos = end + 1
    if zh_span is None:
        return None
    zh = re.sub(rf"[\s\u00b7\u30fb\u2027{_INVISIBLE}]", "", text[zh_span[0]:zh_span[1]])
    before = -1
    b = m.start()
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    if b > 0 and text[b - 1] in ")\uff09":  # BeiDou (BDS) (北斗…): the name is before the abbreviation
        o = max(text.rfind("(", max(0, b - 14), b), text.rfind("\uff08", max(0, b - 14), b))
        if o >= 0 and _ABBREVIATION_GROUP.fullmatch(text, o, b):
            before = o
    return Gloss("after", (m.start(), m.end()), zh_span, zh, before=before, pinyin_span=pinyin_span)


_ABBREVIATION_GROUP = re.compile(r"[(\uff08][A-Z][A-Za-z0-9&\-]{0,10}[)\uff09]")
_BRACKETED = re.compile(r"\[[^\]]*\]")


def has_han_char(text: str) -> bool:
    return any(is_han(c) for c in text)


def _looks_pinyin(text: str) -> bool:
    """Pinyin, with tone marks or none (IPA in square brackets dropped)."""
    from ..pinyin import is_pinyin

    words = _BRACKETED.sub(" ", text).strip()
    return bool(words) and len(words) <= 120 and is_pinyin(words)


def _strip_span(start: int, part: str) -> tuple[int, int]:
    """The span of ``part`` (at ``start``) without surrounding spaces and IPA."""
    core = _BRACKETED.split(part)[0]
    lead = len(core) - len(core.lstrip())
    return start + lead, start + len(core.rstrip())


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "at", "to"})
_TRAILERS = " \t\u00a0'\"\u2018\u2019\u201c\u201d*_]" + "".join(sorted(IGNORABLE))
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def name_end(text: str, pos: int, lo: int = 0) -> int:
    """Where a name that a gloss at ``pos`` follows ends: spaces, quotes,
    emphasis marks, a link's ``]`` and a possessive ``'s`` are passed over.

    >>> t = "**Qianfan’s** (千帆)"; t[:name_end(t, t.index("("))]
    '**Qianfan'
    """
    stop = pos
    while True:
        before = stop
        while stop > lo and text[stop - 1] in _TRAILERS:
            stop -= 1
        m = _POSSESSIVE.search(text, max(lo, stop - 2), stop)
        if m and m.start() > lo and text[m.start() - 1].isalpha():
            stop = m.start()
        if stop == before:
            return stop


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence, a heading or a list item.

    >>> is_sentence_start("He left. The Nine", 9), is_sentence_start("and The", 4)
    (True, False)
    """
    p = pos - 1
    while p >= 0 and text[p] in " \t\u00a0'\"\u2018\u201c(*_[":
        p -= 1
    if p < 0:
        return True
    ch = text[p]
    if ch in ".!?\u2026:;\u3002\uff01\uff1f#>|":
        return True
    if ch == "\n":
        q = p - 1
        while q >= 0 and text[q] in " \t\r":
            q -= 1
        return q < 0 or text[q] in "\n.!?:;#"
    if ch in "-+" and (p == 0 or text[p - 1] == "\n"):
        return True
    return False


def finding(
    doc: Doc,
    rule: str,
    start: int,
    end: int,
    message: str,
    *,
    expected: str | None = None,
    term: Term | None = None,
    suggestion: Term | None = None,
    fix: Fix | None = None,
) -> Finding:
    """A Finding for ``doc.text[start:end]`` under ``rule`` (a rule name), with its ``fix`` if any."""
    r = get_rule(rule)
    line, col = doc.lines.position(start)
    end_line, end_col = doc.lines.position(end)
    return Finding(
        rule=r.name,
        code=r.code,
        severity=r.severity,  # type: ignore[arg-type]
        message=message,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        found=doc.text[start:end],
        expected=expected,
        term=term,
        suggestion=suggestion,
        segment=doc.segment,
        side=doc.side,
        fix=fix,
    )
