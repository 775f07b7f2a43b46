"""A small checker for the shape of a ``diagnose()`` result (no dependencies)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from kpj_checker import FIELDS, content

LIKELIHOODS = ("confirmed", "likely", "possible")


def _strings(value: Any, where: str, *, allow_empty_list: bool = True) -> None:
    assert isinstance(value, list), f"{where} is not a list"
    assert allow_empty_list or value, f"{where} is empty"
    for item in value:
        assert isinstance(item, str) and item.strip(), f"{where} has an empty or non-text item"


def _check_nik_info(result: dict[str, Any]) -> None:
    """``nik_info``: null, or names (null where not listed), ``DD-MM-YY`` and ``F``/``M``."""
    info = result["nik_info"]
    nik_errors = [e for e in result["input_errors"] if e["field"] == "nik"]
    if info is None:
        assert not result["warnings"], "warnings only come with a well-formed NIK"
        return
    assert not nik_errors, "nik_info only for a well-formed NIK"
    assert set(info) == {"province", "regency", "district", "birth_date", "sex"}
    assert isinstance(info["province"], str) and info["province"]
    for key in ("regency", "district"):
        assert info[key] is None or (isinstance(info[key], str) and info[key])
    assert info["regency"] is not None or info["district"] is None
    assert re.fullmatch(r"\d\d-\d\d-\d\d", info["birth_date"])
    assert info["sex"] in ("F", "M")
    unlisted = info["regency"] is None or info["district"] is None
    codes = [w["code"] for w in result["warnings"]]
    assert codes == (["region_not_in_current_list"] if unlisted else [])


def check_result(result: Any) -> None:
    """Raise AssertionError unless ``result`` has the documented shape and ordering."""
    assert isinstance(result, dict)
    assert set(result) == {
        "lang",
        "today",
        "input_errors",
        "causes",
        "ruled_out",
        "warnings",
        "nik_info",
    }
    assert result["lang"] in content.LANGUAGES
    date.fromisoformat(result["today"])
    json.dumps(result)  # JSON-ready

    for error in result["input_errors"] + result["warnings"]:
        assert set(error) == {"field", "code", "message"}
        assert error["field"] in FIELDS
        assert isinstance(error["code"], str) and error["code"]
        assert isinstance(error["message"], str) and error["message"].strip()
    _check_nik_info(result)

    guide = [c.id for c in content.causes(result["lang"])]
    fix_ids = {f.id for f in content.fixes(result["lang"])}
    for cause in result["causes"]:
        assert set(cause) == {
            "id",
            "likelihood",
            "summary",
            "evidence",
            "steps",
            "fixes",
            "page",
        }
        assert cause["id"] in guide
        assert cause["likelihood"] in LIKELIHOODS
        assert isinstance(cause["summary"], str) and cause["summary"].strip()
        # Every conclusion says what it rests on, "possible" ones included.
        _strings(cause["evidence"], "evidence", allow_empty_list=False)
        _strings(cause["steps"], "steps", allow_empty_list=False)
        _strings(cause["fixes"], "fixes", allow_empty_list=False)
        assert set(cause["fixes"]) <= fix_ids
        assert cause["page"] == f"causes/{cause['id']}/"
    for item in result["ruled_out"]:
        assert set(item) == {"id", "reason"}
        assert item["id"] in guide
        assert isinstance(item["reason"], str) and item["reason"].strip()

    shown = [c["id"] for c in result["causes"]]
    ruled = [r["id"] for r in result["ruled_out"]]
    assert sorted(shown + ruled) == sorted(guide), "every cause appears exactly once"

    order = [(LIKELIHOODS.index(c["likelihood"]), guide.index(c["id"])) for c in result["causes"]]
    assert order == sorted(order), "causes not ordered by likelihood, then guide order"

    confirmed = any(c["likelihood"] == "confirmed" for c in result["causes"])
    assert ("system-error" in ruled) == confirmed
