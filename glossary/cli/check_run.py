"""Checking the documents of ``glossary check``: each one read, fixed (with --fix or --diff) and
checked, in this process or in worker processes (--jobs), its findings placed in its files."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..baseline import Key, finding_keys, new_findings
from ..errors import GlossaryError
from ..fix import MAX_PASSES
from ..model import Finding
from . import common
from ..normalize import is_chinese_text
from ..source import is_markdown

__all__ = ["Doc", "Options", "Outcome", "run"]

_PROGRESS_MIN_FILES = 20


@dataclass(frozen=True)
class Doc:
    """One thing to check: a text file, stdin, a bilingual file, or an aligned pair of files."""

    kind: str  # "text", "stdin", "pairs", "aligned"
    path: str
    target: str | None = None

    @property
    def files(self) -> int:
        return 2 if self.kind == "aligned" else 1


@dataclass(frozen=True)
class Options:
    """What to do with each document: the rules, fixing, and whether lines are needed for a baseline."""

    rules: frozenset[str]
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    contexts: bool = False
    baseline: frozenset[Key] = frozenset()


@dataclass
class Outcome:
    """One document's findings (placed in their files), an error message, the files checked, each
    finding's line text (for a baseline), and what fixing did."""

    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    files: int = 0
    contexts: list[str] | None = None
    fixed: int = 0
    diff: str = ""
    fixed_text: str | None = None


@dataclass(frozen=True)
class _Keeper:
    """The findings that fixing may touch: those not in the baseline (a picklable callable)."""

    baseline: frozenset[Key]

    def __call__(self, findings: list[Finding], contexts: list[str]) -> list[Finding]:
        if not self.baseline:
            return findings
        return new_findings(findings, finding_keys(findings, contexts), self.baseline)


_WORKER: dict[str, Any] = {}


def _worker_init(glossary_path: str | None, use_cache: bool = True) -> None:
    common.USE_CACHE = use_cache  # a spawned worker does not inherit the command line's --no-cache
    _WORKER["glossary"] = common.load(glossary_path)


def _run_in_worker(doc: Doc, opts: Options) -> Outcome:
    return _check_doc(doc, _WORKER["glossary"], opts)


def _check_doc(doc: Doc, g: Any, opts: Options) -> Outcome:
    """One document checked (and fixed first with --fix or --diff); errors become the outcome's message."""
    try:
        return _check_doc_or_raise(doc, g, opts)
    except GlossaryError as exc:
        return Outcome(error=str(exc))
    except OSError as exc:
        return Outcome(error=f"{exc.filename or doc.path}: {exc.strerror or exc}")
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug: this document's error alone; the others are still reported
        if os.environ.get("GLOSSARY_DEBUG"):
            raise
        return Outcome(error=(f"{doc.path}: internal error while checking: {type(exc).__name__}: {exc} "
                               "(set GLOSSARY_DEBUG=1 for the traceback)"))


