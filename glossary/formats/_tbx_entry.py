"""The cells of one TBX entry (``termEntry``, ``conceptEntry``), for :mod:`glossary.formats.tbx`.

:func:`cells` reads an entry of the usual shape (what :func:`glossary.formats.tbx.write`
and most CAT tools export: language sections of ``tig`` or ``termSec`` elements that
hold a term and its term notes) in one walk over its elements; any other
entry, and any entry with a problem to report, is read by the general
reading, :func:`_entry`, which says what is wrong. Both give the same row
(tests/test_tbx_entry.py holds them to it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import GlossaryError, Problem
from ..langtags import language
from ..model import CATEGORIES
from ..row import TRUE_WORDS
from . import _xml

__all__ = ["HEADER", "cells", "language", "status"]

_STATUS_TYPES = {"administrativestatus", "normativeauthorization", "usagestatus"}
#: Other ways tools state a term's status: yes/no flags (Phrase's termNote "forbidden" and "preferred"),
#: and a "status" (Trados's descrip, Phrase's termNote) whose value may be a workflow state (Approved, New).
_FLAG_TYPES = frozenset({"forbidden", "preferred"})
_OTHER_STATUS_TYPES = _FLAG_TYPES | {"status"}
#: The columns of a row, in order.
HEADER = ["id", "zh", "zh_variants", "en", "aliases", "variants", "forbidden", "pinyin", "category", "series", "note"]


@lru_cache(maxsize=256)
def status(value: str) -> str:
    """The row field a TBX status value maps to: ``preferred``, ``admitted``, ``variant``, ``forbidden`` or ``""``.

    >>> [status(v) for v in ("preferredTerm-admn-sts", "admitted", "supersededTerm", "obsolete",
    ...                      "deprecatedTerm-admn-sts", "notRecommended", "standardizedTerm")]
    ['preferred', 'admitted', 'variant', 'variant', 'forbidden', 'forbidden', 'admitted']
    """
    v = re.sub(r"[^a-z]", "", value.lower())
    if "deprecated" in v or "notrecommended" in v or "forbidden" in v:
        return "forbidden"
    if "superseded" in v or "obsolete" in v:
        return "variant"
    if "preferred" in v:
        return "preferred"
    if v:
        return "admitted"
    return ""


def _loose_status(value: str) -> str:
    """:func:`status` of a value that may also be a workflow state: ``""`` for Approved, New, Draft.

    >>> [_loose_status(v) for v in ("Forbidden", "Preferred", "Admitted", "Approved", "New")]
    ['forbidden', 'preferred', 'admitted', '', '']
    """
    found = status(value)
    return found if found != "admitted" or "admitted" in value.lower() else ""


def _text(element: Any) -> str:
    if len(element) == 0:  # no child elements: the common case, without walking the tree
        text = element.text or ""
        return " ".join(text.split()) if text else ""
    return " ".join("".join(element.itertext()).split())


#: The elements of a term's section that say something about it (any namespace, or none).
_TERM_INFO = ("{*}termNote", "{*}note", "{*}descrip", "{*}administrativeStatus", "{*}normativeAuthorization",
              "{*}usageStatus", "{*}termType")


class _Form:
    __slots__ = ("text", "status", "notes")

    def __init__(self, text: str, status: str, notes: list[str]) -> None:
        self.text, self.status, self.notes = text, status, notes


#: The local names of :data:`_TERM_INFO`.
_INFO_NAMES = frozenset(t[3:] for t in _TERM_INFO)


# -- the general reading -------------------------------------------------------------------------

def _forms(section: Any, name: str) -> list[_Form]:
    """The terms of a language section with their statuses, in order."""
    forms: list[_Form] = []
    for holder in section.iterchildren("{*}tig", "{*}ntig", "{*}termSec"):
        # One walk over the holder (document order): its first <term>, and what the others say about it.
        term = None
        found, term_type, notes = "", "", []
        flags: set[str] = set()
        for e in holder.iter():
            tag = e.tag
            if not isinstance(tag, str):
                continue
            tag = tag[tag.rfind("}") + 1:]
            if tag == "term":
                if term is None:
                    term = e
                continue
            if tag not in _INFO_NAMES:
                continue
            kind = (e.get("type") or "").lower() if tag in ("termNote", "descrip") else tag.lower()
            if kind in _STATUS_TYPES and not found:
                found = status(_text(e))
            elif kind == "status" and not found:
                found = _loose_status(_text(e))
            elif kind in _FLAG_TYPES:
                if _text(e).lower() in TRUE_WORDS:
                    flags.add(kind)
            elif kind == "termtype":
                term_type = _text(e).lower()
            elif tag == "note" or (tag == "descrip" and kind == "definition"):
                notes.append(_text(e))
        if term is None:
            raise GlossaryError(Problem(name, holder.sourceline or 0, f"<{_xml.localname(holder.tag)}> has no <term>",
                                        "every tig, ntig or termSec holds one term"))
        if "forbidden" in flags:
            found = "forbidden"  # a yes/no flag wins over any status
        elif "preferred" in flags and not found:
            found = "preferred"
        if term_type == "variant" and found in ("admitted", ""):
            found = "variant"
        text = _text(term)
        if text:
            forms.append(_Form(text, found, notes))
    for i, form in enumerate(forms):
        if not form.status:
            form.status = "preferred" if i == 0 else "admitted"
    return forms


def _entry(entry: Any, name: str) -> tuple[str, ...] | None:
    """The cells of an entry in :data:`HEADER` order, or None when it lacks Chinese or English."""
    zh: list[_Form] = []
    hant: list[_Form] = []
    en: list[_Form] = []
    notes: list[str] = []
    category = series = ""
    for child in entry:
        local = _xml.localname(child.tag)
        if local in ("langSet", "langSec"):
            tag = child.get(_xml.XML_LANG) or child.get("lang")
            if not tag:
                raise GlossaryError(Problem(name, child.sourceline or 0, f"<{local}> has no xml:lang",
                                            'say the language: <langSet xml:lang="zh-CN">'))
            lang = language(tag)
            if lang:
                {"zh": zh, "hant": hant, "en": en}[lang].extend(_forms(child, name))
            for e in child.iterchildren("{*}descrip", "{*}descripGrp", "{*}note"):
                if lang:
                    notes += [_text(d) for d in e.iter() if _xml.localname(d.tag) == "note"
                              or (_xml.localname(d.tag) == "descrip" and (d.get("type") or "").lower() == "definition")]
        elif local == "note" or (local == "descrip" and (child.get("type") or "").lower() == "definition"):
            category, series = _entry_note(_text(child), category, series, notes)
        elif local == "descripGrp":
            for e in child.iter():
                if _xml.localname(e.tag) == "descrip" and (e.get("type") or "").lower() == "definition":
                    notes.append(_text(e))
    return _row(entry.get("id") or "", zh, hant, en, notes, category, series)


def _row(entry_id: str, zh: list[_Form], hant: list[_Form], en: list[_Form], notes: list[str], category: str,
         series: str) -> tuple[str, ...] | None:
    """The cells of an entry from its forms by language and its notes (extended here), or None."""
    chinese = [f for f in zh if f.status != "forbidden"]
    chinese += [f for f in hant if f.status != "forbidden"]
    chinese.sort(key=lambda f: f.status != "preferred")  # stable: the first preferred leads
    english = [f for f in en if f.status != "forbidden"]
    if not chinese or not english:
        return None
    english.sort(key=lambda f: f.status != "preferred")
    lead = english[0]
    pinyin = next((n[len("pinyin: "):] for n in chinese[0].notes if n.startswith("pinyin: ")), "")
    for f in (*chinese, *english):
        notes += [n for n in f.notes if not n.startswith("pinyin: ")]
    sep = " | "
    if len(chinese) == 1 and len(en) == 1 and not notes:  # the usual entry: one term in each language
        return (entry_id, chinese[0].text, "", lead.text, "", "", "", pinyin, category, series, "")
    return (
        entry_id,
        chinese[0].text,
        sep.join(_unique([f.text for f in chinese[1:]], {chinese[0].text})),
        lead.text,
        sep.join(_unique([f.text for f in english[1:] if f.status in ("preferred", "admitted")], {lead.text})),
        sep.join(_unique([f.text for f in english if f.status == "variant" and f is not lead], {lead.text})),
        sep.join(_unique([f.text for f in en if f.status == "forbidden"], {f.text for f in english})),
        pinyin,
        category,
        series,
        "; ".join(_unique(notes, set())),
    )


def _entry_note(text: str, category: str, series: str, notes: list[str]) -> tuple[str, str]:
    """An entry's own note or definition: its category, its series (as write() gives them), or a note."""
    key, _, value = text.partition(": ")
    if key == "category" and value in CATEGORIES and not category:
        category = value
    elif key == "series" and not series:
        series = value  # written by write(): a numbered series' template
    elif text:
        notes.append(text)
    return category, series


