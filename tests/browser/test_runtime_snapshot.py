"""Later visits boot from Pyodide's memory snapshot, made on the device, holding nothing typed.

First visit: the source stdlib, compiled once and kept. Second visit: boots from the
compiled copy and takes a memory snapshot right after `kpj_checker` is imported (before
any diagnosis). Third visit on: restores that snapshot.
"""

from __future__ import annotations

import gzip

import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

READY = "#kpj-status[data-state=ready]"
SECRETS = ("3174054808900003", "98765432101")


def boot(page: Page) -> dict:
    page.locator(READY).wait_for(timeout=120_000)
    return page.evaluate("() => performance.getEntriesByName('kpj-checker-ready')[0].detail")


def check(page: Page, kpj: str, nik: str = "") -> None:
    page.fill("[name=kpj]", kpj)
    page.fill("[name=nik]", nik)
    page.click("#kpj-checker button[type=submit]")
    page.locator("#checker-results [data-cause]").first.wait_for()


def cached(page: Page, name: str) -> bool:
    return any(url.endswith("/" + name) for url in cached_urls(page))


def snapshot_bytes(page: Page) -> bytes:
    data = page.evaluate(
        """() => caches.open("cek-kpj-runtime").then(c => c.keys().then(keys => c.match(
          keys.find(r => r.url.endsWith("/pyodide.snapshot.gz")))))
          .then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b)))"""
    )
    return gzip.decompress(bytes(data))


def test_later_visits_restore_a_snapshot_that_holds_nothing_typed(
    context: BrowserContext, page: Page, server: object
) -> None:
    page.goto(server.url + "/checker/")  # type: ignore[attr-defined]
    assert boot(page)["snapshot"] == "none"
    check(page, SECRETS[1], SECRETS[0])  # typed before any snapshot exists
    wait_until(lambda: cached(page, "python_stdlib.compiled.zip"), 150)

    page.reload()
    second = boot(page)
    assert (second["stdlib"], second["snapshot"]) == ("compiled", "made")
    check(page, SECRETS[1], SECRETS[0])  # typed right after the snapshot was taken
    wait_until(lambda: cached(page, "pyodide.snapshot.gz"), 150)
    memory = snapshot_bytes(page)
    assert len(memory) > 1_000_000
    for secret in SECRETS:
        assert secret.encode() not in memory
        assert secret.encode("utf-32-le") not in memory and secret.encode("utf-16-le") not in memory

    page.reload()
    restored = boot(page)
    assert restored["snapshot"] == "restored"
    check(page, "1234567890")
    assert page.locator("#checker-results [data-cause=wrong-data]").count() == 1
