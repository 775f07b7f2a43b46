"""The NIK: the 16-digit national identity number on the KTP.

Layout: digits 1-2 province, 3-4 regency/city, 5-6 district, 7-12 date of
birth as DDMMYY (women add 40 to the day), 13-16 a serial number.

The region codes never change after the NIK is issued, so a NIK from before a
region split (Papua, 2022 and 2025) keeps a code the current list no longer has:
that is a warning, not an error.
"""

from __future__ import annotations

import calendar
from datetime import date

from . import content, regions
from .model import FieldError, Msg, NikInfo
from .normalise import check_length, read_digits

WOMEN_DAY_OFFSET = 40


def check_nik(text: str) -> tuple[NikInfo | None, FieldError | None, tuple[FieldError, ...]]:
    """What the NIK says (or why ``text`` cannot be a NIK), and warnings about it.

    The one entry point for anything that reads NIKs (the form, a list checker).
    Warnings come only with a well-formed NIK; their code is
    ``region_not_in_current_list`` (field ``nik``).
    """
    info, error = parse_nik(text)
    return info, error, region_warnings(info) if info is not None else ()


def region_warnings(nik: NikInfo) -> tuple[FieldError, ...]:
    """A warning when the regency/city or the district is not in the current list."""
    if regions.regency_name(nik.regency_code) is None:
        key, code = "warning.nik.regency_not_in_current_list", nik.regency_code
    elif regions.district_name(nik.district_code) is None:
        key, code = "warning.nik.district_not_in_current_list", nik.district_code
    else:
        return ()
    msg = Msg.of(key, code=code)
    return (FieldError("nik", "region_not_in_current_list", msg),)


def parse_nik(text: str) -> tuple[NikInfo | None, FieldError | None]:
    """What the NIK says, or the reason ``text`` cannot be a NIK.

    Codes: those of the KPJ (with ``looks_like_kpj`` for an 11-digit number),
    ``unknown_province``, ``invalid_region`` (regency or district ``00``) and
    ``invalid_birth_date``. See :func:`check_nik` for the warnings too.
    """
    digits, error = read_digits("nik", text)
    if digits is None:
        return None, error
    error = check_length(
        "nik",
        digits,
        int(content.fact("nik_digits")),
        int(content.fact("kpj_digits")),
        "looks_like_kpj",
    )
    if error:
        return None, error
    province = digits[:2]
    if province not in content.provinces():
        msg = Msg.of("error.nik.unknown_province", code=province)
        return None, FieldError("nik", "unknown_province", msg)
    if digits[2:4] == "00" or digits[4:6] == "00":
        msg = Msg.of("error.nik.invalid_region", part=digits[2:6])
        return None, FieldError("nik", "invalid_region", msg)
    coded_day, month, year_2d = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex = "F" if coded_day > WOMEN_DAY_OFFSET else "M"
    day = coded_day - WOMEN_DAY_OFFSET if sex == "F" else coded_day
    if not _exists(day, month, year_2d):
        msg = Msg.of("error.nik.invalid_birth_date", part=digits[6:12])
        return None, FieldError("nik", "invalid_birth_date", msg)
    return NikInfo(digits, province, day, month, year_2d, sex), None


def _exists(day: int, month: int, year_2d: int) -> bool:
    """Whether DD-MM-YY is a real date in 19YY or 20YY (29 February needs a leap year)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return any(day <= calendar.monthrange(century + year_2d, month)[1] for century in (1900, 2000))


def conflicts(nik: NikInfo, birth_date: date | None, sex: str | None) -> list[FieldError]:
    """Errors on ``birth_date`` and ``sex`` where they disagree with the NIK."""
    errors = []
    if birth_date is not None and (
        birth_date.day != nik.birth_day
        or birth_date.month != nik.birth_month
        or birth_date.year % 100 != nik.birth_year_2d
    ):
        msg = Msg.of(
            "error.birth_date.conflicts_with_nik",
            date=birth_date,
            nik_day=nik.birth_day,
            nik_month=Msg.of(f"month.{nik.birth_month}"),
            nik_year=f"{nik.birth_year_2d:02d}",
        )
        errors.append(FieldError("birth_date", "conflicts_with_nik", msg))
    if sex is not None and sex != nik.sex:
        msg = Msg.of("error.sex.conflicts_with_nik", nik_sex=Msg.of(f"sex.{nik.sex}"))
        errors.append(FieldError("sex", "conflicts_with_nik", msg))
    return errors
