"""Run every checker test case in every language; the same code runs in CPython and Pyodide.

``run_cases.mjs`` feeds this file's source to Pyodide, and ``test_in_pyodide.py``
imports it under CPython, so both sides call ``diagnose()`` in exactly the same way.
"""

from __future__ import annotations

import json
from typing import Any


def run_case(inputs: dict[str, Any]) -> dict[str, Any]:
    """``{"output": diagnose(inputs)}``, or ``{"error": "Type: message"}`` if it raises."""
    from kpj_checker import diagnose

    try:
        return {"output": diagnose(inputs)}
    except Exception as exc:  # compared as text on both sides
        return {"error": f"{type(exc).__name__}: {exc}"}


def run_all(cases_json: str) -> str:
    """JSON ``{"languages", "results": [{"name", "lang", "output" | "error"}]}``.

    Each case's input is run once per language of ``kpj_checker.content.LANGUAGES``
    (its ``lang`` field set to that language).
    """
    from kpj_checker import content

    results = [
        {"name": case["name"], "lang": lang, **run_case({**case["input"], "lang": lang})}
        for case in json.loads(cases_json)
        for lang in content.LANGUAGES
    ]
    return json.dumps(
        {"languages": list(content.LANGUAGES), "results": results},
        ensure_ascii=False,
        sort_keys=True,
    )
