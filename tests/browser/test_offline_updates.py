"""A new deploy replaces the offline copy cleanly: old pages stay whole until the new
service worker takes over, then every page is the new one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from browser_waits import cached_urls, wait_until
from playwright.sync_api import Browser, Page
from static_server import NetlifyRules, SiteServer

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def deploy_new_version(site: Path) -> None:
    """Change one page and regenerate the service worker, as a new build would."""
    page = site / "about" / "index.html"
    page.write_text(page.read_text().replace("<h1", "<h1 data-deploy='2'", 1))
    subprocess.run(["node", str(ROOT / "build_scripts" / "generate_sw.mjs"), str(site)], check=True)


def deployed(page: Page) -> str | None:
    return page.locator("h1").first.get_attribute("data-deploy")


def test_new_deploy_takes_over_cleanly(
    browser: Browser, site: Path, netlify_rules: NetlifyRules, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    with SiteServer(copy, netlify_rules) as server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + "/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        wait_until(lambda: any("/about/index.html" in u for u in cached_urls(page)))

        deploy_new_version(copy)
        page.goto(server.url + "/about/")
        assert deployed(page) is None  # the old version, whole, while the old worker runs
        page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
        waiting = "() => navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)"
        wait_until(lambda: page.evaluate(waiting), 30)
        page.close()  # the last tab closes: the new worker takes over

        page = context.new_page()
        page.goto(server.url + "/about/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        assert deployed(page) == "2"  # the new worker serves the new version
        about_url = server.url + "/about/index.html"
        about = [u for u in cached_urls(page) if u.split("?")[0] == about_url]
        assert len(about) == 1, about  # the old copy is gone, not kept beside the new one
        context.set_offline(True)
        page.goto(server.url + "/about/")
        assert deployed(page) == "2"  # the new version is what is kept offline
        context.close()


def deploy_new_runtime(site: Path) -> tuple[str, str]:
    """Give the runtime a new content-hashed folder, as a build with a new checker would."""
    folder = next((site / "assets" / "pyodide").iterdir())
    old, new = folder.name, folder.name[::-1]
    folder.rename(folder.with_name(new))
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        if old in text:
            page.write_text(text.replace(old, new), "utf-8")
    subprocess.run(["node", str(ROOT / "build_scripts" / "generate_sw.mjs"), str(site)], check=True)
    return old, new


def test_old_runtime_is_removed_once_no_page_uses_it(
    browser: Browser, site: Path, netlify_rules: NetlifyRules, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    with SiteServer(copy, netlify_rules) as server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + "/checker/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.locator("#kpj-status[data-state=ready]").wait_for(timeout=60_000)
        wait_until(lambda: any(u.endswith("pyodide.asm.wasm") for u in cached_urls(page)))

        old, new = deploy_new_runtime(copy)
        page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
        waiting = "() => navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)"
        wait_until(lambda: page.evaluate(waiting), 30)
        assert any(f"/{old}/" in u for u in cached_urls(page))  # the open page still has it
        page.close()

        page = context.new_page()
        page.goto(server.url + "/checker/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.locator("#kpj-status[data-state=ready]").wait_for(timeout=60_000)
        assert f"/{new}/" in page.locator(".kpj-checker").get_attribute("data-runtime")
        wait_until(lambda: not any(f"/{old}/" in u for u in cached_urls(page)), 30)
        wait_until(lambda: any(f"/{new}/pyodide.asm.wasm" in u for u in cached_urls(page)))
        context.close()
