"""netlify.toml, read by Netlify's own parser, and the test server that applies it."""

from __future__ import annotations

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


@pytest.mark.parametrize(("path", "lang"), [("/nope/", "id"), ("/en/nope/", "en")])
def test_unknown_address_gets_the_404_page_of_its_language(
    server: SiteServer, path: str, lang: str
) -> None:
    status, _, body = fetch(server.url + path)
    assert status == 404
    assert f'<html lang="{lang}"'.encode() in body
