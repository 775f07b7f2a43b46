"""Checking a whole list: find the header, check each row, then the duplicates."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .cells import Formula, as_text
from .checks import ListCheck
from .errors import ReadError
from .headers import HEADER_SEARCH_ROWS, match_header, not_found_error
from .reading import Rows, open_list
from .report import problem_dicts

#: How often (in rows) ``progress`` is called.
PROGRESS_EVERY = 2000

Progress = Callable[[int, float | None], None]


def check_file(
    path: str | os.PathLike[str],
    lang: str = "id",
    columns: Mapping[str, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Check every row of a CSV or ``.xlsx`` list; raise ReadError when it cannot be read.

    ``columns`` maps fields to header names that override the built-in ones.
    Returns ``{"rows", "columns", "problems", "warnings"}`` (see the README).
    """
    chosen = dict(columns or {})
    today = today or date.today()
    with open_list(path) as opened:
        header_row, header, mapping = _find_header(opened.rows, chosen)
        check = ListCheck(mapping, today)
        rows = 0
        for number, cells in opened.rows:
            if not any(map(_filled, cells)):
                continue
            _refuse_formulas(number, cells, mapping, header)
            rows += 1
            check.check_row(number, cells)
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress(rows, opened.fraction(number))
        if opened.sheet is not None:
            _refuse_merged_header(header_row, opened.sheet.merged)
    if rows == 0:
        raise ReadError("no_rows", row=header_row)
    check.add_duplicates()
    if progress is not None:
        progress(rows, 1.0)
    return {
        "rows": rows,
        "columns": {field: header[index] for field, index in mapping.items()},
        "problems": problem_dicts(check.sorted_problems(), lang),
        "warnings": problem_dicts(check.warnings, lang),
    }


def _filled(cell: object) -> bool:
    """Whether a cell holds anything (spaces alone do not count)."""
    return bool(cell.strip()) if isinstance(cell, str) else cell is not None


def _find_header(rows: Rows, chosen: dict[str, str]) -> tuple[int, list[str], dict[str, int]]:
    """(row number, header texts, {field: column}) of the header row."""
    seen_content = False
    for number, cells in rows:
        texts = [as_text(cell) for cell in cells]
        seen_content = seen_content or any(texts)
        mapping = match_header(texts, chosen)
        if mapping is not None:
            return number, texts, mapping
        if number >= HEADER_SEARCH_ROWS:
            break
    raise not_found_error(chosen) if seen_content else ReadError("empty")


def _refuse_formulas(
    number: int, cells: list[Any], mapping: dict[str, int], header: list[str]
) -> None:
    for _field, index in mapping.items():
        if index < len(cells) and isinstance(cells[index], Formula):
            raise ReadError(
                "formula", cell=f"{_column_letter(index)}{number}", column=header[index]
            )


def _refuse_merged_header(header_row: int, merged: list[tuple[int, int, int, int]]) -> None:
    for min_col, min_row, max_col, max_row in merged:
        if min_row <= header_row <= max_row:
            cells = f"{_column_letter(min_col - 1)}{min_row}:{_column_letter(max_col - 1)}{max_row}"
            raise ReadError("merged_header", cells=cells)


def _column_letter(index: int) -> str:
    """``A`` for column index 0, ``AA`` for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
