"""Read-only access to the data files: facts, guide texts and messages.

The JSON files in ``data/`` are the single source of truth for the site and the
checker. They are read once, through :mod:`importlib.resources`, so this works
from a wheel, a zip or Pyodide's virtual file system.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from . import regions

LANGUAGES: tuple[str, ...] = ("id", "en")
#: What kind of source a fact rests on, from the strongest to the weakest.
SOURCE_KINDS: tuple[str, ...] = ("regulation", "official", "press", "article")


@dataclass(frozen=True)
class Source:
    """Where a fact comes from.

    ``kind`` is one of SOURCE_KINDS; ``url`` is a public page of the source
    (for a regulation, its official text or a trusted copy).
    """

    id: str
    title: str
    outlet: str | None
    date: str | None
    kind: str
    url: str


@dataclass(frozen=True)
class Fact:
    """One number or name the guide and the rules rely on."""

    key: str
    value: int | str
    source_id: str
    label: dict[str, str]
    note: dict[str, str] | None


@dataclass(frozen=True)
class Cause:
    """A cause of "Data KPJ tidak ditemukan", in one language."""

    id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    fixes: tuple[str, ...]
    page: str


@dataclass(frozen=True)
class Fix:
    """A fix, in one language; ``causes`` lists the causes that link to it."""

    id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    causes: tuple[str, ...]
    page: str


def _load(name: str) -> Any:
    data = resources.files("kpj_checker").joinpath("data")
    return json.loads(data.joinpath(name).read_text(encoding="utf-8"))


@cache
def _facts_file() -> dict[str, Any]:
    return _load("facts.json")


@cache
def _content_file() -> dict[str, Any]:
    return _load("content.json")


@cache
def _messages_file() -> dict[str, dict[str, str]]:
    """Every message, from the files in ``data/messages/`` (one per feature).

    A key defined in two files is an error, so features cannot override each other.
    """
    folder = resources.files("kpj_checker").joinpath("data", "messages")
    merged: dict[str, dict[str, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".json"):
            continue
        part = json.loads(entry.read_text(encoding="utf-8"))
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"message keys defined twice ({entry.name}): {sorted(clash)}")
        merged |= part
    return merged


CHECKED_ON: str = _facts_file()["checked_on"]


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")


def sources() -> dict[str, Source]:
    """All sources, by id."""
    return {
        sid: Source(sid, s["title"], s["outlet"], s["date"], s["kind"], s["url"])
        for sid, s in _facts_file()["sources"].items()
    }


def facts() -> dict[str, Fact]:
    """All facts, by key."""
    return {
        key: Fact(key, f["value"], f["source"], f["label"], f["note"])
        for key, f in _facts_file()["facts"].items()
    }


@cache
def fact_values() -> dict[str, int | str]:
    """Fact values by key: the values used to fill ``{placeholders}`` in texts."""
    return {key: f["value"] for key, f in _facts_file()["facts"].items()}


def fact(key: str) -> int | str:
    """The value of one fact."""
    return fact_values()[key]


def provinces() -> dict[str, str]:
    """Two-digit province codes accepted at the start of a NIK, with names.

    From the region data (:mod:`kpj_checker.regions`): the current Kemendagri list.
    """
    return dict(regions.tables().provinces)


class _KeepUnknown(dict):
    """Format mapping that leaves placeholders it does not know as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill_facts(text: str) -> str:
    return string.Formatter().vformat(text, (), _KeepUnknown(fact_values()))


def _texts(entry: dict[str, Any], lang: str) -> tuple[str, str, tuple[str, ...]]:
    return (
        _fill_facts(entry["title"][lang]),
        _fill_facts(entry["summary"][lang]),
        tuple(_fill_facts(step) for step in entry["steps"][lang]),
    )


@cache
def causes(lang: str) -> tuple[Cause, ...]:
    """Causes in guide order, texts in ``lang`` with fact placeholders filled."""
    _check_lang(lang)
    result = []
    for entry in _content_file()["causes"]:
        title, summary, steps = _texts(entry, lang)
        cid = entry["id"]
        result.append(Cause(cid, title, summary, steps, tuple(entry["fixes"]), f"causes/{cid}/"))
    return tuple(result)


@cache
def fixes(lang: str) -> tuple[Fix, ...]:
    """Fixes in file order; ``causes`` is derived from the causes' ``fixes`` lists."""
    _check_lang(lang)
    cause_entries = _content_file()["causes"]
    result = []
    for entry in _content_file()["fixes"]:
        title, summary, steps = _texts(entry, lang)
        fid = entry["id"]
        linked = tuple(c["id"] for c in cause_entries if fid in c["fixes"])
        result.append(Fix(fid, title, summary, steps, linked, f"fixes/{fid}/"))
    return tuple(result)


def cause(cause_id: str, lang: str) -> Cause:
    """One cause by id."""
    for item in causes(lang):
        if item.id == cause_id:
            return item
    raise KeyError(cause_id)


def cause_ids() -> tuple[str, ...]:
    """Cause ids in guide order."""
    return tuple(entry["id"] for entry in _content_file()["causes"])


def message(key: str, lang: str, **kwargs: Any) -> str:
    """One message in ``lang``, formatted with the facts and then ``kwargs``.

    Raises KeyError for an unknown key or a placeholder left without a value.
    """
    _check_lang(lang)
    template = _messages_file()[key][lang]
    return template.format_map({**fact_values(), **kwargs})


def messages(lang: str, prefix: str = "") -> dict[str, str]:
    """All messages whose key starts with ``prefix``, in ``lang``.

    Fact placeholders are filled; other placeholders (such as ``{size}`` or
    ``{date}``) are left for the caller to fill.
    """
    _check_lang(lang)
    return {
        key: _fill_facts(texts[lang])
        for key, texts in _messages_file().items()
        if key.startswith(prefix)
    }


def message_keys() -> tuple[str, ...]:
    """Every message key."""
    return tuple(_messages_file())
