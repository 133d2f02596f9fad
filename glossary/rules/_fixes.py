"""The replacement a fixable finding carries: the house form, in the found text's shape.

A fix replaces only the finding's span, so a possessive after a name
(``Beidou's``) is kept as it is. What the replacement keeps of the found text:

* its number: the plural of a variant becomes the plural of the house form
  (``Beidous`` → ``BeiDous``), where the house form has a regular plural;
* its case pattern: a form written in capitals throughout stays in capitals
  (``WANG YAPIN`` → ``WANG YAPING``), unless the table lists it so (an
  abbreviation: ``CZ-2F`` is not a shouted name), and a house form that starts
  in lower case gets a capital where the found text has one (at a sentence start);
* its apostrophe: a typographic one (``Chang’e 5``) stays typographic
  (``Chang’e-5``).

Otherwise the replacement is the house form exactly as the table writes it.
"""

from __future__ import annotations

from functools import lru_cache

from ..forms import plurals
from ..model import Fix, Term
from ..normalize import en_key

__all__ = ["house_form", "fix_to", "is_plural_of"]


@lru_cache(maxsize=8192)
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


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _listed_in_capitals(found: str, term: Term) -> bool:
    """Does the table list ``found`` (or its singular) in capitals: an abbreviation such as CZ-2F?"""
    key = en_key(is_plural_of(found, term) or found)
    return any(en_key(f) == key and _all_caps(f)
               for f in (term.en, *term.aliases, *term.derived, *term.variants, *term.forbidden))


@lru_cache(maxsize=8192)
def house_form(found: str, want: str, term: Term | None = None) -> str:
    """``want`` shaped like ``found``: its number (with ``term``), its case pattern and its apostrophe.

    >>> house_form("WANG YAPIN", "Wang Yaping"), house_form("Stress-test", "stress test")
    ('WANG YAPING', 'Stress test')
    >>> house_form("Beidous", "BeiDou", Term(id="b", zh="北斗", en="BeiDou", variants=("Beidou",)))
    'BeiDous'
    >>> house_form("CZ-2F", "Long March 2F", Term(id="l", zh="长征二号F", en="Long March 2F", variants=("CZ-2F",)))
    'Long March 2F'
    >>> house_form("Chang’e 5", "Chang'e-5")
    'Chang’e-5'
    """
    out = want
    if term is not None and term.category != "person" and is_plural_of(found, term) is not None:
        many = plurals(want)
        if many:
            out = many[0]
    if "\u2019" in found and "'" in out and "\u2019" not in out:
        out = out.replace("'", "\u2019")
    if _all_caps(found) and not (term is not None and _listed_in_capitals(found, term)):
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
