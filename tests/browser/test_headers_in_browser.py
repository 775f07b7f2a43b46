"""The deploy headers (netlify.toml) as Chromium applies them: nothing the site uses is blocked.

COOP and CORP `same-origin` must not stop the Pyodide worker, the service worker, the
manifest or the icons; every feature named in Permissions-Policy must be one Chromium
knows (an unknown one is logged as an error and protects nothing).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page

pytestmark = pytest.mark.browser
READY = "#kpj-status[data-state=ready]"


def test_headers_reach_the_browser_and_the_checker_still_boots(
    context: BrowserContext, page: Page, server: object
) -> None:
    logged: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        logged.append(message.text)

    page.on("console", keep)
    response = page.goto(server.url + "/en/checker/")  # type: ignore[attr-defined]
    assert response is not None
    headers = response.headers
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    assert "web-share=(self)" in headers["permissions-policy"]
    page.locator(READY).wait_for(timeout=60_000)  # the Pyodide worker loaded its runtime
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    # The manifest and its icons load under CORP same-origin.
    icons = page.evaluate(
        """async () => {
            const href = document.querySelector('link[rel=manifest]').href;
            const manifest = await (await fetch(href)).json();
            const sizes = [];
            for (const icon of manifest.icons) {
                const image = new Image();
                image.src = new URL(icon.src, href).href;
                await image.decode();
                sizes.push(image.naturalWidth);
            }
            return sizes;
        }"""
    )
    assert icons and all(size > 0 for size in icons)
    # Chromium applies the policy: a denied feature is off, an allowed one is on.
    has_share = page.evaluate("() => typeof navigator.share === 'function'")
    features = ["camera", "geolocation", "payment", "clipboard-write"]
    features += ["web-share"] if has_share else []
    allowed = page.evaluate(
        "features => features.map(f => [f, document.featurePolicy.allowsFeature(f)])", features
    )
    assert dict(allowed) == {
        "camera": False,
        "geolocation": False,
        "payment": False,
        "clipboard-write": True,
        **({"web-share": True} if has_share else {}),
    }
    # Every feature named is one Chromium knows (web-share only where it has Web Share).
    unknown = {line.rsplit("'", 2)[-2] for line in logged if "Unrecognized feature" in line}
    assert unknown <= ({"web-share"} if not has_share else set()), unknown
    assert not [
        line for line in logged if "Permissions-Policy" in line and "Unrecognized" not in line
    ]
