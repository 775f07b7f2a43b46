"""The site's own bilingual texts (data/site_strings.json) and formatting of dates and sources."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

STRINGS = Path(__file__).resolve().parent / "data" / "site_strings.json"


@cache
def strings() -> dict[str, dict[str, str]]:
    return json.loads(STRINGS.read_text(encoding="utf-8"))


def t(key: str, lang: str) -> str:
    """A site text in the given language."""
    return strings()[key][lang]


def format_date(iso_date: str, lang: str) -> str:
    """'2023-05-03' as '3 Mei 2023' (id) or '3 May 2023' (en)."""
    day = dt.date.fromisoformat(iso_date)
    return f"{day.day} {t(f'month.{day.month}', lang)} {day.year}"


def source_citation(source: Any, lang: str) -> str:
    """One source as a Markdown citation: title (linked when it has an address), outlet, date."""
    parts = [f"[{source.title}]({source.url})" if source.url else f"*{source.title}*"]
    if source.outlet and source.outlet != source.title:
        parts.append(source.outlet)
    if source.date:
        parts.append(format_date(source.date, lang))
    return ", ".join(parts)
