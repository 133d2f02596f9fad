"""A project's term table and settings, as a long-running tool sees them.

:class:`Project` finds the table of a workspace (an explicit path, else
``[tool.glossary]`` of its pyproject.toml, else the bundled table), loads it,
and loads it again when the file changes; it also says which rules run on a
file (``select``/``ignore``, ``exclude``, ``per-file-ignores``).
:func:`add_row` appends a row to the table in place, atomically;
:func:`term_cells` and :func:`term_from_cells` turn a row into its columns
and back (how the language server passes a row to its client). The language
server (:mod:`glossary.lsp`) is built on them.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path

from .atomic import atomic_writer
from .config import is_excluded
from .errors import GlossaryError, Problem
from .index import Glossary, load
from .model import Term
from .normalize import zh_key
from .table import COLUMNS, read_table, write_csv

__all__ = ["Project", "add_row", "term_cells", "term_from_cells"]


class Project:
    """The glossary a workspace uses, reloaded when its table file changes.

    ``table`` is the project's table (None: the bundled one); ``error`` the
    last reload's problem, if any (the previous glossary is kept meanwhile).
    """

    def __init__(self, root: Path | None, glossary: str | None = None) -> None:
        from .config import Config, load_config
        from .rules import select_rules

        self.root = root
        #: A settings problem (pyproject.toml), kept while the table reloads.
        self.config_error: str | None = None
        try:
            config = load_config(root) if root is not None else Config()
        except GlossaryError as exc:
            config, self.config_error = Config(), str(exc)
        self.error: str | None = self.config_error
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
        self.error = self.config_error
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


def term_cells(term: Term) -> dict[str, str]:
    """Every column of ``term`` as the canonical table writes it (lists joined by ``|``, flags as true/false).

    >>> cells = term_cells(Term(id="zhao", zh="赵明远", en="Zhao Mingyuan", note="ref: Xinhua"))
    >>> cells["en"], cells["note"], cells["aliases"], cells["verbatim"]
    ('Zhao Mingyuan', 'ref: Xinhua', '', 'false')
    """
    out = io.StringIO()
    write_csv([term], out)
    return dict(zip(COLUMNS, list(csv.reader(io.StringIO(out.getvalue())))[1]))


def term_from_cells(cells: Mapping[str, object], name: str = "<row>") -> Term:
    """The row whose columns are ``cells`` (as :func:`term_cells` gives them), read
    and validated as a table row is: a bad cell or a misspelt column is a
    GlossaryError naming ``name``; a column of the user's own is kept in ``extra``. Columns left out or empty take the table's
    defaults (an id made from ``en``, computed pinyin).

    >>> term_from_cells({"zh": "赵明远", "en": "Zhao Mingyuan", "note": "ref: Xinhua"})
    Term(id='zhao-mingyuan', zh='赵明远', en='Zhao Mingyuan', zh_variants=(), aliases=(), variants=(), \
forbidden=(), derived=(), pinyin='Zhào Míngyuǎn', romanization='pinyin', category='', ambiguous=False, \
note='ref: Xinhua', source='', series='', case_sensitive=False, verbatim=False, extra=())
    """
    def text(value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)

    given = {str(k): text(v) for k, v in cells.items() if text(v).strip()}
    order = [c for c in COLUMNS if c in given] + sorted(set(given) - set(COLUMNS))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(order)
    writer.writerow([given[c] for c in order])
    (term,) = read_table(io.StringIO(out.getvalue()), name=name)
    return term


def _header(text: str, name: str) -> tuple[int, list[str]]:
    """The 0-based physical line of the header row and its column names."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    start = 0
    for row in reader:
        if len(row) <= 2 and re.fullmatch(r"sep=.", ",".join(row).strip()):
            pass
        elif any(cell.strip() for cell in row):
            return start, [cell.strip().lower() for cell in row]
        start = reader.line_num
    raise GlossaryError(Problem(name, 0, "the table has no header row"))


def _widen(text: str, header_line: int, columns: list[str]) -> str:
    """``text`` with ``columns`` added at the end of the header row and an empty cell for each
    at the end of every record below it (the rest of each line as it was)."""
    lines = io.StringIO(text, newline="").readlines()
    ends = []
    reader = csv.reader(lines)
    for row in reader:
        if reader.line_num > header_line + 1 and row:
            ends.append(reader.line_num - 1)
    def widened(i: int, cells: str) -> None:
        body = lines[i].rstrip("\r\n")
        lines[i] = body + cells + lines[i][len(body):]

    widened(header_line, "," + ",".join(columns))
    for i in ends:
        widened(i, "," * len(columns))
    return "".join(lines)


def add_row(table: str | os.PathLike[str], row: Term) -> Term:
    """Append ``row`` to the CSV table at ``table``, atomically; return the row as written.

    The row is written by :func:`glossary.table.write_csv`, then laid out in
    the file's own columns; the rest of the file is kept byte for byte
    (a byte-order mark too). A cell the row fills in a column the file lacks
    (a note, say) is not dropped: the column is added at the end of the header
    and every row gets an empty cell for it. Its id is made unique. The new
    table is validated before it replaces the old one, so a row that would
    break it is never written. A Chinese name already in the table is an error.
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
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # read_table reads past it; so must the header
    body = text[len(bom):]
    cells = term_cells(row)
    expected = term_from_cells(cells, name)
    newline = "\r\n" if "\r\n" in body else "\n"
    if body and not body.endswith(("\n", "\r")):
        body += newline
    header_line, header = _header(body, name)
    for _ in range(2):
        out = io.StringIO()
        csv.writer(out, lineterminator=newline).writerow([cells.get(h, "") for h in header])
        new_text = bom + body + out.getvalue()
        written = read_table(io.StringIO(new_text), name=name)[-1]  # never write a table that does not load
        lost = [c for c in COLUMNS if c not in header and c != "id"  # a table without ids makes them
                and getattr(written, c) != getattr(expected, c)]
        if not lost:
            break
        if header and not header[-1]:
            raise GlossaryError(Problem(name, header_line + 1, f"the table has no column for the row's "
                                        f"{', '.join(lost)}, and its header ends in empty columns",
                                        f"delete the empty columns, or add {', '.join(lost)} to the header"))
        body = _widen(body, header_line, lost)
        header += lost
    else:
        raise GlossaryError(Problem(name, header_line + 1, f"the row's {', '.join(lost)} cannot be written in "
                                                           "the table's columns"))
    with atomic_writer(table) as fh:
        fh.write(new_text)
    return written
