"""The ``[tool.glossary]`` table of the nearest pyproject.toml.

Searched for upward from a starting folder (the current directory for the
CLI). Keys:

``glossary``
    path of the term table, relative to the pyproject.toml that names it;
``select``, ``ignore``
    rule names or code prefixes (a list, or one comma-separated string);
``exclude``
    glob patterns of files that ``glossary check`` skips, matched against
    paths relative to the pyproject.toml's folder and against file names;
``fail-on``, ``min-severity``
    defaults for the options of the same names;
``per-file-ignores``
    a table of glob pattern → rules (codes, prefixes or names) that do not run
    on the files it matches, as ruff's: ``"quotes/*.md" = ["GL201"]``; patterns
    match like ``exclude``'s.

Command-line options override every key. :func:`is_excluded` is the one
matching of ``exclude`` and ``per-file-ignores`` patterns, used by
``glossary check`` and the language server alike. Patterns are globs with
gitignore's and ruff's meaning of the wildcards (:func:`glob_regex`): ``*``
and ``?`` never cross ``/``, ``**`` matches any number of folders, none
included (``docs/**/*.txt`` matches ``docs/b.txt``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import GlossaryError, Problem
from .model import SEVERITIES

__all__ = ["Config", "find_pyproject", "glob_regex", "is_excluded", "load_config"]

_KEYS = ("glossary", "select", "ignore", "exclude", "fail-on", "min-severity", "per-file-ignores")


@dataclass(frozen=True)
class Config:
    """Settings read from ``[tool.glossary]``; ``path`` is the pyproject.toml (None: no file)."""

    path: Path | None = None
    glossary: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    min_severity: str | None = None
    #: (glob pattern, rule names) pairs from ``per-file-ignores``, in file order.
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def root(self) -> Path | None:
        """The folder of the pyproject.toml."""
        return self.path.parent if self.path else None


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over ``/``-separated paths: ``*`` and ``?`` stay within one path
    segment, ``**/`` is zero or more folders, a trailing ``/**`` everything below, ``[...]`` a set
    (``[!...]`` its complement).

    >>> [bool(glob_regex("docs/**/*.txt").fullmatch(p)) for p in ("docs/b.txt", "docs/a/b/c.txt", "x/docs/b.txt")]
    [True, True, False]
    >>> bool(glob_regex("docs/*.md").fullmatch("docs/a/b.md")), bool(glob_regex("**/*.md").fullmatch("a.md"))
    (False, True)
    """
    return _glob_regex(pattern)


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**", i):
            before_ok = i == 0 or pattern[i - 1] == "/"
            if before_ok and pattern.startswith("**/", i):
                out.append("(?:[^/]*/)*")
                i += 3
                continue
            if before_ok and i + 2 == n:
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")  # ** inside a name (a**b) is a plain *
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pattern.find("]", i + 2)
            if j < 0:
                out.append(re.escape(c))
                i += 1
                continue
            body = pattern[i + 1:j]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("(?!/)[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out), re.S)


def is_excluded(path: str | Path, patterns: Sequence[str], root: Path | None = None) -> bool:
    """Whether a glob pattern matches ``path``: as given, relative to ``root``
    (None: the current folder), a folder above it, or its file name.

    >>> is_excluded("docs/drafts/a.md", ["docs/drafts"]), is_excluded("a/b.md", ["*.md"]), is_excluded("a.txt", ["*.md"])
    (True, True, False)
    """
    if not patterns:
        return False
    path = Path(path)
    paths = [path]
    try:
        paths.append(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        pass
    candidates = {path.name}
    for p in paths:
        candidates.add(p.as_posix())
        candidates.update(parent.as_posix() for parent in p.parents if parent.as_posix() not in (".", "/"))
    return any(glob_regex(pat).fullmatch(c) for c in candidates for pat in patterns)


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest pyproject.toml in ``start`` or a folder above it, or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _toml_load(data: bytes) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib.loads(data.decode("utf-8"))


def _names(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise GlossaryError(Problem(str(path), 0, f"[tool.glossary] {key} must be a list of strings"))


def _per_file_ignores(value: Any, path: Path) -> tuple[tuple[str, frozenset[str]], ...]:
    from .rules import select_rules

    if not isinstance(value, dict):
        raise GlossaryError(Problem(str(path), 0, "[tool.glossary] per-file-ignores must be a table of pattern = rules"))
    out = []
    for pattern, keys in value.items():
        names = _names(keys, f"per-file-ignores {pattern!r}", path)
        try:
            rules = select_rules(names) if names else frozenset()
        except KeyError as exc:
            raise GlossaryError(Problem(str(path), 0, f"[tool.glossary] per-file-ignores {pattern!r}: {exc.args[0]}",
                                        "see 'glossary rule' for the list")) from None
        out.append((pattern, rules))
    return tuple(out)


def load_config(start: str | Path | None = None) -> Config:
    """The ``[tool.glossary]`` settings that apply in ``start``; an empty Config if none.

    A pyproject.toml without the table counts as none. Raises GlossaryError
    for a file that is not TOML or a table with unknown keys or bad values.
    """
    path = find_pyproject(start)
    if path is None:
        return Config()
    try:
        data = _toml_load(path.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GlossaryError(Problem(str(path), 0, f"cannot read pyproject.toml: {exc}")) from None
    table = data.get("tool", {}).get("glossary")
    if table is None:
        return Config()
    if not isinstance(table, dict):
        raise GlossaryError(Problem(str(path), 0, "[tool.glossary] must be a table"))
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise GlossaryError(
            Problem(str(path), 0, f"unknown key {', '.join(map(repr, unknown))} in [tool.glossary]",
                    f"the keys are {', '.join(_KEYS)}")
        )
    glossary = table.get("glossary")
    if glossary is not None and not isinstance(glossary, str):
        raise GlossaryError(Problem(str(path), 0, "[tool.glossary] glossary must be a path string"))
    levels = {}
    for key in ("fail-on", "min-severity"):
        value = table.get(key)
        if value is not None and value not in SEVERITIES:
            raise GlossaryError(Problem(str(path), 0, f"[tool.glossary] {key} must be one of {', '.join(SEVERITIES)}"))
        levels[key] = value
    return Config(
        path=path,
        glossary=(path.parent / glossary) if glossary else None,
        select=_names(table.get("select", []), "select", path),
        ignore=_names(table.get("ignore", []), "ignore", path),
        exclude=_names(table.get("exclude", []), "exclude", path),
        fail_on=levels["fail-on"],
        min_severity=levels["min-severity"],
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), path),
    )
