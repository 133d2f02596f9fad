"""The ``glossary`` command and its subcommands (one module per group, listed in ``COMMANDS``).

``main(argv=None) -> int`` parses the arguments, runs one subcommand and
returns the exit status, so tests can call it directly. Exit statuses:
0 nothing to report at the failing level, 1 findings (or table problems for
``validate``, no match for ``lookup``), 2 usage, configuration, glossary or
input errors. Errors go to stderr as one line each, never as a traceback.
docs/cli.md documents every option.

Each module of this package holds some subcommands, their options (its
``register``) and their work; this one assembles the parser and runs one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from ..errors import GlossaryError
from . import check_cmd, common, convert_cmd, lookup_cmd, lsp_cmd, score_cmd, table_cmd
from .common import PROG, UsageError

__all__ = ["main"]

#: The modules whose subcommands make up the command, in the order of ``--help``.
COMMANDS = (check_cmd, table_cmd, convert_cmd, lookup_cmd, score_cmd, lsp_cmd)


def _parser() -> argparse.ArgumentParser:
    from .. import __version__

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
    glossary_opt.add_argument("--no-cache", action="store_true",
                              help="read the table itself, not its compiled copy in the user's cache folder")
    for module in COMMANDS:
        module.register(sub, glossary_opt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``glossary`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version (0) and usage errors (2)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    func: Callable[[argparse.Namespace], int] = args.func
    common.USE_CACHE = not getattr(args, "no_cache", False)
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
