"""The ``glossary`` command: check, validate, export, pinyin, lookup, suggest, rule.

``main(argv=None) -> int`` parses the arguments, runs one subcommand and
returns the exit status, so tests can call it directly. Exit statuses:
0 nothing to report at the failing level, 1 findings (or table problems for
``validate``, no match for ``lookup``), 2 usage, configuration, glossary or
input errors. Errors go to stderr as one line each, never as a traceback.
docs/cli.md documents every option.
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from .errors import GlossaryError
from .model import SEVERITIES, Finding

__all__ = ["main"]

PROG = "glossary"
#: Suffixes a directory is searched for.
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error 0, warning 1, info 2
_PROGRESS_MIN_FILES = 20
#: Folders a directory search never enters (besides hidden ones).
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "__pypackages__"})


class UsageError(Exception):
    """A problem with the command line or configuration: exit 2."""


# -- arguments -------------------------------------------------------------------------------------

def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check English text and zh→en translations against a Chinese–English term table.",
        epilog="Exit status: 0 clean, 1 findings, 2 errors. See docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    glossary_opt = argparse.ArgumentParser(add_help=False)
    glossary_opt.add_argument("--glossary", metavar="PATH",
                              help="term table to use (default: [tool.glossary] glossary, else the bundled table)")

    p = sub.add_parser("check", parents=[glossary_opt], help="check English text and translations",
                       description="Check English/Markdown files, stdin (-) or bilingual files.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, directories (searched for *.md, *.markdown, *.txt) or - for stdin")
    p.add_argument("--source", metavar="FILE", help="Chinese source, one segment per line (with --target)")
    p.add_argument("--target", metavar="FILE", help="English translation, line-aligned with --source")
    p.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text", help="report format")
    p.add_argument("--select", type=_names, metavar="RULES", help="comma-separated rule names or code prefixes to run")
    p.add_argument("--ignore", type=_names, metavar="RULES", help="comma-separated rule names or code prefixes to skip")
    p.add_argument("--min-severity", choices=SEVERITIES, help="report only findings at this level or above")
    p.add_argument("--fail-on", choices=SEVERITIES,
                   help="exit 1 when a reported finding is at this level or above (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes (0: one per core)")
    p.add_argument("--stdin-filename", default="<stdin>", metavar="NAME", help="name to report for stdin")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.glossary] in pyproject.toml")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("validate", help="validate a term table",
                       description="Load a term table and report its errors and warnings.")
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="table to validate (default: [tool.glossary] glossary, else the bundled table)")
    p.set_defaults(func=_cmd_validate)

    from .exports import DIRECTIONS, FORMATS as EXPORT_FORMATS

    p = sub.add_parser("export", parents=[glossary_opt], help="export the glossary for other tools",
                       description="Write the glossary as CSV, TBX, JSON, Markdown or a translation service's glossary.")
    p.add_argument("--format", choices=tuple(EXPORT_FORMATS), default="csv", help="export format")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically); - or none: stdout")
    p.add_argument("--force", action="store_true", help="allow overwriting the glossary file being read")
    p.add_argument("--safe", action=argparse.BooleanOptionalAction, default=False,
                   help="prefix cells that start with = + - @, a tab or a CR with an apostrophe, so that spreadsheets "
                        "do not run them as formulas (csv, deepl, google, amazon; default off)")
    p.add_argument("--direction", choices=DIRECTIONS, default="zh-en", help="source→target for deepl and amazon")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("pinyin", help="romanize Chinese by the national rules",
                       description="Print the pinyin of each TEXT (GB/T 16159; --kind person: GB/T 28039).")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--kind", metavar="KIND", help="person, place, organization, …")
    p.add_argument("--no-tones", dest="tones", action="store_false", help="drop the tone marks")
    p.set_defaults(func=_cmd_pinyin)

    p = sub.add_parser("lookup", parents=[glossary_opt], help="print a term's row",
                       description="Look TERM up by Chinese, English (any listed form) or id.")
    p.add_argument("term", metavar="TERM")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(func=_cmd_lookup)

    p = sub.add_parser("suggest", parents=[glossary_opt], help="propose table rows for unknown names",
                       description="Print CSV rows for the names in FILE that the glossary lacks: glossed names "
                                   "in English text, person/place/organization names in Chinese text.")
    p.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    p.add_argument("--header", action="store_true", help="print the table's header row first")
    p.set_defaults(func=_cmd_suggest)

    p = sub.add_parser("rule", help="show a rule's documentation",
                       description="Print a rule's documentation (Markdown); with no argument, list the rules.")
    p.add_argument("rule", nargs="?", metavar="NAME|CODE")
    p.add_argument("--all", action="store_true", help="print every rule's documentation (docs/rules.md)")
    p.set_defaults(func=_cmd_rule)
    return parser


# -- shared helpers --------------------------------------------------------------------------------

def _config(no_config: bool = False) -> Any:
    from .config import Config, load_config

    return Config() if no_config else load_config(Path.cwd())


def _glossary_path(arg: str | None, config: Any) -> str | None:
    if arg:
        return arg
    if config.glossary is not None:
        return str(config.glossary)
    return None


def _load(path: str | None) -> Any:
    from .index import load

    if path is not None and not Path(path).exists():
        raise UsageError(f"{path}: no such file")
    if path is not None and not Path(path).is_file():
        raise UsageError(f"{path}: not a regular file")
    return load(path)


def _write(out: TextIO, text: str) -> None:
    out.write(text)
    out.flush()


# -- check -----------------------------------------------------------------------------------------

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
    from .index import load

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
    from . import bilingual
    from .bilingual import is_bilingual, place, read_aligned, read_bilingual, read_text_chunks
    from .check import check_pairs, check_text, check_text_pieces

    try:
        if doc.kind in ("text", "stdin"):
            markdown = doc.kind == "stdin" or Path(doc.path).suffix.lower() != ".txt"
            source = sys.stdin.buffer if doc.kind == "stdin" else doc.path
            chunks = read_text_chunks(source, doc.path, markdown=markdown, size=bilingual.CHUNK_BYTES)
            first = next(chunks)
            if _is_chinese_text(first.text):
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
    for here, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        # Regular files only: a FIFO or a device named *.md would hang the run.
        out += [Path(here) / n for n in sorted(names)
                if Path(n).suffix.lower() in TEXT_SUFFIXES and os.path.isfile(os.path.join(here, n))]
    return out


def _collect(args: argparse.Namespace, config: Any, errors: list[str]) -> list[_Doc]:
    from .bilingual import is_bilingual

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
    from .report import FORMATS, format_sarif
    from .rules import select_rules

    config = _config(args.no_config)
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
    glossary_path = _glossary_path(args.glossary, config)
    g = _load(glossary_path)
    errors: list[str] = []
    docs = _collect(args, config, errors)
    findings: list[Finding] = []
    files = 0
    for found, error, checked in _run(docs, glossary_path, g, rules, args.jobs):
        if error:
            errors.append(error)
        files += checked
        findings += found
    min_severity = args.min_severity or config.min_severity or "info"
    fail_on = args.fail_on or config.fail_on or "error"
    shown = [f for f in findings if _RANK[f.severity] <= _RANK[min_severity]]
    if args.format == "sarif":
        report = format_sarif(shown, files, root=Path.cwd())
    else:
        report = FORMATS[args.format](shown, files)
    _write(sys.stdout, report)
    for message in errors:
        print(f"{PROG}: {message}", file=sys.stderr)
    if errors:
        return 2
    failing = any(_RANK[f.severity] <= _RANK[fail_on] for f in shown)
    return 1 if failing and not args.exit_zero else 0


# -- validate --------------------------------------------------------------------------------------

def _cmd_validate(args: argparse.Namespace) -> int:
    from .index import default_path
    from .table import check_terms, read_table

    path = args.path or _glossary_path(None, _config()) or str(default_path())
    if not Path(path).exists():
        raise UsageError(f"{path}: no such file")
    try:
        terms = read_table(path)
    except GlossaryError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{path}: {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}; the table does not load.",
              file=sys.stderr)
        return 1
    warnings = check_terms(terms, path)
    for problem in warnings:
        print(problem)
    if warnings:
        print(f"{path}: {len(terms)} terms, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}.",
              file=sys.stderr)
        return 1
    print(f"{path}: {len(terms)} terms, no problems found.")
    return 0


# -- export ----------------------------------------------------------------------------------------

def _same_file(a: str, b: str | None) -> bool:
    if not b:
        return False
    try:
        return Path(a).resolve() == Path(b).resolve() or (Path(a).exists() and os.path.samefile(a, b))
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python < 3.13)
        return False


def _cmd_export(args: argparse.Namespace) -> int:
    from .exports import export

    config = _config()
    g = _load(_glossary_path(args.glossary, config))
    if args.output == "-":
        args.output = None
    if args.output and _same_file(args.output, g.path) and not args.force:
        raise UsageError(f"{args.output} is the glossary being exported; use --force to overwrite it")
    if args.output:
        export(g, args.output, format=args.format, safe=args.safe, direction=args.direction)
    else:
        buffer = io.StringIO()
        export(g, buffer, format=args.format, safe=args.safe, direction=args.direction)
        _write(sys.stdout, buffer.getvalue())
    return 0


# -- pinyin, lookup, suggest, rule -----------------------------------------------------------------

def _cmd_pinyin(args: argparse.Namespace) -> int:
    from .pinyin import romanize

    for text in args.text:
        print(romanize(text, kind=args.kind, tones=args.tones))
    return 0


def _find(g: Any, query: str) -> tuple[Any, str]:
    """The term ``query`` names and how: ("zh", "en", "id", "forbidden") or (None, "")."""
    from .normalize import has_han

    if has_han(query):
        term = g.lookup(query)
        return (term, "zh") if term else (None, "")
    term = g.lookup_en(query)
    if term is not None:
        return term, "en"
    if query in g:
        return g[query], "id"
    for term in g:
        if g.en_form(term, query) == "forbidden":
            return term, "forbidden"
    return None, ""


def _cmd_lookup(args: argparse.Namespace) -> int:
    import json

    from .report import term_dict
    from .table import write_csv

    g = _load(_glossary_path(args.glossary, _config()))
    term, how = _find(g, args.term)
    if term is None:
        print(f"{PROG}: {args.term!r} is not in the glossary", file=sys.stderr)
        return 1
    if how == "forbidden":
        print(f"{PROG}: {args.term!r} is a wrong rendering; use {term.en!r}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(term_dict(term), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buffer = io.StringIO()
        write_csv([term], buffer)
        _write(sys.stdout, buffer.getvalue())
    else:
        row = term_dict(term)
        width = max(len(k) for k in row)
        for key, value in row.items():
            if isinstance(value, list):
                value = " | ".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            print(f"{key:<{width}}  {value}")
    return 0


def _is_chinese_text(text: str) -> bool:
    from .normalize import is_han

    han = sum(1 for ch in text if is_han(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return han > 0 and han >= latin


def _cmd_suggest(args: argparse.Namespace) -> int:
    from .bilingual import decode, read_text
    from .check import check_pair, check_text
    from .table import write_csv

    g = _load(_glossary_path(args.glossary, _config()))
    if args.file == "-":
        text = decode(sys.stdin.buffer.read(), "<stdin>")
    else:
        text = read_text(args.file)
    if _is_chinese_text(text):
        findings = check_pair(text, "", g, rules={"unknown-name"})
    else:
        findings = check_text(text, g, rules={"unknown-term"})
    rows = []
    seen_zh: set[str] = set()
    used_ids = {t.id for t in g}
    for f in findings:
        row = f.suggestion
        if row is None or row.zh in seen_zh:
            continue
        seen_zh.add(row.zh)
        new_id, n = row.id, 2
        while new_id in used_ids:
            new_id, n = f"{row.id}-{n}", n + 1
        used_ids.add(new_id)
        rows.append(replace(row, id=new_id))
    buffer = io.StringIO()
    write_csv(rows, buffer)
    out = buffer.getvalue()
    if not args.header:
        out = out.split("\n", 1)[1]
    _write(sys.stdout, out)
    if not rows:
        print(f"{PROG}: no unknown names found", file=sys.stderr)
    return 0


def _cmd_rule(args: argparse.Namespace) -> int:
    from .ruledoc import render_all, render_rule
    from .rules import RULES

    if args.all:
        if args.rule:
            raise UsageError("give a rule or --all, not both")
        _write(sys.stdout, render_all())
        return 0
    if not args.rule:
        for r in RULES:
            print(f"{r.code}  {r.name:<20} {r.severity:<8} {r.summary}")
        return 0
    try:
        _write(sys.stdout, render_rule(args.rule))
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]}; see 'glossary rule' for the list") from None
    return 0


# -- entry point -----------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``glossary`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version (0) and usage errors (2)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
    except GlossaryError as exc:
        print(f"{PROG}: {exc}" if "\n" not in str(exc) else str(exc), file=sys.stderr)
    except (OSError, UnicodeError) as exc:
        where = getattr(exc, "filename", None)
        reason = getattr(exc, "strerror", None) or str(exc)
        print(f"{PROG}: {where}: {reason}" if where else f"{PROG}: {reason}", file=sys.stderr)
    except KeyError as exc:
        print(f"{PROG}: {exc.args[0] if exc.args else exc}", file=sys.stderr)
    except ValueError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in one line rather than a traceback
        if os.environ.get("GLOSSARY_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (set GLOSSARY_DEBUG=1 for the traceback)",
              file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
