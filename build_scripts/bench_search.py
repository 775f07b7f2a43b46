"""The search's figures for ``dev.py bench``: hit rates of the query set typed into the real
search box, and the held-out check of what it learns from its examples. It measures; it
asserts nothing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "build_scripts" / "search_holdout.mjs"


def search_rates(url: str, browser: Browser, site: Path) -> dict[str, dict] | None:
    """Hit rates per part of the query set and language: {"measured id": {...}, ...}."""
    try:
        from search_eval import PARTS, evaluate, load_queries, split_pending
    except ImportError:
        return None
    context = browser.new_context()
    page = context.new_page()
    rates = {}
    for part in PARTS:
        for lang in ("id", "en"):
            queries, pending = split_pending(site, lang, load_queries(part, lang))
            rates[f"{part} {lang}"] = {
                **evaluate(page, url, lang, queries),
                "pending": len(pending),
            }
    context.close()
    return rates


def held_out() -> list[str]:
    """search_holdout.mjs's lines (each tuning set left out in turn; Node, no lunr)."""
    result = subprocess.run(["node", str(HOLDOUT)], capture_output=True, text=True, check=False)
    return result.stdout.splitlines() or [result.stderr.strip()]


def report(url: str, browser: Browser, site: Path, line: Callable[..., None]) -> None:
    """Print the search section of the bench."""
    rates = search_rates(url, browser, site)
    if not rates:
        return
    print(
        "\nSearch (`measured`: tests/search_queries.json, never tuned on;"
        " `tune`: the examples the search learns from):"
    )
    for name, rate in rates.items():
        pending = f"({rate['pending']} pending)" if rate["pending"] else ""
        line(
            f"{name} ({rate['queries']} queries): top-1 / top-3",
            f"{rate['top1']:.1%} / {rate['top3']:.1%}",
            pending,
        )
    print("  tuning sets held out in turn (search_holdout.mjs, Node, no lunr):")
    print("\n".join("    " + row for row in held_out()))
