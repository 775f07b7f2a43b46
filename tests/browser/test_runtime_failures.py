"""The checker recovers from the failures mobile networks and free Wi-Fi cause.

The test server breaks one runtime file on purpose (`SiteServer.faults`): a 404, a stalled
download, or a captive portal's `200 text/html` sign-in page. Each time the page ends in the
"failed" state within 20 s, with the guide's text shown and a "try again" that works, and
nothing wrong is ever kept in the runtime cache.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import batch_samples
import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import Browser, BrowserContext, Page
from static_server import NetlifyRules, SiteServer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = {
    key: texts
    for path in (ROOT / "checker" / "kpj_checker" / "data" / "messages").glob("*.json")
    for key, texts in json.loads(path.read_text()).items()
}
READY = "#kpj-status[data-state=ready]"
FAILED = "#kpj-status[data-state=failed]"
CLEAR_STATE = 20  # seconds: every failure ends in a clear state within this


@pytest.fixture
def broken_server(site: Path, netlify_rules: NetlifyRules) -> Iterator[SiteServer]:
    """A server of its own: its faults must not reach other tests."""
    with SiteServer(site, netlify_rules) as running:
        yield running


@pytest.fixture
def fresh(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="id-ID", service_workers="allow")
    yield context
    context.close()


def runtime_files_cached(page: Page) -> list[str]:
    return [url for url in cached_urls(page) if "/assets/pyodide/" in url]


def wait_failed(page: Page) -> float:
    """Seconds until the page shows the failure, the guide's text and "try again"."""
    started = time.monotonic()
    page.locator(FAILED).wait_for(timeout=(CLEAR_STATE + 5) * 1000)
    took = time.monotonic() - started
    assert page.locator("[data-kpj-nojs]").is_visible()  # the guide's causes, still readable
    assert page.locator("[data-action=retry]").is_visible()
    return took


