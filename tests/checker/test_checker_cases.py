"""The shared scenarios in cases.json, run on CPython in both languages.

The same file is run inside Pyodide by the browser tests, so it stays plain JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from checker_schema import check_result
from kpj_checker import content, diagnose

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases.json").read_text(encoding="utf-8")
)


def _outcome(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "causes": {c["id"]: c["likelihood"] for c in result["causes"]},
        "ruled_out": sorted(r["id"] for r in result["ruled_out"]),
        "input_errors": [[e["field"], e["code"]] for e in result["input_errors"]],
        "warnings": [[w["field"], w["code"]] for w in result["warnings"]],
        "nik_info": result["nik_info"],
    }


def _structure(result: dict[str, Any]) -> Any:
    """Everything but the words, to compare the two languages."""
    return (
        result["today"],
        [(e["field"], e["code"]) for e in result["input_errors"]],
        [
            (c["id"], c["likelihood"], len(c["evidence"]), len(c["steps"]), c["fixes"], c["page"])
            for c in result["causes"]
        ],
        [r["id"] for r in result["ruled_out"]],
        [(w["field"], w["code"]) for w in result["warnings"]],
        result["nik_info"],
    )


def test_there_are_enough_cases_and_names_are_unique() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 25
    assert len(names) == len(set(names))


def test_cases_cover_every_cause_and_likelihood() -> None:
    seen = set()
    for case in CASES:
        seen |= set(case["expect"]["causes"].items())
        seen |= {(cid, "ruled_out") for cid in case["expect"]["ruled_out"]}
    ids = [c.id for c in content.causes("en")]
    for expected in [
        ("wrong-data", "confirmed"),
        ("identity-mismatch", "likely"),
        ("multiple-kpj", "likely"),
        ("multiple-kpj", "ruled_out"),
        ("too-recent", "likely"),
        ("too-recent", "ruled_out"),
        ("late-payment", "likely"),
        ("late-payment", "ruled_out"),
        ("membership-transfer", "likely"),
        ("inactive-membership", "likely"),
        ("inactive-membership", "ruled_out"),
        ("system-error", "ruled_out"),
        *((cid, "possible") for cid in ids),
    ]:
        assert expected in seen, expected


def test_only_the_persons_own_answers_confirm_a_cause() -> None:
    """Certainty is earned: only wrong-data (a number or date that cannot be right) is
    ever confirmed; estimates, heuristics and published rules of thumb stay "likely"."""
    confirmed = {
        cid
        for case in CASES
        for cid, likelihood in case["expect"]["causes"].items()
        if likelihood == "confirmed"
    }
    assert confirmed == {"wrong-data"}


def test_identity_mismatch_is_never_ruled_out() -> None:
    assert not any("identity-mismatch" in case["expect"]["ruled_out"] for case in CASES)


def _check_texts(result: dict[str, Any], expect: dict[str, Any], lang: str) -> None:
    """Optional ``messages_contain``: words the messages must show, a list for every
    language (such as ``U+202E`` for a character that cannot be shown as itself) or a
    list per language. No message holds a character that cannot be seen, such as a
    direction override."""
    texts = [e["message"] for e in result["input_errors"]]
    texts += [line for c in result["causes"] for line in c["evidence"]]
    texts += [r["reason"] for r in result["ruled_out"]]
    joined = "\n".join(texts)
    words = expect.get("messages_contain", [])
    for word in words.get(lang, []) if isinstance(words, dict) else words:
        assert word in joined, (word, joined)
    assert all(ch.isprintable() or ch == "\n" for ch in joined), ascii(joined)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    results = {}
    for lang in content.LANGUAGES:
        result = diagnose({**case["input"], "lang": lang})
        check_result(result)
        assert result["lang"] == lang
        expect = case["expect"]
        got = _outcome(result)
        assert got["causes"] == expect["causes"]
        assert got["ruled_out"] == sorted(expect["ruled_out"])
        assert got["input_errors"] == expect["input_errors"]
        assert got["warnings"] == expect.get("warnings", [])
        if "nik_info" in expect:
            assert got["nik_info"] == expect["nik_info"]
        _check_texts(result, expect, lang)
        results[lang] = result
    assert _structure(results["id"]) == _structure(results["en"])
