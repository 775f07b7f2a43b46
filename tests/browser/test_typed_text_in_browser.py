"""Invisible and control characters typed into the checker page are never shown or copied raw."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser
READY = "#kpj-status[data-state=ready]"
HIDDEN = ("\u202e", "\u200b", "\x1b", "\ue000")


def test_invisible_characters_are_ignored_and_others_shown_by_code_point(
    context: BrowserContext, page: Page, server: object
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)  # type: ignore[attr-defined]
    page.clock.set_fixed_time(dt.datetime(2026, 11, 24, 10))
    page.goto(server.url + "/en/checker/")  # type: ignore[attr-defined]
    page.locator(READY).wait_for(timeout=60_000)
    # A right-to-left override and a zero-width space in the KPJ: ignored, the number is fine.
    page.locator("[name=kpj]").fill("\u202e1234\u200b5678901")
    # An escape character and a private-use character in the NIK: quoted by code point.
    page.locator("[name=nik]").fill("3201015505910007\x1b\ue000")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results [data-cause]").first.wait_for()
    assert not page.locator("[data-error-for=kpj]:not([hidden])").count()
    error = page.locator(".kpj-field[data-field=nik] [data-error-for=nik]").inner_text()
    assert "U+001B" in error and "U+E000" in error
    shown = page.locator("#checker-results").inner_text()
    assert not any(ch in shown + error for ch in HIDDEN)
    page.locator("#kpj-include-nik").check()
    page.locator("[data-action=copy]").click()
    page.locator(".kpj-copy-note:not(:empty)").wait_for()
    summary = page.evaluate("() => navigator.clipboard.readText()")
    assert "12345678901" in summary
    assert "3201015505910007<U+001B><U+E000>" in summary
    assert not any(ch in summary for ch in HIDDEN)
