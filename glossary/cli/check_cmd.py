"""``glossary check``: collect the files, check them (in worker processes with --jobs), report."""

from __future__ import annotations

import argparse
import fnmatch
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..baseline import Key, finding_keys, new_findings
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
    from ..report import FORMATS  # every registered format is a --format choice

    p = sub.add_parser("check", parents=[glossary_opt], help="check English text and translations",
                       description="Check English/Markdown files, stdin (-) or bilingual files.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, directories (searched for *.md, *.markdown, *.txt) or - for stdin")
    p.add_argument("--source", metavar="FILE", help="Chinese source, one segment per line (with --target)")
    p.add_argument("--target", metavar="FILE", help="English translation, line-aligned with --source")
    p.add_argument("--format", choices=tuple(FORMATS), default="text", help="report format")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    p.add_argument("--statistics", action="store_true", help="report counts by rule instead of the findings")
    p.add_argument("--select", type=names, metavar="RULES", help="comma-separated rule names or code prefixes to run")
    p.add_argument("--ignore", type=names, metavar="RULES", help="comma-separated rule names or code prefixes to skip")
    p.add_argument("--min-severity", choices=SEVERITIES, help="report only findings at this level or above")
    p.add_argument("--fail-on", choices=SEVERITIES,
                   help="exit 1 when a reported finding is at this level or above (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes (0: one per core)")
    p.add_argument("--stdin-filename", default="<stdin>", metavar="NAME", help="name to report for stdin")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.glossary] in pyproject.toml")
    fixing = p.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="rewrite the fixable findings in place, then report the rest")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply unsafe fixes (a gloss whose English and Chinese disagree)")
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    known = p.add_argument_group("baseline")
    known.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    known.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (atomically)")
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


@dataclass(frozen=True)
class _Options:
    """What to do with each document: the rules, fixing, and whether lines are needed for a baseline."""

    rules: frozenset[str]
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    contexts: bool = False
    baseline: frozenset[Key] = frozenset()


@dataclass
class _Outcome:
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
        return new_findings(findings, finding_keys(findings, contexts), set(self.baseline))


_WORKER: dict[str, Any] = {}


def _worker_init(glossary_path: str | None) -> None:
    from ..index import load

    _WORKER["glossary"] = load(glossary_path)


def _run_in_worker(doc: _Doc, opts: _Options) -> _Outcome:
    return _check_doc(doc, _WORKER["glossary"], opts)


def _check_doc(doc: _Doc, g: Any, opts: _Options) -> _Outcome:
    """One document checked (and fixed first with --fix or --diff); errors become the outcome's message."""
    try:
        return _check_doc_or_raise(doc, g, opts)
    except GlossaryError as exc:
        return _Outcome(error=str(exc))
    except OSError as exc:
        return _Outcome(error=f"{exc.filename or doc.path}: {exc.strerror or exc}")
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug: this document's error alone; the others are still reported
        if os.environ.get("GLOSSARY_DEBUG"):
            raise
        return _Outcome(error=(f"{doc.path}: internal error while checking: {type(exc).__name__}: {exc} "
                               "(set GLOSSARY_DEBUG=1 for the traceback)"))


