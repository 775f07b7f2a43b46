"""The checker page in headless Chromium: real Pyodide, real worker, real service worker.

Scenarios come from the checker's own cases (tests/checker/cases.json), so the page is
held to the same outcomes as the package on CPython and in Pyodide under Node.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from browser_form import fill_form, read_form
from browser_waits import cached_urls, wait_until
from playwright.sync_api import BrowserContext, Page
from site_pages import CAUSES

pytestmark = pytest.mark.browser

CASES = json.loads((Path(__file__).parents[1] / "checker" / "cases.json").read_text())
SELECTS = {
    "sex": {"F", "M", "unknown"},
    "membership": {"employee", "self", "unknown"},
    "employment_status": {"active", "resigned", "changed_employer", "unknown"},
    "kpj_count": {"one", "several", "unknown"},
    "identity_changed": {"yes", "no", "unknown"},
}
FORMATS = {
    "birth_date": r"\d{4}-\d{2}-\d{2}",
    "changed_employer_on": r"\d{4}-\d{2}-\d{2}",
    "registered_on": r"\d{4}-\d{2}-\d{2}",
    "last_paid_month": r"\d{4}-\d{2}",
}
READY = "#kpj-status[data-state=ready]"


def real_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return value[:4] >= "1900"


def typeable(case: dict) -> bool:
    """A case whose inputs a person can enter through the form's controls."""
    for field, value in case["input"].items():
        if field in ("today", "lang") or value == "":
            continue
        if field in SELECTS and value not in SELECTS[field]:
            return False
        if field in FORMATS and not (re.fullmatch(FORMATS[field], value) and real_date(value)):
            return False
        if not isinstance(value, str):
            return False
    return "today" in case["input"]


SCENARIOS = [case for case in CASES if typeable(case)]


def open_checker(page: Page, base: str, lang: str, today: str | None) -> None:
    """Open the checker page (on a fixed day, if given) and wait until it is ready."""
    if today:
        page.clock.set_fixed_time(dt.datetime.fromisoformat(f"{today}T10:00:00"))
    page.goto(f"{base}{'/' if lang == 'id' else '/en/'}checker/")
    page.locator(READY).wait_for(timeout=60_000)


def fill_and_check(page: Page, inputs: dict) -> None:
    page.locator("#kpj-checker button[type=reset]").click()
    fill_form(page, inputs)
    page.evaluate("document.querySelector('#checker-results').replaceChildren()")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results [data-cause]").first.wait_for()


def shown_causes(page: Page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('#checker-results [data-cause]')]"
        ".map(e => [e.dataset.cause, e.dataset.likelihood]))"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scenarios_give_the_same_causes_as_the_package(
    page: Page, server: object, lang: str
) -> None:
    assert len(SCENARIOS) >= 10
    by_day: dict[str, list[dict]] = {}
    for case in SCENARIOS:
        by_day.setdefault(case["input"]["today"], []).append(case)
    for today, cases in by_day.items():
        open_checker(page, server.url, lang, today)  # type: ignore[attr-defined]
        for case in cases:
            fill_and_check(page, case["input"])
            assert shown_causes(page) == case["expect"]["causes"], case["name"]
            ruled_out = page.evaluate(
                "[...document.querySelectorAll('[data-ruled-out]')].map(e => e.dataset.ruledOut)"
            )
            assert sorted(ruled_out) == sorted(case["expect"]["ruled_out"]), case["name"]
            errors = page.evaluate(
                "[...document.querySelectorAll('#kpj-checker [data-error-for]:not([hidden])')]"
                ".map(e => e.dataset.errorFor)"
            )
            assert sorted(errors) == sorted({f for f, _ in case["expect"]["input_errors"]}), case[
                "name"
            ]
            check_nik_parts(page, case)


def check_nik_parts(page: Page, case: dict) -> None:
    """Warnings beside their field (not marked invalid) and the "What your NIK says" block."""
    expect = case["expect"]
    warned = page.evaluate(
        "[...document.querySelectorAll('#kpj-checker [data-warning-for]:not([hidden])')]"
        ".map(e => e.dataset.warningFor)"
    )
    assert sorted(warned) == sorted({f for f, _ in expect.get("warnings", [])}), case["name"]
    listed = page.evaluate(
        "[...document.querySelectorAll('#checker-results [data-warning]')]"
        ".map(e => e.dataset.warning)"
    )
    assert listed == [code for _, code in expect.get("warnings", [])], case["name"]
    if expect.get("warnings") and not expect["input_errors"]:
        assert page.locator("[name=nik]").get_attribute("aria-invalid") is None, case["name"]
    block = page.locator("#checker-results [data-nik-info]")
    if "nik_info" not in expect:
        return
    info = expect["nik_info"]
    assert block.count() == (0 if info is None else 1), case["name"]
    if info is not None:
        text = block.inner_text()
        for key in ("district", "regency", "province", "birth_date"):
            if info[key] is not None:
                assert info[key] in text, (case["name"], key)


