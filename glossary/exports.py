"""Write a glossary out in the formats other tools read.

Every export goes through :func:`export`, which writes atomically when given
a path (a temporary file in the same folder, then a rename). A glossary that
a service would reject (duplicate sources, over-long or badly formed entries)
raises :class:`~glossary.errors.GlossaryError` naming every offending entry,
before anything is written.

Formats (docs/cli.md describes each one and the service limits it checks):

``csv``
    the canonical term table; round-trips through :func:`glossary.load`.
``tbx``
    TBX-Basic (ISO 30042, the ``martif`` dialect that translate-toolkit reads).
``json``
    a list of term objects with every column.
``markdown``
    a table for documentation (docs/glossary.md).
``deepl``
    DeepL glossary entries: CSV ``source,target``, no header.
``google``
    Google Cloud Translation equivalent-term-set glossary: CSV with a header of
    language codes.
``amazon``
    Amazon Translate custom terminology: CSV with a header of language codes,
    the source language first.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TextIO
from xml.etree import ElementTree as ET

from .errors import GlossaryError, Problem
from .model import Term
from .report import term_dict
from .table import atomic_writer, spreadsheet_safe, write_csv

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["CSV_FORMATS", "DIRECTIONS", "FORMATS", "LIMITS", "export"]

#: Translation directions for the formats that map one language to the other.
DIRECTIONS: tuple[str, ...] = ("zh-en", "en-zh")

#: The documented limits each service format is checked against.
LIMITS: dict[str, dict[str, int]] = {
    # DeepL API, "Manage glossaries": each source/target text ≤ 1024 UTF-8 bytes, a glossary ≤ 10 MiB.
    "deepl": {"entry_bytes": 1024, "file_bytes": 10 * 1024 * 1024},
    # Cloud Translation quotas: a glossary term ≤ 1024 UTF-8 bytes, a glossary file ≤ 10,485,760 bytes.
    "google": {"entry_bytes": 1024, "file_bytes": 10 * 1024 * 1024},
    # Amazon Translate "Guidelines and quotas": source/target text ≤ 200 bytes, a terminology file ≤ 10 MB.
    "amazon": {"entry_bytes": 200, "file_bytes": 10 * 1024 * 1024},
}

#: Language codes each service expects in its header row (Simplified Chinese, English).
LANGUAGE_CODES: dict[str, dict[str, str]] = {
    "google": {"zh": "zh-CN", "en": "en"},
    "amazon": {"zh": "zh", "en": "en"},
}

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The formats written as CSV, where ``safe=True`` applies.
CSV_FORMATS: tuple[str, ...] = ("csv", "deepl", "google", "amazon")


def _csv(g: "Glossary", out: TextIO, *, safe: bool = False, **_: object) -> None:
    write_csv(g, out, safe=safe)


def _json(g: "Glossary", out: TextIO, **_: object) -> None:
    out.write(json.dumps([term_dict(t) for t in g], ensure_ascii=False, indent=2) + "\n")


# -- TBX -----------------------------------------------------------------------------------------

def _xml_id(term_id: str) -> str:
    return term_id if term_id[:1].isalpha() or term_id[:1] == "_" else f"t-{term_id}"


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


def _tbx(g: "Glossary", out: TextIO, **_: object) -> None:
    """TBX-Basic: one termEntry per term, a zh and an en langSet, one tig per form.

    Statuses: the preferred zh and en forms are preferredTerm-admn-sts; zh
    variants and English aliases admittedTerm-admn-sts; English variants
    admittedTerm-admn-sts with termType "variant" (understood, not
    preferred: the checker only warns on them); forbidden forms
    deprecatedTerm-admn-sts. The pinyin goes in a note on the preferred zh
    term, as TBX-Basic has no romanization data category.
    """
    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "zh"})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    title = ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title")
    title.text = "Chinese–English glossary"
    source = ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p")
    source.text = _xml_text(f"Exported by glossary from {os.path.basename(g.path) if g.path else 'a term table'}")
    encoding = ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI")
    encoding.text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for t in g:
        entry = ET.SubElement(body, "termEntry", id=_xml_id(t.id))
        if t.category:
            ET.SubElement(entry, "note").text = f"category: {t.category}"
        if t.note:
            ET.SubElement(entry, "note").text = _xml_text(t.note)
        zh = ET.SubElement(entry, "langSet", {_XML_LANG: "zh"})
        _tig(zh, t.zh, "preferredTerm-admn-sts", note=f"pinyin: {t.pinyin}" if t.pinyin else None)
        for form in t.zh_variants:
            _tig(zh, form, "admittedTerm-admn-sts")
        en = ET.SubElement(entry, "langSet", {_XML_LANG: "en"})
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


# -- Markdown ------------------------------------------------------------------------------------

def _markdown(g: "Glossary", out: TextIO, **_: object) -> None:
    """A Markdown page: a coverage table, then one table per category (:mod:`glossary.table_doc`)."""
    from .table_doc import render_markdown

    out.write(render_markdown(g))


# -- Machine-translation services ----------------------------------------------------------------

def _bad_chars(text: str) -> str | None:
    """Why a service would refuse ``text``, or None."""
    if not text:
        return "is empty"
    if text != text.strip():
        return "has leading or trailing whitespace"
    for ch in text:
        if ord(ch) < 32 or 127 <= ord(ch) <= 159 or ch in "\u2028\u2029" or unicodedata.category(ch) == "Cc":
            return f"contains the control character U+{ord(ch):04X}"
    return None


def _check_entries(service: str, name: str, rows: list[tuple[Term, list[str]]], *,
                   unique: Iterable[int] = (0,)) -> None:
    """Refuse rows a service would reject: bad characters, long cells, duplicate keys."""
    limit = LIMITS[service]["entry_bytes"]
    problems: list[Problem] = []
    seen: dict[tuple[int, str], tuple[Term, list[str]]] = {}
    for term, cells in rows:
        for text in cells:
            why = _bad_chars(text)
            if why:
                problems.append(Problem(name, term.line, f"{service}: {text!r} of term {term.id!r} {why}"))
            size = len(text.encode("utf-8"))
            if size > limit:
                problems.append(Problem(name, term.line,
                                        f"{service}: {text[:40]!r}… of term {term.id!r} is {size} bytes, over "
                                        f"the limit of {limit}"))
        for col in unique:
            key = (col, cells[col])
            other = seen.get(key)
            if other is not None and other[1] != cells:
                problems.append(Problem(name, term.line,
                                        f"{service}: duplicate source {cells[col]!r} in terms {other[0].id!r} "
                                        f"and {term.id!r}", "a service glossary maps each source to one target"))
            seen.setdefault(key, (term, cells))
    if problems:
        raise GlossaryError(problems)


def _dedupe(rows: list[tuple[Term, list[str]]]) -> list[tuple[Term, list[str]]]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for term, cells in rows:
        if tuple(cells) not in seen:
            seen.add(tuple(cells))
            out.append((term, cells))
    return out


def _pairs(g: "Glossary", direction: str) -> list[tuple[Term, list[str]]]:
    """(term, [source, target]) for every form a translation should map."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    rows: list[tuple[Term, list[str]]] = []
    for t in g:
        if direction == "zh-en":
            rows += [(t, [form, t.en]) for form in t.zh_forms]
        else:
            rows += [(t, [form, t.zh]) for form in (t.en, *t.aliases, *t.variants)]
    return _dedupe(rows)


