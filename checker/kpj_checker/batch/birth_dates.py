"""Birth dates as people and spreadsheets write them.

ISO ``1990-08-05``, day first ``05/08/1990``, ``05-08-1990``, ``5.8.1990``,
``5/8/90``, month names ``5 Agustus 1990`` / ``5 August 1990`` / ``5-Aug-90``,
and date cells of an ``.xlsx`` file. Numbers that are not dates get the single
checker's codes (``invalid_format``, ``impossible_date``, ``too_early``, ``in_future``).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..dates import parse_date
from ..model import FieldError, Msg
from .cells import Cell, Formula, as_text

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_NAMED = re.compile(r"(\d{1,2})[\s.-]+([^\W\d_]+)\.?[\s.-]+(\d{4}|\d{2})")
#: Month names and short forms, Indonesian and English, folded to lower case.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari january jan",
        "februari february pebruari feb peb",
        "maret march mar",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august agu agt aug ags",
        "september sep sept",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(_names.split(), _number))


def _full_year(text: str, today: date) -> int:
    """A four-digit year; two digits are read as the latest year not after today."""
    year = int(text)
    if len(text) == 4:
        return year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def _iso(value: Cell, today: date) -> str | None:
    """The date as ``YYYY-MM-DD`` text (possibly an impossible one), None if unreadable."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = as_text(value).strip()
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    elif match := _DAY_FIRST.fullmatch(text):
        day, _, month, year = match.groups()
        year = str(_full_year(year, today))
    elif (match := _NAMED.fullmatch(text)) and match.group(2).casefold() in MONTHS:
        day, name, year = match.groups()
        month = str(MONTHS[name.casefold()])
        year = str(_full_year(year, today))
    else:
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def read_birth_date(value: Cell, today: date) -> tuple[date | None, FieldError | None]:
    """The date in a birth-date cell, or the single checker's error for it."""
    if isinstance(value, Formula):
        value = value.text
    iso = None if isinstance(value, bool) else _iso(value, today)
    if iso is None:
        msg = Msg.of("error.birth_date.invalid_format")
        return None, FieldError("birth_date", "invalid_format", msg)
    return parse_date("birth_date", iso, today)
