"""``glossary check``: collect the files, check them (in worker processes with --jobs), report."""

from __future__ import annotations

import argparse
import fnmatch
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import GlossaryError
from ..model import SEVERITIES, Finding
from .common import PROG, RANK, UsageError, glossary_path, is_chinese_text, load, names, write
from .common import config as cli_config

#: Suffixes a directory is searched for.
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_PROGRESS_MIN_FILES = 20
#: Folders a directory search never enters (besides hidden ones).
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "__pypackages__"})


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the parser."""
    p = sub.add_parser("check", parents=[glossary_opt], help="check English text and translations",
                       description="Check English/Markdown files, stdin (-) or bilingual files.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, directories (searched for *.md, *.markdown, *.txt) or - for stdin")
    p.add_argument("--source", metavar="FILE", help="Chinese source, one segment per line (with --target)")
    p.add_argument("--target", metavar="FILE", help="English translation, line-aligned with --source")
    from ..report import FORMATS

    p.add_argument("--format", choices=tuple(FORMATS), default="text", help="report format")
    p.add_argument("--select", type=names, metavar="RULES", help="comma-separated rule names or code prefixes to run")
    p.add_argument("--ignore", type=names, metavar="RULES", help="comma-separated rule names or code prefixes to skip")
    p.add_argument("--min-severity", choices=SEVERITIES, help="report only findings at this level or above")
    p.add_argument("--fail-on", choices=SEVERITIES,
                   help="exit 1 when a reported finding is at this level or above (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes (0: one per core)")
    p.add_argument("--stdin-filename", default="<stdin>", metavar="NAME", help="name to report for stdin")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.glossary] in pyproject.toml")
    p.set_defaults(func=_cmd_check)


# -- documents -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Doc:
    """One thing to check: a text file, stdin, a bilingual file, or an aligned pair of files."""

    kind: str  # "text", "stdin", "pairs", "aligned"
    path: str
    target: str | None = None

    @property
    def files(self) -> int:
        return 2 if self.kind == "aligned" else 1


_WORKER: dict[str, Any] = {}


def _worker_init(glossary_path: str | None) -> None:
    from ..index import load

    _WORKER["glossary"] = load(glossary_path)


_Result = tuple[list[Finding], str | None, int]


def _run_in_worker(doc: _Doc, rules: frozenset[str]) -> _Result:
    return _check_doc(doc, _WORKER["glossary"], rules)


def _check_doc(doc: _Doc, g: Any, rules: frozenset[str]) -> _Result:
    """Findings for one document placed in their files, an error message, and the files checked.

    A text that is mostly Chinese is a source, not English to check: it is
    skipped (0 files checked). A text over CHUNK_BYTES is read and checked
    in pieces that end at blank lines (see :func:`glossary.check.check_text_pieces`), its first
    piece deciding whether it is Chinese.
    """
    from .. import bilingual
    from ..bilingual import is_bilingual, place, read_aligned, read_bilingual, read_text_chunks
    from ..check import check_pairs, check_text, check_text_pieces

    try:
        if doc.kind in ("text", "stdin"):
            markdown = doc.kind == "stdin" or Path(doc.path).suffix.lower() != ".txt"
            source = sys.stdin.buffer if doc.kind == "stdin" else doc.path
            chunks = read_text_chunks(source, doc.path, markdown=markdown, size=bilingual.CHUNK_BYTES)
            first = next(chunks)
            if is_chinese_text(first.text):
                return [], None, 0
            second = next(chunks, None)
            if second is None:
                found = check_text(first.text, g, markdown=markdown, rules=rules)
            else:
                found = check_text_pieces(itertools.chain((first, second), chunks), g, markdown=markdown, rules=rules)
            return [replace(f, path=doc.path) for f in found], None, 1
        if doc.kind == "aligned":
            assert doc.target is not None
            bi = read_aligned(doc.path, doc.target)
        else:
            assert is_bilingual(doc.path)
            bi = read_bilingual(doc.path)
        return [place(f, bi) for f in check_pairs(bi.pairs, g, rules=rules)], None, doc.files
    except GlossaryError as exc:
        return [], str(exc), 0
    except OSError as exc:
        return [], f"{doc.path}: {exc.strerror or exc}", 0
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug: this document's error alone; the others are still reported
        if os.environ.get("GLOSSARY_DEBUG"):
            raise
        return [], (f"{doc.path}: internal error while checking: {type(exc).__name__}: {exc} "
                    "(set GLOSSARY_DEBUG=1 for the traceback)"), 0


def _excluded(path: Path, patterns: Sequence[str], root: Path | None) -> bool:
    """Whether a pattern matches the path (as given, or relative to ``root``), a folder above it, or its name."""
    if not patterns:
        return False
    paths = [path]
    try:
        paths.append(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        pass
    candidates = {path.name}
    for p in paths:
        candidates.add(p.as_posix())
        candidates.update(parent.as_posix() for parent in p.parents if parent.as_posix() not in (".", "/"))
    return any(fnmatch.fnmatch(c, pat) for c in candidates for pat in patterns)


def _walk(folder: Path) -> list[Path]:
    """Text files under ``folder``, sorted, skipping hidden folders and tool folders."""
    out: list[Path] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        # Regular files only: a FIFO or a device named *.md would hang the run.
        out += [Path(here) / n for n in sorted(files)
                if Path(n).suffix.lower() in TEXT_SUFFIXES and os.path.isfile(os.path.join(here, n))]
    return out


def _collect(args: argparse.Namespace, config: Any, errors: list[str]) -> list[_Doc]:
    from ..bilingual import is_bilingual

    docs: list[_Doc] = []
    stdin_used = False
    for given in args.paths:
        if given == "-":
            if stdin_used:
                raise UsageError("- (stdin) given twice")
            stdin_used = True
            docs.append(_Doc("stdin", args.stdin_filename))  # read as it is checked, in this process
            continue
        path = Path(given)
        if path.is_dir():
            for p in _walk(path):
                if not _excluded(p, config.exclude, config.root):
                    docs.append(_Doc("text", os.fspath(p)))
        elif path.is_file():
            if _excluded(path, config.exclude, config.root):
                continue
            docs.append(_Doc("pairs" if is_bilingual(path) else "text", given))
        elif path.exists():
            errors.append(f"{given}: not a regular file (give - to read standard input)")
        else:
            errors.append(f"{given}: no such file or directory")
    if args.source or args.target:
        if not (args.source and args.target):
            raise UsageError("--source and --target go together")
        docs.append(_Doc("aligned", args.source, target=args.target))
    return docs


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rChecked {done}/{total} files")
    if done == total:
        sys.stderr.write("\r" + " " * (len(str(total)) * 2 + 16) + "\r")
    sys.stderr.flush()


def _run(docs: list[_Doc], glossary_path: str | None, g: Any, rules: frozenset[str], jobs: int,
         ) -> Iterator[_Result]:
    show = sys.stderr.isatty() and len(docs) >= _PROGRESS_MIN_FILES
    cores = os.cpu_count() or 1
    # One process per core at most, and never more than there are files.
    jobs = cores if jobs == 0 else min(jobs, cores)
    jobs = min(jobs, max(1, len(docs)))
    if jobs > 1 and len(docs) > 1:
        # stdin can only be read here; the files go to the workers.
        here = [d for d in docs if d.kind == "stdin"]
        away = [d for d in docs if d.kind != "stdin"]
        with ProcessPoolExecutor(max_workers=min(jobs, len(away)), initializer=_worker_init,
                                 initargs=(glossary_path,)) as pool:
            results = pool.map(_run_in_worker, away, [rules] * len(away), chunksize=max(1, len(away) // (jobs * 4)))
            for i, result in enumerate(itertools.chain((_check_doc(d, g, rules) for d in here), results), start=1):
                if show:
                    _progress(i, len(docs))
                yield result
        return
    for i, doc in enumerate(docs, start=1):
        result = _check_doc(doc, g, rules)
        if show:
            _progress(i, len(docs))
        yield result


def _cmd_check(args: argparse.Namespace) -> int:
    from ..report import FORMATS, format_sarif
    from ..rules import select_rules

    config = cli_config(args.no_config)
    if not args.paths and not (args.source or args.target):
        raise UsageError("nothing to check: give files, directories, - for stdin, or --source and --target")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 or more")
    try:
        # The command line wins: --select replaces the file's select and ignore, --ignore its ignore.
        select = args.select if args.select is not None else config.select or None
        ignore = args.ignore if args.ignore is not None else (None if args.select is not None else config.ignore)
        rules = select_rules(select, ignore or None)
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]}; see 'glossary rule' for the list") from None
    path = glossary_path(args.glossary, config)
    g = load(path)
    errors: list[str] = []
    docs = _collect(args, config, errors)
    findings: list[Finding] = []
    files = 0
    for found, error, checked in _run(docs, path, g, rules, args.jobs):
        if error:
            errors.append(error)
        files += checked
        findings += found
    min_severity = args.min_severity or config.min_severity or "info"
    fail_on = args.fail_on or config.fail_on or "error"
    shown = [f for f in findings if RANK[f.severity] <= RANK[min_severity]]
    if args.format == "sarif":
        report = format_sarif(shown, files, root=Path.cwd())
    elif args.format == "html":
        from .report_docs import report_documents

        report = FORMATS["html"](shown, files, documents=report_documents(docs), glossary=g)
    else:
        report = FORMATS[args.format](shown, files)
    write(sys.stdout, report)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    failing = any(RANK[f.severity] <= RANK[fail_on] for f in shown)
    return 1 if failing and not args.exit_zero else 0
