"""MkDocs hook: stems and everyday words in each language's search index.

Material's lunr search has no Indonesian stemmer, and readers ask in everyday words
("telat bayar", "resign", "nomor cs"). After `search_per_language.py` has split the index,
this hook adds hidden fields to every entry of each language's index:

- `title_stems` and `text_stems`: the entry's title and text reduced to stems;
- `keywords` (page entries only): the stems of the page's `keywords:` front matter.

The stems come from `docs/assets/cek-kpj/search-words.js`, run under Node by
`build_scripts/search_words.mjs`. The browser runs the same file on every query
(`docs/assets/cek-kpj/search-query.js`), so both sides reduce words the same way.
Material's search worker indexes every field listed in the index's `config.fields` but
renders only the title, the text and tags, so these fields count without being shown.
lunr's own pipeline is limited to the trimmer: stemming is done by search-words.js alone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "build_scripts" / "search_words.mjs"

# Boosts, measured with tests/search_queries.json. The stem fields do the ranking; the
# displayed title and text keep a little weight so a half-typed word still finds its
# page by prefix. Material's default title boost (1000) let a section heading that
# merely repeats "BPJS Ketenagakerjaan" outrank the page a query is about.
FIELDS = {
    "title": {"boost": 1.0},
    "text": {"boost": 0.2},
    "title_stems": {"boost": 10.0},
    "text_stems": {"boost": 1.0},
    "keywords": {"boost": 10.0},
}
PIPELINE = ["trimmer"]  # no lunr stemmer or stop words: search-words.js does both sides

# Page URL ("causes/late-payment/", "en/causes/late-payment/") -> its `keywords:` list.
_keywords: dict[str, list[str]] = {}


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    words = page.meta.get("keywords") or []
    _keywords[page.url] = [str(word) for word in words]
    return context


def stems(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each text reduced to its stems by search-words.js under Node, per language."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("search_words: `node` was not found on PATH")
    result = subprocess.run(
        [node, str(SCRIPT)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"search_words: {SCRIPT.name} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def page_url(location: str, lang: str | None) -> str:
    page = location.split("#", 1)[0]
    return page if lang is None else f"{lang}/{page}"


def add_words(indexes: dict[str | None, dict], default: str) -> None:
    """Add the hidden stem and keyword fields to every language's index, in place.

    `indexes` maps a language (None for the default one, `default`) to its index.
    """
    texts: dict[str, list[str]] = {}
    for lang, index in indexes.items():
        key = lang or default
        for doc in index["docs"]:
            is_page = "#" not in doc["location"]
            keywords = _keywords.get(page_url(doc["location"], lang), []) if is_page else []
            texts.setdefault(key, []).extend(
                [doc.get("title", ""), doc.get("text", ""), " ".join(keywords)]
            )
    result = stems(texts)
    for lang, index in indexes.items():
        found = iter(result[lang or default])
        for doc in index["docs"]:
            doc["title_stems"], doc["text_stems"], keywords = next(found), next(found), next(found)
            if keywords:
                doc["keywords"] = keywords
        index["config"] = {
            **index["config"],
            "pipeline": PIPELINE,
            "fields": {**index["config"]["fields"], **FIELDS},
        }


@event_priority(-210)  # after search_per_language.py (-200) has split the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if getattr(i18n, "building", False):
        return  # an inner per-language build; the index is not final yet
    site = Path(config.site_dir)
    languages = i18n.config.languages
    default = next(lang.locale for lang in languages if lang.default)
    others = [lang.locale for lang in languages if not lang.default and lang.build]
    paths: dict[str | None, Path] = {None: site / "search" / "search_index.json"}
    paths.update({lang: site / lang / "search" / "search_index.json" for lang in others})
    indexes = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in paths.items()}
    add_words(indexes, default)
    for lang, path in paths.items():
        path.write_text(
            json.dumps(indexes[lang], ensure_ascii=False, separators=(",", ":")), "utf-8"
        )
