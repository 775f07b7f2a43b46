"""What the rules say, beyond the outcomes in cases.json: evidence, dates, counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from kpj_checker import content, diagnose
from kpj_checker.i18n import format_date
from kpj_checker.inputs import read_inputs
from kpj_checker.rules import payment_status

TODAY = "2026-11-24"


def cause(result: dict[str, Any], cause_id: str) -> dict[str, Any]:
    return next(c for c in result["causes"] if c["id"] == cause_id)


def reason(result: dict[str, Any], cause_id: str) -> str:
    return next(r["reason"] for r in result["ruled_out"] if r["id"] == cause_id)


def test_dates_are_localised() -> None:
    assert format_date(date(2026, 12, 15), "id") == "15 Desember 2026"
    assert format_date(date(2026, 12, 15), "en") == "15 December 2026"


def test_too_recent_says_days_so_far_and_when_to_retry() -> None:
    result = diagnose({"registered_on": "2026-11-20", "today": TODAY})
    line, _estimate = cause(result, "too-recent")["evidence"]
    assert "20 November 2026" in line and "4 hari" in line and "4 Desember 2026" in line
    en = diagnose({"registered_on": "2026-11-20", "today": TODAY, "lang": "en"})
    assert "4 December 2026" in cause(en, "too-recent")["evidence"][0]


def test_too_recent_ruled_out_reason() -> None:
    result = diagnose({"registered_on": "2026-11-01", "today": TODAY, "lang": "en"})
    assert "Days since then: 23" in reason(result, "too-recent")


def test_wait_comes_from_facts_and_says_it_is_an_estimate() -> None:
    wait = content.fact("registration_wait_days")
    assert wait == 14
    result = diagnose({"registered_on": "2026-11-20", "today": TODAY})
    found = cause(result, "too-recent")
    assert found["likelihood"] == "likely"
    assert "7\u201314 hari" in found["evidence"][1] and "perkiraan" in found["evidence"][1]
    en = diagnose({"registered_on": "2026-11-20", "today": TODAY, "lang": "en"})
    assert "no official wait" in cause(en, "too-recent")["evidence"][1]


@pytest.mark.parametrize(
    ("membership", "last_paid", "today", "overdue", "next_due"),
    [
        ("employee", "2026-10", "2026-11-24", 0, date(2026, 12, 15)),
        ("employee", "2026-09", "2026-11-24", 1, date(2026, 11, 15)),
        ("employee", "2026-08", "2026-11-24", 2, date(2026, 10, 15)),
        ("employee", "2026-09", "2026-11-15", 0, date(2026, 11, 15)),
        ("self", "2026-10", "2026-11-24", 1, date(2026, 11, 15)),
        ("self", "2026-10", "2026-11-15", 0, date(2026, 11, 15)),
        ("self", "2026-11", "2026-11-24", 0, date(2026, 12, 15)),
        ("", "2026-10", "2026-11-24", 0, date(2026, 12, 15)),
        ("employee", "2024-11", "2026-11-24", 23, date(2025, 1, 15)),
    ],
)
def test_payment_status(
    membership: str, last_paid: str, today: str, overdue: int, next_due: date
) -> None:
    inputs = read_inputs({"membership": membership, "last_paid_month": last_paid, "today": today})
    status = payment_status(inputs)
    assert status is not None
    assert (status.months_overdue, status.next_due) == (overdue, next_due)


def test_late_payment_evidence_counts_months_and_names_the_rule() -> None:
    result = diagnose(
        {"membership": "employee", "last_paid_month": "2026-08", "today": TODAY, "lang": "en"}
    )
    overdue, rule = cause(result, "late-payment")["evidence"]
    assert "August 2026" in overdue and "15 October 2026" in overdue and overdue.endswith(": 2.")
    assert "employee" in rule


def test_late_payment_unknown_membership_says_it_used_the_later_deadline() -> None:
    result = diagnose({"last_paid_month": "2026-09", "today": TODAY})
    _, rule = cause(result, "late-payment")["evidence"]
    assert "tidak memilih jenis kepesertaan" in rule


def test_late_payment_ruled_out_says_when_next_is_due() -> None:
    result = diagnose({"last_paid_month": "2026-10", "today": TODAY, "lang": "en"})
    assert "15 December 2026" in reason(result, "late-payment")


def test_transfer_evidence_names_the_date() -> None:
    result = diagnose(
        {
            "employment_status": "changed_employer",
            "changed_employer_on": "2026-01-10",
            "today": TODAY,
            "lang": "en",
        }
    )
    status, when = cause(result, "membership-transfer")["evidence"]
    assert "another employer" in status and "10 January 2026" in when


def test_wrong_data_evidence_is_the_input_error() -> None:
    result = diagnose({"kpj": "1234567890", "today": TODAY})
    assert cause(result, "wrong-data")["evidence"] == [result["input_errors"][0]["message"]]
    assert result["input_errors"][0]["message"].startswith("Nomor KPJ yang Anda ketik berisi 10")


def test_valid_numbers_leave_wrong_data_possible_with_evidence() -> None:
    result = diagnose({"kpj": "12345678901", "nik": "3171051708900001", "today": TODAY})
    assert cause(result, "wrong-data")["likelihood"] == "possible"
    assert len(cause(result, "wrong-data")["evidence"]) == 2


def test_system_error_reason_when_something_is_confirmed() -> None:
    result = diagnose({"kpj": "1", "today": TODAY, "lang": "en"})
    assert reason(result, "system-error").startswith("Another cause is confirmed")


def test_nothing_known_gives_every_cause_in_guide_order_with_steps() -> None:
    for lang in content.LANGUAGES:
        result = diagnose({"today": TODAY, "lang": lang})
        guide = content.causes(lang)
        assert [c["id"] for c in result["causes"]] == [c.id for c in guide]
        for got, text in zip(result["causes"], guide, strict=True):
            assert got["likelihood"] == "possible"
            assert got["steps"] == list(text.steps)
            (evidence,) = got["evidence"]  # says that nothing answered points either way
            assert evidence.strip()


def test_possible_causes_say_what_the_checker_cannot_see() -> None:
    result = diagnose({"today": TODAY, "lang": "en"})
    assert "cannot see" in cause(result, "system-error")["evidence"][0]
    assert "Nothing you answered" in cause(result, "multiple-kpj")["evidence"][0]
    assert "Dukcapil" in cause(result, "identity-mismatch")["evidence"][0]


def test_identity_change_makes_a_register_mismatch_likely() -> None:
    result = diagnose({"identity_changed": "yes", "today": TODAY, "lang": "en"})
    found = cause(result, "identity-mismatch")
    assert found["likelihood"] == "likely"
    assert "Dukcapil" in found["evidence"][0]
    no = diagnose({"identity_changed": "no", "today": TODAY, "lang": "en"})
    assert cause(no, "identity-mismatch")["likelihood"] == "possible"
    assert "mistyped" in cause(no, "identity-mismatch")["evidence"][0]


def test_several_kpj_numbers_likely_one_ruled_out_with_reason() -> None:
    several = diagnose({"kpj_count": "several", "today": TODAY, "lang": "en"})
    assert "more than one KPJ number" in cause(several, "multiple-kpj")["evidence"][0]
    one = diagnose({"kpj_count": "one", "today": TODAY, "lang": "en"})
    assert reason(one, "multiple-kpj").startswith("You said you have only ever had one")


def test_unknown_count_after_changing_employer_is_labelled_a_heuristic() -> None:
    result = diagnose({"employment_status": "resigned", "today": TODAY, "lang": "en"})
    found = cause(result, "multiple-kpj")
    assert found["likelihood"] == "likely"
    assert "the checker's own guess" in found["evidence"][0]


@pytest.mark.parametrize(
    ("last_paid", "likelihood"), [("2026-08", "possible"), ("2026-07", "likely")]
)
def test_three_unpaid_months_make_inactive_membership_likely(
    last_paid: str, likelihood: str
) -> None:
    result = diagnose(
        {"membership": "employee", "last_paid_month": last_paid, "today": TODAY, "lang": "en"}
    )
    found = cause(result, "inactive-membership")
    assert found["likelihood"] == likelihood
    if likelihood == "likely":
        assert "usually becomes inactive" in found["evidence"][0]


def test_a_recent_registration_does_not_rule_out_a_system_error() -> None:
    result = diagnose({"registered_on": "2026-11-20", "today": TODAY})
    assert cause(result, "system-error")["likelihood"] == "possible"
    assert cause(result, "too-recent")["likelihood"] == "likely"
