"""What surface forms a term accepts, and what kind each one is.

This module is the one home of the English-side form policy; the automata in
:mod:`glossary.match` only find what it lists, and the rules only read the
kinds it gives.

* **Listed forms.** ``en`` and ``aliases`` are accepted, ``derived`` forms
  (irregular plurals, adjectives, demonyms: Chinese for China) are accepted,
  ``variants`` are understood but not preferred, ``forbidden`` forms are wrong.
* **Inflection.** The regular plural of a form's head word (the last word, or
  the word before ``of`` in "Ministry of …" names) is accepted as that form,
  and keeps its kind: the plural of a forbidden form is forbidden. Personal
  names are not inflected. The possessive needs no form of its own: ``'s``
  ends a word.
* **Case.** :func:`case_fit` says whether a spelling that differs from a listed
  form only in case is that form (sentence case, title case, all capitals, a
  generic word in lower case), a case slip worth an ``info`` at most (a
  lower-case name), or a different spelling (an internal capital lost:
  Beidou for BeiDou).
* **Numbered series.** A row with a ``series`` template stands for all its
  numbered members: :class:`Series` parses the template and builds members
  (嫦娥五号 ↔ Chang'e-5, 长征二号F ↔ Long March 2F).

Nothing here touches text larger than a form; it imports only the model and
the folds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Term

__all__ = [
    "EN_KINDS",
    "Series",
    "case_fit",
    "chinese_number",
    "english_surfaces",
    "parse_series",
    "plurals",
    "roman",
    "singulars",
]

#: The kinds of English form, in order of precedence.
EN_KINDS: tuple[str, ...] = ("en", "alias", "derived", "variant", "forbidden")
#: Kinds that count as an accepted rendering.
ACCEPTED_KINDS = frozenset({"en", "alias", "derived"})

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_IRREGULAR = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "criterion": "criteria",
    "phenomenon": "phenomena", "medium": "media", "datum": "data", "foot": "feet", "mouse": "mice",
    "index": "indices", "appendix": "appendices", "matrix": "matrices", "vertex": "vertices",
    "leaf": "leaves", "life": "lives", "knife": "knives", "wife": "wives", "half": "halves", "shelf": "shelves",
}
_COMPOUNDS = ("woman", "man", "person")
#: Words that are the same in the plural, or plural already.
_INVARIANT = frozenset({"series", "species", "news", "means", "headquarters", "aircraft", "spacecraft", "data",
                        "equipment", "information", "research", "software", "hardware", "staff", "police"})


@lru_cache(maxsize=65536)
def _plural_word(word: str) -> tuple[str, ...]:
    """The regular plural(s) of one English word; () when it has none.

    >>> _plural_word("test"), _plural_word("body"), _plural_word("box"), _plural_word("spokesman")
    (('tests',), ('bodies',), ('boxes',), ('spokesmen',))
    >>> _plural_word("SOE"), _plural_word("sessions"), _plural_word("crisis"), _plural_word("human")
    (('SOEs',), (), ('crises',), ('humans',))
    """
    if not word or not word.isalpha():
        return ()
    if word.isupper():  # an abbreviation: SOEs, NGOs
        return (word + "s",) if len(word) > 1 else ()
    low = word.lower()
    if low in _INVARIANT:
        return ()
    if low in _IRREGULAR:
        return (_same_case(word, _IRREGULAR[low]),)
    for sing in _COMPOUNDS:  # spokesman, chairwoman, spokesperson; not human, German
        if low.endswith(sing) and (low[-len(sing) - 1:-len(sing)] == "s" or low.startswith("chair")):
            return (word[: len(word) - len(sing)] + _same_case(word[len(word) - len(sing):], _IRREGULAR[sing]),)
    if low.endswith("is") and len(low) > 3:
        return (word[:-2] + "es",)
    if low.endswith(("ss", "us", "x", "z", "ch", "sh")):
        return (word + "es",)
    if low.endswith("s"):
        return ()  # plural already (Sessions, Affairs), or a name
    if len(low) > 1 and low.endswith("y") and low[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if len(low) > 1 and low.endswith("o") and low[-2] not in "aeiou":
        return (word + "s", word + "es")
    return (word + "s",)


def _same_case(model: str, word: str) -> str:
    return word.capitalize() if model[:1].isupper() else word


def plurals(form: str) -> tuple[str, ...]:
    """The plural(s) of an English form, inflecting its head word.

    >>> plurals("liquidity stress test"), plurals("Ministry of Finance")
    (('liquidity stress tests',), ('Ministries of Finance',))
    >>> plurals("Long March 5"), plurals("Two Sessions")
    ((), ())
    """
    if " of " not in form and " Of " not in form and " OF " not in form:
        # The usual case: the head is the last word, which must end the form.
        i = len(form)
        while i and form[i - 1].isalpha():
            i -= 1
        if i == len(form):
            return ()  # the form ends in a digit or a mark: Long March 5, Chang'e-5
        return tuple(form[:i] + p for p in _plural_word(form[i:]))
    words = list(_WORD.finditer(form))
    if not words:
        return ()
    head = words[-1]
    for i, w in enumerate(words):
        if w.group().lower() == "of" and i > 0:
            head = words[i - 1]
            break
    else:
        if head.end() != len(form.rstrip()):
            return ()  # the form ends in a digit or a mark: Long March 5, Chang'e-5
    return tuple(form[: head.start()] + p + form[head.end():] for p in _plural_word(head.group()))


def _singular_word(word: str) -> str | None:
    """The singular of a regular English plural, or None.

    >>> _singular_word("Undertakings"), _singular_word("bodies"), _singular_word("CUs"), _singular_word("boxes")
    ('Undertaking', 'body', 'CU', 'box')
    >>> _singular_word("Sessions"), _singular_word("status"), _singular_word("class"), _singular_word("series")
    ('Session', None, None, None)
    """
    low = word.lower()
    if len(word) < 3 or not word.isalpha() or low in _INVARIANT:
        return None
    if word[:-1].isupper() and word[-1] == "s":
        return word[:-1]  # CUs, SMEs
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if low.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if low.endswith(("ss", "us", "is", "ous")) or not low.endswith("s"):
        return None
    return word[:-1]


def singulars(form: str) -> tuple[str, ...]:
    """The singular of a form whose last word is a regular plural.

    >>> singulars("Convertibility Undertakings"), singulars("Long March 5"), singulars("Chinese")
    (('Convertibility Undertaking',), (), ())
    """
    if " of " in form:
        return ()
    i = len(form)
    while i and form[i - 1].isalpha():
        i -= 1
    one = _singular_word(form[i:]) if i < len(form) else None
    return (form[:i] + one,) if one else ()


_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def _head_inflections(word: str) -> tuple[str, ...]:
    """The plural(s) then the singular of a form's last word, as :func:`plurals` and :func:`singulars` give them."""
    one = _singular_word(word)
    return (*_plural_word(word), one) if one else _plural_word(word)


