"""The built HTML holds no code the Content-Security-Policy would block.

The CSP allows scripts and styles from the site's own files only (no 'unsafe-inline'),
so every page must work without inline scripts, event-handler attributes, `javascript:`
URLs, `<style>` elements or `style` attributes. Inert JSON data blocks are fine.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class InlineCode(HTMLParser):
    """Everything inline that a strict CSP would refuse, as `line: what` strings."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.scripts = 0

    def where(self) -> str:
        return f"line {self.getpos()[0]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{self.where()}: <{tag} {name}=…>")
            elif name == "style":
                self.found.append(f"{self.where()}: <{tag} style=…>")
            elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{self.where()}: <{tag} {name}={value!r}>")
        if tag == "style":
            self.found.append(f"{self.where()}: <style>")
        elif tag == "script":
            self.scripts += 1
            a = dict(attrs)
            if not a.get("src") and a.get("type") != "application/json":
                self.found.append(f"{self.where()}: inline <script type={a.get('type')!r}>")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_check_finds_what_it_looks_for() -> None:
    parser = InlineCode()
    parser.feed(
        '<a href="JavaScript:go()">x</a><img src=x onerror="go()"><p style="color:red">'
        '<style>p{}</style><script>go()</script><script type="module">go()</script>'
        '<script type="application/json">{}</script><script src="a.js"></script>'
    )
    assert len(parser.found) == 6, parser.found
    assert parser.scripts == 4


def test_no_page_has_inline_scripts_handlers_or_styles(site: Path) -> None:
    pages = html_files(site)
    assert len(pages) >= 30
    offenders = []
    scripts = 0
    for path in pages:
        parser = InlineCode()
        parser.feed(path.read_text(encoding="utf-8"))
        scripts += parser.scripts
        offenders += [f"{path.relative_to(site)} {found}" for found in parser.found]
    assert scripts, "the parser saw no <script> at all"
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("page", ["checker/index.html", "en/checker/index.html"])
def test_checker_form_cannot_send_values_without_its_script(site: Path, page: str) -> None:
    """Without checker.js the form stays hidden, so it can never submit values in a URL."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.index('<form id="kpj-checker"')
    tag = html[start : html.index(">", start)]
    assert " hidden" in tag
    assert "action=" not in tag
    assert 'autocomplete="off"' in tag
