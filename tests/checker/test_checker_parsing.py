"""Focused tests for reading the KPJ, the NIK, dates and the other inputs."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from kpj_checker import UnknownFieldError, diagnose
from kpj_checker.dates import parse_date, parse_month
from kpj_checker.i18n import render
from kpj_checker.inputs import read_inputs
from kpj_checker.kpj import parse_kpj
from kpj_checker.model import YearMonth
from kpj_checker.nik import parse_nik
from kpj_checker.normalise import visible_text

TODAY = "2026-11-24"


def _fullwidth(text: str) -> str:
    """The same text with full-width digits (as typed on some phone keyboards)."""
    return "".join(chr(0xFF10 + int(ch)) if ch.isdigit() else ch for ch in text)


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("12345678901", "12345678901"),
        (" 123 4567 8901 ", "12345678901"),
        ("123-4567-8901", "12345678901"),
        ("123.4567.8901", "12345678901"),
        ("123\u20134567\u20148901", "12345678901"),  # en and em dashes
        (_fullwidth("12345678901"), "12345678901"),
    ],
)
def test_kpj_accepted(typed: str, digits: str) -> None:
    assert parse_kpj(typed) == (digits, None)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("---", "empty"),
        ("1234567890", "too_short"),
        ("1", "too_short"),
        ("123456789012", "too_long"),
        ("3171051708900001", "looks_like_nik"),
        ("1234567890O", "letter_like_digit"),
        ("1234567890o", "letter_like_digit"),
        ("l2345678901", "letter_like_digit"),
        ("I2345678901", "letter_like_digit"),
        ("1234567890x", "invalid_character"),
        ("1234567890O#", "invalid_character"),
        ("١٢٣٤٥٦٧٨٩٠١", "invalid_character"),  # Arabic-Indic digits are not accepted
    ],
)
def test_kpj_rejected(typed: str, code: str) -> None:
    digits, error = parse_kpj(typed)
    assert digits is None
    assert error is not None and error.field == "kpj" and error.code == code


def test_kpj_lookalike_message_names_the_letters() -> None:
    _, error = parse_kpj("1O2l45678901")
    assert error is not None
    text_id, text_en = render(error.message, "id"), render(error.message, "en")
    assert "huruf O (mirip angka 0)" in text_id and "huruf l (mirip angka 1)" in text_id
    assert "the letter O" in text_en and "the letter l" in text_en


def test_kpj_short_message_counts_digits() -> None:
    _, error = parse_kpj("1234567890")
    assert error is not None
    assert "10 angka" in render(error.message, "id")
    assert "11" in render(error.message, "en")


def test_invalid_characters_are_quoted_and_limited() -> None:
    _, error = parse_kpj("abcdefgh")
    assert error is not None
    text = render(error.message, "en")
    assert '"a"' in text and '"e"' in text and '"f"' not in text and "…" in text


#: Invisible format characters (Unicode category Cf) that pasting leaves in numbers.
INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "byte order mark": "\ufeff",
    "word joiner": "\u2060",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    **{f"embedding/override U+{cp:04X}": chr(cp) for cp in range(0x202A, 0x202F)},
    **{f"isolate U+{cp:04X}": chr(cp) for cp in range(0x2066, 0x206A)},
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_ignored_in_the_kpj(char: str) -> None:
    assert parse_kpj(f"{char}1234{char}5678901{char}") == ("12345678901", None)


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_ignored_in_the_nik(char: str) -> None:
    nik, error = parse_nik(f"3201{char}0155{char}05910007")
    assert error is None and nik is not None and nik.digits == "3201015505910007"


def test_nik_with_a_zero_width_space_and_its_birth_date_is_well_formed() -> None:
    result = diagnose({"nik": "3201\u200b015505910007", "birth_date": "1991-05-15", "today": TODAY})
    assert result["input_errors"] == []
    assert {c["id"]: c["likelihood"] for c in result["causes"]}["wrong-data"] == "possible"


def test_every_format_character_is_ignored() -> None:
    """The whole category, not just the usual suspects (tag characters, for one)."""
    assert unicodedata.category("\U000e0041") == "Cf"
    assert parse_kpj("12345\U000e0041678901\u2061") == ("12345678901", None)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("1234567890\x07", "U+0007"),  # a control character
        ("1234567890\ue000", "U+E000"),  # private use
        ("1234567890\ud800", "U+D800"),  # a lone surrogate (from a JSON escape)
        ("1234567890\u0301", "U+0301"),  # a combining mark would join the quote
        ("1234567890\uffff", "U+FFFF"),  # a noncharacter
        ("1234567890#", '"#"'),
        ("1234567890\u00e9", '"\u00e9"'),
    ],
)
def test_other_characters_are_quoted_visibly(typed: str, shown: str) -> None:
    _, error = parse_kpj(typed)
    assert error is not None and error.code == "invalid_character"
    for lang in ("id", "en"):
        text = render(error.message, lang)
        assert shown in text
        assert all(ch.isprintable() for ch in text), text
        text.encode("utf-8")  # never a lone surrogate in a message


def test_nik_man() -> None:
    nik, error = parse_nik("3171 0517 0890 0001")
    assert error is None and nik is not None
    assert (nik.province, nik.birth_day, nik.birth_month, nik.birth_year_2d, nik.sex) == (
        "31",
        17,
        8,
        90,
        "M",
    )


def test_nik_woman_day_plus_40() -> None:
    nik, error = parse_nik("3171054508900002")
    assert error is None and nik is not None
    assert (nik.birth_day, nik.sex) == (5, "F")


@pytest.mark.parametrize("nik", ["3171052902000001", "3171056902000001"])
def test_nik_29_february_in_leap_year_2000(nik: str) -> None:
    assert parse_nik(nik)[1] is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("317105170890000", "too_short"),
        ("31710517089000011", "too_long"),
        ("12345678901", "looks_like_kpj"),
        ("00", "too_short"),
        ("9971051708900001", "unknown_province"),
        ("2071051708900001", "unknown_province"),
        ("3171050008900001", "invalid_birth_date"),  # day 00
        ("3171053208900001", "invalid_birth_date"),  # day 32 (not a woman's day either)
        ("3171054008900001", "invalid_birth_date"),  # day 40
        ("3171057208900001", "invalid_birth_date"),  # woman's day 32
        ("3171051713900001", "invalid_birth_date"),  # month 13
        ("3171053102900001", "invalid_birth_date"),  # 31 February
        ("3171052902010001", "invalid_birth_date"),  # 29 February 1901/2001
        ("3171O51708900001", "letter_like_digit"),
        ("NIK3171051708900", "invalid_character"),
    ],
)
def test_nik_rejected(typed: str, code: str) -> None:
    nik, error = parse_nik(typed)
    assert nik is None
    assert error is not None and error.field == "nik" and error.code == code


@pytest.mark.parametrize("code", ["91", "92", "93", "94", "95", "96", "65", "76"])
def test_newer_province_codes_accepted(code: str) -> None:
    assert parse_nik(code + "71051708900001")[1] is None


def test_nik_conflicts_name_the_other_field() -> None:
    inputs = read_inputs(
        {"nik": "3171051708900001", "birth_date": "1990-08-18", "sex": "F", "today": TODAY}
    )
    assert [(e.field, e.code) for e in inputs.errors] == [
        ("birth_date", "conflicts_with_nik"),
        ("sex", "conflicts_with_nik"),
    ]
    assert inputs.birth_date is None and inputs.sex is None  # ignored by the rules
    assert inputs.nik is not None
    text = render(inputs.errors[0].message, "id")
    assert "17 Agustus" in text and "90" in text


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2026-11-24", None),
        ("2024-02-29", None),
        ("2023-02-29", "impossible_date"),
        ("2023-02-30", "impossible_date"),
        ("2023-13-01", "impossible_date"),
        ("0000-01-01", "impossible_date"),
        ("1899-12-31", "too_early"),
        ("2026-11-25", "in_future"),
        ("2026-1-5", "invalid_format"),
        ("24/11/2026", "invalid_format"),
        ("yesterday", "invalid_format"),
        (_fullwidth("2026-11-24"), "invalid_format"),
    ],
)
def test_parse_date(typed: str, code: str | None) -> None:
    value, error = parse_date("registered_on", typed, date(2026, 11, 24))
    assert (error.code if error else None) == code
    assert (value is None) == (code is not None)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2026-11", None),
        ("2026-12", "in_future"),
        ("2026-00", "impossible_month"),
        ("2026-13", "impossible_month"),
        ("1850-01", "too_early"),
        ("2026-11-01", "invalid_format"),
        ("11/2026", "invalid_format"),
    ],
)
def test_parse_month(typed: str, code: str | None) -> None:
    _value, error = parse_month("last_paid_month", typed, date(2026, 11, 24))
    assert (error.code if error else None) == code


def test_year_month_arithmetic() -> None:
    assert YearMonth(2026, 12).plus(1) == YearMonth(2027, 1)
    assert YearMonth(2026, 1).plus(-1) == YearMonth(2025, 12)
    assert YearMonth(2026, 2).day(31) == date(2026, 2, 28)


def test_choices_ignore_case_and_spaces() -> None:
    inputs = read_inputs(
        {"sex": " f ", "membership": "SELF", "employment_status": "Changed_Employer"}
    )
    assert (inputs.sex, inputs.membership, inputs.employment_status) == (
        "F",
        "self",
        "changed_employer",
    )
    assert inputs.errors == ()


def test_unknown_field_raises_value_error() -> None:
    with pytest.raises(UnknownFieldError) as info:
        diagnose({"kpj": "12345678901", "name": "Siti"})
    assert isinstance(info.value, ValueError)
    assert info.value.fields == ("name",)


def test_non_text_values() -> None:
    result = diagnose({"kpj": 12345678901, "nik": ["x"], "today": TODAY, "lang": "en"})
    assert [(e["field"], e["code"]) for e in result["input_errors"]] == [("nik", "not_text")]
    assert '"NIK (national identity number)"' in result["input_errors"][0]["message"]


def test_none_means_not_known() -> None:
    assert diagnose({"kpj": None, "today": TODAY})["input_errors"] == []


def test_unsupported_language_falls_back_to_indonesian() -> None:
    result = diagnose({"lang": "fr", "today": TODAY})
    assert result["lang"] == "id"
    assert [(e["field"], e["code"]) for e in result["input_errors"]] == [("lang", "unsupported")]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2026-02-30", "impossible_date"),
        ("tomorrow", "invalid_format"),
        ("9999-12-31", "out_of_range"),
    ],
)
def test_bad_today_uses_device_date(typed: str, code: str) -> None:
    result = diagnose({"today": typed})
    assert result["today"] == date.today().isoformat()
    assert [(e["field"], e["code"]) for e in result["input_errors"]] == [("today", code)]


def test_today_defaults_to_device_date() -> None:
    assert diagnose({})["today"] == date.today().isoformat()


def test_not_a_mapping_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        diagnose(["kpj"])  # type: ignore[arg-type]


def test_visible_text_escapes_what_cannot_be_seen_and_cuts_long_text() -> None:
    assert visible_text("na\x1b[31mme") == "na<U+001B>[31mme"
    assert visible_text("a b\u202ec\ud800") == "a b<U+202E>c<U+D800>"
    assert visible_text("\u00e9t\u00e9 #1") == "\u00e9t\u00e9 #1"
    assert visible_text("x" * 50, limit=40) == "x" * 40 + "…"
