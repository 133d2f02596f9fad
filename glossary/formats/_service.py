"""What the three translation services' glossary files share: their limits, the checks, pairs of forms.

A service glossary maps a source form to one target form. Written from a
glossary, every Chinese form maps to the preferred English (``zh-en``), or
every accepted English form to the preferred Chinese (``en-zh``). Read back,
a run of adjacent rows with one target is one term, its first source the
preferred form: so a file read and written again is the same file.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

from ..errors import GlossaryError, Problem
from ..model import Term
from ..normalize import has_han
from ..table import SEPARATOR, spreadsheet_safe, terms_from_rows

__all__ = ["DIRECTIONS", "LIMITS", "check_entries", "pairs", "read_pairs", "write_rows"]

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


def check_entries(service: str, name: str, rows: list[tuple[Term, list[str]]], *,
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


def pairs(terms: Iterable[Term], direction: str) -> list[tuple[Term, list[str]]]:
    """(term, [source, target]) for every form a translation should map, without repeats.

    A numbered series' templates (``Shenzhou {n}``) are not strings a text holds: they are left out.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    rows: list[tuple[Term, list[str]]] = []
    for t in terms:
        if direction == "zh-en":
            rows += [(t, [form, t.en]) for form in t.zh_forms]
        else:
            rows += [(t, [form, t.zh]) for form in (t.en, *t.aliases, *t.variants) if "{n}" not in form]
    seen: set[tuple[str, ...]] = set()
    out = []
    for term, cells in rows:
        if tuple(cells) not in seen:
            seen.add(tuple(cells))
            out.append((term, cells))
    return out


def write_rows(service: str, name: str, out: TextIO, rows: list[list[str]], safe: bool,
               delimiter: str = ",") -> None:
    """Write CSV rows, refusing a file over the service's size limit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in row] if safe else row)
    data = buffer.getvalue()
    size = len(data.encode("utf-8"))
    if size > LIMITS[service]["file_bytes"]:
        raise GlossaryError(Problem(name, 0, f"{service}: the export is {size} bytes, over the limit of "
                                             f"{LIMITS[service]['file_bytes']}"))
    out.write(data)


def read_pairs(rows: Iterable[tuple[int, Sequence[str]]], name: str, service: str) -> list[Term]:
    """Terms from (line, [source, target]) rows in either direction, guessed from the first row.

    Adjacent rows with the same target make one term: in ``zh-en``, its first
    source is ``zh`` and the others ``zh_variants``; in ``en-zh``, the first is
    ``en`` and the others aliases.
    """
    header = ["zh", "zh_variants", "en"]
    grouped: list[tuple[int, list[str]]] = []
    direction = ""
    target = None
    for line, row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) < 2:
            raise GlossaryError(Problem(name, line, f"{service}: a row needs a source and a target, not "
                                                    f"{len(cells)} field", "write source,target on each line"))
        source, tgt = cells[0], cells[1]
        if not direction:
            direction = "en-zh" if has_han(tgt) and not has_han(source) else "zh-en"
            if direction == "en-zh":
                header = ["en", "aliases", "zh"]
        if grouped and tgt == target:
            last = grouped[-1][1]
            last[1] = f"{last[1]} {SEPARATOR} {source}" if last[1] else source
            continue
        grouped.append((line, [source, "", tgt]))
        target = tgt
    if not grouped:
        raise GlossaryError(Problem(name, 0, f"{service}: no entries", "write one source,target pair a line"))
    return terms_from_rows(header, grouped, name)
