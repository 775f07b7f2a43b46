"""The Material internals search relies on (build_scripts/material_internals.py) still hold.

Each test names the internal it checks; a failure after a Material upgrade says what to
re-check instead of leaving search silently broken.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import material_internals as mi

ROOT = Path(__file__).resolve().parents[2]
UPGRADE = (
    "Material's search internals changed (build_scripts/material_internals.py lists them): "
    "re-check search-query.js, search-empty.js, overrides/ and the search hooks, then update"
    " the record."
)


def sources(script: Path) -> dict[str, str]:
    """Material's TypeScript sources of a bundled script, from its source map."""
    path = script.with_name(script.name + ".map")
    assert path.is_file(), f"{UPGRADE} {script.name} or its source map is gone."
    source_map = json.loads(path.read_text("utf-8"))
    return dict(zip(source_map["sources"], source_map["sourcesContent"], strict=True))


def worker_sources() -> dict[str, str]:
    return sources(mi.templates() / mi.SEARCH_WORKER)


def bundle() -> Path:
    return next((mi.templates() / "assets" / "javascripts").glob("bundle.*.min.js"))


def test_installed_material_is_the_version_the_internals_were_checked_against() -> None:
    installed = version("mkdocs-material")
    assert installed == mi.MATERIAL_VERSION, (
        f"mkdocs-material is {installed}, but the search internals were checked against "
        f"{mi.MATERIAL_VERSION}. {UPGRADE}"
    )


def test_search_worker_file_exists_and_the_site_names_it(site: Path) -> None:
    assert (mi.templates() / mi.SEARCH_WORKER).is_file(), (
        f"{UPGRADE} No {mi.SEARCH_WORKER} in Material: its hashed name changed."
    )
    assert (site / mi.SEARCH_WORKER).is_file()
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        (site / "index.html").read_text("utf-8"),
        re.S,
    )
    assert config and json.loads(config.group(1))["search"].endswith(mi.SEARCH_WORKER)


def test_query_message_type_is_materials() -> None:
    enum = next(
        (
            re.search(r"enum SearchMessageType \{(.*?)\}", text, re.S)
            for text in [*worker_sources().values(), *sources(bundle()).values()]
            if "enum SearchMessageType" in text
        ),
        None,
    )
    assert enum, f"{UPGRADE} Material's SearchMessageType enum is gone."
    members = tuple(re.findall(r"^\s*([A-Z_]+)\s*[,=/]", enum.group(1), re.M))
    assert members[: len(mi.SEARCH_MESSAGE_TYPES)] == mi.SEARCH_MESSAGE_TYPES, (
        f"{UPGRADE} SearchMessageType is now {members}."
    )
    script = (ROOT / mi.QUERY_SCRIPT).read_text("utf-8")
    assert f"SEARCH_QUERY = {mi.QUERY_MESSAGE_TYPE};" in script, (
        f"{mi.QUERY_SCRIPT} must rewrite messages of type {mi.QUERY_MESSAGE_TYPE}"
    )


def test_worker_builds_lunr_from_the_index_config() -> None:
    sources = "\n".join(worker_sources().values())
    for needle in mi.WORKER_INDEX_CONFIG:
        assert needle in sources, (
            f"{UPGRADE} The worker no longer has {needle!r}: the hidden stem fields and the "
            "pipeline set by build_scripts/hooks/search_words.py may be ignored."
        )


def test_copied_blocks_and_partials_match_materials_own() -> None:
    base = (mi.templates() / "base.html").read_text("utf-8")
    for name, digest in mi.COPIED_BLOCKS.items():
        body = mi.block_body(base, name)
        assert body is not None, f"{UPGRADE} base.html has no block {name!r}."
        assert mi.sha256(body) == digest, (
            f"{UPGRADE} Material's block {name!r} changed; overrides/main.html copies it."
        )
    for partial, digest in mi.COPIED_PARTIALS.items():
        upstream = (mi.templates() / partial).read_bytes()
        assert mi.sha256(upstream) == digest, (
            f"{UPGRADE} Material's {partial} changed; overrides/{partial} copies it."
        )


def test_worker_boosts_results_by_matched_terms_and_lunr_reads_whole_number_boosts() -> None:
    sources = "\n".join(worker_sources().values())
    for needle in mi.WORKER_RESULT_BOOST:
        assert needle in sources, (
            f"{UPGRADE} The worker no longer has {needle!r}: re-measure the topic boost "
            "(search-topics.js topicBoost) with tests/search_queries.json."
        )
    assert mi.LUNR_BOOST_PARSER in sources, (
        f"{UPGRADE} lunr no longer parses boosts with {mi.LUNR_BOOST_PARSER!r}: check that "
        "the topic tokens' boosts (search-topics.js topicBoost) are still read."
    )


def test_missing_terms_line_is_hidden(site: Path) -> None:
    css = (ROOT / "docs" / "assets" / "cek-kpj" / "site.css").read_text("utf-8")
    assert re.search(r"\." + mi.SEARCH_SELECTORS["terms"] + r"\s*\{\s*display:\s*none", css)


def test_selectors_and_no_results_text_are_materials(site: Path) -> None:
    partial = (mi.templates() / "partials" / "search.html").read_text("utf-8")
    code = bundle().read_text("utf-8")
    for role, name in mi.SEARCH_SELECTORS.items():
        assert name in partial or name in code, f"{UPGRADE} Material has no {name} ({role})."
    assert f'"{mi.NO_RESULTS_KEY}"' in code, f"{UPGRADE} {mi.NO_RESULTS_KEY} is not used."
    empty = (ROOT / "docs" / "assets" / "cek-kpj" / "search-empty.js").read_text("utf-8")
    assert mi.NO_RESULTS_KEY in empty
    for name in ("input", "meta", "list"):
        assert mi.SEARCH_SELECTORS[name] in empty


def test_results_render_into_the_last_child_of_the_result_element() -> None:
    """search-empty.js's panel must stay outside .md-search-result, or results go into it."""
    component = "\n".join(
        text for name, text in sources(bundle()).items() if name.endswith("search/result/index.ts")
    )
    for needle in mi.RESULT_CHILDREN:
        assert needle in component, f"{UPGRADE} mountSearchResult no longer has {needle!r}."
