"""A WMT-style term dictionary: a JSON object mapping each Chinese term to its English forms.

``{"嫦娥六号": ["Chang'e-6", "Chang'e 6"], ...}``: the first English form is
the preferred one, the others aliases; a single string is one form. Written:
every Chinese form of a term (so variants too) with the term's accepted
English forms (a numbered series' templates left out); read back, adjacent keys with the same forms are one term, so
that a dictionary read and written again is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import SEPARATOR, terms_from_rows
from .csv import decode

__all__ = ["read", "write"]


def read(data: bytes, name: str, **_: object) -> list[Term]:
    """Terms from a term dictionary; errors name the line of the key."""
    text = decode(data, name)
    try:
        pairs: list[tuple[str, Any]] = json.loads(text, object_pairs_hook=lambda p: p)
    except json.JSONDecodeError as exc:
        raise GlossaryError(Problem(name, exc.lineno, f"not valid JSON: {exc.msg}")) from None
    if not isinstance(pairs, list) or (pairs and not isinstance(pairs[0], tuple)):
        raise GlossaryError(Problem(name, 1, "a term dictionary is a JSON object: {\"中文\": [\"English\", …]}"))
    rows: list[tuple[int, list[str]]] = []
    pos = 0
    last: list[str] | None = None
    for zh, forms in pairs:
        at = text.find(json.dumps(zh, ensure_ascii=False), pos)
        if at < 0:
            at = text.find(json.dumps(zh), pos)
        pos = max(at, pos)
        line = text.count("\n", 0, pos) + 1
        if isinstance(forms, str):
            forms = [forms]
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise GlossaryError(Problem(name, line, f"the English of {zh!r} is a list of strings",
                                        "write \"中文\": [\"English\", \"other English\"]"))
        forms = [" ".join(f.split()) for f in forms if f.strip()]
        if rows and forms and forms == last:
            cells = rows[-1][1]
            cells[1] = f"{cells[1]} {SEPARATOR} {zh}" if cells[1] else zh
            continue
        rows.append((line, [zh, "", forms[0] if forms else "", f" {SEPARATOR} ".join(forms[1:])]))
        last = forms
    if not rows:
        raise GlossaryError(Problem(name, 1, "no terms: the dictionary is empty"))
    return terms_from_rows(["zh", "zh_variants", "en", "aliases"], rows, name)


def write(terms: Sequence[Term], out: TextIO, **_: object) -> None:
    """``{zh form: [en, aliases…, derived…]}`` for every Chinese form of every term."""
    entries: dict[str, list[str]] = {}
    for t in terms:
        for form in t.zh_forms:
            entries.setdefault(form, [f for f in dict.fromkeys((t.en, *t.aliases, *t.derived)) if "{n}" not in f])
    out.write(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
