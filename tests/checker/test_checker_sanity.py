"""Sanity hints: a figure suggesting a mistyped year gets a hint (checker's own thresholds)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from kpj_checker import diagnose
from kpj_checker.sanity import (
    ARREARS_HINT_YEARS,
    EMPLOYER_CHANGE_HINT_YEARS,
    OLDEST_AGE,
    REGISTRATION_HINT_YEARS,
    YOUNGEST_AGE,
    years_between,
)

TODAY = "2026-11-24"
HINT = {"en": "check the year you typed", "id": "periksa lagi tahun yang anda ketik"}


def texts(result: dict[str, Any]) -> list[str]:
    return [line for c in result["causes"] for line in c["evidence"]] + [
        r["reason"] for r in result["ruled_out"]
    ]


def hints(inputs: dict[str, str], lang: str = "en") -> list[str]:
    result = diagnose({**inputs, "today": TODAY, "lang": lang})
    return [t for t in texts(result) if HINT[lang] in t.lower()]


def test_years_between_counts_whole_years() -> None:
    assert years_between(date(2000, 11, 25), date(2026, 11, 24)) == 25
    assert years_between(date(2000, 11, 24), date(2026, 11, 24)) == 26
    assert years_between(date(2000, 2, 29), date(2001, 2, 28)) == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_arrears_hint_starts_just_over_the_threshold(lang: str) -> None:
    # Employee rule on 24 November 2026: October 2026 is the latest month past due.
    def month(months_overdue: int) -> str:
        index = 2026 * 12 + 9 - months_overdue
        return f"{index // 12}-{index % 12 + 1:02d}"

    at_threshold = ARREARS_HINT_YEARS * 12
    assert hints({"membership": "employee", "last_paid_month": month(at_threshold)}, lang) == []
    over = hints({"membership": "employee", "last_paid_month": month(at_threshold + 1)}, lang)
    assert len(over) == 2  # late payment and inactive membership both quote the months
    assert all(str(at_threshold + 1) in line for line in over)


def test_registration_hint_threshold() -> None:
    years = REGISTRATION_HINT_YEARS
    assert hints({"registered_on": f"{2026 - years}-11-25"}) == []
    [line] = hints({"registered_on": f"{2026 - years}-11-24"})
    assert f"at least {years} years ago" in line


def test_employer_change_hint_threshold() -> None:
    years = EMPLOYER_CHANGE_HINT_YEARS
    base = {"employment_status": "changed_employer"}
    assert hints({**base, "changed_employer_on": f"{2026 - years}-11-25"}) == []
    [line] = hints({**base, "changed_employer_on": f"{2026 - years}-11-24"})
    assert f"at least {years} years ago" in line


@pytest.mark.parametrize(
    ("birth_date", "hinted"),
    [
        (f"{2026 - OLDEST_AGE}-11-25", False),
        (f"{2026 - OLDEST_AGE}-11-24", True),
        (f"{2026 - YOUNGEST_AGE}-11-24", False),
        (f"{2026 - YOUNGEST_AGE}-11-25", True),
        ("1990-08-17", False),
    ],
)
def test_age_hint_for_the_very_old_and_the_very_young(birth_date: str, hinted: bool) -> None:
    assert bool(hints({"birth_date": birth_date})) is hinted


def test_hints_never_change_a_likelihood() -> None:
    absurd = {
        "membership": "employee",
        "employment_status": "changed_employer",
        "last_paid_month": "1970-01",
        "changed_employer_on": "1950-01-01",
        "registered_on": "1900-01-01",
        "birth_date": "1900-01-01",
        "today": TODAY,
    }
    plausible = {
        **absurd,
        "last_paid_month": "2020-01",
        "changed_employer_on": "2020-01-01",
        "registered_on": "2015-01-01",
        "birth_date": "1990-01-01",
    }

    def outcome(inputs: dict[str, str]) -> Any:
        result = diagnose(inputs)
        causes = {c["id"]: (c["likelihood"], len(c["evidence"])) for c in result["causes"]}
        return causes, [r["id"] for r in result["ruled_out"]]

    absurd_causes, absurd_ruled_out = outcome(absurd)
    plausible_causes, plausible_ruled_out = outcome(plausible)
    assert absurd_ruled_out == plausible_ruled_out
    for cid, (likelihood, count) in plausible_causes.items():
        extra = 1 if cid == "wrong-data" else 0  # the age hint is one more piece of evidence
        assert absurd_causes[cid] == (likelihood, count + extra)
    assert len(hints(absurd)) == 5
