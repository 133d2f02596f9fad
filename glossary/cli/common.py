"""What every subcommand shares: the program name, usage errors, configuration, loading and writing."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from ..model import SEVERITIES
from ..normalize import is_chinese_text as is_chinese_text  # the subcommands import it from here

PROG = "glossary"
#: Whether tables are read through the compiled cache (:mod:`glossary.compiled`); ``--no-cache`` clears it.
USE_CACHE = True
RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error 0, warning 1, info 2


class UsageError(Exception):
    """A problem with the command line or configuration: exit 2."""


def names(value: str) -> list[str]:
    """A comma-separated option value as a list."""
    return [v.strip() for v in value.split(",") if v.strip()]


def config(no_config: bool = False) -> Any:
    """The ``[tool.glossary]`` configuration of the working folder (empty with ``no_config``)."""
    from ..config import Config, load_config

    return Config() if no_config else load_config(Path.cwd())


def glossary_path(arg: str | None, cfg: Any) -> str | None:
    """The table to use: the option, else the configuration's, else None (the bundled table)."""
    if arg:
        return arg
    if cfg.glossary is not None:
        return str(cfg.glossary)
    return None


def load(path: str | None) -> Any:
    """The glossary at ``path`` (None: the bundled one), through the compiled cache unless ``--no-cache``;
    a missing path is a usage error."""
    from ..index import default_glossary

    if path is None:
        return default_glossary()
    if not Path(path).exists():
        raise UsageError(f"{path}: no such file")
    if not Path(path).is_file():
        raise UsageError(f"{path}: not a regular file")
    import gc

    from ..compiled import load as load_compiled

    g = load_compiled(path, cache=USE_CACHE)
    gc.freeze()  # a one-shot process: the collector need never rescan the table's objects
    return g


def write(out: TextIO, text: str) -> None:
    """Write and flush (so that a closed pipe shows here, where main() handles it)."""
    out.write(text)
    out.flush()
