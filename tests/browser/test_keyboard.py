"""The checker with the keyboard alone: no clicks, no `fill`, no `select_option`.

Dates are typed into their day, month and year boxes, moving between them with Tab.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

READY = "#kpj-status[data-state=ready]"
ACTIVE = "() => document.activeElement.id || document.activeElement.tagName"


# WCAG 2.2 "focus not obscured": the focused element is not wholly under the sticky header.
HIDDEN_UNDER_HEADER = """() => {
  const focused = document.activeElement;
  if (focused.closest(".md-header, .md-skip")) return false;
  const box = focused.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  return box.height > 0 && box.bottom <= header.bottom;
}"""


def active(page: Page) -> str:
    assert not page.evaluate(HIDDEN_UNDER_HEADER), page.evaluate(ACTIVE)
    return page.evaluate(ACTIVE)


def tab_until(page: Page, target: str, key: str = "Tab", limit: int = 100) -> None:
    """Press Tab (or Shift+Tab) until the element with id `target` has the focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        if active(page) == target:
            return
    pytest.fail(f"{key} never reached #{target}")


def tab_to_next_control(page: Page, expected: str) -> None:
    """Tab past the current control (a date field has several stops) to the next one."""
    current = active(page)
    for _ in range(6):
        page.keyboard.press("Tab")
        if active(page) != current:
            break
    assert active(page) == expected


def type_date(page: Page, field: str, *parts: str) -> None:
    """Type a date's parts (day, month, year; or month, year) from its first box, with Tab."""
    names = ("day", "month", "year")[-len(parts) :]
    for i, (name, text) in enumerate(zip(names, parts, strict=True)):
        if i:
            page.keyboard.press("Tab")
        assert active(page) == f"kpj-{field}-{name}"
        page.keyboard.type(text)


def choose(page: Page, downs: int, value: str) -> None:
    """Pick a select's option with the arrow keys, as a keyboard user does."""
    for _ in range(downs):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == value


def submit_button_id(page: Page) -> None:
    # The buttons have no id; give them one so focus is easy to name (test-only).
    page.evaluate(
        """() => {
      document.querySelector('#kpj-checker button[type=submit]').id = 'test-submit';
      document.querySelector('#kpj-checker button[type=reset]').id = 'test-reset';
    }"""
    )


@pytest.mark.parametrize(("lang", "key"), [("id", "Enter"), ("en", "Space")])
def test_checker_works_with_the_keyboard_alone(
    page: Page, server: object, lang: str, key: str
) -> None:
    page.clock.set_fixed_time(dt.datetime(2026, 11, 24, 10))
    page.goto(f"{server.url}{'/' if lang == 'id' else '/en/'}checker/")  # type: ignore[attr-defined]
    page.locator(READY).wait_for(timeout=60_000)
    submit_button_id(page)

    tab_until(page, "kpj-kpj")
    page.keyboard.type("12345678901")
    tab_to_next_control(page, "kpj-kpj_count")
    choose(page, 2, "several")
    tab_to_next_control(page, "kpj-nik")
    page.keyboard.type("3174054808900003")
    tab_to_next_control(page, "kpj-birth_date-day")
    type_date(page, "birth_date", "8", "8", "1990")
    tab_to_next_control(page, "kpj-sex")
    choose(page, 1, "F")
    tab_to_next_control(page, "kpj-identity_changed")
    choose(page, 1, "yes")
    tab_to_next_control(page, "kpj-membership")
    choose(page, 1, "employee")
    tab_to_next_control(page, "kpj-employment_status")
    choose(page, 3, "changed_employer")
    tab_to_next_control(page, "kpj-changed_employer_on-day")
    type_date(page, "changed_employer_on", "11", "11", "2026")
    tab_to_next_control(page, "kpj-registered_on-day")
    type_date(page, "registered_on", "01", "01", "2020")
    tab_to_next_control(page, "kpj-last_paid_month-month")
    type_date(page, "last_paid_month", "6", "2026")
    tab_to_next_control(page, "test-submit")
    page.keyboard.press(key)

    # Focus moves to the results, and from there Tab reaches every "Read more" link.
    page.locator("#checker-results [data-cause]").first.wait_for()
    assert active(page) == "checker-results", page.locator("#checker-results").inner_text()
    read_more = page.locator("#checker-results [data-cause] a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert read_more
    reached = []
    for _ in range(len(read_more) + 30):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.closest('#checker-results')"
            " && (document.activeElement.href || document.activeElement.id || 'button')"
        )
        if not focused:
            break
        reached.append(focused)
    assert [r for r in reached if r in read_more] == read_more
    assert "kpj-include-nik" in reached
    # Then each ready-made message's buttons (two KPJ numbers and a job change call for all).
    for step in ("hrd", "previous_employer", "branch"):
        assert f"kpj-next-{step}-copy" in reached and f"kpj-next-{step}-print" in reached, reached
    assert reached.index("kpj-include-nik") < reached.index("kpj-next-hrd-copy")
    tab_until(page, "kpj-include-nik", key="Shift+Tab", limit=len(reached) + 3)
    page.keyboard.press("Space")
    assert page.locator("#kpj-include-nik").is_checked()

    # Back up to the reset button (just before the results) and clear the form.
    tab_until(page, "test-reset", key="Shift+Tab", limit=len(reached) + 3)
    page.keyboard.press(key)
    assert page.locator("#kpj-kpj").input_value() == ""
    assert page.locator("#checker-results").inner_text() == ""

    # Errors: Enter in a text field submits; focus goes to the first field in error.
    tab_until(page, "kpj-kpj", key="Shift+Tab", limit=40)
    page.keyboard.type("12345 678")
    tab_until(page, "kpj-registered_on-day")
    type_date(page, "registered_on", "30", "11", "2026")  # after "today": a later error too
    tab_until(page, "kpj-kpj", key="Shift+Tab", limit=40)
    page.keyboard.press("Enter")
    page.locator("#checker-results [role=alert]").wait_for()
    assert active(page) == "kpj-kpj"
    assert page.locator("#kpj-kpj").get_attribute("aria-invalid") == "true"
    for part in ("day", "month", "year"):  # the whole date is wrong, so every box is marked
        assert page.locator(f"#kpj-registered_on-{part}").get_attribute("aria-invalid") == "true"

    # The error summary's links are reachable by Tab and take the focus to their field.
    summary = page.locator("#checker-results [role=alert] a[href='#kpj-registered_on-day']")
    for _ in range(60):
        page.keyboard.press("Tab")
        if summary.evaluate("a => a === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the error summary's link")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'kpj-registered_on-day'")
