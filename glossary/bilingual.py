"""Read input files: text, and bilingual (Chinese source, English target) documents.

Text is UTF-8; :func:`decode` names the byte offset and line of a bad byte.
:func:`read_text_chunks` reads a long text in pieces that end at blank
lines, so that checking it takes memory for one piece, not the whole file
(docs/errors.md, "Large files").

Bilingual input comes in four shapes:

* two line-aligned files, one segment per line (:func:`read_aligned`);
* a TSV or CSV file with source and target columns (:func:`read_table_pairs`):
  a header naming ``source``/``target`` or ``zh``/``en`` picks the columns,
  otherwise the first two columns are used and every row is a segment;
* XLIFF 1.2 and 2.x, PO and TMX files, read with translate-toolkit
  (:func:`read_translation_file`; install ``zhen-glossary[formats]``).

Each becomes a :class:`Bilingual`: its segments, and where each segment's
text starts in its file, so that :func:`place` can turn a finding's position
in a segment into a position in the file. Positions in line-aligned and
TSV/CSV files are exact. For XLIFF and TMX the line is that of the
``<source>``/``<target>`` (or ``<seg>``) element, for PO that of the
``msgid``/``msgstr`` keyword (or the entry's index when the file cannot be
mapped line by line); the column then counts within the segment's text.
Units without a translation are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .errors import GlossaryError, Problem
from .model import Finding

__all__ = [
    "CHUNK_BYTES",
    "TABLE_SUFFIXES",
    "TRANSLATION_SUFFIXES",
    "Bilingual",
    "Segment",
    "TextChunk",
    "decode",
    "is_bilingual",
    "place",
    "read_aligned",
    "read_bilingual",
    "read_table_pairs",
    "read_text",
    "read_text_chunks",
    "read_translation_file",
]

#: Suffixes read as TSV/CSV tables of segment pairs.
TABLE_SUFFIXES = (".tsv", ".csv")
#: Suffixes read through translate-toolkit.
TRANSLATION_SUFFIXES = (".xlf", ".xliff", ".po", ".tmx")
_INSTALL = "pip install 'zhen-glossary[formats]'"
_SOURCE_NAMES = ("source", "zh", "src")
_TARGET_NAMES = ("target", "en", "tgt")


@dataclass(frozen=True, slots=True)
class Segment:
    """One source/target pair and where each text starts in its file (1-based)."""

    source: str
    target: str
    source_line: int
    target_line: int
    source_column: int = 1
    target_column: int = 1


@dataclass(frozen=True)
class Bilingual:
    """A bilingual document: its segments and the files each side came from."""

    segments: tuple[Segment, ...]
    source_path: str
    target_path: str

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(source, target) texts, ready for :func:`glossary.check_pairs`."""
        return [(s.source, s.target) for s in self.segments]


