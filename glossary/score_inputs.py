"""Read the inputs of ``glossary score``: one system's documents, and their references.

A file is read by its suffix (docs/score.md, "Input formats"):

* ``.jsonl`` / ``.json``: WMT-style, one JSON object per line, one document
  each: ``zh`` (the source), ``en`` (the translation) and optionally a term
  dictionary {zh: [English forms]} under ``terms_key``, else ``proper``, else
  ``terms``;
* ``.tsv`` / ``.csv``: a source and a target column, one document per row
  (:func:`glossary.bilingual.read_table_pairs`);
* ``.xlf`` / ``.xliff`` / ``.po`` / ``.tmx``: one document per translated
  unit, source = zh, target = the translation
  (:func:`glossary.bilingual.read_translation_file`);
* anything else: plain text, one document per line, with the sources from a
  line-aligned ``source`` file (or from the reference's ``zh``).

A file without any document is an error. :func:`pair` joins a system's
documents with the reference's, document by document. Every problem is a :class:`~glossary.errors.GlossaryError` naming
the file and the line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .bilingual import TABLE_SUFFIXES, TRANSLATION_SUFFIXES, read_aligned, read_bilingual, read_text
from .errors import GlossaryError, Problem
from .score_model import Document, TermDict

__all__ = ["JSONL_SUFFIXES", "TERM_KEYS", "Side", "pair", "read_side"]

#: Suffixes read as WMT-style JSON lines.
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
#: Where a JSON document's term dictionary is looked for, in order.
TERM_KEYS = ("proper", "terms")


@dataclass(frozen=True, slots=True)
class Side:
    """One document of a file as read: its text, its source when the file has
    one, its term dictionary when it has one, its 1-based line, and the JSON
    key the dictionary came from."""

    text: str
    source: str | None
    terms: TermDict | None
    line: int
    terms_key: str = ""


def _jsonl(path: str, text_key: str, terms_key: str | None, need_text: bool) -> list[Side]:
    keys = (terms_key,) if terms_key else TERM_KEYS
    out: list[Side] = []
    for n, raw in enumerate(read_text(path).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GlossaryError(Problem(path, n, f"not valid JSON: {exc.msg} (column {exc.colno})")) from None
        if not isinstance(obj, dict):
            raise GlossaryError(Problem(path, n, f"a document must be a JSON object, not {type(obj).__name__}"))
        source = obj.get("zh")
        if not isinstance(source, str):
            raise GlossaryError(Problem(path, n, "document has no 'zh' (the Chinese source)" if source is None
                                        else "'zh' must be a string"))
        text = obj.get(text_key)
        if text is None and need_text:
            raise GlossaryError(Problem(path, n, f"document has no {text_key!r} (the English translation)"))
        if text is not None and not isinstance(text, str):
            raise GlossaryError(Problem(path, n, f"{text_key!r} must be a string"))
        terms, found_key = None, ""
        for key in keys:
            if key in obj:
                terms, found_key = _term_dict(obj[key], path, n, key), key
                break
        out.append(Side(text or "", source, terms, n, found_key))
    return out


def _term_dict(value: object, path: str, line: int, key: str) -> TermDict:
    """A term dictionary {zh: [forms]}; a single form may be a string."""
    if not isinstance(value, dict):
        raise GlossaryError(Problem(path, line, f"{key!r} must be an object of zh → [English forms]"))
    out: dict[str, tuple[str, ...]] = {}
    for zh, forms in value.items():
        if isinstance(forms, str):
            forms = [forms]
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise GlossaryError(Problem(path, line, f"{key!r}: the forms of {zh!r} must be a list of strings"))
        out[zh] = tuple(forms)
    return out


def read_side(
    path: str | os.PathLike[str],
    *,
    source: str | os.PathLike[str] | None = None,
    terms_key: str | None = None,
    need_text: bool = True,
) -> list[Side]:
    """The documents of one file, in order (see the module docstring).

    ``source`` is the line-aligned Chinese of a plain-text file; without it a
    plain-text file's documents have no source (:func:`pair` takes the
    reference's). ``need_text=False`` lets JSON documents lack ``en``.
    """
    name = os.fspath(path)
    sides = _read_side(name, source, terms_key, need_text)
    if not sides:
        raise GlossaryError(Problem(name, 0, "holds no documents", "an empty file has nothing to score"))
    return sides


def _read_side(name: str, source: str | os.PathLike[str] | None, terms_key: str | None,
               need_text: bool) -> list[Side]:
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _jsonl(name, "en", terms_key, need_text)
    if suffix in TABLE_SUFFIXES + TRANSLATION_SUFFIXES:
        doc = read_bilingual(name)
        return [Side(s.target, s.source, None, s.target_line) for s in doc.segments]
    if source is not None:
        doc = read_aligned(source, name)
        return [Side(s.target, s.source, None, s.target_line) for s in doc.segments]
    text = read_text(name)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [Side(line.removesuffix("\r"), None, None, n) for n, line in enumerate(lines, start=1)]


def pair(hyp_path: str, hyps: Sequence[Side], ref_path: str | None = None,
         refs: Sequence[Side] | None = None) -> list[Document]:
    """A system's documents, joined with their references document by document.

    A document's source is its own, else the reference's. Its term
    dictionary is the reference's when the reference has one (the WMT25
    organisers score every run against the reference's ``proper`` terms,
    whatever dictionary the run was given), else its own. The numbers of
    documents must agree, and where both sides carry a source it must be the
    same (stripped). An empty term dictionary is an error: it would score
    nothing.
    """
    if refs is not None and len(refs) != len(hyps):
        raise GlossaryError(Problem(hyp_path, 0, f"has {len(hyps)} documents but the reference {ref_path} has "
                                                 f"{len(refs)}", "a reference pairs with its system line by line"))
    out: list[Document] = []
    for i, h in enumerate(hyps):
        r = refs[i] if refs is not None else None
        src = h.source if h.source is not None else (r.source if r is not None else None)
        if src is None:
            raise GlossaryError(Problem(hyp_path, h.line, "no source for this document",
                                        "give --source, or a --reference with 'zh'"))
        if r is not None and r.source is not None and h.source is not None and r.source.strip() != h.source.strip():
            raise GlossaryError(Problem(hyp_path, h.line, f"its source differs from that of {ref_path} line {r.line}"))
        side = r if r is not None and r.terms is not None else h
        if side.terms is not None and not side.terms:
            from_ref = side is r
            raise GlossaryError(Problem(
                (ref_path or hyp_path) if from_ref else hyp_path, side.line,
                f"its term dictionary {side.terms_key!r} is empty, so no term can be scored",
                "choose another with --terms-key" if from_ref
                else "give a --reference with the terms (its 'proper'), or choose them with --terms-key"))
        terms = side.terms
        out.append(Document(src, h.text, r.text if r is not None else None, terms, hyp_path, h.line))
    return out
