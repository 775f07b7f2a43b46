"""Property tests: any input is handled, the output always has the documented shape."""

from __future__ import annotations

from typing import Any

from checker_schema import check_result
from hypothesis import given, settings
from hypothesis import strategies as st
from kpj_checker import FIELDS, UnknownFieldError, diagnose

TODAY = "2026-11-24"
VALID_KPJ = "12345678901"
VALID_NIK = "3171054508900002"

any_text = st.text(max_size=40)
plausible = {
    "kpj": st.one_of(any_text, st.from_regex(r"[0-9 .\-OolI]{0,20}", fullmatch=True)),
    "nik": st.one_of(any_text, st.from_regex(r"[0-9 .\-]{0,20}", fullmatch=True)),
    "birth_date": st.one_of(any_text, st.dates().map(str)),
    "sex": st.one_of(any_text, st.sampled_from(["F", "M", "unknown", ""])),
    "membership": st.one_of(any_text, st.sampled_from(["employee", "self", "unknown", ""])),
    "employment_status": st.one_of(
        any_text, st.sampled_from(["active", "resigned", "changed_employer", "unknown", ""])
    ),
    "kpj_count": st.one_of(any_text, st.sampled_from(["one", "several", "unknown", ""])),
    "identity_changed": st.one_of(any_text, st.sampled_from(["yes", "no", "unknown", ""])),
    "changed_employer_on": st.one_of(any_text, st.dates().map(str)),
    "registered_on": st.one_of(any_text, st.dates().map(str)),
    "last_paid_month": st.one_of(any_text, st.dates().map(lambda d: str(d)[:7])),
    "today": st.one_of(any_text, st.dates().map(str)),
    "lang": st.one_of(any_text, st.sampled_from(["id", "en"])),
}
inputs = st.fixed_dictionaries({}, optional=plausible)
separators = st.lists(st.sampled_from([" ", "-", ".", "  ", "\u2013"]), max_size=16)


@settings(max_examples=300, deadline=None)
@given(inputs)
def test_any_text_never_raises_and_matches_schema(raw: dict[str, Any]) -> None:
    check_result(diagnose(raw))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=30)))
def test_any_text_in_any_field(raw: dict[str, str]) -> None:
    check_result(diagnose(raw))


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=20).filter(lambda key: key not in FIELDS))
def test_unknown_keys_raise_unknown_field_error(key: str) -> None:
    try:
        diagnose({key: "x"})
    except UnknownFieldError as error:
        assert error.fields == (key,)
    else:
        raise AssertionError("no UnknownFieldError")


def _sprinkle(number: str, seps: list[str]) -> str:
    out = []
    for i, ch in enumerate(number):
        out.append(ch)
        if i < len(seps):
            out.append(seps[i])
    return "".join(out)


@settings(max_examples=100, deadline=None)
@given(separators, separators, st.sampled_from(["id", "en"]))
def test_separators_do_not_change_the_diagnosis(
    kpj_seps: list[str], nik_seps: list[str], lang: str
) -> None:
    base = {"today": TODAY, "lang": lang, "sex": "F", "birth_date": "1990-08-05"}
    plain = diagnose({**base, "kpj": VALID_KPJ, "nik": VALID_NIK})
    spaced = diagnose(
        {
            **base,
            "kpj": " " + _sprinkle(VALID_KPJ, kpj_seps) + " ",
            "nik": _sprinkle(VALID_NIK, nik_seps),
        }
    )
    assert spaced == plain
