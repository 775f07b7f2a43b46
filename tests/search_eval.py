"""Search quality through the real search box: top-1 / top-3 hit rates for a query set.

`evaluate()` drives Material's search in an open Playwright page, so the test
(tests/browser/test_search_queries.py) and the benchmark (build_scripts/bench_search.py) measure
exactly what a reader gets: the query rewriting in search-query.js, Material's worker and
the language's own index. Two parts: `tune`, the examples the search learns from and may
be tuned on (docs/assets/cek-kpj/search-examples.json), and `measured`, only measured
(tests/search_queries.json). A query whose page is not in the built site yet is
pending: it is left out until the page exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

QUERIES = Path(__file__).resolve().parent / "search_queries.json"
# The tune part: the examples the search learns from (product data, beside the pages).
EXAMPLES = (
    Path(__file__).resolve().parents[1] / "docs" / "assets" / "cek-kpj" / "search-examples.json"
)
LANG_ROOT = {"id": "/", "en": "/en/"}

_RESULT_PAGES = """items => items.map(item => {
  const link = item.querySelector("a.md-search-result__link");
  return link ? link.href : null;
}).filter(Boolean)"""
_ALL_LINKS = "links => links.map(link => link.href)"


PARTS = ("measured", "tune")


def load_queries(part: str, lang: str) -> list[dict[str, str]]:
    """One part of one language's query set: [{"q": ..., "page": ...}, ...].

    `tune` is the search's own examples (search-examples.json); `measured` is
    tests/search_queries.json, which the search never sees.
    """
    if part == "tune":
        return json.loads(EXAMPLES.read_text(encoding="utf-8"))[lang]
    return json.loads(QUERIES.read_text(encoding="utf-8"))[part][lang]


def page_exists(site: Path, lang: str, page: str) -> bool:
    """Whether `page` (relative to `lang`'s root) is in the built site."""
    return (site / LANG_ROOT[lang].lstrip("/") / page / "index.html").is_file()


def split_pending(
    site: Path, lang: str, queries: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(queries whose page is in the built site, pending queries whose page is not yet)."""
    ready = [item for item in queries if page_exists(site, lang, item["page"])]
    pending = [item for item in queries if not page_exists(site, lang, item["page"])]
    return ready, pending


def _type(page: Any, query: str) -> None:
    """Replace the search box's text with `query`, ending with one key press.

    Material reads the box on `keyup`; filling all but the last character first means it
    sees exactly one new query per call, so the results shown are this query's.
    """
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])
    box.press(query[-1] if query else "End")


def _run(page: Any, query: str, attempts: int) -> None:
    """Type `query` and wait for Material to show its results (or "no results").

    The result count line is blanked first; Material rewrites it for every answer.
    """
    meta = page.locator(".md-search-result__meta").element_handle()
    for _ in range(attempts):
        page.evaluate("el => { el.textContent = ''; }", meta)
        _type(page, query)
        try:
            page.wait_for_function("el => el.textContent.trim() !== ''", arg=meta, timeout=2_000)
            return
        except Exception:  # the worker had not loaded the index yet: type again
            _type(page, "")
    raise AssertionError(f"search never answered {query!r}")


def search(page: Any, query: str, attempts: int = 1) -> tuple[list, list]:
    """(the page link of each result, every result link) for one query."""
    _run(page, query, attempts)
    pages = page.locator(".md-search-result__list > li").evaluate_all(_RESULT_PAGES)
    links = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
        _ALL_LINKS
    )
    return pages, links


def _relative(url: str, origin: str, lang: str) -> str | None:
    """A result URL as a page path relative to the language root, or None if foreign."""
    if not url.startswith(origin):
        return None
    path = urlsplit(url).path
    root = LANG_ROOT[lang]
    if not path.startswith(root) or (lang == "id" and path.startswith("/en/")):
        return None
    return path[len(root) :]


def wait_for_index(page: Any) -> None:
    """Wait until Material's worker has loaded the index and answers with results.

    Before that, a query may be answered "no results", which would count as a miss.
    """
    for _ in range(60):
        pages, _links = search(page, "kpj", attempts=30)
        if pages:
            return
        page.wait_for_timeout(250)
    raise AssertionError("search never found anything for 'kpj'")


def evaluate(page: Any, base_url: str, lang: str, queries: list[dict[str, str]]) -> dict:
    """Run every query through the search box of `lang`'s home page.

    Returns {"lang", "queries", "top1", "top3", "misses": [{"q", "page", "got"}],
    "foreign": [result URLs outside `lang`]}; top1/top3 are fractions of the queries.
    """
    base_url = base_url.rstrip("/")
    page.goto(base_url + LANG_ROOT[lang])
    page.locator("input.md-search__input").click()
    wait_for_index(page)
    top1 = top3 = 0
    misses: list[dict[str, Any]] = []
    foreign: list[str] = []
    for item in queries:
        pages, links = search(page, item["q"], attempts=3)
        got = [_relative(url, base_url, lang) for url in pages]
        foreign += [url for url in links if _relative(url, base_url, lang) is None]
        if got[:1] == [item["page"]]:
            top1 += 1
        else:
            misses.append({"q": item["q"], "page": item["page"], "got": got[:3]})
        if item["page"] in got[:3]:
            top3 += 1
    count = len(queries)
    return {
        "lang": lang,
        "queries": count,
        "top1": top1 / count if count else 0.0,
        "top3": top3 / count if count else 0.0,
        "misses": misses,
        "foreign": foreign,
    }