def _inflections(form: str) -> tuple[str, ...]:
    """``(*plurals(form), *singulars(form))``, with a short path for an ASCII form without "of"."""
    if form.isascii() and " of " not in form and " Of " not in form and " OF " not in form:
        # Both inflect the last word, which must end the form (isalpha is the ASCII letters here).
        i = len(form.rstrip(_ASCII_LETTERS))
        if i == len(form):
            return ()
        head = form[:i]
        return tuple(head + w for w in _head_inflections(form[i:]))
    return (*plurals(form), *singulars(form))


def english_surfaces(term: Term) -> list[tuple[str, str]]:
    """Every English surface form the term accepts, as (surface, kind).

    Listed forms come first, then their plurals (and, for a form listed in
    the plural, its singular). Series templates (forms
    holding ``{n}``) are not surfaces: :class:`Series` reads them.

    >>> t = Term(id="t", zh="压力测试", en="stress test", variants=("stress-test",))
    >>> english_surfaces(t)
    [('stress test', 'en'), ('stress-test', 'variant'), ('stress tests', 'en'), ('stress-tests', 'variant')]
    """
    if not (term.aliases or term.derived or term.variants or term.forbidden):
        # The usual row: one form (the same steps as below, without the bookkeeping of many).
        en = term.en
        if "{n}" in en:
            return []
        listed = [(en, "en")]
        if term.category == "person":
            return listed
        out = listed + [(p, "en") for p in _inflections(en) if p != en]
        numbered = _NUMBERED.fullmatch(en)
        if numbered is not None and 0 < int(numbered.group(2)) <= 30:
            suffix = f" {numbered.group(3)}" if numbered.group(3) else ""
            r = f"{numbered.group(1)} {roman(int(numbered.group(2)))}{suffix}"
            if all(r != f for f, _ in out):
                out.append((r, "variant"))
        return out
    listed = [(f, kind) for kind, forms in zip(EN_KINDS, _listed(term)) for f in forms if "{n}" not in f]
    out = list(listed)
    if term.category != "person":
        seen = {f for f, _ in listed}
        for form, kind in listed:
            for p in _inflections(form):
                if p not in seen:
                    seen.add(p)
                    out.append((p, kind))
        for form, kind in listed:
            numbered = _NUMBERED.fullmatch(form)
            if numbered is not None and 0 < int(numbered.group(2)) <= 30:
                # Tiangong-2 is also written Tiangong II: a variant numbering.
                suffix = f" {numbered.group(3)}" if numbered.group(3) else ""
                r = f"{numbered.group(1)} {roman(int(numbered.group(2)))}{suffix}"
                if r not in seen:
                    seen.add(r)
                    out.append((r, "variant" if kind in ACCEPTED_KINDS else kind))
    return out