def _unique(items: list[str], taken: set[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in taken and item not in out:
            out.append(item)
    return out


# -- the usual shape, in one walk ----------------------------------------------------------------

# The caches below outlive a file: each holds at most _BOUND keys of at most _SHORT characters, whatever
# the files read use (any number of tags and values, any length).
_BOUND = 4096
_SHORT = 200
#: What an element of each local name is to the walk (any other: ""): a language section, a term's holder
#: (``ntig`` and ``descripGrp`` are left to the general reading), and the elements of a holder.
_KINDS = {"langSet": "section", "langSec": "section", "tig": "holder", "termSec": "holder", "ntig": "ntig",
          "descripGrp": "group", "note": "note", "descrip": "descrip", "term": "term", "termNote": "termNote",
          "administrativeStatus": "status", "normativeAuthorization": "status", "usageStatus": "status",
          "termType": "type"}
class _Memo(dict[Any, str]):
    """A bounded memo of ``compute``: ``memo[key]`` at dict speed once seen (only short keys, at most
    :data:`_BOUND` of them, are kept)."""

    def __init__(self, compute: Callable[[Any], str]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> str:
        value = self.compute(key)
        if len(self) < _BOUND and (not isinstance(key, str) or len(key) <= _SHORT):
            self[key] = value
        return value


def _note_kind(value: str) -> str:
    lowered = value.lower()
    return ("status" if lowered in _STATUS_TYPES else "type" if lowered == "termtype"
            else "other status" if lowered in _OTHER_STATUS_TYPES else "")


#: :data:`_KINDS` by tag (with its namespace), for the tags a file uses.
_KIND = _Memo(lambda tag: _KINDS.get(_xml.localname(tag), ""))
#: What a ``termNote`` of each ``type`` is: ``status``, ``type``, ``other status`` or ``""``.
_NOTE_KIND = _Memo(_note_kind)
#: :func:`status` of a status element's text as written.
_STATUS = _Memo(lambda text: status(" ".join(text.split()) if text else ""))


def _plain(entry: Any) -> tuple[str, ...] | None:
    """:func:`_entry` of an entry of the usual shape, in one walk (``()`` for one it skips); None for any
    other entry, or one with a problem to report (for the general reading to say so).

    The usual shape: the entry's children are language sections, notes, definitions and elements that
    neither reading reads; a section's children are ``tig`` or ``termSec`` elements and elements neither
    reading reads (not ``ntig``, ``note``, ``descrip`` or ``descripGrp``); a holder's children have no
    children.
    """
    kinds, note_kinds, statuses = _KIND.__getitem__, _NOTE_KIND.__getitem__, _STATUS.__getitem__
    # The forms of each language as (text, status, notes).
    zh: list[tuple[str, str, tuple[str, ...]]] = []
    hant: list[tuple[str, str, tuple[str, ...]]] = []
    en: list[tuple[str, str, tuple[str, ...]]] = []
    notes: list[str] = []
    category = series = ""
    for child in entry[:]:
        kind = kinds(child.tag)
        if kind != "section":
            if kind == "note" or (kind == "descrip" and (child.get("type") or "").lower() == "definition"):
                category, series = _entry_note(_text(child), category, series, notes)
            elif kind == "group":
                return None
            continue
        code = child.get(_xml.XML_LANG) or child.get("lang")
        if not code:
            return None
        lang = language(code)
        if not lang:
            continue
        forms = zh if lang == "zh" else en if lang == "en" else hant
        first = len(forms)  # where the section's forms start: the first without a status is preferred
        for holder in child[:]:
            kind = kinds(holder.tag)
            if kind != "holder":
                if kind == "ntig" or kind == "group" or kind == "note" or kind == "descrip":
                    return None
                continue
            term: str | None = None
            found = term_type = ""
            term_notes: tuple[str, ...] = ()
            for e in holder[:]:
                if len(e):
                    return None
                kind = kinds(e.tag)
                if kind == "termNote":
                    kind = note_kinds(e.get("type") or "")
                if kind == "term":
                    if term is None:
                        term = e.text or ""
                elif kind == "status":
                    if not found:
                        found = statuses(e.text)
                elif kind == "type":
                    text = e.text
                    term_type = " ".join(text.split()).lower() if text else ""
                elif kind == "descrip":
                    value = (e.get("type") or "").lower()
                    if value != "definition":
                        if value in _STATUS_TYPES or value in _OTHER_STATUS_TYPES:
                            return None  # a status in a descrip (Trados): the general reading's
                        continue
                    text = e.text
                    term_notes += (" ".join(text.split()) if text else "",)
                elif kind == "note":
                    text = e.text
                    term_notes += (" ".join(text.split()) if text else "",)
                elif kind == "other status":
                    return None  # a yes/no flag or a loose status (Phrase): the general reading's
            if term is None:
                return None
            if term_type == "variant" and found in ("admitted", ""):
                found = "variant"
            text = " ".join(term.split())
            if text:
                forms.append((text, found or ("admitted" if len(forms) > first else "preferred"), term_notes))
    if len(zh) == 1 and len(en) == 1 and not hant and not notes:  # the usual entry: one term in each language
        (zh_text, zh_status, zh_notes), (en_text, en_status, en_notes) = zh[0], en[0]
        if not zh_notes and not en_notes and zh_status != "forbidden" and en_status != "forbidden":
            return (entry.get("id") or "", zh_text, "", en_text, "", "", "", "", category, series, "")
    zh_, hant_, en_ = ([_Form(text, found, list(term_notes)) for text, found, term_notes in forms]
                       for forms in (zh, hant, en))
    return _row(entry.get("id") or "", zh_, hant_, en_, notes, category, series) or ()


def cells(entry: Any, name: str) -> tuple[str, ...] | None:
    """The cells of an entry in :data:`HEADER` order, or None when it lacks Chinese or English;
    GlossaryError naming the line and element for an entry that is not TBX."""
    found = _plain(entry)
    if found is None:
        return _entry(entry, name)
    return found or None
