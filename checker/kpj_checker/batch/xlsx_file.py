"""Reading the first sheet of an ``.xlsx`` file with openpyxl, one row at a time.

openpyxl is an optional dependency (``pip install kpj-checker[xlsx]``); the
rest of the checker needs only the standard library. The sheet is streamed with
openpyxl's read-only parser, so a large file is never held in memory whole.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from .cells import Cell, Formula
from .errors import ReadError


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ReadError("xlsx_unavailable") from None
    return openpyxl


class XlsxSheet:
    """The rows of a workbook's active sheet, and its merged ranges once read."""

    def __init__(self, stream: BinaryIO) -> None:
        openpyxl = _openpyxl()
        from openpyxl.worksheet._reader import WorkSheetParser

        try:
            self._book = openpyxl.load_workbook(stream, read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
            raise ReadError("xlsx_broken") from None
        self._sheet = self._book.active
        self._parser_class = WorkSheetParser
        self.merged: list[tuple[int, int, int, int]] = []

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) for each row that has cells; merged ranges are known after."""
        sheet = self._sheet
        with sheet._get_source() as source:
            parser = self._parser_class(
                source,
                sheet._shared_strings,
                data_only=False,
                epoch=self._book.epoch,
                date_formats=self._book._date_formats,
                timedelta_formats=self._book._timedelta_formats,
            )
            for number, cells in parser.parse():
                yield number, _values(cells)
            merged = parser.merged_cells
        if merged is not None:
            self.merged = [r.bounds for r in merged.mergeCell]  # (min_col, min_row, ...)

    def max_row(self) -> int | None:
        """The last row the sheet says it uses (None when the file does not say)."""
        return self._sheet.max_row

    def close(self) -> None:
        self._book.close()


def _values(cells: list[dict[str, Any]]) -> list[Cell]:
    row: list[Cell] = []
    for cell in cells:
        column = cell["column"]
        row.extend([None] * (column - 1 - len(row)))
        value = cell["value"]
        if cell["data_type"] == "f":
            value = Formula(str(getattr(value, "text", value)))
        elif cell["data_type"] == "e":
            value = str(value)
        row.append(value)
    return row