#: A numbered name: a prefix, a separator, 1–3 digits and an optional capital (Tiangong-2, Long March 2F).
_NUMBERED = re.compile(r"(.*[A-Za-z'’])[ \-]([0-9]{1,3})([A-Z]?)")


def _listed(term: Term) -> tuple[tuple[str, ...], ...]:
    return ((term.en,), term.aliases, term.derived, term.variants, term.forbidden)


# ------------------------------------------------------------------- case
_CASE_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def case_fit(surface: str, listed: str, *, is_name_word: Callable[[str], bool] | None = None) -> str:
    """How ``surface`` relates to ``listed`` when they differ only in case.

    ``"same"``: house style allows it (sentence or title case, all capitals,
    a generic word in lower case: Hainan province). ``"case"``: a case slip
    (a name in lower case: tianwen-3, wang yaping). ``"spelling"``: an
    internal capital differs, which is part of the spelling (Beidou, BeiDou).
    ``is_name_word`` says whether a word is a name (pinyin), so that its
    lower case is a slip; by default no word is.

    >>> case_fit("BEIJING", "Beijing"), case_fit("Hainan province", "Hainan Province")
    ('same', 'same')
    >>> case_fit("Qianfan Constellation", "Qianfan constellation"), case_fit("Chang'E", "Chang'e")
    ('same', 'same')
    >>> case_fit("Beidou", "BeiDou"), case_fit("tianwen-3", "Tianwen-3", is_name_word=lambda w: w == "Tianwen")
    ('spelling', 'case')
    >>> case_fit("host", "Host")
    'same'

    """
    if surface == listed:
        return "same"
    letters = [c for c in surface if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "same"
    s_words = _CASE_WORD.findall(surface)
    l_words = _CASE_WORD.findall(listed)
    if len(s_words) != len(l_words):
        return "spelling"
    verdict = "same"
    for s, w in zip(s_words, l_words):
        if s == w:
            continue
        if s.lower() != w.lower():
            return "spelling"
        if w[1:] != w[1:].lower() and s[1:] != w[1:] and not s.isupper():
            return "spelling"  # BeiDou → Beidou: an internal capital is spelling
        if s[:1].isupper() and s[1:] == w[1:]:
            continue  # capitalized: sentence or title case
        if s.isupper() and len(s) > 1:
            verdict = "case"  # one word in capitals inside a mixed form
            continue
        if s == w.lower() and not (is_name_word and is_name_word(w)):
            continue  # a generic word in lower case: Hainan province; a termbase's Host as "host"
        verdict = "case"
    return verdict


# ------------------------------------------------------------------ series
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SUFFIX = {"甲": "A", "乙": "B", "丙": "C", "丁": "D", "戊": "E"}
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
          ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


_WIDE_DIGITS = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}


@lru_cache(maxsize=4096)
def chinese_number(text: str) -> int | None:
    """The value of a number written in Chinese numerals or digits (up to 999).

    >>> chinese_number("五"), chinese_number("十三"), chinese_number("二十一"), chinese_number("12")
    (5, 13, 21, 12)
    """
    text = text.translate(_WIDE_DIGITS)
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total if 0 < total < 1000 else None


def to_chinese(n: int) -> str:
    """A number of 1–999 in Chinese numerals, as series names write it.

    >>> to_chinese(5), to_chinese(13), to_chinese(21), to_chinese(100)
    ('五', '十三', '二十一', '一百')
    """
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (digits[ones] if ones else "")


def roman(n: int) -> str:
    """A number in Roman numerals: ``roman(13) == 'XIII'``."""
    out = ""
    for sym, val in _ROMAN:
        while n >= val:
            out, n = out + sym, n - val
    return out


