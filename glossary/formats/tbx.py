"""TBX termbases: TBX-Basic and TBX v2 (``martif``) and TBX v3, ISO 30042:2019 (``tbx``).

Read: one term per entry (``termEntry`` or ``conceptEntry``) that has a
Chinese and an English term; its language sections (``langSet``/``langSec``)
by ``xml:lang`` (``zh``, ``zh-CN``, ``zh-Hans`` for Simplified; ``zh-Hant``,
``zh-TW``, ``zh-HK`` for Traditional, which become Chinese variants; ``en``,
``en-US``, ``en-GB``; any case), its terms (``tig``, ``ntig/termGrp``,
``termSec``) by status. ``administrativeStatus``, ``normativeAuthorization``
and ``usageStatus`` (as ``termNote`` or, in TBX v3 DCT style, as elements of
their own) map onto the row:

==============================================  ==========================
status                                          row
==============================================  ==========================
preferred                                       ``en`` (the first; the others aliases)
admitted (also standardized, legal, regulated)  ``aliases``
superseded, obsolete                            ``variants``
deprecated, not recommended                     ``forbidden``
==============================================  ==========================

A term without a status is preferred if it comes first in its language
section, else admitted. ``termType`` "variant" makes a variant. Definitions
and notes go into ``note``. Chinese terms that are deprecated are dropped
(the table has no column for them); an entry without both languages is not a
term of this table and is skipped. Written: TBX-Basic (v2), the dialect
translate-toolkit and most CAT tools read; read back it gives the same rows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TextIO
from xml.etree import ElementTree as ET

from ..errors import GlossaryError, Problem
from ..model import CATEGORIES, Term
from ..table import terms_from_rows
from . import _xml

__all__ = ["language", "read", "status", "write"]

_STATUS_TYPES = {"administrativestatus", "normativeauthorization", "usagestatus"}
_HEADER = ["id", "zh", "zh_variants", "en", "aliases", "variants", "forbidden", "pinyin", "category", "series", "note"]
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@lru_cache(maxsize=256)
def language(tag: str) -> str:
    """``"zh"`` (Simplified), ``"hant"`` (Traditional), ``"en"`` or ``""`` for a language tag, any case.

    >>> [language(t) for t in ("zh", "ZH-cn", "zh-Hans", "zh-Hant", "zh_TW", "zh-HK", "en-GB", "fr")]
    ['zh', 'zh', 'zh', 'hant', 'hant', 'hant', 'en', '']
    """
    parts = tag.strip().lower().replace("_", "-").split("-")
    if parts[0] == "en":
        return "en"
    if parts[0] != "zh":
        return ""
    rest = set(parts[1:])
    return "hant" if rest & {"hant", "tw", "hk", "mo"} else "zh"


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


def _text(element: Any) -> str:
    if len(element) == 0:  # no child elements: the common case, without walking the tree
        text = element.text or ""
        return " ".join(text.split()) if text else ""
    return " ".join("".join(element.itertext()).split())


#: The elements of a term's section that say something about it (any namespace, or none).
_TERM_INFO = ("{*}termNote", "{*}note", "{*}descrip", "{*}administrativeStatus", "{*}normativeAuthorization",
              "{*}usageStatus", "{*}termType")


class _Form:
    __slots__ = ("text", "status", "notes", "line")

    def __init__(self, text: str, status: str, notes: list[str], line: int) -> None:
        self.text, self.status, self.notes, self.line = text, status, notes, line


#: The local names of :data:`_TERM_INFO`.
_INFO_NAMES = frozenset(t[3:] for t in _TERM_INFO)


def _forms(section: Any, name: str) -> list[_Form]:
    """The terms of a language section with their statuses, in order."""
    forms: list[_Form] = []
    for holder in section.iterchildren("{*}tig", "{*}ntig", "{*}termSec"):
        # One walk over the holder (document order): its first <term>, and what the others say about it.
        term = None
        found, term_type, notes = "", "", []
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
            kind = (e.get("type") or "").lower() if tag == "termNote" else tag.lower()
            if kind in _STATUS_TYPES and not found:
                found = status(_text(e))
            elif kind == "termtype":
                term_type = _text(e).lower()
            elif tag == "note" or (tag == "descrip" and (e.get("type") or "") == "definition"):
                notes.append(_text(e))
        if term is None:
            raise GlossaryError(Problem(name, holder.sourceline or 0, f"<{_xml.localname(holder.tag)}> has no <term>",
                                        "every tig, ntig or termSec holds one term"))
        if term_type == "variant" and found in ("admitted", ""):
            found = "variant"
        text = _text(term)
        if text:
            forms.append(_Form(text, found, notes, term.sourceline or 0))
    for i, form in enumerate(forms):
        if not form.status:
            form.status = "preferred" if i == 0 else "admitted"
    return forms


def _entry(entry: Any, name: str) -> dict[str, str] | None:
    """The cells of an entry, or None when it lacks Chinese or English."""
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
                              or (_xml.localname(d.tag) == "descrip" and (d.get("type") or "") == "definition")]
        elif local == "note" or (local == "descrip" and (child.get("type") or "") == "definition"):
            text = _text(child)
            key, _, value = text.partition(": ")
            if key == "category" and value in CATEGORIES and not category:
                category = value
            elif key == "series" and not series:
                series = value  # written by write(): a numbered series' template
            elif text:
                notes.append(text)
        elif local == "descripGrp":
            for e in child.iter():
                if _xml.localname(e.tag) == "descrip" and (e.get("type") or "") == "definition":
                    notes.append(_text(e))
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
        return {"id": entry.get("id") or "", "zh": chinese[0].text, "zh_variants": "", "en": lead.text, "aliases": "",
                "variants": "", "forbidden": "", "pinyin": pinyin, "category": category, "series": series, "note": ""}
    return {
        "id": entry.get("id") or "",
        "zh": chinese[0].text,
        "zh_variants": sep.join(_unique([f.text for f in chinese[1:]], {chinese[0].text})),
        "en": lead.text,
        "aliases": sep.join(_unique([f.text for f in english[1:] if f.status in ("preferred", "admitted")], {lead.text})),
        "variants": sep.join(_unique([f.text for f in english if f.status == "variant" and f is not lead], {lead.text})),
        "forbidden": sep.join(_unique([f.text for f in en if f.status == "forbidden"], {f.text for f in english})),
        "pinyin": pinyin,
        "category": category,
        "series": series,
        "note": "; ".join(_unique(notes, set())),
    }


def _unique(items: list[str], taken: set[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in taken and item not in out:
            out.append(item)
    return out


def _term_id(xml_id: str) -> str:
    if re.fullmatch(r"_\d.*", xml_id):
        return xml_id[1:]  # the prefix write() gives ids that start with a digit (an XML id cannot)
    return xml_id


def read(data: bytes, name: str, *, group: bool = False, **_: object) -> list[Term]:
    """Terms from a TBX file; GlossaryError naming the line and element for a file that is not TBX.

    ``group`` merges entries with the same Chinese term (a termbase's homonyms) into one term.
    """
    rows: list[tuple[int, list[str]]] = []
    skipped = 0
    for event, element in _xml.iterparse(data, name, ("termEntry", "conceptEntry")):
        if event == "start":
            root = _xml.localname(element.tag)
            if root not in ("martif", "tbx"):
                raise GlossaryError(Problem(name, element.sourceline or 0, f"the root element is <{root}>, not "
                                            "<martif> (TBX v2, TBX-Basic) or <tbx> (TBX v3): not a TBX file"))
            continue
        cells = _entry(element, name)
        line = element.sourceline or 0
        element.clear(keep_tail=False)
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]  # entries read so far: keep memory flat
        if cells is None:
            skipped += 1
            continue
        rows.append((line, [cells[c] for c in _HEADER]))
    if not rows:
        why = f"none of its {skipped} entries has both a Chinese and an English term" if skipped else "no entries"
        raise GlossaryError(Problem(name, 0, f"no terms: {why}",
                                    "entries are termEntry (TBX v2) or conceptEntry (TBX v3) elements"))
    used = [i for i in range(len(_HEADER)) if i in (0, 1, 3) or any(row[i] for __, row in rows)]
    if len(used) < len(_HEADER):  # columns no entry fills: left out, so that plain rows take the short path
        rows = [(n, [row[i] for i in used]) for n, row in rows]
    header = [_HEADER[i] for i in used]
    ids = [_term_id(row[0]) for __, row in rows]
    if all(_ID_RE.match(i) for i in ids) and len(set(ids)) == len(ids):
        for (__, row), tid in zip(rows, ids):
            row[0] = tid
    else:  # ids of another system (C123, UUIDs): made from the English instead
        header = header[1:]
        rows = [(n, row[1:]) for n, row in rows]
    return terms_from_rows(header, rows, name, group=group)


# -- write ---------------------------------------------------------------------------------------

def _xml_id(term_id: str) -> str:
    return term_id if term_id[:1].isalpha() else f"_{term_id}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (a table loaded
    from a file never has them; terms built in code may)."""
    return _NOT_XML.sub("", text)


def _tig(parent: ET.Element, text: str, status: str, *, term_type: str | None = None,
         note: str | None = None) -> None:
    tig = ET.SubElement(parent, "tig")
    ET.SubElement(tig, "term").text = _xml_text(text)
    ET.SubElement(tig, "termNote", type="partOfSpeech").text = "properNoun"
    if term_type:
        ET.SubElement(tig, "termNote", type="termType").text = term_type
    ET.SubElement(tig, "termNote", type="administrativeStatus").text = status
    if note:
        ET.SubElement(tig, "note").text = _xml_text(note)


def write(terms: Sequence[Term], out: TextIO, *, name: str | None = None, **_: object) -> None:
    """TBX-Basic: one termEntry per term, a zh and an en langSet, one tig per form.

    Statuses: the preferred zh and en forms are preferredTerm-admn-sts; zh
    variants and English aliases admittedTerm-admn-sts; English variants
    admittedTerm-admn-sts with termType "variant" (understood, not
    preferred: the checker only warns on them); forbidden forms
    deprecatedTerm-admn-sts. The pinyin goes in a note on the preferred zh
    term, as TBX-Basic has no romanization data category.
    """
    root = ET.Element("martif", {"type": "TBX-Basic", _xml.XML_LANG: "zh"})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    title = ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title")
    title.text = "Chinese–English glossary"
    source = ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p")
    source.text = _xml_text(f"Exported by glossary from {os.path.basename(name) if name else 'a term table'}")
    encoding = ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI")
    encoding.text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for t in terms:
        entry = ET.SubElement(body, "termEntry", id=_xml_id(t.id))
        if t.category:
            ET.SubElement(entry, "note").text = f"category: {t.category}"
        if t.series:
            ET.SubElement(entry, "note").text = _xml_text(f"series: {t.series}")
        if t.note:
            ET.SubElement(entry, "note").text = _xml_text(t.note)
        zh = ET.SubElement(entry, "langSet", {_xml.XML_LANG: "zh"})
        _tig(zh, t.zh, "preferredTerm-admn-sts", note=f"pinyin: {t.pinyin}" if t.pinyin else None)
        for form in t.zh_variants:
            _tig(zh, form, "admittedTerm-admn-sts")
        en = ET.SubElement(entry, "langSet", {_xml.XML_LANG: "en"})
        _tig(en, t.en, "preferredTerm-admn-sts")
        for form in t.aliases:
            _tig(en, form, "admittedTerm-admn-sts")
        for form in t.derived:
            _tig(en, form, "admittedTerm-admn-sts")
        for form in t.variants:
            _tig(en, form, "admittedTerm-admn-sts", term_type="variant")
        for form in t.forbidden:
            _tig(en, form, "deprecatedTerm-admn-sts")
    ET.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
