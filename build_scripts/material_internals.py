"""The Material for MkDocs internals Cek KPJ's search relies on, named in one place.

Material has no public API for what the search does here, so it leans on these. Each is
checked by tests/site/test_material_internals.py (against the installed Material) and by
tests/browser/test_search_internals.py (in Chromium); when a Material upgrade changes one,
those tests fail and name it. After an upgrade: re-check every item below, update the
copies in overrides/, then the recorded hashes and MATERIAL_VERSION.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# The version every item below was checked against (requirements.lock pins it).
MATERIAL_VERSION = "9.8.2"

# The search worker's hashed file name. overrides/main.html's `config` block names it
# (through the hook build_scripts/hooks/search_words.py) so each language can search its
# own index; Material's own block would name the same file.
SEARCH_WORKER = "assets/javascripts/workers/search.a7633da7.min.js"

# Material's `SearchMessageType` enum (SETUP, READY, QUERY, RESULT): search-query.js
# rewrites messages of type QUERY on their way to the worker (Worker.prototype.postMessage).
SEARCH_MESSAGE_TYPES = ("SETUP", "READY", "QUERY", "RESULT")
QUERY_MESSAGE_TYPE = SEARCH_MESSAGE_TYPES.index("QUERY")
QUERY_SCRIPT = "docs/assets/cek-kpj/search-query.js"

# The worker builds lunr from the index's `config`: every field of `config.fields` (with
# its boost) is indexed and `config.pipeline` replaces lunr's default pipeline. The hook
# build_scripts/hooks/search_words.py adds hidden stem fields and sets the pipeline.
WORKER_INDEX_CONFIG = (
    "for (const [name, spec] of Object.entries(config.fields))",
    "config.pipeline",
)

# After lunr has scored a result, the worker multiplies its score by 1 + boost², where the
# boost grows with the share of the query's terms the result contains. search-words.js
# (topicBoost) makes a page's topic-token boost double with each point of cue score because
# of this: a page sharing many of a long query's words must not outrank the page the query
# is about.
WORKER_RESULT_BOOST = ("score: score * (1 + boost ** 2)",)

# lunr's query parser reads a term's boost (`term^N`) as a whole number; search-words.js
# writes topic boosts as whole numbers.
LUNR_BOOST_PARSER = "parseInt(lexeme.str, 10)"

# Blocks of Material's base.html that overrides/main.html copies and changes, with the
# sha256 of Material's own block body at MATERIAL_VERSION.
COPIED_BLOCKS = {
    "site_meta": "337bd3b09eec21c53b93b992683ea5b3eaaf732d416d447fbbef7a0c98775ffd",
    "config": "7e39d18735bd35176f3df2efe5065fa0bc41a5d8ea8fa9ac16572971fa15f2eb",
}

# Partials copied whole into overrides/partials/, with the sha256 of Material's file.
COPIED_PARTIALS = {
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}

# DOM the site's scripts and tests read (search-empty.js, tests/search_eval.py), and the
# translation key of the "no results" text Material writes into the meta line. Material
# takes the meta line as the first child of .md-search-result and renders results into its
# last child, so the "nothing found" panel sits outside that element.
SEARCH_SELECTORS = {
    "input": "md-search__input",
    "meta": "md-search-result__meta",
    "list": "md-search-result__list",
    "link": "md-search-result__link",
    # The "Missing: ..." line under a result. site.css hides it: it lists terms of the
    # rewritten query (stems, synonyms' words, topic tokens), not words the reader typed.
    "terms": "md-search-result__terms",
}
NO_RESULTS_KEY = "search.result.none"
RESULT_CHILDREN = (
    'const meta = getElement(":scope > :first-child", el)',
    'const list = getElement(":scope > :last-child", el)',
)


def templates() -> Path:
    """The installed Material's templates folder."""
    import material

    return Path(material.__file__).parent / "templates"


def block_body(template: str, name: str) -> str | None:
    """The body of `{% block name %}` in a Jinja template's source, or None."""
    pattern = r"\{%-?\s*block " + re.escape(name) + r"\s*-?%\}(.*?)\{%-?\s*endblock\s*-?%\}"
    found = re.search(pattern, template, re.S)
    return found.group(1) if found else None


def sha256(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()