def _write_rows(service: str, name: str, out: TextIO, rows: list[list[str]], safe: bool) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in row] if safe else row)
    data = buffer.getvalue()
    size = len(data.encode("utf-8"))
    if size > LIMITS[service]["file_bytes"]:
        raise GlossaryError(Problem(name, 0, f"{service}: the export is {size} bytes, over the limit of "
                                             f"{LIMITS[service]['file_bytes']}"))
    out.write(data)


def _name(g: "Glossary") -> str:
    return g.path or "<glossary>"


def _deepl(g: "Glossary", out: TextIO, *, safe: bool = False, direction: str = "zh-en", **_: object) -> None:
    """DeepL: ``source,target`` rows, no header; every zh form → the preferred en (or the reverse)."""
    rows = _pairs(g, direction)
    _check_entries("deepl", _name(g), rows)
    _write_rows("deepl", _name(g), out, [cells for _, cells in rows], safe)


def _amazon(g: "Glossary", out: TextIO, *, safe: bool = False, direction: str = "zh-en", **_: object) -> None:
    """Amazon Translate: header ``zh,en`` (source first), one row per source form."""
    rows = _pairs(g, direction)
    _check_entries("amazon", _name(g), rows)
    codes = LANGUAGE_CODES["amazon"]
    header = [codes[lang] for lang in direction.split("-")]
    _write_rows("amazon", _name(g), out, [header, *(cells for _, cells in rows)], safe)


def _google(g: "Glossary", out: TextIO, *, safe: bool = False, **_: object) -> None:
    """Google equivalent term sets: header ``zh-CN,en,pos,description``, one row per term."""
    rows = [(t, [t.zh, t.en]) for t in g]
    _check_entries("google", _name(g), rows, unique=(0, 1))
    codes = LANGUAGE_CODES["google"]
    body = [[t.zh, t.en, "noun", t.note] for t in g]
    _write_rows("google", _name(g), out, [[codes["zh"], codes["en"], "pos", "description"], *body], safe)


#: Export format name → writer(glossary, text file, *, safe, direction).
FORMATS: dict[str, Callable[..., None]] = {
    "csv": _csv,
    "tbx": _tbx,
    "json": _json,
    "markdown": _markdown,
    "deepl": _deepl,
    "google": _google,
    "amazon": _amazon,
}


def export(
    g: "Glossary",
    dest: str | os.PathLike[str] | TextIO,
    *,
    format: str = "csv",
    safe: bool = False,
    direction: str = "zh-en",
) -> str | os.PathLike[str] | TextIO:
    """Write ``g`` to ``dest`` (a path or a writable text file) in ``format``.

    ``safe=True`` guards spreadsheet cells against formula injection: a cell
    that starts with ``= + - @``, a tab or a carriage return gets a leading
    apostrophe (CSV formats only; off by default, so that the canonical CSV
    round-trips exactly). ``direction`` (``"zh-en"`` or ``"en-zh"``) orients the
    deepl and amazon exports. Returns ``dest``, so ``load(export(g, path))``
    round-trips. Nothing is written when the glossary cannot be exported.

    >>> import io, glossary
    >>> print(export(glossary.load(), io.StringIO(), format="deepl").getvalue().splitlines()[0])
    两会,Two Sessions
    """
    try:
        writer = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose from {', '.join(FORMATS)}") from None
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    if safe and format not in CSV_FORMATS:
        raise ValueError(f"safe applies to the CSV formats ({', '.join(CSV_FORMATS)}), not {format}")
    buffer = io.StringIO()
    writer(g, buffer, safe=safe, direction=direction)
    if isinstance(dest, (str, os.PathLike)):
        with atomic_writer(dest) as fh:
            fh.write(buffer.getvalue())
    else:
        dest.write(buffer.getvalue())
    return dest