def controlled(page: Page, base: str) -> None:
    """Open the home page and wait until the service worker controls it."""
    page.goto(base + "/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)


@pytest.mark.parametrize("file", ["pyodide.asm.wasm", "python_stdlib.zip"])
def test_captive_portal_page_is_never_kept_and_a_reload_recovers(
    fresh: BrowserContext, broken_server: SiteServer, file: str
) -> None:
    page = fresh.new_page()
    controlled(page, broken_server.url)
    broken_server.faults.set(file, "portal")
    page.goto(broken_server.url + "/checker/")
    assert wait_failed(page) < CLEAR_STATE
    page.wait_for_timeout(1000)  # anything the service worker might still keep
    assert not [url for url in runtime_files_cached(page) if url.endswith(file)]

    broken_server.faults.clear()  # the network is back
    page.reload()
    page.locator(READY).wait_for(timeout=120_000)
    wait_until(lambda: any(url.endswith(file) for url in runtime_files_cached(page)), 30)
    page.fill("[name=kpj]", "1234567890")
    page.click("#kpj-checker button[type=submit]")
    page.locator("#checker-results [data-cause=wrong-data]").wait_for()


@pytest.mark.parametrize(("fault", "lang"), [("404", "id"), ("stall", "en")])
def test_a_failed_download_ends_clearly_and_try_again_works(
    fresh: BrowserContext, broken_server: SiteServer, fault: str, lang: str
) -> None:
    page = fresh.new_page()
    broken_server.faults.set("pyodide.asm.wasm", fault)
    page.goto(broken_server.url + ("/checker/" if lang == "id" else "/en/checker/"))
    assert wait_failed(page) < CLEAR_STATE
    assert page.locator("#kpj-status").inner_text() == MESSAGES["form.status.failed"][lang]

    # "Check" now says the checker is unavailable, and keeps what was typed.
    page.fill("[name=kpj]", "1234567890")
    page.click("#kpj-checker button[type=submit]")
    assert page.locator(FAILED).inner_text() == MESSAGES["runtime.unavailable"][lang]
    page.wait_for_timeout(500)
    assert page.locator(FAILED).is_visible()  # not "Checking…", and still not after a while
    assert page.locator("[name=kpj]").input_value() == "1234567890"

    broken_server.faults.clear()
    page.click("[data-action=retry]")
    page.locator(READY).wait_for(timeout=120_000)
    assert not page.locator("[data-kpj-nojs]").is_visible()
    assert not page.locator("[data-action=retry]").is_visible()
    assert page.locator("[name=kpj]").input_value() == "1234567890"
    page.click("#kpj-checker button[type=submit]")
    page.locator("#checker-results [data-cause=wrong-data]").wait_for()


def test_a_stall_while_checking_says_unavailable_instead_of_waiting(
    fresh: BrowserContext, broken_server: SiteServer
) -> None:
    """Pressing "Check" before the runtime is ready, then the download stalls."""
    page = fresh.new_page()
    broken_server.faults.set("python_stdlib.zip", "stall")
    page.goto(broken_server.url + "/checker/")
    page.fill("[name=kpj]", "1234567890")
    page.click("#kpj-checker button[type=submit]")
    assert wait_failed(page) < CLEAR_STATE
    assert page.locator("[name=kpj]").input_value() == "1234567890"


def test_a_bad_runtime_file_cached_before_is_deleted_not_served(
    fresh: BrowserContext, broken_server: SiteServer
) -> None:
    """A Wi-Fi page kept by an earlier version (no check) is dropped and downloaded again."""
    page = fresh.new_page()
    controlled(page, broken_server.url)
    page.goto(broken_server.url + "/checker/")
    runtime = page.locator(".kpj-checker").get_attribute("data-runtime")
    wasm = page.evaluate("r => new URL(r + 'pyodide.asm.wasm', location.href).href", runtime)
    page.locator(READY).wait_for(timeout=120_000)
    page.evaluate(
        """url => caches.open("cek-kpj-runtime").then(cache => cache.put(url,
          new Response("<title>Wi-Fi login</title>", {headers: {"Content-Type": "text/html"}})))""",
        wasm,
    )
    page.reload()
    page.locator(READY).wait_for(timeout=120_000)
    size = page.evaluate(
        """url => caches.open("cek-kpj-runtime").then(cache => cache.match(url))
          .then(hit => hit.arrayBuffer()).then(body => body.byteLength)""",
        wasm,
    )
    assert size > 1_000_000  # the real wasm, not the sign-in page


def test_offline_pages_with_query_strings_and_unknown_addresses(
    fresh: BrowserContext, server: SiteServer, site: Path
) -> None:
    page = fresh.new_page()
    controlled(page, server.url)
    wait_until(lambda: any(url.split("?")[0].endswith("/en/404.html") for url in cached_urls(page)))
    fresh.set_offline(True)
    try:
        page.goto(server.url + "/checker/?x=1")
        assert page.locator(".kpj-checker").count() == 1
        page.goto(server.url + "/en/?q=kpj")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").count() >= 1
        for path, lang, own in (
            ("/no-such-page/", "id", "404.html"),
            ("/en/no-such-page/?a=b", "en", "en/404.html"),
        ):
            response = page.goto(server.url + path)
            assert response is not None and response.status == 404, path
            assert page.locator("html").get_attribute("lang") == lang, path
            heading = page.locator("article h1").inner_text().strip()
            assert f">{heading}</h1>" in (site / own).read_text("utf-8"), path
    finally:
        fresh.set_offline(False)


def test_a_compiled_copy_that_will_not_boot_is_dropped_and_the_source_boots(
    fresh: BrowserContext, broken_server: SiteServer
) -> None:
    """A boot failure (here: a damaged compiled stdlib) is a clear state too, then recovers."""
    page = fresh.new_page()
    page.goto(broken_server.url + "/checker/")
    page.locator(READY).wait_for(timeout=120_000)
    checks = page.locator(".kpj-checker").get_attribute("data-checks")
    source = next(i.split(":")[2] for i in checks.split() if i.startswith("python_stdlib.zip:"))
    runtime = page.locator(".kpj-checker").get_attribute("data-runtime")
    compiled = page.evaluate(
        "r => new URL(r + 'python_stdlib.compiled.zip', location.href).href", runtime
    )
    page.evaluate(
        """([url, source]) => caches.open("cek-kpj-runtime").then(cache => cache.put(url,
          new Response(new Uint8Array(5000), {headers: {"X-Cek-Kpj-Source": source}})))""",
        [compiled, source],
    )
    started = time.monotonic()
    page.reload()
    page.locator(READY).wait_for(timeout=120_000)
    assert time.monotonic() - started < CLEAR_STATE + 10
    boot = page.evaluate("() => performance.getEntriesByName('kpj-checker-ready')[0].detail")
    assert boot["stdlib"] == "source"


LIST_READY = "#kpj-list-status[data-state=ready]"
LIST_FAILED = "#kpj-list-status[data-state=failed]"
LIST_DONE = "#kpj-list-status[data-state=done]"
SAMPLES = batch_samples.samples()


def choose_list(page: Page, name: str, body: bytes) -> None:
    page.set_input_files("#kpj-list-file", files=[{"name": name, "mimeType": "", "buffer": body}])


def list_wheel(page: Page, package: str) -> str:
    wheels = (page.locator(".kpj-list").get_attribute("data-xlsx-files") or "").split()
    return next(name for name in wheels if name.startswith(package + "-"))


@pytest.mark.parametrize(
    ("file", "lang"), [("kpj_checker_batch.zip", "id"), ("pyodide.asm.wasm", "en")]
)
def test_the_list_page_never_keeps_a_sign_in_page_and_try_again_checks_the_file(
    fresh: BrowserContext, broken_server: SiteServer, file: str, lang: str
) -> None:
    """The employee-list page loads its files (its own and the checker's) checked, too."""
    page = fresh.new_page()
    controlled(page, broken_server.url)
    broken_server.faults.set(file, "portal")
    started = time.monotonic()
    page.goto(broken_server.url + ("/employee-list/" if lang == "id" else "/en/employee-list/"))
    page.locator(LIST_FAILED).wait_for(timeout=(CLEAR_STATE + 5) * 1000)
    assert time.monotonic() - started < CLEAR_STATE
    assert (
        page.locator("#kpj-list-status").inner_text()
        == MESSAGES["batch.page.status.load_failed"][lang]
    )
    assert page.locator("[data-action=retry]").inner_text() == MESSAGES["batch.page.retry"][lang]
    choose_list(
        page, "list.csv", SAMPLES["comma-utf8.csv"]
    )  # chosen while failed: kept for the retry
    page.wait_for_timeout(1000)  # anything the service worker might still keep
    assert not [url for url in runtime_files_cached(page) if url.endswith(file)]

    broken_server.faults.clear()  # the network is back
    page.click("[data-action=retry]")
    page.locator(LIST_DONE).wait_for(timeout=120_000)  # the chosen file, checked at once
    assert not page.locator("[data-action=retry]").is_visible()
    wait_until(lambda: any(url.endswith(file) for url in runtime_files_cached(page)), 30)


def test_the_xlsx_reader_is_checked_before_use_and_a_failure_can_be_retried(
    fresh: BrowserContext, broken_server: SiteServer
) -> None:
    page = fresh.new_page()
    page.goto(broken_server.url + "/employee-list/")
    page.locator(LIST_READY).wait_for(timeout=120_000)
    wheel = list_wheel(page, "openpyxl")
    broken_server.faults.set(wheel, "portal")
    choose_list(page, "list.xlsx", SAMPLES["list.xlsx"])
    page.locator(LIST_FAILED).wait_for(timeout=(CLEAR_STATE + 5) * 1000)
    assert not [url for url in runtime_files_cached(page) if url.endswith(wheel)]
    broken_server.faults.clear()
    page.click("[data-action=retry]")
    page.locator(LIST_DONE).wait_for(timeout=120_000)
    wait_until(lambda: any(url.endswith(wheel) for url in runtime_files_cached(page)), 30)
