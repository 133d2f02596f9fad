"""``glossary check``: collect the files, check them (in worker processes with --jobs), report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..baseline import Key, finding_keys, new_findings
from ..config import is_excluded
from ..model import SEVERITIES, Finding
from .common import PROG, RANK, UsageError, glossary_path, load, names, write
from .check_output import emit, format_report, report_diff
from .check_run import Doc, Options, run
from .common import config as cli_config

#: Suffixes a directory is searched for.
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
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
    p.add_argument("--format", choices=tuple(FORMATS), help="report format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the report (or --diff's diff) to FILE, atomically, instead of stdout")
    p.add_argument("--statistics", action="store_true",
                   help="report counts by rule instead of the findings (as text, or with --format json)")
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
                        help="with --fix or --diff, also apply unsafe fixes (a gloss whose English and Chinese "
                             "disagree, an abbreviation or other name listed as a variant)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing (alone or with --fix, as ruff's)")
    known = p.add_argument_group("baseline")
    known.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    known.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (atomically)")
    p.set_defaults(func=_cmd_check)


def _walk(folder: Path) -> list[Path]:
    """Text files under ``folder``, sorted, skipping hidden folders and tool folders."""
    out: list[Path] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        # Regular files only: a FIFO or a device named *.md would hang the run.
        out += [Path(here) / n for n in sorted(files)
                if Path(n).suffix.lower() in TEXT_SUFFIXES and os.path.isfile(os.path.join(here, n))]
    return out


def _collect(args: argparse.Namespace, config: Any, errors: list[str]) -> list[Doc]:
    from ..bilingual import is_bilingual

    docs: list[Doc] = []
    stdin_used = False
    for given in args.paths:
        if given == "-":
            if stdin_used:
                raise UsageError("- (stdin) given twice")
            stdin_used = True
            docs.append(Doc("stdin", args.stdin_filename))  # read as it is checked, in this process
            continue
        path = Path(given)
        if path.is_dir():
            for p in _walk(path):
                if not is_excluded(p, config.exclude, config.root):
                    docs.append(Doc("text", os.fspath(p)))
        elif path.is_file():
            if is_excluded(path, config.exclude, config.root):
                continue
            docs.append(Doc("pairs" if is_bilingual(path) else "text", given))
        elif path.exists():
            errors.append(f"{given}: not a regular file (give - to read standard input)")
        else:
            errors.append(f"{given}: no such file or directory")
    if args.source or args.target:
        if not (args.source and args.target):
            raise UsageError("--source and --target go together")
        docs.append(Doc("aligned", args.source, target=args.target))
    return docs


def _once(docs: list[Doc]) -> list[Doc]:
    """``docs`` without a second mention of a file: with --fix, two worker processes must never rewrite one file."""
    seen: set[str] = set()
    out = []
    for d in docs:
        written = os.path.realpath(d.target or d.path) if d.kind != "stdin" else None
        if written is not None and written in seen:
            continue
        if written is not None:
            seen.add(written)
        out.append(d)
    return out


def _check_combinations(args: argparse.Namespace) -> None:
    """Usage errors for options that would otherwise be dropped silently."""
    if args.diff:
        given = [name for name, on in (("--format", args.format not in (None, "text")),
                                       ("--statistics", args.statistics),
                                       ("--write-baseline", args.write_baseline is not None)) if on]
        if given:
            raise UsageError(f"--diff prints a diff, not a report: it does not go with {given[0]}")
    if args.statistics and (args.format or "text") not in ("text", "json"):
        raise UsageError(f"--statistics is text or --format json, not --format {args.format}")


def _refuse_overwriting_inputs(args: argparse.Namespace, docs: list[Doc], table: str | None) -> None:
    """A usage error when -o or --write-baseline names one of the documents' files or the term table
    (compared as real paths)."""
    inputs = {os.path.realpath(p) for d in docs if d.kind != "stdin" for p in (d.path, d.target) if p}
    if table:
        inputs.add(os.path.realpath(table))
    for option, given in (("-o", args.output), ("--write-baseline", args.write_baseline)):
        # --baseline B --write-baseline B updates the baseline (read before written); -o B would lose it.
        taken = inputs | {os.path.realpath(args.baseline)} if args.baseline and option == "-o" else inputs
        if given and os.path.realpath(given) in taken and not _is_special(given):
            raise UsageError(f"{given} is also an input; {option} would overwrite it")


def _is_special(path: str) -> bool:
    """Whether ``path`` is a FIFO, a device or the like (written as a stream, never replaced)."""
    import stat

    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _rules_for(doc: Doc, rules: frozenset[str], config: Any) -> frozenset[str]:
    """The rules that run on ``doc``: ``rules`` less the per-file ignores whose pattern matches it."""
    if doc.kind == "stdin" or not config.per_file_ignores:
        return rules
    paths = [p for p in (doc.path, doc.target) if p]
    for pattern, ignored in config.per_file_ignores:
        if any(is_excluded(Path(p), [pattern], config.root) for p in paths):
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
    _check_combinations(args)
    rules = _select(args, config)
    path = glossary_path(args.glossary, config)
    g = load(path)
    baseline = frozenset(read_baseline(args.baseline)) if args.baseline else frozenset()
    errors: list[str] = []
    docs = _collect(args, config, errors)
    if args.fix:
        docs = _once(docs)
    _refuse_overwriting_inputs(args, docs, path)
    wants_keys = bool(args.baseline or args.write_baseline)
    opts = [Options(_rules_for(d, rules, config), fix=args.fix, diff=args.diff, unsafe=args.unsafe_fixes,
                     contexts=wants_keys, baseline=baseline) for d in docs]
    findings: list[Finding] = []
    recorded: list[tuple[Finding, Key]] = []
    files = fixed = fixed_files = 0
    diffs: list[str] = []
    stdin_text: str | None = None
    for outcome in run(docs, path, g, opts, args.jobs):
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
                found = new_findings(found, keys, baseline)
        findings += found
    if args.diff:
        return report_diff(diffs, fixed, fixed_files, errors, args.output)
    if args.write_baseline:
        from ..atomic import atomic_writer

        with atomic_writer(args.write_baseline) as fh:
            fh.write(format_baseline([f for f, _ in recorded], [k for _, k in recorded], args.write_baseline))
        print(f"{PROG}: recorded {len(recorded)} findings in {args.write_baseline}", file=sys.stderr)
    min_severity = args.min_severity or config.min_severity or "info"
    fail_on = args.fail_on or config.fail_on or "error"
    shown = [f for f in findings if RANK[f.severity] <= RANK[min_severity]]
    report = format_report(args.format or "text", shown, files, statistics=args.statistics, docs=docs, glossary=g)
    if stdin_text is not None:
        # --fix on stdin: the fixed text on stdout, the report in -o's file or on stderr.
        write(sys.stdout, stdin_text)
        if args.output:
            emit(report, args.output)
        else:
            write(sys.stderr, report)
    else:
        emit(report, args.output)
    if args.fix:
        print(f"{PROG}: applied {fixed} fix{'es' if fixed != 1 else ''} in {fixed_files} "
              f"file{'s' if fixed_files != 1 else ''}; {len(shown)} problem{'s' if len(shown) != 1 else ''} left",
              file=sys.stderr)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    failing = any(RANK[f.severity] <= RANK[fail_on] for f in shown)
    return 1 if failing and not args.exit_zero else 0
