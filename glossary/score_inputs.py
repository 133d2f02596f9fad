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

:func:`pair` joins a system's documents with the reference's, document by
document. Every problem is a :class:`~glossary.errors.GlossaryError` naming
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
from .score import Document, TermDict

__all__ = ["JSONL_SUFFIXES", "TERM_KEYS", "Side", "pair", "read_documents", "read_side"]

#: Suffixes read as WMT-style JSON lines.
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
#: Where a JSON document's term dictionary is looked for, in order.
TERM_KEYS = ("proper", "terms")


@dataclass(frozen=True, slots=True)
class Side:
    """One document of a file as read: its text, its source when the file has
    one, its term dictionary when it has one, and its 1-based line."""

    text: str
    source: str | None
    terms: TermDict | None
    line: int


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
        terms = None
        for key in keys:
            if key in obj:
                terms = _term_dict(obj[key], path, n, key)
                break
        out.append(Side(text or "", source, terms, n))
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

    A document's source is its own, else the reference's; its term
    dictionary its own, else the reference's. The numbers of documents must
    agree, and where both sides carry a source it must be the same (stripped).
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
        terms = h.terms if h.terms is not None else (r.terms if r is not None else None)
        out.append(Document(src, h.text, r.text if r is not None else None, terms, hyp_path, h.line))
    return out


def read_documents(
    hypothesis: str | os.PathLike[str],
    *,
    reference: str | os.PathLike[str] | None = None,
    source: str | os.PathLike[str] | None = None,
    terms_key: str | None = None,
) -> list[Document]:
    """One system's file as :class:`~glossary.score.Document` records, references joined (:func:`pair`)."""
    hyps = read_side(hypothesis, source=source, terms_key=terms_key)
    refs = read_side(reference, source=source, terms_key=terms_key) if reference is not None else None
    return pair(os.fspath(hypothesis), hyps, os.fspath(reference) if reference is not None else None, refs)
