"""axe-core in headless Chromium: every page of both languages, and the checker's states.

axe is evaluated through the DevTools protocol (`page.evaluate`), which the page's
Content-Security-Policy does not govern, so the site is audited under its real CSP.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser_form import fill_form
from playwright.sync_api import Page
from site_pages import LANGUAGES, PAGES

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
READY = "#kpj-status[data-state=ready]"
RUN_AXE = """async (tags) => {
  // Let transitions (a button's hover or focus colours) finish: axe reads computed colours.
  const finite = (a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity;
  await Promise.all(document.getAnimations().filter(finite).map((a) => a.finished));
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""
# A filled-in form that gives causes with evidence, a ruled-out list and the result actions.
FILLED = {
    "kpj": "12345678901",
    "nik": "3174051508900003",
    "birth_date": "1990-08-15",
    "sex": "F",
    "membership": "employee",
    "employment_status": "changed_employer",
    "changed_employer_on": "2026-11-01",
    "registered_on": "2020-01-10",
    "last_paid_month": "2026-06",
    "kpj_count": "several",
    "identity_changed": "yes",
}
WITH_ERRORS = {"kpj": "12345 678", "nik": "12", "registered_on": "2026-11-30"}
# A NIK with a regency code from before the Papua split: a warning, not an error.
WITH_WARNING = {"nik": "9101011708900001"}


def home(lang: str) -> str:
    return "/" if lang == "id" else f"/{lang}/"


def audit(page: Page) -> list[str]:
    """axe's WCAG 2.2 A/AA and best-practice violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(RUN_AXE, TAGS)
    return [
        f"{page.url} [{v['id']}] {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in violations
    ]


def test_every_built_page_is_in_the_audit(site: Path) -> None:
    built = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets" not in p.relative_to(site).parts
    }
    audited = {
        (home(lang) + page).lstrip("/") + "index.html" for lang in LANGUAGES for page in PAGES
    }
    audited |= {(home(lang) + "404.html").lstrip("/") for lang in LANGUAGES}
    assert built == audited


def test_the_audit_reports_a_known_violation(page: Page, server: object) -> None:
    """A harness that runs no rules would pass every page: prove this one finds problems."""
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.evaluate(
        """() => document.querySelector("article").append(
      Object.assign(document.createElement("input"), { type: "text" }),
      document.createElement("img"),
    )"""
    )
    found = "\n".join(audit(page))
    assert "[label]" in found
    assert "[image-alt]" in found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_no_axe_violations(page: Page, server: object, lang: str) -> None:
    base = server.url + home(lang)  # type: ignore[attr-defined]
    found: list[str] = []
    for path in PAGES:
        page.goto(base + path)
        assert page.locator("html").get_attribute("lang") == lang
        found += audit(page)
    response = page.goto(base + "no-such-page/")
    assert response is not None
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    found += audit(page)
    assert not found, "\n".join(found)


def open_checker(page: Page, base: str, lang: str) -> None:
    page.clock.set_fixed_time(dt.datetime(2026, 11, 24, 10))
    page.goto(f"{base}{home(lang)}checker/")
    page.locator(READY).wait_for(timeout=60_000)


def submit(page: Page, values: dict[str, str]) -> None:
    page.locator("#kpj-checker button[type=reset]").click()
    fill_form(page, values)
    page.evaluate("() => document.querySelector('#checker-results').replaceChildren()")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results h2").wait_for()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checker_with_results_and_with_field_errors_has_no_axe_violations(
    page: Page, server: object, lang: str
) -> None:
    open_checker(page, server.url, lang)  # type: ignore[attr-defined]
    found = audit(page)

    submit(page, FILLED)
    assert page.locator("#checker-results [data-cause]").count() >= 1
    assert page.locator("#checker-results [data-ruled-out]").count() >= 1
    found += audit(page)

    page.locator("#kpj-include-nik").check()
    page.locator("#checker-results [data-action=copy]").click()
    # Ready-made messages, with a status line and (English page) an open translation.
    assert page.locator("#checker-results [data-step]").count() >= 2
    page.locator("#checker-results [data-action=copy-message]").first.click()
    if lang != "id":
        page.locator("#checker-results [data-step] details summary").first.click()
    found += audit(page)

    submit(page, WITH_ERRORS)
    assert page.locator("#kpj-checker [data-error-for]:not([hidden])").count() >= 2
    assert page.locator("#checker-results [role=alert]").is_visible()
    found += audit(page)

    # A date with a missing part: the error on its fieldset, the box marked.
    page.locator("#kpj-checker [name='birth_date-day']").fill("31")
    page.locator("#kpj-checker [name='birth_date-year']").fill("1990")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#kpj-birth_date-month[aria-invalid=true]").wait_for()
    found += audit(page)

    submit(page, WITH_WARNING)
    assert page.locator("#kpj-checker [data-warning-for=nik]").is_visible()
    assert page.locator("#checker-results [data-nik-info]").is_visible()
    found += audit(page)
    assert not found, "\n".join(found)


def test_narrow_screen_has_no_axe_violations(page: Page, server: object) -> None:
    """A phone-sized screen: Material's drawer navigation and the header's search button."""
    page.set_viewport_size({"width": 360, "height": 740})
    found: list[str] = []
    for path in ("/", "/en/causes/late-payment/"):
        page.goto(server.url + path)  # type: ignore[attr-defined]
        found += audit(page)
    open_checker(page, server.url, "id")  # type: ignore[attr-defined]
    submit(page, FILLED)
    found += audit(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", [390, 1280])
def test_search_with_nothing_found_has_no_axe_violations(
    page: Page, server: object, width: int
) -> None:
    """The search panel's offer of the checker and the causes, on a phone and a desktop."""
    from search_eval import search

    page.set_viewport_size({"width": width, "height": 800})
    found: list[str] = []
    for lang in ("id", "en"):
        page.goto(server.url + home(lang))  # type: ignore[attr-defined]
        if width < 600:
            page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").click()
        for _ in range(60):  # until the worker has loaded the index
            if search(page, "kpj", attempts=30)[0]:
                break
        assert search(page, "zqxwv", attempts=3)[0] == []
        assert page.locator("[data-cek-kpj-search-empty] > div").is_visible()
        found += audit(page)
    assert not found, "\n".join(found)
