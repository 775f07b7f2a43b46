"""Ready-made messages after a result: which ones a result calls for, what they say, and
that copying, sharing and printing them happen on the device alone."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_form import fill_form
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

READY = "#kpj-status[data-state=ready]"
KPJ = "12345678901"
NIK = "3174054808900003"  # a woman born 8 August 1990
CHANGED_JOBS = {
    "kpj": KPJ,
    "nik": NIK,
    "birth_date": "1990-08-08",
    "sex": "F",
    "membership": "employee",
    "employment_status": "changed_employer",
    "changed_employer_on": "2026-10-13",
}
# Answers, and the messages their result calls for (the rule in next-steps.js).
SCENARIOS = [
    (
        "changed jobs: transfer and two numbers likely",
        CHANGED_JOBS,
        {"hrd", "previous_employer", "branch"},
    ),
    ("two KPJ numbers", {"kpj": KPJ, "kpj_count": "several"}, {"branch"}),
    (
        "unpaid for months, still employed",
        {
            "kpj": KPJ,
            "membership": "employee",
            "employment_status": "active",
            "last_paid_month": "2026-06",
        },
        {"hrd"},
    ),
    (
        "unpaid, self-paid: no employer to write to",
        {"kpj": KPJ, "membership": "self", "last_paid_month": "2026-06"},
        set(),
    ),
    (
        "left work: no current employer",
        {
            "kpj": KPJ,
            "membership": "employee",
            "employment_status": "resigned",
            "last_paid_month": "2026-06",
        },
        {"previous_employer", "branch"},
    ),
    (
        "nothing likely",
        {
            "kpj": KPJ,
            "kpj_count": "one",
            "employment_status": "active",
            "registered_on": "2020-01-01",
            "last_paid_month": "2026-10",
        },
        set(),
    ),
]
# Pretend to be a phone with a share sheet: record what would be handed to it.
FAKE_SHARE_SHEET = (
    "navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };"
)


def open_checker(page: Page, base: str, lang: str) -> None:
    page.clock.set_fixed_time(dt.datetime(2026, 11, 24, 10))
    page.goto(f"{base}{'/' if lang == 'id' else '/en/'}checker/")
    page.locator(READY).wait_for(timeout=60_000)


def check(page: Page, values: dict[str, str]) -> None:
    page.locator("#kpj-checker button[type=reset]").click()
    fill_form(page, values)
    page.evaluate("document.querySelector('#checker-results').replaceChildren()")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results h2").wait_for()


def shown_steps(page: Page) -> set[str]:
    return set(page.locator("[data-step]").evaluate_all("s => s.map(e => e.dataset.step)"))


def message(page: Page, step: str) -> str:
    return page.locator(f"[data-message={step}]").inner_text()


def test_each_message_is_shown_only_where_the_result_calls_for_it(
    page: Page, server: object
) -> None:
    open_checker(page, server.url, "id")  # type: ignore[attr-defined]
    for name, values, expected in SCENARIOS:
        check(page, values)
        assert shown_steps(page) == expected, name
        assert page.locator(".kpj-next-steps").count() == (1 if expected else 0), name


def test_messages_are_filled_from_what_was_typed_and_the_nik_only_when_ticked(
    page: Page, server: object
) -> None:
    open_checker(page, server.url, "id")  # type: ignore[attr-defined]
    check(page, CHANGED_JOBS)
    hrd, previous, branch = (message(page, s) for s in ("hrd", "previous_employer", "branch"))
    assert hrd.startswith("Yth. Bapak/Ibu bagian HRD")
    assert "Nomor KPJ: " + KPJ in hrd and "Tanggal lahir: 8 Agustus 1990" in hrd
    assert "non-aktif" in previous and "SIPP" in previous
    assert "Tanggal berhenti bekerja: 13 Oktober 2026" in previous
    assert "digabungkan" in branch and KPJ in branch
    for text in (hrd, previous, branch):
        assert NIK not in text and "NIK:" not in text  # not ticked: no NIK line at all
    page.locator("#kpj-include-nik").check()
    for step in ("hrd", "previous_employer", "branch"):
        assert "NIK: " + NIK in message(page, step)
    page.locator("#kpj-include-nik").uncheck()
    assert NIK not in message(page, "hrd")
    # A value the checker rejected is left out rather than sent wrong.
    check(page, {**CHANGED_JOBS, "kpj": "1234567890"})
    assert "Nomor KPJ:" not in message(page, "hrd")


def test_the_english_page_offers_the_messages_in_indonesian_with_a_translation(
    page: Page, server: object
) -> None:
    open_checker(page, server.url, "en")  # type: ignore[attr-defined]
    check(page, CHANGED_JOBS)
    hrd = page.locator("[data-message=hrd]")
    assert hrd.get_attribute("lang") == "id"
    assert hrd.inner_text().startswith("Yth. Bapak/Ibu bagian HRD")
    assert "Tanggal lahir: 8 Agustus 1990" in hrd.inner_text()
    assert page.locator(".kpj-next-steps").inner_text().count("in Indonesian") == 1
    page.locator("[data-step=hrd] details summary").click()
    translation = page.locator("[data-translation=hrd]")
    assert translation.get_attribute("lang") == "en"
    assert translation.inner_text().startswith("Dear HR team")
    assert "KPJ number: " + KPJ in translation.inner_text()
    assert "Date of birth: 8 August 1990" in translation.inner_text()
    assert page.locator("[data-step=hrd] h4").inner_text() == "To HR at your current employer"


def test_copy_share_and_print_a_message(
    context: BrowserContext, page: Page, server: object
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)  # type: ignore[attr-defined]
    open_checker(page, server.url, "id")  # type: ignore[attr-defined]
    check(page, CHANGED_JOBS)
    # No share sheet in desktop Chromium: no Share button that would do nothing.
    assert page.locator("[data-action=share-message]").count() == 0
    copy = page.get_by_role("button", name="Salin pesan Untuk kantor cabang BPJS Ketenagakerjaan")
    copy.click()
    page.locator("[data-step=branch] [role=status]:not(:empty)").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == message(page, "branch")

    page.add_init_script(FAKE_SHARE_SHEET)
    open_checker(page, server.url, "id")  # type: ignore[attr-defined]
    check(page, CHANGED_JOBS)
    page.locator("#kpj-include-nik").check()
    page.locator("[data-step=hrd] [data-action=share-message]").click()
    page.wait_for_function("() => window.sharedWith !== undefined")
    shared = page.evaluate("() => window.sharedWith")
    assert shared == {"text": message(page, "hrd")} and NIK in shared["text"]

    page.evaluate(
        "() => { window.print = () => { window.printedWhat = document.body.className; }; }"
    )
    page.locator("[data-step=previous_employer] [data-action=print-message]").click()
    assert "kpj-print-message" in page.evaluate("() => window.printedWhat")
    page.emulate_media(media="print")
    assert page.locator("[data-message=previous_employer]").is_visible()
    for hidden in (
        "[data-message=hrd]",
        "[data-cause]",
        "#kpj-checker",
        "[data-action=print-message]",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert not page.locator("[data-message]").first.is_visible()  # the result's own print view
    assert page.locator("[data-cause]").first.is_visible()
