"""MkDocs hook: one search index per language.

mkdocs-static-i18n stacks every language's pages into one `search/search_index.json`,
so a search on an Indonesian page also finds English pages. After the last build this
hook splits it: `search/search_index.json` keeps the default language's pages, and
`<lang>/search/search_index.json` holds each other language's pages with locations
relative to that language's root. `overrides/main.html` points each page's search at
its own language's index.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


def other_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins["i18n"].config
    return [lang.locale for lang in i18n.languages if not lang.default and lang.build]


def split_index(index: dict, languages: list[str]) -> dict[str | None, dict]:
    """The combined index as one index per language (None is the default language)."""
    parts: dict[str | None, dict] = {None: {**index, "docs": []}}
    parts.update({lang: {**index, "docs": []} for lang in languages})
    for doc in index["docs"]:
        lang = next((lang for lang in languages if doc["location"].startswith(f"{lang}/")), None)
        if lang is not None:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        parts[lang]["docs"].append(doc)
    return parts


@event_priority(-200)  # after static-i18n (-100) has written the combined index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if getattr(i18n, "building", False):
        return  # an inner per-language build; the combined index is not final yet
    site = Path(config.site_dir)
    combined = site / "search" / "search_index.json"
    languages = other_languages(config)
    index = json.loads(combined.read_text(encoding="utf-8"))
    for lang, part in split_index(index, languages).items():
        target = combined if lang is None else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), "utf-8")
