"""The built site: every page in both languages, links, metadata, no third-party hosts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from site_pages import CAUSES, LANGUAGES, PAGES, page_file, page_url, parse

PAIRS = [(lang, page) for lang in LANGUAGES for page in PAGES]


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


@pytest.mark.parametrize(("lang", "page"), PAIRS)
def test_page_exists_with_language_title_and_description(site: Path, lang: str, page: str) -> None:
    parsed = parse(page_file(site, lang, page))
    assert parsed.html_lang == lang
    assert parsed.title.strip() and parsed.title.strip() != "Cek KPJ" or page == ""
    assert 50 <= len(parsed.meta.get("description", "")) <= 200


@pytest.mark.parametrize("page", PAGES)
def test_titles_and_descriptions_differ_by_language(site: Path, page: str) -> None:
    indonesian, english = (parse(page_file(site, lang, page)) for lang in LANGUAGES)
    assert indonesian.meta["description"] != english.meta["description"]
    if page:
        assert indonesian.title != english.title


@pytest.mark.parametrize(("lang", "page"), PAIRS)
def test_language_switcher_links_point_to_the_twin(site: Path, lang: str, page: str) -> None:
    parsed = parse(page_file(site, lang, page))
    base = page_url(lang, page)
    for other in LANGUAGES:
        assert urljoin(base, parsed.alternates[other]) == page_url(other, page)


@pytest.mark.parametrize(("lang", "page"), PAIRS)
def test_page_credits_the_article_and_says_when_checked(site: Path, lang: str, page: str) -> None:
    parsed = parse(page_file(site, lang, page))
    assert "page-sources" in parsed.classes
    text = " ".join(parsed.text)
    assert "Data KPJ Tidak Ditemukan? Ini Penyebab dan Cara Mengatasinya" in text
    assert "kumparan" in text
    assert ("3 Mei 2023" if lang == "id" else "3 May 2023") in text


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    cache: dict[Path, set[str]] = {}
    for path in built_pages(site):
        url = "/" + path.relative_to(site).as_posix()
        for href in parse(path).links:
            if urlsplit(href).scheme or href.startswith(("//", "mailto:", "tel:")):
                continue
            target_url, fragment = urldefrag(urljoin(url, href))
            target = site / urlsplit(target_url).path.lstrip("/")
            if target.is_dir() or target_url.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{url} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                ids = cache.setdefault(target, parse(target).ids)
                if fragment not in ids:
                    broken.append(f"{url} -> {href} (no anchor)")
    assert not broken, "\n".join(broken)


EXTERNAL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]?)(?:https?:)?//""", re.IGNORECASE)


def test_no_page_or_stylesheet_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for path in built_pages(site):
        parsed = parse(path)
        offenders += [f"{path}: {r}" for r in parsed.resources if urlsplit(r).netloc]
        if parsed.inline_scripts:
            offenders.append(f"{path}: {parsed.inline_scripts} inline script(s)")
    for css in site.rglob("*.css"):
        if EXTERNAL.search(css.read_text(encoding="utf-8")):
            offenders.append(f"{css}: external url()")
    assert not offenders, "\n".join(offenders)


def test_sitemap_lists_both_languages_with_alternates(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        for page in PAGES:
            assert f"{page_url(lang, page)}</loc>" in sitemap, (lang, page)
    assert sitemap.count('hreflang="en"') >= len(PAGES) * 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_in_each_language_points_to_checker_and_causes(site: Path, lang: str) -> None:
    path = site / ("404.html" if lang == "id" else f"{lang}/404.html")
    parsed = parse(path)
    assert parsed.html_lang == lang
    prefix = "/" if lang == "id" else f"/{lang}/"
    assert f"{prefix}checker/" in parsed.links
    for cause in CAUSES:
        assert f"{prefix}causes/{cause}/" in parsed.links
