"""Turning what a person typed into something the parsers can check."""

from __future__ import annotations

import unicodedata
from typing import Any

from .model import FieldError, Msg

DIGITS = frozenset("0123456789")
#: Characters removed from numbers before checking them: spaces, dashes, dots.
SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2007\u202f-\u2010\u2011\u2012\u2013\u2014\u2212.")
#: Unicode category of the invisible "format" characters that pasting from chats,
#: PDFs and web pages leaves in numbers: zero-width spaces and joiners (U+200B-U+200D),
#: the byte order mark (U+FEFF), the word joiner (U+2060), the soft hyphen (U+00AD),
#: direction marks (U+200E, U+200F) and direction embeddings, overrides and isolates
#: (U+202A-U+202E, U+2066-U+2069). They are ignored like spaces.
INVISIBLE_CATEGORY = "Cf"
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


def is_ignored(ch: str) -> bool:
    """Whether ``ch`` is dropped from a number: a separator, a space or an invisible character."""
    return ch in SEPARATORS or ch.isspace() or unicodedata.category(ch) == INVISIBLE_CATEGORY


def strip_separators(text: str) -> str:
    """Normalise width (full-width digits become ASCII) and drop spaces, dashes, dots
    and invisible format characters."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not is_ignored(ch))


def visible(ch: str) -> str:
    """How a character is quoted in a message: ``"x"`` when it can be seen on its own,
    else its code point such as ``U+202E``.

    Control, format, private-use, unassigned and surrogate characters, spaces and
    combining marks (which would join the quote mark) are never shown raw, so a
    message cannot be reversed or hidden by what was typed.
    """
    if ch.isprintable() and not ch.isspace() and unicodedata.category(ch)[0] != "M":
        return f'"{ch}"'
    return f"U+{ord(ch):04X}"


def visible_text(text: str, limit: int = 80) -> str:
    """``text`` safe to quote in a message or on a terminal: every character that
    :func:`visible` would not show as itself (the space excepted) becomes ``<U+001B>``,
    and text longer than ``limit`` characters is cut with ``…``."""
    cut = len(text) > limit
    shown = "".join(
        ch if ch == " " or visible(ch) == f'"{ch}"' else f"<{visible(ch)}>" for ch in text[:limit]
    )
    return shown + ("…" if cut else "")


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
        shown = tuple(visible(ch) for ch in others[:_SHOWN_CHARACTERS])
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
