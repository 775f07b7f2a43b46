"""Cell values as spreadsheets hold them: text markers, Excel numbers, sex words.

A reader yields each cell as text, or for ``.xlsx`` as the typed value openpyxl
gives (int, float, datetime, bool) or a :class:`Formula`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .. import content

#: A number Excel wrote in scientific notation: ``3.17105E+15``, ``3,17105E+15``.
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")
#: A whole number Excel wrote with a decimal part: ``3171050101900001.0``.
_TRAILING_ZERO = re.compile(r"\d+[.,]0+")
#: Significant digits a spreadsheet's number cell keeps (Excel: 15).
EXACT_DIGITS = int(content.fact("excel_significant_digits"))

#: Folded words for each sex (``M`` male, ``F`` female), Indonesian and English.
SEX_WORDS: dict[str, str] = {
    "l": "M",
    "lk": "M",
    "lakilaki": "M",
    "laki": "M",
    "pria": "M",
    "m": "M",
    "male": "M",
    "p": "F",
    "pr": "F",
    "perempuan": "F",
    "wanita": "F",
    "f": "F",
    "female": "F",
}


@dataclass(frozen=True)
class Formula:
    """A formula cell of an ``.xlsx`` file (its text, such as ``=A2&B2``)."""

    text: str


Cell = str | int | float | datetime | date | bool | Formula | None


def as_text(value: Cell) -> str:
    """The cell as the person sees it, for header matching and messages."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**EXACT_DIGITS * 10:
        return str(int(value))
    return str(value).strip()


def strip_text_marker(text: str) -> str:
    """Drop Excel's text marker (a leading apostrophe) and surrounding spaces."""
    text = text.strip()
    if text[:1] in ("'", "\u2019"):
        text = text[1:].strip()
    return text


def number_text(value: Cell) -> tuple[str, bool]:
    """(the text of a NIK or KPJ cell, whether it went through Excel as a number).

    Numeric ``.xlsx`` cells, scientific notation and a trailing ``.0`` all mean
    the number was stored as a number; digits beyond the 15th are then lost.
    """
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int | float):
        return as_text(value), True
    text = strip_text_marker(as_text(value))
    compact = text.replace(" ", "")
    excel = bool(_SCIENTIFIC.fullmatch(compact) or _TRAILING_ZERO.fullmatch(compact))
    return text, excel


def exact_number(value: Cell) -> bool:
    """Whether a numeric ``.xlsx`` cell still holds every digit (a KPJ of 11 digits does)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and abs(value) < 10**EXACT_DIGITS
    )


def read_sex(text: str) -> str | None:
    """``M`` or ``F`` for a sex word or letter, None when it is not one."""
    folded = "".join(ch for ch in text.casefold() if ch.isalpha())
    return SEX_WORDS.get(folded)
