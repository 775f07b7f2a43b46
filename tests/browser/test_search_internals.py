"""Search in Chromium: the rewritten query reaches Material's worker, nothing-found offers the
checker and the causes, and a 60,000-character query leaves the page responsive."""

from __future__ import annotations

from urllib.parse import urlsplit

import material_internals as mi
import pytest
from playwright.sync_api import Page, expect
from search_eval import LANG_ROOT, search, wait_for_index

pytestmark = pytest.mark.browser

RECORD_MESSAGES = """(() => {
  const post = Worker.prototype.postMessage;
  window.__posted = [];
  Worker.prototype.postMessage = function (message) {
    if (message && typeof message.data === "string") {
      window.__posted.push({ type: message.type, data: message.data.slice(0, 300) });
    }
    return post.apply(this, arguments);
  };
})();"""


def open_search(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("input.md-search__input").click()
    wait_for_index(page)


def test_rewritten_query_reaches_materials_worker(page: Page, server: object) -> None:
    # Recorded before search-query.js wraps postMessage, so this sees what the worker gets.
    page.add_init_script(RECORD_MESSAGES)
    open_search(page, server.url + "/")  # type: ignore[attr-defined]
    pages, _ = search(page, "keterlambatan pembayaran", attempts=3)
    posted = page.evaluate("window.__posted")
    queries = [m["data"] for m in posted if m["type"] == mi.QUERY_MESSAGE_TYPE]
    rewritten = [query for query in queries if query.startswith("lambat^1 bayar")]
    assert rewritten, (
        f"Material's worker did not get the rewritten query as message type "
        f"{mi.QUERY_MESSAGE_TYPE} (SearchMessageType.QUERY, build_scripts/material_internals.py); "
        f"posted: {posted[-5:]}"
    )
    # The query's cues ("keterlambatan") add the late-payment page's topic token, boosted.
    assert "topiccauseslatepayment^" in rewritten[-1]
    assert urlsplit(pages[0]).path == "/causes/late-payment/"
    # Material's "Missing: ..." line would show the rewritten terms; site.css hides it.
    terms = page.locator("." + mi.SEARCH_SELECTORS["terms"])
    assert terms.count() > 0
    for index in range(terms.count()):
        expect(terms.nth(index)).to_be_hidden()


@pytest.mark.parametrize(
    ("lang", "lead", "checker"),
    [
        ("id", "Tidak ada halaman yang cocok", "Buka pemeriksa KPJ"),
        ("en", "No page matches", "Open the KPJ checker"),
    ],
)
def test_nothing_found_offers_the_checker_and_the_causes(
    page: Page, server: object, lang: str, lead: str, checker: str
) -> None:
    base = server.url  # type: ignore[attr-defined]
    open_search(page, base + LANG_ROOT[lang])
    panel = page.locator("[data-cek-kpj-search-empty] > div")
    expect(panel).to_be_hidden()
    pages, _ = search(page, "zqxwv", attempts=3)
    assert pages == []
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(lead)
    link = panel.get_by_role("link", name=checker)
    assert urlsplit(link.evaluate("a => a.href")).path == f"{LANG_ROOT[lang]}checker/"
    causes = panel.locator("li a")
    assert causes.count() >= 6
    hrefs = causes.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert all(href.startswith(LANG_ROOT[lang] + "causes/") for href in hrefs), hrefs
    # Keyboard: the offer's links are reachable with Tab from the search box.
    page.locator("input.md-search__input").focus()
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert checker in reached
    # A search that finds something hides the offer again.
    page.locator("input.md-search__input").focus()
    assert search(page, "kpj", attempts=3)[0]
    expect(panel).to_be_hidden()


WATCH_MAIN_THREAD = """(() => {
  let last = performance.now();
  window.__longestGap = 0;
  setInterval(() => {
    const now = performance.now();
    window.__longestGap = Math.max(window.__longestGap, now - last);
    last = now;
  }, 50);
})();"""
ANSWERED = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta && /[0-9]|%s|%s/.test(meta.textContent);
}"""


def longest_block_after_answer(page: Page) -> float:
    """Milliseconds of the longest main-thread block until search answered the query."""
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    words = [config["translations"][key] for key in ("search.result.none", "search.result.one")]
    page.wait_for_function(ANSWERED % tuple(words), timeout=60_000)
    page.wait_for_timeout(300)
    return page.evaluate("window.__longestGap")


def test_a_60000_character_query_link_leaves_the_page_responsive(
    page: Page, server: object
) -> None:
    """Issue 14: `/en/?q=` + 60,000 letters once blocked the page for seconds."""
    page.add_init_script(WATCH_MAIN_THREAD)
    page.goto(server.url + "/en/?q=" + "a" * 60_000)  # type: ignore[attr-defined]
    expect(page.locator("input.md-search__input")).to_have_value("a" * 60_000)
    blocked = longest_block_after_answer(page)
    assert blocked < 1_000, f"the main thread was blocked for {blocked:.0f} ms"
    expect(page.locator("[data-cek-kpj-search-empty] > div")).to_be_visible()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_typing_a_60000_character_query_leaves_the_page_responsive(
    page: Page, server: object, lang: str
) -> None:
    page.add_init_script(WATCH_MAIN_THREAD)
    open_search(page, server.url + LANG_ROOT[lang])  # type: ignore[attr-defined]
    meta = page.locator(".md-search-result__meta")
    meta.evaluate("el => { el.textContent = ''; }")
    page.evaluate("window.__longestGap = 0")
    box = page.locator("input.md-search__input")
    box.fill("ea" * 30_000)
    box.press("e")
    blocked = longest_block_after_answer(page)
    assert blocked < 1_000, f"the main thread was blocked for {blocked:.0f} ms"
    assert search(page, "kpj", attempts=3)[0], "search no longer answers after a long query"


def test_search_rules_load_only_once_a_reader_searches(
    page: Page, server: object, watch: object
) -> None:
    """search-data.js and search-words.js (about 80 KB) stay off pages nobody searches."""
    lazy = ("/assets/cek-kpj/search-data.js", "/assets/cek-kpj/search-words.js")

    def loaded() -> list[str]:
        paths = [urlsplit(url).path for url in watch.requests]  # type: ignore[attr-defined]
        return [name for name in lazy if name in paths]

    page.goto(server.url + "/en/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")
    assert loaded() == [], "the search rules were loaded before anyone searched"
    open_search(page, server.url + "/en/")  # type: ignore[attr-defined]
    assert loaded() == list(lazy)
    pages, _ = search(page, "switched jobs", attempts=3)
    assert urlsplit(pages[0]).path == "/en/causes/membership-transfer/"
