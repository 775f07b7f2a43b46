"""The query set through the real search box, per language (tests/search_eval.py).

Each language's home page is opened once and every query is typed into Material's search
box: the query rewriting of search-query.js, Material's worker and the language's own index
are all exercised as a reader meets them. See tests/search_eval.py.

The `measured` part was written blind, from how people ask in public, and is never tuned
on: its top-1 rate is the figure the README quotes. Queries for pages that are not in the built
site yet are pending and join the count as soon as their page exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from search_eval import evaluate, load_queries, split_pending

pytestmark = pytest.mark.browser

# The goal for `measured` is 95% (issue 12). The measured part is rounds 5, 6 and 7, each
# written blind in another session (README, "The query set"). The floor keeps the figure
# from sliding, with a little margin; raise it only when a fresh, untuned measurement holds.
MIN_TOP1 = {"measured": 0.94, "tune": 0.95}
MIN_QUERIES = 40
# The tune part is the examples the search learns from (over 3,000 per language); typing
# every one would take minutes, so the test types every TUNE_STEP-th, and
# `dev.py bench` types them all.
TUNE_STEP = 8


@pytest.mark.parametrize("part", ["measured", "tune"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_finds_the_right_page_in_the_current_language(
    page: Page, server: object, site: Path, lang: str, part: str
) -> None:
    every = load_queries(part, lang)
    queries, pending = split_pending(site, lang, every[:: TUNE_STEP if part == "tune" else 1])
    assert len(queries) >= MIN_QUERIES, f"{part}/{lang}: only {len(queries)} queries"
    result = evaluate(page, server.url, lang, queries)  # type: ignore[attr-defined]
    print(f"\n{part} {lang}: top-1 {result['top1']:.0%}, top-3 {result['top3']:.0%}")
    for miss in result["misses"]:
        print(f"  miss: {miss['q']!r} wanted {miss['page']!r}, got {miss['got']}")
    for item in pending:
        print(f"  pending (page not built yet): {item['q']!r} -> {item['page']!r}")
    assert not result["foreign"], f"results from another language: {result['foreign']}"
    assert result["top1"] >= MIN_TOP1[part], result["misses"]
