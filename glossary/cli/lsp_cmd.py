"""``glossary lsp``: run the language server (:mod:`glossary.lsp`) over stdio."""

from __future__ import annotations

import argparse
from typing import Any

from .common import UsageError

__all__ = ["register"]


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add this module's subcommand to the parser."""
    p = sub.add_parser("lsp", parents=[glossary_opt], help="run the language server (LSP over stdio)",
                       description="Speak the Language Server Protocol on stdin and stdout, for editors; "
                                   "see docs/editors.md.")
    p.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the default and only way)")
    p.set_defaults(func=_cmd_lsp)


def _cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from ..lsp import serve
    except ImportError as exc:
        if exc.name not in ("pygls", "lsprotocol") and not str(exc.name).startswith(("pygls.", "lsprotocol.")):
            raise
        raise UsageError("the language server needs pygls: pip install 'zhen-glossary[lsp]'") from None
    serve(args.glossary)
    return 0