@pytest.mark.parametrize(("lang", "word"), [("id", "11"), ("en", "11")])
def test_field_error_appears_next_to_its_field_and_keeps_the_input(
    page: Page, server: object, lang: str, word: str
) -> None:
    open_checker(page, server.url, lang, "2026-11-24")  # type: ignore[attr-defined]
    fill_and_check(page, {"kpj": "12345 678", "registered_on": "2026-11-20"})
    error = page.locator(".kpj-field[data-field=kpj] [data-error-for=kpj]")
    assert error.is_visible()
    assert word in error.inner_text()
    assert read_form(page, "kpj") == "12345 678"
    assert read_form(page, "registered_on") == "20 11 2026"
    assert page.locator("[name=kpj]").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "kpj"
    assert page.locator("html").get_attribute("lang") == lang


def test_guide_pages_load_no_pyodide(page: Page, server: object, watch: object) -> None:
    for path in ("/", "/causes/late-payment/", "/en/fixes/contact-cs/"):
        page.goto(server.url + path)  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")
    loaded = [url for url in watch.requests if "pyodide" in url or url.endswith(".wasm")]  # type: ignore[attr-defined]
    assert not loaded, loaded


def test_checker_works_offline_after_one_visit_and_boots_compiled(
    context: BrowserContext, page: Page, server: object
) -> None:
    open_checker(page, server.url, "en", None)  # type: ignore[attr-defined]  # real clock: it reads performance marks
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    files = page.locator(".kpj-checker").get_attribute("data-files").split()
    wanted = {*files, "python_stdlib.compiled.zip"}
    wait_until(lambda: wanted <= {url.rsplit("/", 1)[1] for url in cached_urls(page)}, 90)
    context.set_offline(True)
    page.reload()
    page.locator(READY).wait_for(timeout=60_000)
    boot = page.evaluate("() => performance.getEntriesByName('kpj-checker-ready')[0].detail")
    assert boot["stdlib"] == "compiled"
    fill_and_check(page, {"kpj": "1234567890"})
    assert shown_causes(page)["wrong-data"] == "confirmed"
    page.goto(server.url + "/causes/too-recent/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "id"
    context.set_offline(False)


def test_copy_summary_leaves_the_nik_out_unless_ticked(
    context: BrowserContext, page: Page, server: object
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)  # type: ignore[attr-defined]
    open_checker(page, server.url, "id", "2026-11-24")  # type: ignore[attr-defined]
    nik = "3201234507900001"
    fill_and_check(page, {"kpj": "1234567890", "nik": nik, "registered_on": "2026-11-20"})
    page.locator("[data-action=copy]").click()
    page.locator(".kpj-copy-note:not(:empty)").wait_for()
    summary = page.evaluate("() => navigator.clipboard.readText()")
    assert "1234567890" in summary
    assert nik not in summary
    assert "Tenjo" not in summary, "the NIK's district counts as the NIK"
    assert "Data yang dimasukkan tidak sesuai" in summary  # a likely cause, in Indonesian
    page.locator("#kpj-include-nik").check()
    page.locator("[data-action=copy]").click()
    page.wait_for_function(
        "nik => navigator.clipboard.readText().then(t => t.includes(nik))", arg=nik
    )
    summary = page.evaluate("() => navigator.clipboard.readText()")
    assert "Kecamatan: Tenjo" in summary and "Kabupaten Bogor" in summary


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_names_load_only_once_a_nik_is_typed(
    page: Page, server: object, watch: object, lang: str
) -> None:
    open_checker(page, server.url, lang, "2026-11-24")  # type: ignore[attr-defined]
    fill_and_check(page, {"kpj": "12345678901"})
    assert page.locator("#checker-results [data-nik-info]").count() == 0
    assert not [u for u in watch.requests if u.endswith("/regions.json")]  # type: ignore[attr-defined]
    fill_and_check(page, {"nik": "9101011708900001"})  # Merauke before Papua Selatan (2022)
    assert [u for u in watch.requests if u.endswith("/regions.json")]  # type: ignore[attr-defined]
    block = page.locator("#checker-results [data-nik-info]")
    assert "Papua" in block.inner_text() and "17-08-90" in block.inner_text()
    warning = page.locator("[data-warning-for=nik]")
    assert warning.is_visible() and "9101" in warning.inner_text()
    assert page.locator("[name=nik]").get_attribute("aria-invalid") is None
    assert "9101" in page.locator("#checker-results [data-warning]").inner_text()
    wait_until(lambda: any(u.endswith("/regions.json") for u in cached_urls(page)), 30)


def test_without_javascript_the_page_explains_and_links_every_cause(
    browser: object, server: object
) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server.url + "/en/checker/")  # type: ignore[attr-defined]
    assert page.locator("[data-kpj-nojs]").is_visible()
    assert not page.locator("#kpj-checker").is_visible()
    links = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    for cause in CAUSES:
        assert any(f"/en/causes/{cause}/" in link for link in links), cause
    context.close()