_FOREIGN_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                 (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes as text (a leading BOM dropped); GlossaryError naming the bad byte.

    The line in the message counts ``\\n`` line ends, as finding positions do.

    >>> decode(b"ok\\n\\xff", "a.md")
    Traceback (most recent call last):
    ...
    glossary.errors.GlossaryError: a.md: not valid UTF-8 at byte offset 3 (line 2)
    """
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise GlossaryError(Problem(name, 0, f"the file is {encoding}, not UTF-8 (it starts with a {encoding} "
                                                  "byte-order mark)", "save it as UTF-8"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GlossaryError(Problem(name, 0, f"not valid UTF-8 at byte offset {exc.start} (line {line})")) from None
    return text.removeprefix("\ufeff")


def read_text(path: str | os.PathLike[str]) -> str:
    """A UTF-8 file's text, line ends untouched; OSError if it cannot be read."""
    return decode(Path(path).read_bytes(), os.fspath(path))


#: Texts are read for checking in pieces of about this many bytes (see :func:`read_text_chunks`).
CHUNK_BYTES = 1 << 18
_BLANK_LINES = (b"\n", b"\r\n")


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A piece of a text that ends at a blank line (or at the end of the text).

    ``line_offset`` is the number of lines before the piece, so its line n is
    line ``line_offset + n`` of the file. ``masked`` is
    :func:`glossary.source.mask` of the piece when the reader has computed it,
    else None.
    """

    text: str
    line_offset: int
    masked: str | None = None


def read_text_chunks(
    source: str | os.PathLike[str] | BinaryIO,
    name: str | None = None,
    *,
    markdown: bool = True,
    size: int = CHUNK_BYTES,
) -> Iterator[TextChunk]:
    """A UTF-8 text (a path or a binary file) in pieces of about ``size`` bytes, read as they are needed.

    A piece ends with a blank line (an empty line) outside every region that
    masking skips across lines (a fenced code block, an HTML comment, a
    ``<!-- glossary off -->`` region): so masking each piece gives the same
    text as masking the whole. A text with no blank line, or with such a
    region left open until its end, is one piece. A leading BOM is dropped
    (as :func:`decode` does). Invalid UTF-8 raises GlossaryError naming the
    byte offset and the line in the whole text.

    >>> import io
    >>> [(c.line_offset, c.text) for c in read_text_chunks(io.BytesIO(b"a\\n\\nb\\n"), "t.md", size=1)]
    [(0, 'a\\n\\n'), (2, 'b\\n')]
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fh:
            yield from _chunks(fh, name or os.fspath(source), markdown, size)
    else:
        yield from _chunks(source, name or str(getattr(source, "name", "<stdin>")), markdown, size)


def _chunks(fh: BinaryIO, name: str, markdown: bool, size: int) -> Iterator[TextChunk]:
    from .source import mask

    lines: list[bytes] = []
    pending = 0  # bytes in ``lines``
    byte_offset = line_offset = 0
    try_at = size
    for raw in fh:
        lines.append(raw)
        pending += len(raw)
        if pending < try_at or raw not in _BLANK_LINES:
            continue
        text = _decode_at(b"".join(lines), name, byte_offset, line_offset)
        # A region left open runs on to the end of the text: it blanks a sentinel placed there.
        masked = mask(text + "\x00", markdown=markdown)
        if masked[-1] != "\x00":
            try_at = 2 * pending  # try again further on: the reading stays linear
            continue
        yield TextChunk(text, line_offset, masked[:-1])
        byte_offset += pending
        line_offset += len(lines)
        lines, pending, try_at = [], 0, size
    if lines or not byte_offset:
        yield TextChunk(_decode_at(b"".join(lines), name, byte_offset, line_offset), line_offset)


def _decode_at(data: bytes, name: str, byte_offset: int, line_offset: int) -> str:
    """:func:`decode` for a piece that starts ``byte_offset`` bytes and ``line_offset`` lines into the text."""
    if not byte_offset:
        return decode(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = line_offset + data.count(b"\n", 0, exc.start) + 1
        raise GlossaryError(Problem(name, 0, f"not valid UTF-8 at byte offset {byte_offset + exc.start} "
                                             f"(line {line})")) from None


def _lines(text: str) -> list[str]:
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_aligned(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Bilingual:
    """Two files with one segment per line; line n of one translates line n of the other."""
    src_lines = _lines(read_text(source))
    tgt_lines = _lines(read_text(target))
    if len(src_lines) != len(tgt_lines):
        raise GlossaryError(
            Problem(os.fspath(target), 0,
                    f"has {len(tgt_lines)} lines but {os.fspath(source)} has {len(src_lines)}",
                    "line-aligned files need one segment per line on both sides")
        )
    segments = tuple(Segment(s, t, i, i) for i, (s, t) in enumerate(zip(src_lines, tgt_lines), start=1))
    return Bilingual(segments, os.fspath(source), os.fspath(target))


def _cell_starts(raw: str, delimiter: str, count: int) -> list[int] | None:
    """0-based offsets where each cell's text starts in a one-line record, or None."""
    starts: list[int] = []
    i, n = 0, len(raw)
    while len(starts) < count:
        if i < n and raw[i] == '"':
            end = raw.find('"', i + 1)
            if end == -1 or raw[end + 1:end + 2] == '"':
                return None  # escaped quotes shift positions: give up on exact columns
            starts.append(i + 1)
            i = end + 1
        else:
            starts.append(i)
            end = raw.find(delimiter, i)
            i = n if end == -1 else end
        if i < n and raw[i] == delimiter:
            i += 1
        elif len(starts) < count:
            return None
    return starts


_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_col(raw: str, offset: int, first_line: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in a record that starts on ``first_line``."""
    return first_line + raw.count("\n", 0, offset), offset - (raw.rfind("\n", 0, offset) + 1) + 1


def read_table_pairs(path: str | os.PathLike[str]) -> Bilingual:
    """A .tsv (tab) or .csv (comma) file of segment pairs; see the module docstring."""
    name = os.fspath(path)
    text = read_text(path)
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    raw_lines = _LINE_END.split(text)  # as the csv reader counts lines: \r\n, \r or \n
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            records.append((start, reader.line_num, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(Problem(name, reader.line_num, f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}")) from None
    records = [r for r in records if any(cell.strip() for cell in r[2])]
    si, ti = 0, 1
    if records:
        header = [h.strip().lower() for h in records[0][2]]
        for s_name, t_name in zip(_SOURCE_NAMES, _TARGET_NAMES):
            if s_name in header and t_name in header:
                si, ti = header.index(s_name), header.index(t_name)
                records = records[1:]
                break
    segments = []
    for first, last, row in records:
        if len(row) <= max(si, ti):
            raise GlossaryError(Problem(name, first, f"row has {len(row)} columns; source and target need {max(si, ti) + 1}"))
        sline = tline = first
        scol = tcol = 1
        # The record's physical lines, joined with \n: a quoted cell may hold line breaks.
        raw = "\n".join(raw_lines[first - 1:last])
        starts = _cell_starts(raw, delimiter, len(row))
        if starts is not None:
            sline, scol = _line_col(raw, starts[si], first)
            tline, tcol = _line_col(raw, starts[ti], first)
        segments.append(Segment(row[si], row[ti], sline, tline, scol, tcol))
    return Bilingual(tuple(segments), name, name)


def _translate_toolkit(name: str):  # type: ignore[no-untyped-def]
    try:
        import translate.storage  # noqa: F401
    except ImportError:
        raise GlossaryError(
            Problem(name, 0, f"reading {Path(name).suffix} files needs translate-toolkit", f"install it: {_INSTALL}")
        ) from None


def _xliff_version(data: bytes) -> int:
    head = data[:4096].decode("utf-8", "replace")
    m = re.search(r"<xliff\b[^>]*>", head)
    if m and (re.search(r"""version\s*=\s*["']2""", m.group()) or "xliff:document:2" in m.group()):
        return 2
    return 1


def _element_line(dom, fallback: int) -> int:  # type: ignore[no-untyped-def]
    if dom is None:
        return fallback
    seg = dom.find(".//{*}seg")
    node = seg if seg is not None else dom
    return node.sourceline or fallback


def _po_lines(text: str) -> list[tuple[int, int]]:
    """(msgid line, msgstr line) of each active PO entry, header included."""
    lines = text.split("\n")
    out: list[tuple[int, int]] = []
    msgid = 0
    for i, line in enumerate(lines, start=1):
        if line.startswith("msgid "):
            msgid = i + 1 if line.strip() == 'msgid ""' and i < len(lines) and lines[i].startswith('"') else i
        elif line.startswith("msgstr") and msgid:
            here = i + 1 if line.rstrip().endswith('""') and i < len(lines) and lines[i].startswith('"') else i
            out.append((msgid, here))
            msgid = 0
    return out


def _tmx_pairs(unit) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    tuvs = unit.xmlelement.findall("{*}tuv") or unit.xmlelement.findall("tuv")

    def lang(tuv) -> str:  # type: ignore[no-untyped-def]
        return (tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang") or "").lower()

    src = next((t for t in tuvs if lang(t).startswith("zh")), tuvs[0] if tuvs else None)
    tgt = next((t for t in tuvs if lang(t).startswith("en") and t is not src), None)
    if tgt is None:
        tgt = next((t for t in tuvs if t is not src), None)
    return src, tgt


def _seg_text(tuv) -> str:  # type: ignore[no-untyped-def]
    if tuv is None:
        return ""
    seg = tuv.find("{*}seg")
    if seg is None:
        seg = tuv.find("seg")
    return "".join(seg.itertext()) if seg is not None else ""


_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def _declare_utf8(data: bytes) -> bytes:
    """XML bytes whose declaration names another encoding than the UTF-8 they
    are in (``decode`` has just proved they are UTF-8): declared UTF-8, so
    that the parser reads them right instead of as mojibake (ISO-8859-1) or
    not at all (UTF-16 without a byte-order mark)."""
    m = _XML_ENCODING.match(data)
    if m is None or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        return data
    return data[:m.start(1)] + b"UTF-8" + data[m.end(1):]


def read_translation_file(path: str | os.PathLike[str]) -> Bilingual:
    """An XLIFF 1.2/2.x, PO or TMX file through translate-toolkit; see the module docstring."""
    name = os.fspath(path)
    _translate_toolkit(name)
    data = Path(path).read_bytes()
    text = decode(data, name)
    suffix = Path(name).suffix.lower()
    data = _declare_utf8(data)
    if suffix != ".po":  # XML: refuse entities, and never let the toolkit's parser see a DOCTYPE
        from .formats import _xml

        _xml.check(data, name)
        data = _xml.neutralized(data)
    segments: list[Segment] = []
    try:
        if suffix in (".xlf", ".xliff"):
            store_class: Any
            if _xliff_version(data) == 2:
                from translate.storage.xliff2 import Xliff2File as store_class
            else:
                from translate.storage.xliff import xlifffile as store_class
            store = store_class.parsestring(data)
            for index, unit in enumerate(store.units, start=1):
                if unit.isheader() or not str(unit.target or ""):
                    continue
                segments.append(Segment(str(unit.source), str(unit.target),
                                        _element_line(unit.source_dom, index),
                                        _element_line(unit.get_target_dom(), index)))
        elif suffix == ".tmx":
            from translate.storage.tmx import tmxfile

            store = tmxfile.parsestring(data)
            for index, unit in enumerate(store.units, start=1):
                src, tgt = _tmx_pairs(unit)
                target = _seg_text(tgt)
                if not target:
                    continue
                segments.append(Segment(_seg_text(src), target, _element_line(src, index), _element_line(tgt, index)))
        elif suffix == ".po":
            from translate.storage.pypo import pofile

            store = pofile.parsestring(data)
            active = [u for u in store.units if not u.isobsolete()]
            lines = _po_lines(text)
            exact = len(lines) == len(active)
            for index, unit in enumerate(active):
                if unit.isheader() or not str(unit.target or ""):
                    continue
                sline, tline = lines[index] if exact else (index, index)
                segments.append(Segment(str(unit.source), str(unit.target), sline, tline))
        else:
            raise GlossaryError(Problem(name, 0, f"unknown bilingual format {suffix!r}"))
    except GlossaryError:
        raise
    except Exception as exc:  # translate-toolkit and lxml raise many kinds
        raise GlossaryError(Problem(name, 0, f"cannot read {suffix[1:].upper()} file: {exc}")) from None
    return Bilingual(tuple(segments), name, name)


def is_bilingual(path: str | os.PathLike[str]) -> bool:
    """Whether ``path``'s suffix marks a bilingual file (TSV/CSV, XLIFF, PO, TMX)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES + TRANSLATION_SUFFIXES


def read_bilingual(path: str | os.PathLike[str]) -> Bilingual:
    """A bilingual file of any supported kind, chosen by its suffix."""
    if Path(path).suffix.lower() in TABLE_SUFFIXES:
        return read_table_pairs(path)
    return read_translation_file(path)


def place(finding: Finding, doc: Bilingual) -> Finding:
    """A finding from :func:`glossary.check_pairs` on ``doc.pairs``, moved to its file.

    ``path`` becomes the source or the target file (by ``finding.side``) and
    the line and column count in that file.
    """
    if finding.segment is None:
        return replace(finding, path=doc.target_path)
    seg = doc.segments[finding.segment]
    if finding.side == "source":
        path, line0, col0 = doc.source_path, seg.source_line, seg.source_column
    else:
        path, line0, col0 = doc.target_path, seg.target_line, seg.target_column
    return replace(
        finding,
        path=path,
        line=line0 + finding.line - 1,
        column=finding.column + (col0 - 1 if finding.line == 1 else 0),
        end_line=line0 + finding.end_line - 1,
        end_column=finding.end_column + (col0 - 1 if finding.end_line == 1 else 0),
    )
