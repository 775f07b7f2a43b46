"""Reading dates (YYYY-MM-DD) and months (YYYY-MM) typed into the form."""

from __future__ import annotations

import re
from datetime import date

from .model import FieldError, Msg, YearMonth

EARLIEST_YEAR = 1900
LATEST_YEAR = 9000  # leaves room for date arithmetic without overflow
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def _error(field: str, code: str, **params: object) -> FieldError:
    return FieldError(field, code, Msg.of(f"error.{field}.{code}", **params))


def parse_date(field: str, text: str, today: date | None) -> tuple[date | None, FieldError | None]:
    """A date, or a FieldError with code ``invalid_format``, ``impossible_date``,
    ``too_early`` (before 1900) or ``in_future`` (after ``today``; not checked
    when ``today`` is None).
    """
    match = _DATE.fullmatch(text)
    if not match:
        return None, _error(field, "invalid_format")
    year, month, day = (int(part) for part in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        return None, _error(field, "impossible_date", text=text)
    if year < EARLIEST_YEAR:
        return None, _error(field, "too_early", date=value)
    if today is not None and value > today:
        return None, _error(field, "in_future", date=value)
    return value, None


def parse_month(field: str, text: str, today: date) -> tuple[YearMonth | None, FieldError | None]:
    """A month, or a FieldError with code ``invalid_format``, ``impossible_month``,
    ``too_early`` or ``in_future`` (after today's month).
    """
    match = _MONTH.fullmatch(text)
    if not match:
        return None, _error(field, "invalid_format")
    year, month = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or year < 1:
        return None, _error(field, "impossible_month", text=text)
    value = YearMonth(year, month)
    if year < EARLIEST_YEAR:
        return None, _error(field, "too_early", month=value)
    if value > YearMonth.of(today):
        return None, _error(field, "in_future", month=value)
    return value, None


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (moved back to the month's end if needed)."""
    return YearMonth.of(day).plus(-months).day(day.day)
