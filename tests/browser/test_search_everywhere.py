"""Search gives the same results under `mkdocs serve`, on the built site and offline (issue 12).

The same queries are typed into the real search box of a `mkdocs serve` preview, of the
built site, and of the built site again with the network off after one visit. Each must
list the same pages in the same order: the index, its hidden stem and topic fields, the
synonyms and cues (search-data.js) and the query rewriting are the same in all three.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import Browser, Page
from search_eval import LANG_ROOT, search, wait_for_index

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

QUERIES = {
    "id": ["ganti kerja", "telat bayar iuran", "calo jmo", "lupa nomor kpj", "jmo eror"],
    "en": ["switched jobs", "quit my job", "hotline", "two kpj numbers", "new id card"],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def preview() -> Iterator[str]:
    """`mkdocs serve` of the working tree, as a contributor previews it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/en/search/search_index.json", timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("`mkdocs serve` did not start") from None
                time.sleep(1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def pages_found(page: Page, base: str, lang: str) -> list[list[str]]:
    """The result pages (paths) of every query of `lang`, typed on `lang`'s home page."""
    page.goto(base + LANG_ROOT[lang])
    page.locator("input.md-search__input").click()
    wait_for_index(page)
    return [
        [urlsplit(url).path for url in search(page, query, attempts=3)[0]]
        for query in QUERIES[lang]
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_preview_built_site_and_offline_copy_give_the_same_results(
    browser: Browser, preview: str, server: object, lang: str
) -> None:
    with browser.new_context() as context:
        served = pages_found(context.new_page(), preview, lang)
    built_url = server.url  # type: ignore[attr-defined]
    with browser.new_context(service_workers="allow") as context:
        page = context.new_page()
        built = pages_found(page, built_url, lang)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        index = LANG_ROOT[lang] + "search/search_index.json"
        wait_until(lambda: any(index in url for url in cached_urls(page)))
        context.set_offline(True)
        offline = pages_found(page, built_url, lang)
    assert all(built), f"a query found nothing: {dict(zip(QUERIES[lang], built, strict=True))}"
    # The first query's words are not on the transfer page: it is found through the
    # synonyms and topic cues, which must be there in all three.
    assert built[0][0] == LANG_ROOT[lang] + "causes/membership-transfer/"
    assert served == built, "`mkdocs serve` and the built site rank differently"
    assert offline == built, "the offline copy ranks differently"