def _check_doc_or_raise(doc: Doc, g: Any, opts: Options) -> Outcome:
    """Findings for one document placed in their files, and the files checked.

    A text that is mostly Chinese is a source, not English to check: it is
    skipped (0 files checked). A text over CHUNK_BYTES is read and checked
    in pieces that end at blank lines (see :func:`glossary.check.check_text_pieces`), its first
    piece deciding whether it is Chinese; with --fix, --diff or a baseline it is read whole.
    """
    from .. import bilingual
    from ..baseline import line_contexts, pair_contexts
    from ..bilingual import decode, is_bilingual, place, read_aligned, read_bilingual, read_text_chunks
    from ..check import check_pairs, check_text, check_text_pieces
    from .fixing import fix_document

    rules = opts.rules
    if doc.kind in ("text", "stdin"):
        markdown = doc.kind == "stdin" or is_markdown(doc.path)
        if opts.fix or opts.diff or opts.contexts:  # read whole
            whole = decode(sys.stdin.buffer.read(), doc.path) if doc.kind == "stdin" else bilingual.read_text(doc.path)
            if is_chinese_text(whole[:bilingual.CHUNK_BYTES]):
                return Outcome()
            fixed = None
            if opts.fix or opts.diff:
                fixed = fix_document(doc.kind, doc.path, None, g, rules, unsafe=opts.unsafe, write=not opts.diff,
                                     keep=_Keeper(opts.baseline), text=whole, markdown=markdown,
                                     passes=1 if opts.baseline else MAX_PASSES)
                if opts.diff:
                    return Outcome(files=1, fixed=fixed.fixed, diff=fixed.diff)
                whole = fixed.text if fixed.text is not None else whole
            found = [replace(f, path=doc.path) for f in check_text(whole, g, markdown=markdown, rules=rules)]
            return Outcome(found, files=1, contexts=line_contexts(found, whole) if opts.contexts else None,
                            fixed=fixed.fixed if fixed else 0,
                            fixed_text=fixed.text if fixed and doc.kind == "stdin" else None)
        source = sys.stdin.buffer if doc.kind == "stdin" else doc.path
        chunks = read_text_chunks(source, doc.path, markdown=markdown, size=bilingual.CHUNK_BYTES)
        first = next(chunks)
        if is_chinese_text(first.text):
            return Outcome()
        second = next(chunks, None)
        if second is None:
            found = check_text(first.text, g, markdown=markdown, rules=rules)
        else:
            found = check_text_pieces(itertools.chain((first, second), chunks), g, markdown=markdown, rules=rules)
        return Outcome([replace(f, path=doc.path) for f in found], files=1)
    fixed = None
    if opts.fix or opts.diff:
        fixed = fix_document(doc.kind, doc.path, doc.target, g, rules, unsafe=opts.unsafe, write=not opts.diff,
                             keep=_Keeper(opts.baseline))
        if opts.diff:
            return Outcome(files=doc.files, fixed=fixed.fixed, diff=fixed.diff)
    if doc.kind == "aligned":
        assert doc.target is not None
        bi = read_aligned(doc.path, doc.target)
    else:
        assert is_bilingual(doc.path)
        bi = read_bilingual(doc.path)
    found = check_pairs(bi.pairs, g, rules=rules)
    return Outcome([place(f, bi) for f in found], files=doc.files,
                    contexts=pair_contexts(found, bi.pairs) if opts.contexts else None,
                    fixed=fixed.fixed if fixed else 0, diff=fixed.diff if fixed else "")


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rChecked {done}/{total} files")
    if done == total:
        sys.stderr.write("\r" + " " * (len(str(total)) * 2 + 16) + "\r")
    sys.stderr.flush()


def run(docs: list[Doc], glossary_path: str | None, g: Any, opts: list[Options], jobs: int) -> Iterator[Outcome]:
    """Each document's outcome, in order; ``opts[i]`` is for ``docs[i]``."""
    show = sys.stderr.isatty() and len(docs) >= _PROGRESS_MIN_FILES
    cores = os.cpu_count() or 1
    # One process per core at most, and never more than there are files.
    jobs = cores if jobs == 0 else min(jobs, cores)
    jobs = min(jobs, max(1, len(docs)))
    if jobs > 1 and len(docs) > 1:
        # stdin can only be read here; the files go to the workers.
        here = [(d, o) for d, o in zip(docs, opts) if d.kind == "stdin"]
        away = [(d, o) for d, o in zip(docs, opts) if d.kind != "stdin"]
        from concurrent.futures import ProcessPoolExecutor  # imported only for a parallel run (15 ms of start-up)

        with ProcessPoolExecutor(max_workers=min(jobs, len(away)), initializer=_worker_init,
                                 initargs=(glossary_path, common.USE_CACHE)) as pool:
            results = pool.map(_run_in_worker, [d for d, _ in away], [o for _, o in away],
                               chunksize=max(1, len(away) // (jobs * 4)))
            for i, result in enumerate(itertools.chain((_check_doc(d, g, o) for d, o in here), results), start=1):
                if show:
                    _progress(i, len(docs))
                yield result
        return
    for i, (doc, o) in enumerate(zip(docs, opts), start=1):
        result = _check_doc(doc, g, o)
        if show:
            _progress(i, len(docs))
        yield result
