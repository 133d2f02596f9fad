"""Text folding for matching: width, quotes, dashes, case, Traditional→Simplified.

Two kinds of function live here:

* *keys* (``en_key``, ``en_exact``, ``zh_key``) turn a short form into the
  string a lookup table is keyed by; they may change the length.
* *length-preserving folds* (``fold_zh_text``, ``fold_en_text``) map a whole
  text character by character, so offsets into the folded text are offsets
  into the original.

OpenCC is loaded lazily, on the first Chinese fold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "HAN_CLASS",
    "HAN_RUN",
    "IGNORABLE",
    "en_exact",
    "en_key",
    "fold_en_text",
    "fold_zh_text",
    "has_han",
    "is_chinese_text",
    "is_han",
    "is_latin_word",
    "zh_key",
]

#: Characters that are invisible in print: zero-width spaces and joiners,
#: word joiner, BOM, soft hyphen, and variation selectors. Matching ignores them.
IGNORABLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)

_QUOTES = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\uff07`\u00b4"}
_DQUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02\u00ab\u00bb"}
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_PUNCT = {**_QUOTES, **_DQUOTES, **_DASHES}

# Separators that tolerant English matching treats as equal to nothing.
_SEPARATOR_RE = re.compile(r"[\s\-\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff\ufe58\ufe63\uff0d\u180e\ufe00-\ufe0f]+")
#: The ASCII characters :data:`_SEPARATOR_RE` removes (white space as ``\s`` knows it, and the hyphen).
_ASCII_SEPARATORS = {c: None for c in range(128) if _SEPARATOR_RE.fullmatch(chr(c))}
#: Han characters as a regex class body: CJK unified ideographs (every
#: extension) and compatibility ideographs. The one definition the package uses.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: A run of Han characters.
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (any extension) or compatibility ideograph.

    >>> is_han("李"), is_han("L")
    (True, False)
    """
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def is_chinese_text(text: str) -> bool:
    """Whether a text is Chinese rather than English: it has Han characters,
    at least as many as ASCII letters. Checkers treat such a text as a source.

    >>> is_chinese_text("王亚平在天宫空间站给学生们授课。Wang Yapin"), is_chinese_text("Wang Yaping (王亚平) spoke."), is_chinese_text("")
    (True, False, False)
    """
    han = sum(1 for ch in text if is_han(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return han > 0 and han >= latin


def is_latin_word(ch: str) -> bool:
    """A letter or digit of an alphabetic script: what English word boundaries are made of.

    >>> is_latin_word("a"), is_latin_word("李"), is_latin_word("-")
    (True, False, False)
    """
    return ch.isalnum() and ord(ch) < 0x2E80


def has_han(text: str) -> bool:
    """True when ``text`` contains at least one Han character.

    >>> has_han("Li Qiang (李强)")
    True
    """
    return HAN_RUN.search(text) is not None


@lru_cache(maxsize=65536)
def _fold_en_char(ch: str) -> str:
    """One character folded for English matching, always one character long."""
    if ch in _PUNCT:
        return _PUNCT[ch]
    out = unicodedata.normalize("NFKC", ch)
    out = out.lower() if len(out) == 1 else ch.lower()
    return out if len(out) == 1 else ch


def fold_en_text(text: str) -> str:
    """Fold a text for English matching, keeping its length.

    Lowercases, folds full-width forms, curly quotes and dashes. Offsets into
    the result are offsets into ``text``.

    >>> fold_en_text("Li Qiang’s ＮＰＣ – now")
    "li qiang's npc - now"
    """
    lowered = text.lower()
    if text.isascii():
        return lowered
    if len(lowered) != len(text):  # a character whose lower case is longer (İ)
        table = {ord(ch): _fold_en_char(ch) for ch in set(text) if _fold_en_char(ch) != ch}
        return text.translate(table)
    # Most characters fold as lower() does; fix up only those that do not.
    special = {ch: _fold_en_char(ch) for ch in set(text) if not ch.isascii() and _fold_en_char(ch) != ch.lower()}
    if not special:
        return lowered
    pattern = re.compile("[" + re.escape("".join(c.lower() for c in special)) + "]")
    fix = {c.lower(): f for c, f in special.items()}
    if len(fix) != len(special):  # two characters lower to one: fold by hand
        table = {ord(ch): _fold_en_char(ch) for ch in set(text) if _fold_en_char(ch) != ch}
        return text.translate(table)
    return pattern.sub(lambda m: fix[m.group()], lowered)


def en_exact(text: str) -> str:
    """The form of an English rendering with typography folded, case kept.

    Folds NFKC width forms, quotes and dashes, drops invisible characters and
    collapses white space, so that typography alone never tells two forms apart.

    >>> en_exact("Chang’e  –  3")
    "Chang'e - 3"
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_PUNCT.get(c, c) for c in text if c not in IGNORABLE)
    return " ".join(text.split())


def en_key(text: str) -> str:
    """The tolerant key of an English form: case, width, quotes, dashes,
    and hyphen/space/nothing all folded away.

    >>> en_key("Tianwen 3") == en_key("Tianwen-3") == en_key("tianwen3")
    True
    >>> en_key("Qian Fan") == en_key("Qianfan")
    True
    """
    if text.isascii():  # NFKC and the folds change nothing but case: drop the separators in one pass
        return text.lower().translate(_ASCII_SEPARATORS)
    return _SEPARATOR_RE.sub("", fold_en_text(unicodedata.normalize("NFKC", text)))


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_zh_char(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    if is_han(out):
        conv = _t2s().convert(out)
        if len(conv) == 1:
            out = conv
    return out


def fold_zh_text(text: str) -> str:
    """Fold a text for Chinese matching, keeping its length.

    Traditional characters become Simplified (OpenCC ``t2s``, character by
    character) and full-width forms become their plain forms.

    >>> fold_zh_text("李強（香港）")
    '李强(香港)'
    """
    if text.isascii():
        return text
    return text.translate(_ZH_FOLDS)


class _ZhFolds(dict[int, "int | str"]):
    """Code point → its Chinese fold, for ``str.translate``, filled on first sight of each character (a
    character that folds to itself maps to itself); emptied when it grows past 100,000 characters."""

    def __missing__(self, code: int) -> int | str:
        ch = chr(code)
        folded = _fold_zh_char(ch) if code >= 0x80 else ch
        if len(self) > 100_000:
            self.clear()
        value: int | str = code if folded == ch else folded
        self[code] = value
        return value


_ZH_FOLDS = _ZhFolds()


_DROP_IGNORABLE = dict.fromkeys(map(ord, IGNORABLE))


def zh_key(text: str) -> str:
    """The lookup key of a Chinese form: Simplified, width-folded, trimmed,
    invisible characters removed.

    >>> zh_key(" 李強 ")
    '李强'
    """
    return fold_zh_text(text.translate(_DROP_IGNORABLE).strip())
