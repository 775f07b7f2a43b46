"""The guide in headless Chromium: language switcher and per-language search."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def switch_language(page: Page, hreflang: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang={hreflang}]").first.click()
    page.wait_for_load_state()


def test_language_switcher_round_trips_on_the_same_page(page: Page, server: object) -> None:
    page.goto(f"{server.url}/causes/late-payment/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "id"
    switch_language(page, "en")
    assert page.url.endswith("/en/causes/late-payment/")
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "id")
    assert page.url.endswith("/causes/late-payment/")
    assert "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "id"


def search(page: Page, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(".md-search-result__list > li a.md-search-result__link")
    # Material ignores queries typed before its search worker has loaded the index,
    # so type again until results appear.
    for _ in range(30):
        box.fill("")
        box.press_sequentially(query)
        if results.count():
            break
        page.wait_for_timeout(500)
    return results.evaluate_all("links => links.map(link => link.href)")


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("/", "terlambat", "/causes/late-payment/"),
        ("/", "14 hari", "/causes/too-recent/"),
        ("/en/", "late contribution", "/en/causes/late-payment/"),
        ("/en/", "employer", "/en/causes/membership-transfer/"),
    ],
)
def test_search_finds_the_cause_in_the_current_language_only(
    page: Page, server: object, start: str, query: str, expected: str
) -> None:
    page.goto(server.url + start)  # type: ignore[attr-defined]
    links = search(page, query)
    origin = server.url  # type: ignore[attr-defined]
    pages = [urlsplit(link).path for link in links if link.startswith(origin)]
    assert len(pages) == len(links), links
    assert expected in pages, pages
    english = [p for p in pages if p.startswith("/en/")]
    assert (english == pages) if start == "/en/" else not english, pages


def test_search_works_offline_after_one_visit(page: Page, server: object, context: object) -> None:
    page.goto(server.url + "/en/")  # type: ignore[attr-defined]
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    wait_until(lambda: any("/en/search/search_index.json" in u for u in cached_urls(page)))
    context.set_offline(True)  # type: ignore[attr-defined]
    page.goto(server.url + "/en/glossary/")  # type: ignore[attr-defined]
    pages = [urlsplit(link).path for link in search(page, "late contribution")]
    assert "/en/causes/late-payment/" in pages
    context.set_offline(False)  # type: ignore[attr-defined]
