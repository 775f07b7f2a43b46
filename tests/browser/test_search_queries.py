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

# The goal for `measured` is 95% (issue 12); it is NOT met. The measured part is rounds 5
# and 6, each written blind in another session: 91.9% (id) / 93.3% (en) with topic cues
# and examples (README). The floor keeps that from sliding, with a little margin; raise
# it only when a fresh, untuned measurement holds.
MIN_TOP1 = {"measured": 0.85, "tune": 0.93}
MIN_QUERIES = 40


@pytest.mark.parametrize("part", ["measured", "tune"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_finds_the_right_page_in_the_current_language(
    page: Page, server: object, site: Path, lang: str, part: str
) -> None:
    queries, pending = split_pending(site, lang, load_queries(part, lang))
    assert len(queries) >= MIN_QUERIES, f"{part}/{lang}: only {len(queries)} queries"
    result = evaluate(page, server.url, lang, queries)  # type: ignore[attr-defined]
    print(f"\n{part} {lang}: top-1 {result['top1']:.0%}, top-3 {result['top3']:.0%}")
    for miss in result["misses"]:
        print(f"  miss: {miss['q']!r} wanted {miss['page']!r}, got {miss['got']}")
    for item in pending:
        print(f"  pending (page not built yet): {item['q']!r} -> {item['page']!r}")
    assert not result["foreign"], f"results from another language: {result['foreign']}"
    assert result["top1"] >= MIN_TOP1[part], result["misses"]
