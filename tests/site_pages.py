"""What the built site should contain, and small HTML reading helpers for tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

LANGUAGES = ("id", "en")
LOADED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
CAUSES = (
    "wrong-data",
    "identity-mismatch",
    "membership-transfer",
    "multiple-kpj",
    "late-payment",
    "too-recent",
    "system-error",
    "inactive-membership",
)
FIXES = ("verify-data", "check-membership", "contact-cs")
PAGES = (
    "",
    "checker/",
    "employee-list/",
    "about/",
    "editorial-notes/",
    "glossary/",
    "find-kpj/",
    "official-channels/",
    *(f"causes/{c}/" for c in CAUSES),
    *(f"fixes/{f}/" for f in FIXES),
)


def page_file(site: Path, lang: str, page: str) -> Path:
    prefix = "" if lang == "id" else f"{lang}/"
    return site / prefix / page / "index.html"


def page_url(lang: str, page: str) -> str:
    return ("/" if lang == "id" else f"/{lang}/") + page


@dataclass
class ParsedPage(HTMLParser):
    """The parts of a built page that tests look at."""

    html_lang: str = ""
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    alternates: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    headings: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    inline_scripts: int = 0
    text: list[str] = field(default_factory=list)
    _in_title: bool = False
    _in_article: int = 0
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if "name" in a and tag == "a":
            self.ids.add(a["name"])
        self.classes.update(a.get("class", "").split())
        if tag == "html":
            self.html_lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and "name" in a:
            self.meta[a["name"]] = a.get("content", "")
        elif tag == "link":
            if a.get("href") and set(a.get("rel", "").split()) & LOADED_LINK_RELS:
                self.resources.append(a["href"])
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
            if "hreflang" in a:
                self.alternates[a["hreflang"]] = a["href"]
        elif tag == "script":
            self._in_script = True
            if a.get("src"):
                self.resources.append(a["src"])
            elif a.get("type", "text/javascript") in ("text/javascript", "module"):
                self.inline_scripts += 1
        elif tag in ("img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        elif tag == "article":
            self._in_article += 1
        if self._in_article and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._in_article -= 1
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_article and not self._in_script:
            self.text.append(data)


def parse(path: Path) -> ParsedPage:
    page = ParsedPage()
    page.feed(path.read_text(encoding="utf-8"))
    return page
