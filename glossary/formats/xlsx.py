"""Excel sheets (``.xlsx``): the first sheet, a header row, one term per row.

The header names the columns as in the CSV table, or by language tags
(``zh-CN``, ``zh-TW``, ``en-US``: :func:`glossary.table.column_name`); other
columns are kept. Read with python-calamine (fast) or, failing it, openpyxl;
written with openpyxl (the ``xlsx`` extra: ``pip install 'zhen-glossary[xlsx]'``).
Errors name the spreadsheet row.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator, Sequence
from typing import IO, Any

from ..errors import GlossaryError, Problem
from ..model import Term
from ..table import terms_from_rows

__all__ = ["read", "write"]

_INSTALL = "pip install 'zhen-glossary[xlsx]'"


def _cell(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _rows(data: bytes, name: str) -> Iterator[list[Any]]:
    python_calamine: Any
    try:
        import python_calamine
    except ImportError:
        python_calamine = None
    if python_calamine is not None:
        try:
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheet = book.get_sheet_by_index(0)
            yield from sheet.iter_rows()
            return
        except (ValueError, OSError, RuntimeError, python_calamine.CalamineError) as exc:
            raise GlossaryError(Problem(name, 0, f"cannot read the spreadsheet: {exc}".split("\n")[0],
                                        "save it again as an Excel workbook (.xlsx)")) from None
    try:
        import openpyxl
    except ImportError:
        raise GlossaryError(Problem(name, 0, "reading .xlsx files needs python-calamine or openpyxl",
                                    f"install them: {_INSTALL}")) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors
        raise GlossaryError(Problem(name, 0, f"cannot read the spreadsheet: {exc}".split("\n")[0])) from None
    for row in book.worksheets[0].iter_rows(values_only=True):
        yield list(row)


def read(data: bytes, name: str, *, group: bool = False, **_: object) -> list[Term]:
    """Terms from the first sheet of a workbook; rows are numbered as the spreadsheet shows them."""
    rows = _rows(data, name)
    for number, row in enumerate(rows, start=1):
        header = [_cell(v).strip() for v in row]
        if any(header):
            break
    else:
        raise GlossaryError(Problem(name, 0, "empty sheet: no header row", "the first row names the columns, e.g. zh,en"))
    while header and not header[-1]:
        header.pop()
    width = len(header)

    def body() -> Iterator[tuple[int, list[str]]]:
        for n, row in enumerate(rows, start=number + 1):
            cells = [v if type(v) is str else _cell(v) for v in row[:width]]
            cells += [""] * (width - len(cells))
            yield n, cells

    return terms_from_rows(header, body(), name, header_line=number, group=group)


def write(terms: Sequence[Term], out: IO[bytes], *, name: str | None = None, **_: object) -> None:
    """One sheet: the table's columns, then the extra ones; a row per term."""
    try:
        import openpyxl
    except ImportError:
        raise GlossaryError(Problem(name or "<glossary>", 0, "writing .xlsx files needs openpyxl",
                                    f"install it: {_INSTALL}")) from None
    import csv

    from .csv import write as write_csv

    text = io.StringIO()
    write_csv(terms, text)  # the same columns as the CSV table, extra ones last
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("terms")
    from openpyxl.cell import WriteOnlyCell

    for row in csv.reader(io.StringIO(text.getvalue())):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    book.save(out)
