"""``glossary validate`` and ``glossary export``: the table itself."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import GlossaryError
from .common import UsageError, glossary_path, load, write
from .common import config as cli_config


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the parser."""
    p = sub.add_parser("validate", help="validate a term table",
                       description="Load a term table and report its errors and warnings.")
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="table to validate (default: [tool.glossary] glossary, else the bundled table)")
    p.add_argument("--strict", action="store_true",
                   help="also fail on rows without a source, person pinyin that differs from romanize without a "
                        "'pinyin:' note, and English shared by two rows (see glossary.table_lint)")
    p.set_defaults(func=_cmd_validate)

    from ..exports import DIRECTIONS, EXPORTS
    p = sub.add_parser("export", parents=[glossary_opt], help="export the glossary for other tools",
                       description="Write the glossary as CSV, TBX, XLSX, JSON, Markdown or a translation service's "
                                   "glossary.")
    p.add_argument("--format", choices=EXPORTS, default="csv", help="export format (xlsx needs -o)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically); - or none: stdout")
    p.add_argument("--force", action="store_true", help="allow overwriting the glossary file being read")
    p.add_argument("--safe", action=argparse.BooleanOptionalAction, default=False,
                   help="prefix cells that start with = + - @, a tab or a CR with an apostrophe, so that spreadsheets "
                        "do not run them as formulas (csv, deepl, google, amazon; default off)")
    p.add_argument("--direction", choices=DIRECTIONS, default="zh-en", help="source→target for deepl and amazon")
    p.set_defaults(func=_cmd_export)


# -- validate --------------------------------------------------------------------------------------

def _cmd_validate(args: argparse.Namespace) -> int:
    from ..index import default_path
    from ..table import check_terms, read_table

    path = args.path or glossary_path(None, cli_config()) or str(default_path())
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
    if args.strict:
        from ..table_lint import lint_terms

        errors = lint_terms(terms, path)
        reported = {str(p) for p in errors}
        warnings = sorted(errors + [w for w in warnings if str(w) not in reported], key=lambda p: p.line)
    for problem in warnings:
        print(problem)
    if warnings:
        what = "problem" if args.strict else "warning"
        print(f"{path}: {len(terms)} terms, {len(warnings)} {what}{'s' if len(warnings) != 1 else ''}.",
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
    from ..exports import export

    config = cli_config()
    g = load(glossary_path(args.glossary, config))
    if args.output == "-":
        args.output = None
    if args.output and _same_file(args.output, g.path) and not args.force:
        raise UsageError(f"{args.output} is the glossary being exported; use --force to overwrite it")
    if args.format == "xlsx" and not args.output:
        raise UsageError("xlsx is a binary format: write it to a file with -o FILE")
    if args.output:
        export(g, args.output, format=args.format, safe=args.safe, direction=args.direction)
    else:
        buffer = io.StringIO()
        export(g, buffer, format=args.format, safe=args.safe, direction=args.direction)
        write(sys.stdout, buffer.getvalue())
    return 0


