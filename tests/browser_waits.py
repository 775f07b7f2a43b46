"""Waiting helpers for browser tests: poll from Python, since the CSP forbids the string
predicates Playwright would evaluate, and promise-returning predicates are not awaited."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Page

CACHED_URLS = (
    "() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
    ".then(c => c.keys())))).then(lists => lists.flat().map(r => r.url))"
)


def wait_until(check: Callable[[], object], seconds: float = 60) -> None:
    """Poll `check` until it is truthy; fail when `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.25)


def cached_urls(page: Page) -> list[str]:
    """Every URL in the page's Cache Storage (the precache and the runtime cache)."""
    return page.evaluate(CACHED_URLS)
