"""MkDocs hook: make the site an installable app that works offline.

After the last language is built, this writes one web app manifest per language
(name in that language) and the Workbox service worker (`sw.js`, via
`build_scripts/generate_sw.mjs`), which precaches the whole guide by file revision.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

from site_text import t  # noqa: E402

THEME_COLOR = "#2e7d32"
log = logging.getLogger("mkdocs.hooks.offline_app")


def languages(config: MkDocsConfig) -> list[tuple[str, str]]:
    """(locale, folder) for every built language; the default one lives at the root."""
    i18n = config.plugins["i18n"].config
    return [(x.locale, "" if x.default else f"{x.locale}/") for x in i18n.languages if x.build]


def manifest(lang: str, folder: str) -> dict:
    icons = "../" * folder.count("/") + "assets/cek-kpj/icons/"
    return {
        "name": t("app.name", lang),
        "short_name": t("app.short_name", lang),
        "description": t("app.description", lang),
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": f"{icons}icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": p}
            for n in (192, 512)
            for p in ("any", "maskable")
        ],
    }


@event_priority(-300)  # after every other post-build step has written its files
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return
    site = Path(config.site_dir)
    for lang, folder in languages(config):
        path = site / folder / "manifest.webmanifest"
        path.write_text(json.dumps(manifest(lang, folder), ensure_ascii=False, indent=1), "utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "build_scripts" / "generate_sw.mjs"), str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"generate_sw.mjs failed:\n{result.stderr}")
    log.info("service worker: %s", result.stdout.strip())
