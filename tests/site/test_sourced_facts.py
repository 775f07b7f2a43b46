"""Facts that no source confirms are not stated anywhere on the site.

Call-centre opening hours (06.00–22.00 and "24 hours" are both reported) and the
WhatsApp numbers circulating for BPJS Ketenagakerjaan have no confirming source
(see the editorial notes), so no page, guide text or checker message may give them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT_FILES = [
    *sorted((ROOT / "docs").rglob("*.md")),
    *sorted((ROOT / "checker" / "kpj_checker" / "data").rglob("*.json")),
    ROOT / "build_scripts" / "data" / "site_strings.json",
]
UNCONFIRMED = {
    "opening hours": re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:[-–]|s\.?d\.?|sampai|to|until)\s*\d{1,2}[.:]\d{2}"),
    "round the clock": re.compile(r"24\s*(?:jam|hours?)|24/7", re.IGNORECASE),
    "a mobile or WhatsApp number": re.compile(r"(?<!\d)(?:\+62|62|0)8\d{1,3}[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)"),
}


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unconfirmed_contact_facts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = {what: m.group(0) for what, rx in UNCONFIRMED.items() if (m := rx.search(text))}
    assert not found, f"{path.name} states something no source confirms: {found}"


def test_the_patterns_catch_what_they_are_for() -> None:
    samples = {
        "opening hours": "buka 06.00 - 22.00 WIB",
        "round the clock": "layanan 24 jam",
        "a mobile or WhatsApp number": "WA 0811-800-5373",
    }
    for what, sample in samples.items():
        assert UNCONFIRMED[what].search(sample), what
