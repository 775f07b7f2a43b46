"""Rendering of :class:`~kpj_checker.model.Msg` values and dates into a language."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import content
from .model import Msg, YearMonth


def format_date(day: date, lang: str) -> str:
    """``15 Desember 2026`` / ``15 December 2026``."""
    month = content.message(f"month.{day.month}", lang)
    return content.message("date.day", lang, day=day.day, month=month, year=day.year)


def format_month(ym: YearMonth, lang: str) -> str:
    """``Desember 2026`` / ``December 2026``."""
    month = content.message(f"month.{ym.month}", lang)
    return content.message("date.month", lang, month=month, year=ym.year)


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, YearMonth):
        return format_month(value, lang)
    if isinstance(value, Msg):
        return render(value, lang)
    if isinstance(value, tuple):
        separator = content.message("list.separator", lang)
        return separator.join(str(_value(item, lang)) for item in value)
    return value


def render(msg: Msg, lang: str) -> str:
    """The text of ``msg`` in ``lang``."""
    params = {name: _value(value, lang) for name, value in msg.params}
    return content.message(msg.key, lang, **params)
