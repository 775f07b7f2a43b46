"""Opening a list file: what kind it is, and its rows as (row number, cells)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from .cells import Cell
from .errors import ReadError
from .text_file import csv_rows
from .xlsx_file import XlsxSheet

#: Largest file checked: 50 MB (about a million rows of a typical list).
MAX_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # old .xls (and other Office 97-2003 files)
_SNIFF_BYTES = 4096

Rows = Iterator[tuple[int, list[Cell]]]


def too_large(size: int) -> ReadError:
    """The ReadError for a file over MAX_BYTES."""
    return ReadError(
        "too_large", size_mb=round(size / 1024 / 1024, 1), max_mb=MAX_BYTES // 1024 // 1024
    )


def file_kind(head: bytes) -> str:
    """``xlsx`` or ``csv``; ReadError when the first bytes show another kind of file."""
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE):
        raise ReadError("old_xls")
    if not head.strip():
        raise ReadError("empty")
    if b"\x00" in head or head.startswith(b"%PDF"):
        raise ReadError("not_table")
    return "csv"


@dataclass
class OpenList:
    """An opened list: its rows, and for ``.xlsx`` the sheet (merged ranges after reading)."""

    kind: str
    rows: Rows
    sheet: XlsxSheet | None
    fraction: Callable[[int], float | None]


@contextmanager
def open_list(path: str | os.PathLike[str]) -> Iterator[OpenList]:
    """Open a CSV or ``.xlsx`` file by its content (not its name); ReadError if neither."""
    try:
        size = os.path.getsize(path)
        stream: BinaryIO = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError:
        raise ReadError("not_found", path=os.fspath(path)) from None
    sheet = None
    try:
        if size > MAX_BYTES:
            raise too_large(size)
        kind = file_kind(stream.read(_SNIFF_BYTES))
        stream.seek(0)
        if kind == "xlsx":
            sheet = XlsxSheet(stream)
            max_row = sheet.max_row()
            yield OpenList(
                kind, sheet.rows(), sheet, lambda row: row / max_row if max_row else None
            )
        else:
            yield OpenList(kind, csv_rows(stream), None, lambda _row: stream.tell() / size)
    finally:
        if sheet is not None:
            sheet.close()
        stream.close()
