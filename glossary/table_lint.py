"""The strict checks of a term table: what ``glossary validate --strict`` adds.

A table that loads can still be hard to keep: rows nobody can check again,
person names whose stored pinyin nobody can explain, two rows that English
text cannot tell apart. :func:`lint_terms` finds them, as errors that name
the file and the line:

- **unsourced**: a row whose ``source`` or ``note`` holds no public
  reference. A reference is a web address (``https://…``, or a bare address
  with a path such as ``en.wikipedia.org/wiki/Shenzhou_15``) or a named
  reference after ``ref:`` (``ref: GB/T 28039-2011``,
  ``ref: Xinhua 2024-10-30``). The bare words ``article`` and ``reference``
  of the ``source`` column say what kind of source a row has, not which one,
  so they do not count.
- **person pinyin**: a ``person`` row whose stored pinyin differs from
  :func:`glossary.romanize` (``kind="person"``), unless its note says why
  after ``pinyin:`` (``pinyin: known as Lè Jiā``).
- **same English**: two rows sharing an English form (``en``, an alias or a
  variant; case ignored).

The checks are pure: terms in, problems out. See docs/table-format.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import Problem
from .model import Term
from .table import PINYIN_MARKER, pinyin_explained, same_english

__all__ = ["PINYIN_MARKER", "REF_MARKER", "has_reference", "is_sourced", "lint_terms"]

#: The note marker that explains a stored pinyin differing from romanize().
#: The marker before a named reference in ``source`` or ``note``.
REF_MARKER = "ref:"

_URL = re.compile(
    r"\bhttps?://[^\s/]+\.[^\s]+"  # with a scheme
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s]*",  # a bare address with a path
    re.IGNORECASE,
)
_NAMED = re.compile(r"\bref:\s*\S", re.IGNORECASE)


def has_reference(text: str) -> bool:
    """Whether ``text`` cites a public reference: a web address or ``ref: NAME``.

    >>> has_reference("astronaut; https://en.wikipedia.org/wiki/Wang_Yaping")
    True
    >>> has_reference("en.wikipedia.org/wiki/Shenzhou_15"), has_reference("ref: GB/T 28039-2011")
    (True, True)
    >>> has_reference("reference"), has_reference("article"), has_reference("see ref:"), has_reference("e.g. this")
    (False, False, False, False)
    """
    return bool(_URL.search(text) or _NAMED.search(text))


def is_sourced(term: Term) -> bool:
    """Whether the row's source or note cites a public reference."""
    return has_reference(term.source) or has_reference(term.note)


def _unsourced(terms: list[Term], name: str) -> list[Problem]:
    return [
        Problem(name, t.line, f"row {t.id!r} has no source",
                "cite a public reference in note: a web address, or 'ref: ' and the reference's name")
        for t in terms
        if not is_sourced(t)
    ]


def _person_pinyin(terms: list[Term], name: str) -> list[Problem]:
    from .pinyin import romanize

    problems: list[Problem] = []
    for t in terms:
        if t.category != "person" or not t.pinyin or pinyin_explained(t):
            continue
        computed = romanize(t.zh, kind="person")
        if computed != t.pinyin:
            # the words of table.check_terms, which warns of the same for rows romanized as pinyin
            problems.append(Problem(name, t.line, f"pinyin {t.pinyin!r} differs from romanize(): {computed!r}",
                                    f"fix the pinyin, or explain the difference in note as '{PINYIN_MARKER} …'"))
    return problems


def lint_terms(terms: Iterable[Term], name: str = "<table>") -> list[Problem]:
    """The strict problems of a loaded table, sorted by line; all are errors.

    ``name`` is the file name the problems report.

    >>> from glossary.model import Term
    >>> rows = [Term(id="a", zh="甲", en="A", note="ref: X", line=2), Term(id="b", zh="乙", en="a", line=3)]
    >>> for p in lint_terms(rows, "t.csv"): print(p.line, p.message)
    3 row 'b' has no source
    3 English 'a' is also used by 'a' (line 2)
    """
    rows = list(terms)
    problems = _unsourced(rows, name) + _person_pinyin(rows, name) + same_english(rows, name)
    return sorted(problems, key=lambda p: p.line)