@pytest.mark.parametrize(("prefix", "lang"), [("/", "id"), ("/en/", "en")])
def test_each_language_has_an_installable_manifest(
    page: Page, server: object, prefix: str, lang: str
) -> None:
    page.goto(server.url + prefix)  # type: ignore[attr-defined]
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.evaluate("url => fetch(url).then(r => r.json())", href)
    assert manifest["lang"] == lang
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        status = page.evaluate(
            "url => fetch(url).then(r => r.status)",
            page.url + icon["src"] if prefix else icon["src"],
        )
        assert status == 200


def test_print_view_shows_the_result_alone_with_its_date(page: Page, server: object) -> None:
    open_checker(page, server.url, "en", "2026-11-24")  # type: ignore[attr-defined]
    fill_and_check(page, {"kpj": "1234567890"})
    page.emulate_media(media="print")
    assert page.locator("#checker-results [data-cause=wrong-data]").is_visible()
    assert "24 November 2026" in page.locator("#checker-results .kpj-checked").inner_text()
    for hidden in ("#kpj-checker", ".kpj-result-actions", ".page-sources", ".md-header"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.locator("article.md-content__inner > h1").is_visible()


DATE_ERRORS = {
    # (what is typed in the boxes, the box marked wrong, the message in each language)
    "missing month": (
        {"birth_date-day": "17", "birth_date-year": "1990"},
        "birth_date-month",
        {"id": "Tanggal lahir harus berisi bulan.", "en": "Date of birth must include a month."},
    ),
    "31 February": (
        {"registered_on-day": "31", "registered_on-month": "2", "registered_on-year": "2020"},
        "registered_on-day",
        {
            "id": "Tanggal pendaftaran harus berupa tanggal yang ada di kalender.",
            "en": "Registration date must be a real date.",
        },
    ),
    "month 13": (
        {"last_paid_month-month": "13", "last_paid_month-year": "2026"},
        "last_paid_month-month",
        {
            "id": "Bulan iuran terakhir yang dibayar harus berupa bulan",
            "en": "must be a real month",
        },
    ),
    "letters in the year": (
        {"registered_on-day": "1", "registered_on-month": "1", "registered_on-year": "20x0"},
        "registered_on-year",
        {"id": "harus berupa tanggal yang ada", "en": "must be a real date"},
    ),
    "two-digit year": (
        {"birth_date-day": "1", "birth_date-month": "1", "birth_date-year": "90"},
        "birth_date-year",
        {"id": "tahun dengan 4 angka", "en": "a year with 4 numbers"},
    ),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_date_parts_in_error_are_marked_kept_and_linked(
    page: Page, server: object, lang: str
) -> None:
    open_checker(page, server.url, lang, "2026-11-24")  # type: ignore[attr-defined]
    for name, (typed, wrong, message) in DATE_ERRORS.items():
        page.locator("#kpj-checker button[type=reset]").click()
        page.locator("#kpj-checker [name=kpj]").fill("1234567890")
        for box, text in typed.items():
            page.locator(f"#kpj-checker [name='{box}']").fill(text)
        page.evaluate("document.querySelector('#checker-results').replaceChildren()")
        page.locator("#kpj-checker button[type=submit]").click()
        page.locator("#checker-results [role=alert]").wait_for()
        field = wrong.rsplit("-", 1)[0]
        error = page.locator(f"fieldset#kpj-{field} [data-error-for={field}]")
        assert error.is_visible(), name
        assert message[lang] in error.inner_text(), (name, error.inner_text())
        invalid = page.locator(f"fieldset#kpj-{field} [aria-invalid=true]")
        assert invalid.evaluate_all("boxes => boxes.map(b => b.name)") == [wrong], name
        for box, text in typed.items():  # nothing typed is lost
            assert page.locator(f"[name='{box}']").input_value() == text, name
        # The rest of the form is still checked: the KPJ's own error shows too, first.
        assert page.locator("[data-error-for=kpj]").is_visible(), name
        assert page.evaluate("document.activeElement.name") == "kpj", name
        link_to_date = page.locator(f"#checker-results [role=alert] a[href='#kpj-{wrong}']")
        assert message[lang] in link_to_date.inner_text(), name
        link_to_date.click()
        page.wait_for_function(f"() => document.activeElement.name === '{wrong}'")


def test_date_parts_make_the_same_date_as_iso_and_accept_month_names(
    page: Page, server: object
) -> None:
    open_checker(page, server.url, "id", "2026-11-24")  # type: ignore[attr-defined]
    # A birth date that clashes with the NIK (born 8 August 1990) proves the parts were
    # joined into the right date and reached the checker.
    nik = "3174054808900003"
    fill_and_check(page, {"nik": nik, "birth_date": "1990-08-08", "sex": "F"})
    assert not page.locator("[data-error-for=birth_date]").is_visible()
    page.locator("#kpj-checker button[type=reset]").click()
    fill_form(page, {"nik": nik, "sex": "F"})
    for box, text in {"day": "8", "month": "Agustus", "year": "1990"}.items():
        page.locator(f"[name='birth_date-{box}']").fill(text)
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results [data-cause]").first.wait_for()
    assert not page.locator("[data-error-for=birth_date]").is_visible()
    page.locator("[name='birth_date-day']").fill("9")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("[data-error-for=birth_date]:not([hidden])").wait_for()
    assert "tidak cocok dengan NIK" in page.locator("[data-error-for=birth_date]").inner_text()
    assert page.locator("fieldset#kpj-birth_date [aria-invalid=true]").count() == 3


def test_date_boxes_follow_the_date_input_pattern(page: Page, server: object) -> None:
    page.goto(server.url + "/en/checker/")  # type: ignore[attr-defined]
    birth = page.locator("fieldset#kpj-birth_date")
    assert birth.locator("legend").inner_text() == "Date of birth"
    assert "For example, 27 3 2007" in birth.locator(".kpj-hint").inner_text()
    boxes = birth.locator("input").evaluate_all(
        "boxes => boxes.map(b => [b.name, b.labels[0].textContent, b.type, b.inputMode,"
        " b.autocomplete])"
    )
    assert boxes == [
        ["birth_date-day", "Day", "text", "numeric", "bday-day"],
        ["birth_date-month", "Month", "text", "numeric", "bday-month"],
        ["birth_date-year", "Year", "text", "numeric", "bday-year"],
    ]
    month = page.locator("fieldset#kpj-last_paid_month input")
    assert month.evaluate_all("boxes => boxes.map(b => b.name)") == [
        "last_paid_month-month",
        "last_paid_month-year",
    ]
    assert (
        page.locator("#kpj-checker input[type=date], #kpj-checker input[type=month]").count() == 0
    )


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_on_a_phone_the_first_question_is_on_the_first_screen(
    page: Page, server: object, prefix: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server.url}{prefix}checker/")  # type: ignore[attr-defined]
    page.locator("#kpj-checker:not([hidden])").wait_for()
    first = page.locator("#kpj-checker .kpj-field").first
    for part in (first.locator("label").first, first.locator("input, select").first):
        box = part.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    # The privacy note comes first, and nothing in the page's content is wider than the phone.
    privacy = page.locator(".kpj-privacy").bounding_box()
    assert privacy is not None and privacy["y"] < first.bounding_box()["y"]  # type: ignore[index]
    too_wide = page.evaluate(
        "() => [...document.querySelectorAll('.md-content *')]"
        ".filter(e => e.getBoundingClientRect().right > 390).map(e => e.outerHTML.slice(0, 80))"
    )
    assert not too_wide
    # The full cause list and the explanation come after the form.
    after_form = page.evaluate(
        "() => [...document.querySelectorAll('article h2')].map(h => !!("
        "document.querySelector('#kpj-checker').compareDocumentPosition(h)"
        " & Node.DOCUMENT_POSITION_FOLLOWING))"
    )
    assert after_form and all(after_form)
