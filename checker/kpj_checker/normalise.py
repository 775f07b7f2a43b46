"""Turning what a person typed into something the parsers can check."""

from __future__ import annotations

import unicodedata
from typing import Any

from .model import FieldError, Msg

DIGITS = frozenset("0123456789")
#: Characters removed from numbers before checking them: spaces, dashes, dots.
SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2007\u202f-\u2010\u2011\u2012\u2013\u2014\u2212.")
#: Letters people type by mistake for a digit that looks the same.
LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1"}
_SHOWN_CHARACTERS = 5


class NotText(Exception):
    """The value is neither text, a number nor empty."""


def to_text(value: Any) -> str | None:
    """The typed text, or ``None`` when the field was left empty.

    Numbers are accepted (a JSON client may send a KPJ as a number); anything
    else raises :class:`NotText`.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotText
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        raise NotText
    text = value.strip()
    return text or None


def not_text_error(field: str) -> FieldError:
    return FieldError(
        field, "not_text", Msg.of("error.not_text", field=Msg.of(f"form.{field}.label"))
    )


def strip_separators(text: str) -> str:
    """Normalise width (full-width digits become ASCII) and drop spaces, dashes and dots."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch not in SEPARATORS and not ch.isspace())


def read_digits(field: str, text: str) -> tuple[str | None, FieldError | None]:
    """The digits of a number typed into ``field`` (``kpj`` or ``nik``).

    Returns the digits, or a FieldError with code ``empty``,
    ``letter_like_digit`` or ``invalid_character``. Lengths are checked by the caller.
    """
    cleaned = strip_separators(text)
    if not cleaned:
        return None, FieldError(field, "empty", Msg.of(f"error.{field}.empty"))
    wrong = [ch for ch in cleaned if ch not in DIGITS]
    if not wrong:
        return cleaned, None
    others = _unique(ch for ch in wrong if ch not in LOOKALIKES)
    if others:
        shown = tuple(f'"{ch}"' for ch in others[:_SHOWN_CHARACTERS])
        chars = ", ".join(shown) + (", …" if len(others) > _SHOWN_CHARACTERS else "")
        return None, FieldError(
            field, "invalid_character", Msg.of(f"error.{field}.invalid_character", chars=chars)
        )
    letters = tuple(
        Msg.of("lookalike.letter", letter=ch, digit=LOOKALIKES[ch]) for ch in _unique(wrong)
    )
    return None, FieldError(
        field, "letter_like_digit", Msg.of(f"error.{field}.letter_like_digit", letters=letters)
    )


def check_length(
    field: str, digits: str, expected: int, swapped: int, swapped_code: str
) -> FieldError | None:
    """A FieldError when ``digits`` is not ``expected`` long.

    ``swapped`` is the length of the other number (NIK for the KPJ field and
    the other way round); that length gets ``swapped_code``.
    """
    count = len(digits)
    if count == expected:
        return None
    if count == swapped:
        return FieldError(field, swapped_code, Msg.of(f"error.{field}.{swapped_code}"))
    code = "too_short" if count < expected else "too_long"
    return FieldError(field, code, Msg.of(f"error.{field}.{code}", count=count))


def _unique(chars: Any) -> list[str]:
    return list(dict.fromkeys(chars))
