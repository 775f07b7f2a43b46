"""A small static server for the built site that behaves like the Netlify deploy.

It applies the headers and 404 rules that Netlify's own parser resolves from
`netlify.toml` (via `tests/netlify_headers.mjs`), and compresses responses with
Brotli or gzip as a CDN would, so tests and the benchmark see what a reader gets.
"""

from __future__ import annotations

import gzip
import json
import mimetypes
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import brotli

ROOT = Path(__file__).resolve().parent.parent
UNCOMPRESSED_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif", "application/gzip")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".mjs")


@dataclass
class NetlifyRules:
    """Headers and 404 rules as Netlify resolves them."""

    headers: list[dict] = field(default_factory=list)
    redirects: list[dict] = field(default_factory=list)

    @classmethod
    def from_netlify_toml(cls, project: Path = ROOT) -> NetlifyRules:
        out = subprocess.run(
            ["node", str(project / "tests" / "netlify_headers.mjs"), str(project)],
            cwd=project,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        resolved = json.loads(out.strip().splitlines()[-1])
        return cls(resolved["headers"], resolved["redirects"])

    def headers_for(self, path: str) -> dict[str, str]:
        """Every matching rule's values, later rules overriding earlier ones."""
        values: dict[str, str] = {}
        for rule in self.headers:
            if path_pattern(rule["for"]).fullmatch(path):
                values.update(rule["values"])
        return values

    def not_found_page(self, path: str) -> str | None:
        for rule in self.redirects:
            if rule.get("status") == 404 and path_pattern(rule["from"]).fullmatch(path):
                return rule["to"]
        return None


@cache
def path_pattern(netlify_path: str) -> re.Pattern[str]:
    """Netlify path patterns: `*` matches anything, the rest is literal."""
    return re.compile(".*".join(re.escape(part) for part in netlify_path.split("*")))


LARGE = 512 * 1024  # bytes; larger files get a faster compression level, as CDNs do


def compress(body: bytes, accept_encoding: str) -> tuple[bytes, str | None]:
    large = len(body) > LARGE
    if "br" in accept_encoding:
        return brotli.compress(body, quality=5 if large else 11), "br"
    if "gzip" in accept_encoding:
        return gzip.compress(body, compresslevel=6 if large else 9, mtime=0), "gzip"
    return body, None


@cache
def compressed(path: Path, mtime: float, encoding: str) -> tuple[bytes, str | None]:
    return compress(path.read_bytes(), encoding)


@dataclass
class Traffic:
    """What the server sent: body bytes (as compressed on the wire) and paths, for the benchmark."""

    bytes_sent: int = 0
    paths: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.bytes_sent += size
            self.paths.append(path)

    def reset(self) -> None:
        with self.lock:
            self.bytes_sent = 0
            self.paths.clear()


@dataclass
class Faults:
    """Network failures the tests switch on, by the end of a path (e.g. `pyodide.asm.wasm`).

    - `404`: the file is missing;
    - `portal`: a Wi-Fi sign-in page answers instead (`200 text/html`), as captive portals do;
    - `stall`: the headers and a first part of the body arrive, then nothing (until cleared).
    """

    by_suffix: dict[str, str] = field(default_factory=dict)
    released: threading.Event = field(default_factory=threading.Event)

    def set(self, suffix: str, kind: str) -> None:
        assert kind in ("404", "portal", "stall"), kind
        self.released.clear()
        self.by_suffix[suffix] = kind

    def clear(self) -> None:
        self.by_suffix.clear()
        self.released.set()  # stalled responses end (cut short)

    def for_path(self, path: str) -> str | None:
        return next((k for s, k in list(self.by_suffix.items()) if path.endswith(s)), None)


PORTAL_PAGE = b"<!doctype html><title>Wi-Fi login</title><p>Please sign in to use the Wi-Fi.</p>"
STALL_SECONDS = 120  # a stalled response gives up after this long if never cleared


def make_handler(
    site: Path, rules: NetlifyRules, traffic: Traffic, faults: Faults | None = None
) -> type[BaseHTTPRequestHandler]:
    faults = faults or Faults()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: nothing a reader types is ever in a URL, but keep test output clean."""

        def resolve(self, url_path: str) -> Path | None:
            target = (site / url_path.lstrip("/")).resolve()
            if site.resolve() not in (target, *target.parents):
                return None
            if target.is_dir():
                target = target / "index.html"
            return target if target.is_file() else None

        def do_HEAD(self) -> None:
            self.respond(send_body=False)

        def do_GET(self) -> None:
            self.respond(send_body=True)

        def fail_on_purpose(self, kind: str, target: Path | None) -> None:
            """Answer as a broken network would (see `Faults`)."""
            if kind == "404" or target is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            if kind == "portal":
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PORTAL_PAGE)))
                self.end_headers()
                self.wfile.write(PORTAL_PAGE)
                return
            body = target.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", mimetypes.guess_type(target.name)[0] or "")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: 64 * 1024])
            self.wfile.flush()
            faults.released.wait(STALL_SECONDS)
            self.close_connection = True

        def respond(self, send_body: bool) -> None:
            url_path = unquote(urlsplit(self.path).path)
            fault = faults.for_path(url_path)
            if fault:
                self.fail_on_purpose(fault, self.resolve(url_path))
                return
            status = HTTPStatus.OK
            target = self.resolve(url_path)
            if target is None:
                status = HTTPStatus.NOT_FOUND
                page = rules.not_found_page(url_path)
                target = self.resolve(page) if page else None
            if target is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            guessed, file_encoding = mimetypes.guess_type(target.name)
            headers = {
                "Content-Type": guessed or "application/octet-stream",
                **rules.headers_for(url_path),
            }
            encoding = None
            if file_encoding or headers["Content-Type"].startswith(UNCOMPRESSED_TYPES):
                body = target.read_bytes()  # already compressed (such as sitemap.xml.gz)
            else:
                accept = self.headers.get("Accept-Encoding", "")
                wanted = "br" if "br" in accept else "gzip" if "gzip" in accept else ""
                body, encoding = compressed(target, target.stat().st_mtime, wanted)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)
                traffic.add(url_path, len(body))

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A browser that drops a connection (a tab closed, a download stopped) is normal here."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """Serve a built site on 127.0.0.1 in a background thread."""

    def __init__(self, site: Path, rules: NetlifyRules | None = None, port: int = 0) -> None:
        self.rules = rules or NetlifyRules.from_netlify_toml()
        self.traffic = Traffic()
        self.faults = Faults()
        handler = make_handler(site, self.rules, self.traffic, self.faults)
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.faults.clear()
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":
    import sys

    with SiteServer(ROOT / "site", port=int(sys.argv[1]) if len(sys.argv) > 1 else 8001) as s:
        print(f"serving site/ like Netlify at {s.url}")
        s.thread.join()
