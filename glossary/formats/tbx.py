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
from typing import TextIO
from xml.etree import ElementTree as ET

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import terms_from_rows
from . import _xml
from ._tbx_entry import HEADER, cells, language, status

__all__ = ["language", "read", "status", "write"]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DIGIT_ID = re.compile(r"_\d.*")


def _term_id(xml_id: str) -> str:
    if xml_id[:1] == "_" and _DIGIT_ID.fullmatch(xml_id):
        return xml_id[1:]  # the prefix write() gives ids that start with a digit (an XML id cannot)
    return xml_id


def read(data: bytes, name: str, *, group: bool = False, **_: object) -> list[Term]:
    """Terms from a TBX file; GlossaryError naming the line and element for a file that is not TBX.

    ``group`` merges entries with the same Chinese term (a termbase's homonyms) into one term.
    """
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    skipped = 0
    for event, element in _xml.iterparse(data, name, ("termEntry", "conceptEntry")):
        if event == "start":
            root = _xml.localname(element.tag)
            if root not in ("martif", "tbx"):
                hint = ("this is MultiTerm XML: export the termbase as TBX (MultiTerm, Glossary Converter)"
                        if root == "mtf" else "")
                raise GlossaryError(Problem(name, element.sourceline or 0, f"the root element is <{root}>, not "
                                            "<martif> (TBX v2, TBX-Basic) or <tbx> (TBX v3): not a TBX file", hint))
            continue
        found = cells(element, name)
        line = element.sourceline or 0
        element.clear(keep_tail=False)
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]  # entries read so far: keep memory flat
        if found is None:
            skipped += 1
            continue
        rows.append(found)
        lines.append(line)
    if not rows:
        why = f"none of its {skipped} entries has both a Chinese and an English term" if skipped else "no entries"
        raise GlossaryError(Problem(name, 0, f"no terms: {why}",
                                    "entries are termEntry (TBX v2) or conceptEntry (TBX v3) elements"))
    columns = list(zip(*rows))
    del rows
    # Columns no entry fills are left out, so that plain rows take the short path.
    used = [i for i, column in enumerate(columns) if i in (0, 1, 3) or any(column)]
    ids = [_term_id(i) for i in columns[0]]
    if all(map(_ID_RE.match, ids)) and len(set(ids)) == len(ids):
        columns[0] = tuple(ids)
    else:  # ids of another system (C123, UUIDs): made from the English instead
        used.remove(0)
    header = [HEADER[i] for i in used]
    return terms_from_rows(header, zip(lines, zip(*(columns[i] for i in used))), name, group=group)


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
