"""A readable plain-text report of a diagnosis (for the command line)."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import content
from .i18n import format_date


def _bullets(lines: list[str], indent: str = "  ") -> list[str]:
    return [f"{indent}- {line}" for line in lines]


def _nik_lines(info: dict[str, Any], lang: str) -> list[str]:
    """Label: value lines of a ``nik_info``, the same labels as the page."""
    not_listed = content.message("form.nik_info.not_listed", lang)
    values = [info["district"], info["regency"], info["province"]]
    values = [value or not_listed for value in values]
    values += [info["birth_date"], content.message(f"form.sex.{info['sex']}", lang)]
    keys = ("district", "regency", "province", "birth_date", "sex")
    return [
        f"{content.message(f'form.nik_info.{key}', lang)}: {value}"
        for key, value in zip(keys, values, strict=True)
    ]


def render_report(result: dict[str, Any]) -> str:
    """The report for a ``diagnose()`` result, in the result's language."""
    lang = result["lang"]

    def msg(key: str, **kwargs: Any) -> str:
        return content.message(key, lang, **kwargs)

    today = date.fromisoformat(result["today"])
    out = [msg("report.title"), msg("report.checked_on", date=format_date(today, lang)), ""]
    if result["input_errors"]:
        out.append(msg("report.input_errors"))
        out += _bullets([e["message"] for e in result["input_errors"]])
        out.append("")
    if result["warnings"]:
        out.append(msg("report.warnings"))
        out += _bullets([w["message"] for w in result["warnings"]])
        out.append("")
    if result["nik_info"]:
        out.append(msg("report.nik_info"))
        out += _bullets(_nik_lines(result["nik_info"], lang))
        out.append("")

    titles = {c.id: c.title for c in content.causes(lang)}
    fix_titles = {f.id: f.title for f in content.fixes(lang)}
    out.append(msg("report.causes"))
    if not result["causes"]:
        out.append("  " + msg("report.none"))
    for number, cause in enumerate(result["causes"], start=1):
        likelihood = msg(f"likelihood.{cause['likelihood']}")
        out.append(
            f"{number}. " + msg("report.cause", title=titles[cause["id"]], likelihood=likelihood)
        )
        out.append(f"   {cause['summary']}")
        if cause["evidence"]:
            out.append("   " + msg("report.evidence"))
            out += _bullets(cause["evidence"], "   ")
        out.append("   " + msg("report.steps"))
        out += _bullets(cause["steps"], "   ")
        fixes = ", ".join(fix_titles[f] for f in cause["fixes"])
        out.append("   " + msg("report.fixes", fixes=fixes))
        out.append("   " + msg("report.read_more", page=cause["page"]))
        out.append("")

    out.append(msg("report.ruled_out"))
    if not result["ruled_out"]:
        out.append("  " + msg("report.none"))
    for item in result["ruled_out"]:
        out.append(f"  - {titles[item['id']]}: {item['reason']}")
    return "\n".join(out) + "\n"
