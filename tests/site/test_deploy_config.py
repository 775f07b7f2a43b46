"""netlify.toml, read by Netlify's own parser, and the test server that applies it."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest
from static_server import NetlifyRules, SiteServer


def csp_of(rules: NetlifyRules, path: str) -> dict[str, list[str]]:
    policy = rules.headers_for(path)["Content-Security-Policy"]
    directives = [d.split() for d in policy.split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def test_csp_allows_only_the_site_itself_and_wasm(netlify_rules: NetlifyRules) -> None:
    csp = csp_of(netlify_rules, "/checker/")
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert csp["object-src"] == ["'none'"]
    for sources in csp.values():
        for source in sources:
            assert source.startswith("'") or source in ("data:",), source


def test_security_headers_on_every_page(netlify_rules: NetlifyRules) -> None:
    headers = netlify_rules.headers_for("/en/causes/late-payment/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "max-age=0" in headers["Cache-Control"]


#: Paths of every kind the site serves: pages, the checker's worker and runtime, the
#: service worker, the manifest and its icons, the 404 page.
EVERY_KIND = (
    "/",
    "/en/checker/",
    "/assets/cek-kpj/checker-worker.js",
    "/assets/pyodide/0123abcd/pyodide.asm.wasm",
    "/sw.js",
    "/manifest.webmanifest",
    "/assets/cek-kpj/icons/icon-192.png",
    "/sitemap.xml.gz",
    "/404.html",
)


def policy_of(rules: NetlifyRules, path: str) -> dict[str, str]:
    """Permissions-Policy as ``{feature: allowlist}``."""
    policy = rules.headers_for(path)["Permissions-Policy"]
    items = [item.strip().partition("=") for item in policy.split(",")]
    return {feature: allowlist for feature, _, allowlist in items}


@pytest.mark.parametrize("path", EVERY_KIND)
def test_hsts_coop_corp_and_framing_on_every_response(
    netlify_rules: NetlifyRules, path: str
) -> None:
    headers = netlify_rules.headers_for(path)
    hsts = [part.strip() for part in headers["Strict-Transport-Security"].split(";")]
    max_age = int(hsts[0].removeprefix("max-age="))
    assert max_age >= 31_536_000  # OWASP: at least a year
    assert "includeSubDomains" in hsts
    assert "preload" not in hsts  # the .app domain is preloaded already (see netlify.toml)
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_permissions_policy_denies_what_the_site_does_not_use(
    netlify_rules: NetlifyRules,
) -> None:
    policy = policy_of(netlify_rules, "/checker/")
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "hid",
        "midi",
        "display-capture",
        "browsing-topics",
        "publickey-credentials-get",
    ):
        assert policy[feature] == "()", feature
    # The checker copies its summary and offers to share it, from its own pages only.
    assert policy["clipboard-write"] == "(self)"
    assert policy["web-share"] == "(self)"
    assert "interest-cohort" not in policy  # FLoC: obsolete
    allowed = {feature for feature, allowlist in policy.items() if allowlist != "()"}
    assert allowed == {"clipboard-write", "web-share"}


def test_gzip_sitemap_is_served_as_a_gzip_file(netlify_rules: NetlifyRules) -> None:
    headers = netlify_rules.headers_for("/sitemap.xml.gz")
    assert headers["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in headers
    assert "Content-Type" not in netlify_rules.headers_for("/sitemap.xml")


def test_wasm_type_and_long_caching_for_fingerprinted_assets(netlify_rules: NetlifyRules) -> None:
    assert netlify_rules.headers_for("/x/pyodide.asm.wasm")["Content-Type"] == "application/wasm"
    hashed = netlify_rules.headers_for("/assets/stylesheets/main.57a0d79d.min.css")
    assert "immutable" in hashed["Cache-Control"]
    assert "immutable" not in netlify_rules.headers_for("/assets/cek-kpj/site.css")["Cache-Control"]


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_test_server_applies_the_resolved_headers(server: SiteServer) -> None:
    status, headers, body = fetch(server.url + "/")
    assert status == 200
    assert "'wasm-unsafe-eval'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert b'<html lang="id"' in body


def test_test_server_sends_the_new_headers(server: SiteServer) -> None:
    _, headers, _ = fetch(server.url + "/en/checker/")
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "max-age=" in headers["Strict-Transport-Security"]


def test_test_server_sends_the_gzip_sitemap_as_is(server: SiteServer) -> None:
    """As a CDN would: no second compression, whatever the client accepts."""
    request = urllib.request.Request(
        server.url + "/sitemap.xml.gz", headers={"Accept-Encoding": "br, gzip"}
    )
    with urllib.request.urlopen(request) as response:
        headers, body = dict(response.headers), response.read()
    assert headers["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in headers
    assert body[:2] == b"\x1f\x8b"
    assert b"<urlset" in gzip.decompress(body)


@pytest.mark.parametrize(("path", "lang"), [("/nope/", "id"), ("/en/nope/", "en")])
def test_unknown_address_gets_the_404_page_of_its_language(
    server: SiteServer, path: str, lang: str
) -> None:
    status, _, body = fetch(server.url + path)
    assert status == 404
    assert f'<html lang="{lang}"'.encode() in body
