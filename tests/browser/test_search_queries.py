"""The query set (tests/search_queries.json) through the real search box, per language.

Each language's home page is opened once and every query is typed into Material's search
box: the query rewriting of search-query.js, Material's worker and the language's own index
are all exercised as a reader meets them. See tests/search_eval.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from search_eval import evaluate, load_queries

pytestmark = pytest.mark.browser

MIN_TOP1 = 0.9


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_finds_the_right_page_in_the_current_language(
    page: Page, server: object, lang: str
) -> None:
    queries = load_queries(lang)
    assert len(queries) >= 40
    result = evaluate(page, server.url, lang, queries)  # type: ignore[attr-defined]
    print(f"\n{lang}: top-1 {result['top1']:.0%}, top-3 {result['top3']:.0%}")
    for miss in result["misses"]:
        print(f"  miss: {miss['q']!r} wanted {miss['page']!r}, got {miss['got']}")
    assert not result["foreign"], f"results from another language: {result['foreign']}"
    assert result["top1"] >= MIN_TOP1, result["misses"]
