"""``glossary convert IN OUT``: a term table from any format it reads to any format it writes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import UsageError, write


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add this module's subcommand to the parser."""
    from ..formats import READABLE, WRITABLE
    from ..formats._service import DIRECTIONS

    p = sub.add_parser("convert", help="convert a term table between formats",
                       description="Read a term table (CSV, TBX, XLSX, a DeepL, Google or Amazon glossary, a JSON "
                                   "term list or dictionary), validate it and write it in another format. The formats "
                                   "are chosen by the file names and contents unless given.")
    p.add_argument("input", metavar="IN", help="the table to read")
    p.add_argument("output", metavar="OUT", help="the file to write (atomically); - for stdout (needs --to)")
    p.add_argument("--from", dest="source_format", choices=READABLE, help="format of IN (default: guessed)")
    p.add_argument("--to", dest="target_format", choices=WRITABLE, help="format of OUT (default: from its name)")
    p.add_argument("--group", action="store_true",
                   help="merge rows with the same Chinese into one term (other tools' tables with a row per synonym)")
    p.add_argument("--direction", choices=DIRECTIONS, default="zh-en", help="source→target for deepl and amazon")
    p.add_argument("--safe", action=argparse.BooleanOptionalAction, default=False,
                   help="prefix spreadsheet cells that would run as formulas with an apostrophe (CSV formats)")
    p.add_argument("--force", action="store_true", help="allow OUT to be IN")
    p.set_defaults(func=_cmd_convert)


def _cmd_convert(args: argparse.Namespace) -> int:
    from ..atomic import atomic_writer
    from ..exports import CSV_FORMATS
    from ..formats import detect, read_terms, render
    from .table_cmd import _same_file

    source = Path(args.input)
    if not source.is_file():
        raise UsageError(f"{args.input}: no such file" if not source.exists() else f"{args.input}: not a regular file")
    to_stdout = args.output == "-"
    if to_stdout and not args.target_format:
        raise UsageError("writing to stdout needs --to FORMAT")
    target_format = args.target_format or detect(args.output)
    if args.safe and target_format not in CSV_FORMATS:
        raise UsageError(f"--safe applies to the CSV formats ({', '.join(CSV_FORMATS)}), not {target_format}")
    if not to_stdout and _same_file(args.output, args.input) and not args.force:
        raise UsageError(f"{args.output} is the file being converted; use --force to overwrite it")
    terms = read_terms(source, format=args.source_format, group=args.group)
    data = render(terms, format=target_format, name=args.output if not to_stdout else str(source), safe=args.safe,
                  direction=args.direction)
    if to_stdout:
        if target_format == "xlsx":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write(sys.stdout, data.decode("utf-8"))
        return 0
    with atomic_writer(args.output) as fh:
        if target_format == "xlsx":
            fh.flush()
            fh.buffer.write(data)
        else:
            fh.write(data.decode("utf-8"))
    print(f"{args.output}: {len(terms)} term{'' if len(terms) == 1 else 's'} written as {target_format}.", file=sys.stderr)
    return 0
