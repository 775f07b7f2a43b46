"""Filling the checker's form in a browser test, the way a person does: selects are chosen,
text is typed, and a date is typed into its day, month and year boxes (`<field>-day` ...)."""

from __future__ import annotations

from playwright.sync_api import Page

# Dates the checker takes as ISO text, and the boxes the page shows for each.
DATE_PARTS: dict[str, tuple[str, ...]] = {
    "birth_date": ("day", "month", "year"),
    "changed_employer_on": ("day", "month", "year"),
    "registered_on": ("day", "month", "year"),
    "last_paid_month": ("month", "year"),
}


def date_parts(field: str, iso: str) -> dict[str, str]:
    """The boxes of `field` and what to type in each, for an ISO date ("1990-08-08") or
    month ("2026-07"): {"birth_date-day": "08", "birth_date-month": "08", ...}."""
    pieces = iso.split("-")
    by_part = {"year": pieces[0], "month": pieces[1], "day": pieces[2] if len(pieces) > 2 else ""}
    return {f"{field}-{part}": by_part[part] for part in DATE_PARTS[field]}


def fill_form(page: Page, values: dict[str, str]) -> None:
    """Enter `values` (the checker's input names; dates as ISO text) into the form.

    Empty values and the non-form inputs `today` and `lang` are skipped."""
    for field, value in values.items():
        if field in ("today", "lang") or value == "":
            continue
        if field in DATE_PARTS:
            for name, part in date_parts(field, value).items():
                page.locator(f"#kpj-checker [name='{name}']").fill(part)
            continue
        control = page.locator(f"#kpj-checker [name={field}]")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def read_form(page: Page, field: str) -> str:
    """What a field holds now; a date's boxes as "day month year" (or "month year")."""
    if field in DATE_PARTS:
        return " ".join(
            page.locator(f"#kpj-checker [name='{field}-{part}']").input_value()
            for part in DATE_PARTS[field]
        )
    return page.locator(f"#kpj-checker [name={field}]").input_value()
