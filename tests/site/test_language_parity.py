"""Both languages carry the same pages, headings, cause/fix links and site texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from site_pages import LANGUAGES, PAGES, page_file, parse

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDE_LINK = re.compile(r"(causes|fixes)/([a-z-]+)/")


def markdown_pages() -> dict[str, set[str]]:
    """Markdown page names per language (suffix structure: `x.md` id, `x.en.md` en)."""
    pages: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path in DOCS.rglob("*.md"):
        name = path.relative_to(DOCS).as_posix()
        if name.endswith(".en.md"):
            pages["en"].add(name.removesuffix(".en.md"))
        else:
            pages["id"].add(name.removesuffix(".md"))
    return pages


def test_every_markdown_page_exists_in_both_languages() -> None:
    pages = markdown_pages()
    assert pages["id"] == pages["en"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} has no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("name", sorted(markdown_pages()["id"]))
def test_front_matter_matches_across_languages(name: str) -> None:
    indonesian = front_matter(DOCS / f"{name}.md")
    english = front_matter(DOCS / f"{name}.en.md")
    for meta in (indonesian, english):
        assert meta.get("title") and meta.get("description")
    assert set(indonesian.get("sources", [])) == set(english.get("sources", []))
    assert bool(indonesian.get("keywords")) == bool(english.get("keywords"))


@pytest.mark.parametrize("page", PAGES)
def test_heading_structure_and_guide_links_match(site: Path, page: str) -> None:
    indonesian, english = (parse(page_file(site, lang, page)) for lang in LANGUAGES)
    assert indonesian.headings == english.headings

    def guide_links(parsed: object) -> set[tuple[str, str]]:
        return {m.groups() for href in parsed.links for m in [GUIDE_LINK.search(href)] if m}

    assert guide_links(indonesian) == guide_links(english)


def test_site_strings_exist_in_both_languages() -> None:
    strings = json.loads((ROOT / "build_scripts" / "data" / "site_strings.json").read_text())
    for key, texts in strings.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGUAGES}
        assert placeholders["id"] == placeholders["en"], key
