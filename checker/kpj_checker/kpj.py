"""The KPJ number: the membership number on a BPJS Ketenagakerjaan card."""

from __future__ import annotations

from . import content
from .model import FieldError
from .normalise import check_length, read_digits


def parse_kpj(text: str) -> tuple[str | None, FieldError | None]:
    """The KPJ digits, or the reason ``text`` cannot be a KPJ number.

    Spaces, dashes, dots and invisible format characters are ignored. Codes:
    ``empty``, ``letter_like_digit``, ``invalid_character``, ``too_short``,
    ``too_long`` and ``looks_like_nik`` (as many digits as a NIK).
    """
    digits, error = read_digits("kpj", text)
    if digits is None:
        return None, error
    error = check_length(
        "kpj",
        digits,
        int(content.fact("kpj_digits")),
        int(content.fact("nik_digits")),
        "looks_like_nik",
    )
    return (None, error) if error else (digits, None)
