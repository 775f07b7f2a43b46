"""The checks on one row, with the single checker's parsers, and duplicate tracking.

The codes are the single checker's (``too_short``, ``unknown_province``,
``conflicts_with_nik``...), plus ``excel_number`` and ``duplicate``. Warnings are the
single checker's too (``region_not_in_current_list``, from :func:`~kpj_checker.nik.check_nik`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..kpj import parse_kpj
from ..model import FieldError, Msg, NikInfo
from ..nik import check_nik, conflicts
from ..normalise import read_digits
from .birth_dates import read_birth_date
from .cells import Cell, as_text, exact_number, number_text, read_sex
from .headers import FIELDS

#: Rows named in a duplicate message before "and N more".
SHOWN_ROWS = 5


@dataclass(frozen=True)
class Problem:
    """One finding on one row: ``message`` is a Msg rendered at the very end."""

    row: int
    field: str
    code: str
    message: Msg


@dataclass
class ListCheck:
    """Checks rows one by one and remembers NIKs and KPJs to find duplicates."""

    columns: dict[str, int]
    today: date
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows_with_number: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: {"nik": {}, "kpj": {}}
    )

    def cell(self, cells: list[Cell], name: str) -> Cell:
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def add(self, row: int, error: FieldError, value: str) -> None:
        params = (*error.message.params, ("value", value))
        key = f"batch.problem.{error.field}.{error.code}"
        self.problems.append(Problem(row, error.field, error.code, Msg(key, params)))

    def check_row(self, row: int, cells: list[Cell]) -> None:
        """Check one data row."""
        nik = self._number(row, "nik", self.cell(cells, "nik"))
        self._number(row, "kpj", self.cell(cells, "kpj"))
        birth_date = self._birth_date(row, self.cell(cells, "birth_date"))
        sex = self._sex(row, self.cell(cells, "sex"))
        if nik is not None:
            for clash in conflicts(nik, birth_date, sex):
                shown = as_text(self.cell(cells, clash.field))
                self.add(row, clash, shown)
        name = as_text(self.cell(cells, "name"))
        if any(ch.isdigit() for ch in name):
            msg = Msg.of("batch.problem.name.invalid_character")
            self.add(row, FieldError("name", "invalid_character", msg), name)

    def _number(self, row: int, name: str, value: Cell) -> NikInfo | None:
        """Check a NIK or KPJ cell; the NikInfo of a valid NIK."""
        text, excel = number_text(value)
        if not text:
            return None
        if name == "kpj" and excel and exact_number(value):
            excel = False  # an 11-digit KPJ survives a number cell whole
        if excel:
            msg = Msg.of(f"batch.problem.{name}.excel_number")
            self.add(row, FieldError(name, "excel_number", msg), text)
            return None
        digits = text if text.isascii() and text.isdigit() else read_digits(name, text)[0]
        if digits is not None:
            self.rows_with_number[name].setdefault(digits, []).append(row)
        if name == "kpj":
            _, error = parse_kpj(text)
            nik, warnings = None, ()
        else:
            nik, error, warnings = check_nik(text)
        if error is not None:
            self.add(row, error, text)
        for warning in warnings:
            params = (*warning.message.params, ("value", text))
            msg = Msg("batch." + warning.message.key, params)
            self.warnings.append(Problem(row, warning.field, warning.code, msg))
        return nik

    def _birth_date(self, row: int, value: Cell) -> date | None:
        text = as_text(value)
        if not text:
            return None
        day, error = read_birth_date(value, self.today)
        if error is not None:
            self.add(row, error, text)
        return day

    def _sex(self, row: int, value: Cell) -> str | None:
        text = as_text(value)
        if not text:
            return None
        sex = read_sex(text)
        if sex is None:
            msg = Msg.of("batch.problem.sex.invalid_choice")
            self.add(row, FieldError("sex", "invalid_choice", msg), text)
        return sex

    def add_duplicates(self) -> None:
        """Flag every row whose NIK or KPJ appears in another row too."""
        for name, seen in self.rows_with_number.items():
            for digits, rows in seen.items():
                if len(rows) < 2:
                    continue
                for row in rows:
                    others = [r for r in rows if r != row]
                    shown = tuple(str(r) for r in others[:SHOWN_ROWS])
                    more = len(others) - len(shown)
                    key = f"batch.problem.{name}.duplicate" + ("_more" if more else "")
                    msg = Msg.of(key, value=digits, rows=shown, more=more)
                    self.problems.append(Problem(row, name, "duplicate", msg))

    def sorted_problems(self) -> list[Problem]:
        order = {name: i for i, name in enumerate(FIELDS)}
        return sorted(self.problems, key=lambda p: (p.row, order[p.field]))
