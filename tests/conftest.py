"""Fixtures shared by the site, browser and Pyodide tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The built site; KPJ_SITE_DIR points the tests at another build (e.g. a scratch one).
SITE = Path(os.environ.get("KPJ_SITE_DIR", ROOT / "site"))
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from static_server import NetlifyRules, SiteServer  # noqa: E402


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site (`dev.py test` builds it before running the tests)."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `python3 build_scripts/dev.py test`")
    return SITE


@pytest.fixture(scope="session")
def netlify_rules() -> NetlifyRules:
    return NetlifyRules.from_netlify_toml(ROOT)


@pytest.fixture(scope="session")
def server(site: Path, netlify_rules: NetlifyRules) -> Iterator[SiteServer]:
    """The built site served on 127.0.0.1 with Netlify's headers and 404 rules."""
    with SiteServer(site, netlify_rules) as running:
        yield running
