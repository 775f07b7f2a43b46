"""MkDocs hook: a 404 page in every language, each in its own place.

mkdocs-static-i18n builds every language into the same `site_dir`, so each extra
language's build overwrites the default `404.html` with its own. This keeps the
default language's page at `404.html` and moves each other language's to
`<lang>/404.html`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_default_page: dict[str, bytes] = {}


def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    page = Path(config.site_dir) / "404.html"
    if i18n.current_language == i18n.default_language:
        _default_page["html"] = page.read_bytes()
        return
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    page.write_bytes(_default_page["html"])
