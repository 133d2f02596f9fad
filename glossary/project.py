"""A project's term table and settings, as a long-running tool sees them.

:class:`Project` finds the table of a workspace (an explicit path, else
``[tool.glossary]`` of its pyproject.toml, else the bundled table), loads it,
and loads it again when the file changes; it also says which rules run on a
file (``select``/``ignore``, ``exclude``, ``per-file-ignores``).
:func:`add_row` appends a row to the table in place, atomically. The language
server (:mod:`glossary.lsp`) is built on both.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from .atomic import atomic_writer
from .config import is_excluded
from .errors import GlossaryError, Problem
from .index import Glossary, load
from .model import Term
from .normalize import zh_key
from .table import COLUMNS, read_table, write_csv

__all__ = ["Project", "add_row"]


class Project:
    """The glossary a workspace uses, reloaded when its table file changes.

    ``table`` is the project's table (None: the bundled one); ``error`` the
    last reload's problem, if any (the previous glossary is kept meanwhile).
    """

    def __init__(self, root: Path | None, glossary: str | None = None) -> None:
        from .config import Config, load_config
        from .rules import select_rules

        self.root = root
        self.error: str | None = None
        try:
            config = load_config(root) if root is not None else Config()
        except GlossaryError as exc:
            config, self.error = Config(), str(exc)
        if glossary:
            path: Path | None = Path(glossary) if Path(glossary).is_absolute() or root is None else root / glossary
        else:
            path = config.glossary
        self.table = path
        self.config = config
        self.config_path = config.path
        self.rules = select_rules(config.select or None, config.ignore or None)
        self._mtime: int | None = None
        self.glossary: Glossary | None = None
        if not self.reload():
            self.glossary = load()  # the bundled table until the project's loads

    def _stamp(self) -> int | None:
        try:
            return os.stat(self.table).st_mtime_ns if self.table is not None else None
        except OSError:
            return None

    def reload(self) -> bool:
        """Load the table again; False (and ``error`` set) when it does not load."""
        self._mtime = self._stamp()
        if self.table is None:
            self.glossary = load()
            return True
        try:
            self.glossary = load(self.table)
        except (GlossaryError, OSError) as exc:
            self.error = str(exc)
            return False
        self.error = None
        return True

    def rules_for(self, path: str) -> frozenset[str] | None:
        """The rules to run on the file at ``path``: the project's less its per-file ignores;
        None for a file that ``exclude`` leaves out (as ``glossary check`` does)."""
        if not path:
            return self.rules
        if is_excluded(Path(path), self.config.exclude, self.config.root):
            return None
        rules = self.rules
        for pattern, ignored in self.config.per_file_ignores:
            if is_excluded(Path(path), [pattern], self.config.root):
                rules = rules - ignored
        return rules

    def current(self) -> Glossary:
        """The glossary, reloaded first if its file changed since it was read."""
        if self.table is not None and self._stamp() != self._mtime:
            self.reload()
        assert self.glossary is not None
        return self.glossary


def _header(text: str, name: str) -> list[str]:
    for row in csv.reader(io.StringIO(text, newline="")):
        if len(row) <= 2 and re.fullmatch(r"sep=.", ",".join(row).strip()):
            continue
        if any(cell.strip() for cell in row):
            return [cell.strip().lower() for cell in row]
    raise GlossaryError(Problem(name, 0, "the table has no header row"))


def add_row(table: str | os.PathLike[str], row: Term) -> Term:
    """Append ``row`` to the CSV table at ``table``, atomically; return the row as written.

    The row is written by :func:`glossary.table.write_csv`, then laid out in
    the file's own columns; the rest of the file is kept byte for byte. Its id
    is made unique. The new table is validated before it replaces the old one,
    so a row that would break it is never written. A Chinese name already in
    the table is an error.
    """
    from dataclasses import replace

    name = os.fspath(table)
    terms = read_table(table)  # the table as it is now must load
    known = next((t for t in terms if any(zh_key(row.zh) == zh_key(form) for form in t.zh_forms)), None)
    if known is not None:
        raise GlossaryError(Problem(name, known.line, f"{row.zh} is already in the table ({known.zh}, {known.en})"))
    ids = {t.id for t in terms}
    new_id, n = row.id, 2
    while new_id in ids:
        new_id, n = f"{row.id}-{n}", n + 1
    row = replace(row, id=new_id)
    text = Path(table).read_bytes().decode("utf-8")
    canonical = io.StringIO()
    write_csv([row], canonical)
    cells = dict(zip(COLUMNS, list(csv.reader(io.StringIO(canonical.getvalue())))[1]))
    newline = "\r\n" if "\r\n" in text else "\n"
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow([cells.get(h, "") for h in _header(text, name)])
    new_text = text + ("" if not text or text.endswith(("\n", "\r")) else newline) + out.getvalue()
    read_table(io.StringIO(new_text), name=name)  # never write a table that does not load
    with atomic_writer(table) as fh:
        fh.write(new_text)
    return row