def _check_doc_or_raise(doc: _Doc, g: Any, opts: _Options) -> _Outcome:
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
        markdown = doc.kind == "stdin" or Path(doc.path).suffix.lower() != ".txt"
        if opts.fix or opts.diff or opts.contexts:  # read whole
            whole = decode(sys.stdin.buffer.read(), doc.path) if doc.kind == "stdin" else bilingual.read_text(doc.path)
            if is_chinese_text(whole[:bilingual.CHUNK_BYTES]):
                return _Outcome()
            fixed = None
            if opts.fix or opts.diff:
                fixed = fix_document(doc.kind, doc.path, None, g, rules, unsafe=opts.unsafe, write=not opts.diff,
                                     keep=_Keeper(opts.baseline), text=whole, markdown=markdown)
                if opts.diff:
                    return _Outcome(files=1, fixed=fixed.fixed, diff=fixed.diff)
                whole = fixed.text if fixed.text is not None else whole
            found = [replace(f, path=doc.path) for f in check_text(whole, g, markdown=markdown, rules=rules)]
            return _Outcome(found, files=1, contexts=line_contexts(found, whole) if opts.contexts else None,
                            fixed=fixed.fixed if fixed else 0,
                            fixed_text=fixed.text if fixed and doc.kind == "stdin" else None)
        source = sys.stdin.buffer if doc.kind == "stdin" else doc.path
        chunks = read_text_chunks(source, doc.path, markdown=markdown, size=bilingual.CHUNK_BYTES)
        first = next(chunks)
        if is_chinese_text(first.text):
            return _Outcome()
        second = next(chunks, None)
        if second is None:
            found = check_text(first.text, g, markdown=markdown, rules=rules)
        else:
            found = check_text_pieces(itertools.chain((first, second), chunks), g, markdown=markdown, rules=rules)
        return _Outcome([replace(f, path=doc.path) for f in found], files=1)
    fixed = None
    if opts.fix or opts.diff:
        fixed = fix_document(doc.kind, doc.path, doc.target, g, rules, unsafe=opts.unsafe, write=not opts.diff,
                             keep=_Keeper(opts.baseline))
        if opts.diff:
            return _Outcome(files=doc.files, fixed=fixed.fixed, diff=fixed.diff)
    if doc.kind == "aligned":
        assert doc.target is not None
        bi = read_aligned(doc.path, doc.target)
    else:
        assert is_bilingual(doc.path)
        bi = read_bilingual(doc.path)
    found = check_pairs(bi.pairs, g, rules=rules)
    return _Outcome([place(f, bi) for f in found], files=doc.files,
                    contexts=pair_contexts(found, bi.pairs) if opts.contexts else None,
                    fixed=fixed.fixed if fixed else 0, diff=fixed.diff if fixed else "")


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


def _run(docs: list[_Doc], glossary_path: str | None, g: Any, opts: list[_Options], jobs: int) -> Iterator[_Outcome]:
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
        with ProcessPoolExecutor(max_workers=min(jobs, len(away)), initializer=_worker_init,
                                 initargs=(glossary_path,)) as pool:
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


def _rules_for(doc: _Doc, rules: frozenset[str], config: Any) -> frozenset[str]:
    """The rules that run on ``doc``: ``rules`` less the per-file ignores whose pattern matches it."""
    if doc.kind == "stdin" or not config.per_file_ignores:
        return rules
    paths = [p for p in (doc.path, doc.target) if p]
    for pattern, ignored in config.per_file_ignores:
        if any(_excluded(Path(p), [pattern], config.root) for p in paths):
            rules = rules - ignored
    return rules


def _select(args: argparse.Namespace, config: Any) -> frozenset[str]:
    from ..rules import select_rules

    try:
        # The command line wins: --select replaces the file's select and ignore, --ignore its ignore.
        select = args.select if args.select is not None else config.select or None
        ignore = args.ignore if args.ignore is not None else (None if args.select is not None else config.ignore)
        return select_rules(select, ignore or None)
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]}; see 'glossary rule' for the list") from None