def from_roman(text: str) -> int | None:
    """The value of Roman numerals in capitals (I–XXX), else None."""
    for n in range(1, 31):
        if roman(n) == text:
            return n
    return None


@dataclass(frozen=True, slots=True)
class Series:
    """A numbered series: Chinese and English templates with ``{n}``.

    The Chinese template is ``prefix{n}after`` (嫦娥 + 五 + 号); a letter
    suffix (甲乙丙丁 or A–Z) may follow it and becomes A/B/C/D after the
    number in English. ``forms`` holds the row's other templates as
    (template, kind): Chang'e {n} as a variant, Change-{n} as forbidden.
    """

    term: Term
    zh_prefix: str
    zh_after: str
    en: str
    forms: tuple[tuple[str, str], ...]

    @property
    def en_prefixes(self) -> tuple[tuple[str, str], ...]:
        """(prefix, kind) for every English template: the text before ``{n}``."""
        return tuple((t.split("{n}", 1)[0], kind) for t, kind in ((self.en, "en"), *self.forms))

    def member(self, n: int, suffix: str = "") -> Term:
        """The Term for member ``n`` (with a letter suffix A–E, or ''), built once."""
        return _member(self, n, suffix)


@lru_cache(maxsize=4096)
def _member(series: Series, n: int, suffix: str) -> Term:
    base = series.term
    cn_suffix = {v: k for k, v in _CN_SUFFIX.items()}.get(suffix, suffix)
    zh = f"{series.zh_prefix}{to_chinese(n)}{series.zh_after}{cn_suffix}"
    num = f"{n}{suffix}"

    def fill(template: str) -> str:
        return template.replace("{n}", num)

    by_kind: dict[str, list[str]] = {k: [] for k in EN_KINDS}
    for template, kind in series.forms:
        by_kind[kind].append(fill(template))
    prefix, _, after = series.en.partition("{n}")
    by_kind["variant"].append(f"{prefix.rstrip(' -')} {roman(n)}{' ' + suffix if suffix else ''}{after}")
    en = fill(series.en)
    return replace(
        base, id=f"{base.id}-{n}{suffix.lower()}", zh=zh, zh_variants=(f"{series.zh_prefix}{n}{series.zh_after}{cn_suffix}",),
        en=en, aliases=tuple(by_kind["alias"]), derived=tuple(by_kind["derived"]),
        variants=tuple(v for v in dict.fromkeys(by_kind["variant"]) if v != en),
        forbidden=tuple(by_kind["forbidden"]), pinyin="", ambiguous=False, series="",
        note=f"member {num} of the {base.en} series",
    )


def parse_series(term: Term) -> Series | None:
    """The series a row stands for, or None. The ``series`` cell is
    ``ZH = EN`` or ``EN`` alone (the Chinese is then ``{zh}{n}号``).

    >>> s = parse_series(Term(id="chang-e", zh="嫦娥", en="Chang'e", series="Chang'e-{n}",
    ...                       forbidden=("Change-{n}",)))
    >>> m = s.member(5); m.zh, m.en, m.forbidden
    ('嫦娥五号', "Chang'e-5", ('Change-5',))
    >>> parse_series(Term(id="cz", zh="长征", en="Long March", series="长征{n}号 = Long March {n}")).member(2, "F").zh
    '长征二号F'
    """
    cell = term.series.strip()
    if not cell:
        return None
    zh_t, sep, en_t = cell.partition("=")
    if not sep:
        zh_t, en_t = "{zh}{n}号", cell
    zh_t = zh_t.strip().replace("{zh}", term.zh)
    en_t = en_t.strip()
    if zh_t.count("{n}") != 1 or en_t.count("{n}") != 1:
        raise ValueError(f"series {cell!r} needs one {{n}} in its Chinese and one in its English")
    zh_prefix, _, zh_after = zh_t.partition("{n}")
    forms = tuple((f, kind) for kind, values in zip(EN_KINDS, _listed(term)) for f in values if "{n}" in f)
    return Series(term=term, zh_prefix=zh_prefix, zh_after=zh_after, en=en_t, forms=forms)


def cn_suffix_letter(ch: str) -> str | None:
    """甲/乙/丙/丁/戊 → A–E, a Latin capital → itself, else None."""
    if ch in _CN_SUFFIX:
        return _CN_SUFFIX[ch]
    if "A" <= ch <= "Z":
        return ch
    return None
