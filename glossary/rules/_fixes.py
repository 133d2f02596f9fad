"""The replacement a fixable finding carries: the house form, in the found text's shape.

A fix replaces only the finding's span, so a possessive after a name
(``Beidou's``) is kept as it is. What the replacement keeps of the found text:

* its number: the plural of a variant becomes the plural of the house form
  (``Beidous`` → ``BeiDous``), where the house form has a regular plural;
* its case pattern: a form written in capitals throughout stays in capitals
  (``WANG YAPIN`` → ``WANG YAPING``), and a house form that starts in lower
  case gets a capital where the found text has one (at a sentence start).

Otherwise the replacement is the house form exactly as the table writes it.
"""

from __future__ import annotations

from ..forms import plurals
from ..model import Fix, Term
from ..normalize import en_key

__all__ = ["house_form", "fix_to", "is_plural_of"]


def is_plural_of(found: str, term: Term) -> str | None:
    """The singular of ``found`` when it is the regular plural of one of the
    term's listed forms (not itself a listed form), else None.

    >>> t = Term(id="b", zh="北斗", en="BeiDou", variants=("Beidou",))
    >>> is_plural_of("Beidous", t), is_plural_of("Beidou", t)
    ('Beidou', None)
    """
    listed = (term.en, *term.aliases, *term.derived, *term.variants, *term.forbidden)
    key = en_key(found)
    if any(en_key(f) == key for f in listed):
        return None
    # The form whose plural is written exactly so first, then one equal to it in key.
    for same in (lambda p: p == found, lambda p: en_key(p) == key):
        for form in listed:
            if any(same(p) for p in plurals(form)):
                return form
    return None


def house_form(found: str, want: str, term: Term | None = None) -> str:
    """``want`` shaped like ``found``: its number (with ``term``) and its case pattern.

    >>> house_form("WANG YAPIN", "Wang Yaping"), house_form("Stress-test", "stress test")
    ('WANG YAPING', 'Stress test')
    >>> house_form("Beidous", "BeiDou", Term(id="b", zh="北斗", en="BeiDou", variants=("Beidou",)))
    'BeiDous'
    """
    out = want
    if term is not None and term.category != "person" and is_plural_of(found, term) is not None:
        many = plurals(want)
        if many:
            out = many[0]
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return out.upper()
    if out[:1].islower() and found[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def fix_to(found: str, want: str | None, term: Term | None = None, *, safe: bool = True) -> Fix | None:
    """The :class:`Fix` that turns ``found`` into the house form ``want``; None
    when there is nothing to replace it with, or nothing would change."""
    if not want:
        return None
    replacement = house_form(found, want, term)
    if replacement == found:
        return None
    return Fix(replacement, safe=safe)