def _cmd_check(args: argparse.Namespace) -> int:
    from ..baseline import format_baseline, read_baseline

    config = cli_config(args.no_config)
    if not args.paths and not (args.source or args.target):
        raise UsageError("nothing to check: give files, directories, - for stdin, or --source and --target")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 or more")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes goes with --fix or --diff")
    if args.fix and args.diff:
        raise UsageError("--fix and --diff exclude each other: --diff shows the fixes, --fix writes them")
    rules = _select(args, config)
    path = glossary_path(args.glossary, config)
    g = load(path)
    baseline = frozenset(read_baseline(args.baseline)) if args.baseline else frozenset()
    errors: list[str] = []
    docs = _collect(args, config, errors)
    wants_keys = bool(args.baseline or args.write_baseline)
    opts = [_Options(_rules_for(d, rules, config), fix=args.fix, diff=args.diff, unsafe=args.unsafe_fixes,
                     contexts=wants_keys, baseline=baseline) for d in docs]
    findings: list[Finding] = []
    recorded: list[tuple[Finding, Key]] = []
    files = fixed = fixed_files = 0
    diffs: list[str] = []
    stdin_text: str | None = None
    for outcome in _run(docs, path, g, opts, args.jobs):
        if outcome.error:
            errors.append(outcome.error)
        files += outcome.files
        fixed += outcome.fixed
        fixed_files += bool(outcome.fixed)
        if outcome.diff:
            diffs.append(outcome.diff)
        if outcome.fixed_text is not None:
            stdin_text = outcome.fixed_text
        found = outcome.findings
        if wants_keys:
            keys = finding_keys(found, outcome.contexts or [""] * len(found))
            recorded += zip(found, keys)
            if baseline:
                found = new_findings(found, keys, set(baseline))
        findings += found
    if args.diff:
        return _report_diff(diffs, fixed, fixed_files, errors)
    if args.write_baseline:
        from ..atomic import atomic_writer

        with atomic_writer(args.write_baseline) as fh:
            fh.write(format_baseline([f for f, _ in recorded], [k for _, k in recorded]))
        print(f"{PROG}: recorded {len(recorded)} findings in {args.write_baseline}", file=sys.stderr)
    min_severity = args.min_severity or config.min_severity or "info"
    fail_on = args.fail_on or config.fail_on or "error"
    shown = [f for f in findings if RANK[f.severity] <= RANK[min_severity]]
    report = _format(args, shown, files, docs, g)
    if stdin_text is not None and not args.output:
        write(sys.stdout, stdin_text)  # --fix on stdin: the fixed text on stdout, the report on stderr
        write(sys.stderr, report)
    else:
        _emit(report, args.output)
    if args.fix:
        print(f"{PROG}: fixed {fixed} problem{'s' if fixed != 1 else ''} in {fixed_files} "
              f"file{'s' if fixed_files != 1 else ''}; {len(shown)} left", file=sys.stderr)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    failing = any(RANK[f.severity] <= RANK[fail_on] for f in shown)
    return 1 if failing and not args.exit_zero else 0


def _report_diff(diffs: list[str], fixed: int, fixed_files: int, errors: list[str]) -> int:
    """--diff: the diffs on stdout, a count on stderr; exit 1 when something would change (as ruff's)."""
    write(sys.stdout, "".join(diffs))
    print(f"{PROG}: would fix {fixed} problem{'s' if fixed != 1 else ''} in {fixed_files} "
          f"file{'s' if fixed_files != 1 else ''}", file=sys.stderr)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    return 1 if fixed else 0


def _format(args: argparse.Namespace, shown: list[Finding], files: int, docs: list[_Doc], g: Any) -> str:
    from ..report import FORMATS, format_gitlab, format_rdjson, format_sarif, format_statistics

    if args.statistics:
        return format_statistics(shown, files, as_json=args.format == "json")
    if args.format == "sarif":
        return format_sarif(shown, files, root=Path.cwd())
    if args.format == "gitlab":
        return format_gitlab(shown, files, root=Path.cwd())
    if args.format == "rdjson":
        return format_rdjson(shown, files, line_text=_LineReader())
    if args.format == "html":
        from .report_docs import report_documents

        return FORMATS["html"](shown, files, documents=report_documents(docs), glossary=g)
    return FORMATS[args.format](shown, files)


def _emit(report: str, output: str | None) -> None:
    if output is None:
        write(sys.stdout, report)
        return
    from ..atomic import atomic_writer

    with atomic_writer(output) as fh:
        fh.write(report)


class _LineReader:
    """(path, line) → the line's text, reading each file once (for rdjson's byte columns)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}

    def __call__(self, path: str, line: int) -> str | None:
        if path not in self._lines:
            from ..bilingual import read_text
            from ..source import LineIndex

            try:
                index = LineIndex(read_text(path))
                self._lines[path] = [index.line_text(i) for i in range(1, len(index.starts) + 1)]
            except (OSError, GlossaryError):
                self._lines[path] = None
        lines = self._lines[path]
        return lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None
