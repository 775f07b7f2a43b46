"""The result of a list check: a JSON-ready dict, or a readable table."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import content
from ..i18n import render
from .checks import Problem
from .headers import FIELDS


def problem_dicts(problems: list[Problem], lang: str) -> list[dict[str, Any]]:
    """``[{"row", "field", "code", "message"}]`` in ``lang``."""
    return [
        {"row": p.row, "field": p.field, "code": p.code, "message": render(p.message, lang)}
        for p in problems
    ]


def render_table(result: dict[str, Any], lang: str) -> str:
    """The problems as a plain-text table, then a one-line summary."""

    def text(key: str, **params: Any) -> str:
        return content.message(f"batch.report.{key}", lang, **params)

    lines = []
    entries = [*result["problems"], *result["warnings"]]
    if entries:
        head = (text("row"), text("column"), text("problem"))
        width = max(len(head[1]), *(len(text(f"field.{f}")) for f in FIELDS))
        lines.append(f"{head[0]:>6}  {head[1]:<{width}}  {head[2]}")
        for entry in sorted(entries, key=lambda e: e["row"]):
            label = text(f"field.{entry['field']}")
            lines.append(f"{entry['row']:>6}  {label:<{width}}  {entry['message']}")
        lines.append("")
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"


def summary_line(result: dict[str, Any], lang: str) -> str:
    """``120 baris dibaca; 3 baris bermasalah (2 duplicate, 1 too_short)``."""
    problems = result["problems"]
    rows_with_problems = len({p["row"] for p in problems})
    if not problems:
        return content.message("batch.report.summary_clean", lang, rows=result["rows"])
    kinds = Counter(p["code"] for p in problems)
    by_kind = ", ".join(f"{count} {code}" for code, count in kinds.most_common())
    return content.message(
        "batch.report.summary",
        lang,
        rows=result["rows"],
        problem_rows=rows_with_problems,
        problems=len(problems),
        by_kind=by_kind,
    )
