"""The texts the checker page's scripts use exist in both languages and reach the page.

`date-input.js` and `next-steps.js` take every word from the page's texts JSON (rendered
from the checker's messages by build_scripts/checker_form.py); a missing key would show
the key itself to a reader.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from kpj_checker import content
from site_pages import LANGUAGES, page_file

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "assets" / "cek-kpj"
PARTS = ("day", "month", "year")
# The values next-steps.js fills into a message; other placeholders are facts.
MESSAGE_VALUES = {"kpj", "nik", "birth_date", "left_on"}


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def step_ids() -> list[str]:
    script = (SCRIPTS / "next-steps.js").read_text(encoding="utf-8")
    block = script[script.index("var STEPS = [") : script.index("];", script.index("var STEPS"))]
    return re.findall(r'id: "(\w+)"', block)


def test_every_date_error_the_page_can_show_has_a_message() -> None:
    missing = [
        "form.date.missing_" + "_".join(combo)
        for size in (1, 2)
        for combo in itertools.combinations(PARTS, size)
    ]
    keys = [*missing, "form.date.not_real", "form.date.not_real_month", "form.date.year_digits"]
    script = (SCRIPTS / "date-input.js").read_text(encoding="utf-8")
    for code in ("not_real", "not_real_month", "year_digits", "missing_"):
        assert f'"{code}' in script, code  # the codes the script builds its keys from
    for lang in LANGUAGES:
        texts = content.messages(lang, prefix="form.date.")
        for key in keys:
            assert placeholders(texts[key]) == {"label"}, key
        for part in PARTS:
            assert texts[f"form.date.{part}"].strip()


def test_every_ready_made_message_has_its_texts() -> None:
    steps = step_ids()
    assert steps == ["hrd", "previous_employer", "branch"]
    for lang in LANGUAGES:
        texts = content.messages(lang, prefix="next.")
        for step in steps:
            for part in ("title", "why", "text"):
                assert texts[f"next.{step}.{part}"].strip(), (lang, step, part)
            assert placeholders(texts[f"next.{step}.text"]) <= MESSAGE_VALUES, (lang, step)
            assert "{kpj}" in texts[f"next.{step}.text"] and "{nik}" in texts[f"next.{step}.text"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checker_page_carries_the_texts_its_scripts_need(site: Path, lang: str) -> None:
    html = page_file(site, lang, "checker/").read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="kpj-checker-texts">')
    raw = html[html.index(">", start) + 1 : html.index("</script>", start)]
    texts = json.loads(raw)
    assert texts["form.date.missing_month"] == content.message(
        "form.date.missing_month", lang, label="{label}"
    )
    assert texts["month.8"] == content.message("month.8", lang)
    for step in step_ids():
        assert texts[f"next.{step}.text"] == content.messages(lang, "next.")[f"next.{step}.text"]
        # The English page also carries the Indonesian message it offers to send.
        indonesian = texts.get(f"id:next.{step}.text")
        if lang == "id":
            assert indonesian is None
        else:
            assert indonesian == content.messages("id", "next.")[f"next.{step}.text"]
    for script in ("date-input.js", "next-steps.js", "checker-results.js", "checker.js"):
        assert f'assets/cek-kpj/{script}"></script>' in html, script
