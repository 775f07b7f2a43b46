"""Sanity hints: figures so large that the year was probably mistyped.

A last paid month of 1970-01 gives "681 months overdue" and a registration in
1900 "46351 days": true arithmetic on a likely typo. These hints add a sentence
to the message that quotes such a figure ("681 months is at least 56 years;
check the year you typed"), and a sentence to the wrong-data evidence for a date of birth
that makes the person very old or very young. They never change a likelihood.

The thresholds are this checker's own rules of thumb, not published rules: they
only decide when to suggest checking the year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from .model import Finding, Inputs, Msg

#: Contributions overdue for more than this many years get a hint (checker's own rule).
ARREARS_HINT_YEARS = 20
#: A registration more than this many years ago gets a hint (checker's own rule).
REGISTRATION_HINT_YEARS = 50
#: A change of employer more than this many years ago gets a hint (checker's own rule).
EMPLOYER_CHANGE_HINT_YEARS = 40
#: A date of birth making the person this old or older gets a hint (checker's own rule).
OLDEST_AGE = 100
#: A date of birth making the person younger than this gets a hint (checker's own rule).
YOUNGEST_AGE = 15


def years_between(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end`` (an age, when ``start`` is a birthday)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _arrears(msg: Msg, inputs: Inputs) -> Msg | None:
    months = dict(msg.params).get("months")
    if isinstance(months, int) and months > ARREARS_HINT_YEARS * 12:
        return Msg.of("sanity.hint.years", months=months, years=months // 12)
    return None


def _years_ago(field: str, threshold: int) -> Callable[[Msg, Inputs], Msg | None]:
    """A check for a message quoting the date in ``field``: a hint when it is
    ``threshold`` or more years before today."""

    def check(msg: Msg, inputs: Inputs) -> Msg | None:
        day: date | None = getattr(inputs, field)
        if day is None:
            return None
        years = years_between(day, inputs.today)
        if years >= threshold:
            return Msg.of("sanity.hint.years_ago", date=day, years=years)
        return None

    return check


#: The rules' messages that quote a figure, and what checks it. A message key
#: renamed in rules.py must be renamed here too (cases.json would catch it).
_HINTED: dict[str, Callable[[Msg, Inputs], Msg | None]] = {
    "evidence.late_payment.overdue": _arrears,
    "evidence.inactive.arrears": _arrears,
    "evidence.inactive.arrears_long": _arrears,
    "ruled_out.too_recent": _years_ago("registered_on", REGISTRATION_HINT_YEARS),
    "evidence.transfer.old": _years_ago("changed_employer_on", EMPLOYER_CHANGE_HINT_YEARS),
}


def _hinted(msg: Msg, inputs: Inputs) -> Msg:
    check = _HINTED.get(msg.key)
    hint = check(msg, inputs) if check else None
    return Msg.of("sanity.with_hint", text=msg, hint=hint) if hint else msg


def age_hint(inputs: Inputs) -> Msg | None:
    """A hint when the date of birth makes the person OLDEST_AGE or older, or younger
    than YOUNGEST_AGE."""
    if inputs.birth_date is None:
        return None
    age = years_between(inputs.birth_date, inputs.today)
    if age >= OLDEST_AGE or age < YOUNGEST_AGE:
        return Msg.of("sanity.hint.age", age=age)
    return None


def with_hints(inputs: Inputs, found: Sequence[Finding]) -> list[Finding]:
    """``found`` with a hint added wherever a figure suggests a mistyped year."""
    result = []
    for finding in found:
        evidence = tuple(_hinted(m, inputs) for m in finding.evidence)
        reason = _hinted(finding.reason, inputs) if finding.reason else None
        if finding.cause == "wrong-data" and (hint := age_hint(inputs)):
            evidence += (hint,)
        result.append(replace(finding, evidence=evidence, reason=reason))
    return result
