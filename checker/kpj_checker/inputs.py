"""Reading the raw input dict into :class:`~kpj_checker.model.Inputs`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from . import content
from .dates import LATEST_YEAR, parse_date, parse_month
from .kpj import parse_kpj
from .model import FieldError, Inputs, Msg
from .nik import check_nik, conflicts
from .normalise import NotText, not_text_error, to_text

#: The person's answers, in form order.
FORM_FIELDS: tuple[str, ...] = (
    "kpj",
    "kpj_count",
    "nik",
    "birth_date",
    "sex",
    "identity_changed",
    "membership",
    "employment_status",
    "changed_employer_on",
    "registered_on",
    "last_paid_month",
)
FIELDS: tuple[str, ...] = (*FORM_FIELDS, "today", "lang")

#: Accepted values of the select fields; "unknown" means the same as empty.
CHOICES: dict[str, tuple[str, ...]] = {
    "sex": ("F", "M"),
    "membership": ("employee", "self"),
    "employment_status": ("active", "resigned", "changed_employer"),
    "kpj_count": ("one", "several"),
    "identity_changed": ("yes", "no"),
}
UNKNOWN = "unknown"
_DATE_FIELDS = ("birth_date", "changed_employer_on", "registered_on")


class UnknownFieldError(ValueError):
    """The input has keys that are not fields of the checker."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = tuple(fields)
        super().__init__("unknown field(s): " + ", ".join(self.fields))


def read_inputs(raw: Mapping[str, Any]) -> Inputs:
    """Parse every field; problems become FieldErrors, never exceptions.

    Raises UnknownFieldError for keys outside FIELDS.
    """
    unknown = [str(key) for key in raw if key not in FIELDS]
    if unknown:
        raise UnknownFieldError(unknown)
    errors: list[FieldError] = []
    warnings: tuple[FieldError, ...] = ()
    texts: dict[str, str | None] = {}
    for name in FIELDS:
        try:
            texts[name] = to_text(raw.get(name))
        except NotText:
            texts[name] = None
            errors.append(_not_text(name))

    lang, lang_error = _read_lang(texts["lang"])
    today, today_error = _read_today(texts["today"])
    errors += [e for e in (lang_error, today_error) if e]

    values: dict[str, Any] = {}
    kpj_text = texts["kpj"]
    if kpj_text is not None:
        values["kpj"], error = parse_kpj(kpj_text)
        errors += [error] if error else []
    for name in _DATE_FIELDS:
        text = texts[name]
        if text is not None:
            values[name], error = parse_date(name, text, today)
            errors += [error] if error else []
    month_text = texts["last_paid_month"]
    if month_text is not None:
        values["last_paid_month"], error = parse_month("last_paid_month", month_text, today)
        errors += [error] if error else []
    for name, choices in CHOICES.items():
        values[name], error = _read_choice(name, texts[name], choices)
        errors += [error] if error else []
    nik_text = texts["nik"]
    if nik_text is not None:
        values["nik"], error, warnings = check_nik(nik_text)
        errors += [error] if error else []
        if values["nik"] is not None:
            clashes = conflicts(values["nik"], values.get("birth_date"), values.get("sex"))
            errors += clashes
            for clash in clashes:
                values[clash.field] = None

    order = {name: i for i, name in enumerate(FIELDS)}
    errors.sort(key=lambda e: order[e.field])
    return Inputs(today=today, lang=lang, errors=tuple(errors), warnings=warnings, **values)


def _not_text(name: str) -> FieldError:
    if name in FORM_FIELDS:
        return not_text_error(name)
    # "today" and "lang" are not form fields and have no label.
    code = "invalid_format" if name == "today" else "unsupported"
    return FieldError(name, code, Msg.of(f"error.{name}.{code}"))


def _read_lang(text: str | None) -> tuple[str, FieldError | None]:
    if text is None:
        return content.LANGUAGES[0], None
    lang = text.lower()
    if lang in content.LANGUAGES:
        return lang, None
    return content.LANGUAGES[0], FieldError("lang", "unsupported", Msg.of("error.lang.unsupported"))


def _read_today(text: str | None) -> tuple[date, FieldError | None]:
    if text is None:
        return date.today(), None
    value, error = parse_date("today", text, None)
    if (error and error.code == "too_early") or (value and value.year > LATEST_YEAR):
        error = FieldError("today", "out_of_range", Msg.of("error.today.out_of_range"))
    if error:
        return date.today(), error
    assert value is not None
    return value, None


def _read_choice(
    name: str, text: str | None, choices: tuple[str, ...]
) -> tuple[str | None, FieldError | None]:
    if text is None or text.lower() == UNKNOWN:
        return None, None
    for choice in choices:
        if text.lower() == choice.lower():
            return choice, None
    return None, FieldError(name, "invalid_choice", Msg.of(f"error.{name}.invalid_choice"))
