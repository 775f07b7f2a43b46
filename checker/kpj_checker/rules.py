"""One rule per cause. Each rule reads parsed Inputs and returns a Finding.

Rules only use fields without errors (a field with an error is ``None`` in
Inputs). Due days, waits and thresholds come from ``facts.json``, each with
its source. Every finding that is shown carries evidence: what its conclusion
rests on, even when that is "nothing you answered points either way".

Certainty is earned: ``confirmed`` only for what the person's own answers
prove (a typed number that cannot be right, dates that contradict the NIK).
Everything from a published rule of thumb or from the checker's own
heuristics is at most ``likely``.

Choices made where no source decides, kept here so they are easy to review
(they are **this checker's heuristics**, not published rules):

* ``wrong-data`` is confirmed by any error in the KPJ or NIK, or by a birth
  date or sex that disagrees with the NIK. Well-formed numbers leave it
  ``possible``: the checker cannot see BPJS Ketenagakerjaan's records.
* ``identity-mismatch`` is ``likely`` when the person says their NIK, name or
  birth date changed after they were registered; otherwise ``possible``, and
  never ruled out (someone else's typing mistake is always possible). The
  cause itself is BPJS Ketenagakerjaan's own (article 18884).
* ``membership-transfer``: a change of employer is known when the status is
  ``resigned`` or ``changed_employer``, or when a change date is given. It is
  ``likely`` when the change was at most TRANSFER_RECENT_MONTHS ago or its date
  is unknown, ``possible`` when older. It is never ruled out (a transfer
  may have been left undone for years).
* ``multiple-kpj`` is ``likely`` for someone who says they have had several
  KPJ numbers, ruled out for someone who says one. When the count is not
  known it is ``likely`` after a change of employer (a new employer may have
  registered the worker as a new participant), else ``possible``.
* ``late-payment`` is ``likely`` when at least one month's contribution is
  past its due date, ruled out when none is, ``possible`` without a last
  paid month. Paying on the due day itself is on time.
* ``too-recent`` is at most ``likely``: the wait (about 7-14 days) comes from
  press reports, not from BPJS Ketenagakerjaan. It is ruled out once the
  longest reported wait has passed.
* ``inactive-membership`` is ruled out only by solid evidence: contributions
  that are not late. It is ``likely`` when contributions are unpaid for
  ``inactive_after_unpaid_months`` months or more (BPJS Ketenagakerjaan:
  "usually" after three months) or for someone who left their job and did
  not choose self-paid membership, else ``possible``.
* ``system-error`` cannot be detected: ``possible``, unless another cause is
  confirmed (only ``wrong-data`` can be); then it is ruled out with the
  reason "check that first". A ``likely`` cause does not rule it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import content
from .dates import months_before
from .model import RULED_OUT, Finding, Inputs, Msg, YearMonth

#: A change of employer this recent may still be being transferred (a
#: heuristic of this checker, not a published rule).
TRANSFER_RECENT_MONTHS = 3
_WRONG_DATA_FIELDS = ("kpj", "nik")


def _wait_days() -> int:
    return int(content.fact("registration_wait_days"))


def _employer_changed(inputs: Inputs) -> bool:
    """The person left or changed employer, by status or by a change date."""
    status = inputs.employment_status
    return status in ("resigned", "changed_employer") or inputs.changed_employer_on is not None


@dataclass(frozen=True)
class PaymentStatus:
    """Where the contributions stand, from the last paid month."""

    last_paid: YearMonth
    next_month: YearMonth
    next_due: date
    months_overdue: int
    rule: str  # "employee", "self" or "unknown"


def payment_status(inputs: Inputs) -> PaymentStatus | None:
    """Contributions due after the last paid month, or None when it is unknown.

    A month's contribution is due on ``employer_due_day`` of the following
    month for employees, and on ``self_paid_due_day`` of the month itself for
    self-paid members. Unknown membership uses the later (employee) deadline.
    """
    last = inputs.last_paid_month
    if last is None:
        return None
    rule = inputs.membership or "unknown"
    if rule == "self":
        lag, due_day = 0, int(content.fact("self_paid_due_day"))
    else:
        lag, due_day = 1, int(content.fact("employer_due_day"))

    def due(month: YearMonth) -> date:
        return month.plus(lag).day(due_day)

    today = inputs.today
    latest_overdue = YearMonth.of(today).plus(-lag)
    if not today > due(latest_overdue):
        latest_overdue = latest_overdue.plus(-1)
    overdue = max(0, latest_overdue.index - last.index)
    next_month = last.plus(1)
    return PaymentStatus(last, next_month, due(next_month), overdue, rule)


def wrong_data(inputs: Inputs) -> Finding:
    """Confirmed by errors in the numbers or clashes with the NIK."""
    evidence = tuple(
        e.message
        for e in inputs.errors
        if e.field in _WRONG_DATA_FIELDS or e.code == "conflicts_with_nik"
    )
    if evidence:
        return Finding("wrong-data", "confirmed", evidence)
    ok = []
    if inputs.kpj is not None:
        ok.append(Msg.of("evidence.wrong_data.kpj_ok"))
    if inputs.nik is not None:
        ok.append(Msg.of("evidence.wrong_data.nik_ok"))
    if not ok:
        ok.append(Msg.of("evidence.wrong_data.nothing_typed"))
    return Finding("wrong-data", "possible", tuple(ok))


def identity_mismatch(inputs: Inputs) -> Finding:
    """Likely after a change of NIK, name or birth date; otherwise possible."""
    if inputs.identity_changed == "yes":
        return Finding("identity-mismatch", "likely", (Msg.of("evidence.identity.changed"),))
    answer = "not_changed" if inputs.identity_changed == "no" else "unknown"
    return Finding("identity-mismatch", "possible", (Msg.of(f"evidence.identity.{answer}"),))


def membership_transfer(inputs: Inputs) -> Finding:
    """Likely after a recent (or undated) change of employer."""
    status, changed_on = inputs.employment_status, inputs.changed_employer_on
    if status == "resigned":
        evidence = [Msg.of("evidence.transfer.status_resigned")]
    elif status == "changed_employer":
        evidence = [Msg.of("evidence.transfer.status_changed")]
    elif changed_on is not None:
        evidence = [Msg.of("evidence.transfer.date_only")]
    elif status == "active":
        return Finding("membership-transfer", "possible", (Msg.of("evidence.transfer.active"),))
    else:
        return Finding("membership-transfer", "possible", (Msg.of("evidence.transfer.unknown"),))

    months = TRANSFER_RECENT_MONTHS
    if changed_on is None:
        evidence.append(Msg.of("evidence.transfer.no_date"))
        likelihood = "likely"
    elif changed_on >= months_before(inputs.today, months):
        evidence.append(Msg.of("evidence.transfer.recent", date=changed_on, months=months))
        likelihood = "likely"
    else:
        evidence.append(Msg.of("evidence.transfer.old", date=changed_on, months=months))
        likelihood = "possible"
    return Finding("membership-transfer", likelihood, tuple(evidence))


def multiple_kpj(inputs: Inputs) -> Finding:
    """Likely with several KPJ numbers, ruled out with one; when unknown,
    likely after a change of employer (this checker's heuristic)."""
    if inputs.kpj_count == "several":
        return Finding("multiple-kpj", "likely", (Msg.of("evidence.multiple.several"),))
    if inputs.kpj_count == "one":
        return Finding("multiple-kpj", RULED_OUT, reason=Msg.of("ruled_out.multiple_kpj"))
    if _employer_changed(inputs):
        return Finding("multiple-kpj", "likely", (Msg.of("evidence.multiple.changed_employer"),))
    return Finding("multiple-kpj", "possible", (Msg.of("evidence.multiple.unknown"),))


def late_payment(inputs: Inputs) -> Finding:
    """Likely when a contribution is past its due date; ruled out when none is."""
    status = payment_status(inputs)
    if status is None:
        return Finding("late-payment", "possible", (Msg.of("evidence.late_payment.unknown"),))
    if status.months_overdue == 0:
        reason = Msg.of(
            "ruled_out.late_payment",
            last_paid=status.last_paid,
            next_month=status.next_month,
            due_date=status.next_due,
        )
        return Finding("late-payment", RULED_OUT, reason=reason)
    evidence = (
        Msg.of(
            "evidence.late_payment.overdue",
            last_paid=status.last_paid,
            next_month=status.next_month,
            due_date=status.next_due,
            months=status.months_overdue,
        ),
        Msg.of(f"evidence.late_payment.rule_{status.rule}"),
    )
    return Finding("late-payment", "likely", evidence)


def too_recent(inputs: Inputs) -> Finding:
    """Likely (never confirmed: the wait is a press estimate) when registration
    was fewer than the waiting days ago; ruled out after that."""
    registered_on = inputs.registered_on
    if registered_on is None:
        return Finding("too-recent", "possible", (Msg.of("evidence.too_recent.unknown"),))
    days = (inputs.today - registered_on).days
    wait = _wait_days()
    if days >= wait:
        reason = Msg.of("ruled_out.too_recent", registered_on=registered_on, days=days)
        return Finding("too-recent", RULED_OUT, reason=reason)
    retry_on = registered_on + timedelta(days=wait)
    key = "evidence.too_recent.today" if days == 0 else "evidence.too_recent.waiting"
    evidence = Msg.of(key, registered_on=registered_on, days=days, retry_on=retry_on)
    return Finding("too-recent", "likely", (evidence, Msg.of("evidence.too_recent.estimate")))


def system_error(inputs: Inputs) -> Finding:
    """Always possible; :func:`kpj_checker.diagnosis.findings` rules it out
    when another cause is confirmed."""
    return Finding("system-error", "possible", (Msg.of("evidence.system_error.cannot_see"),))


def inactive_membership(inputs: Inputs) -> Finding:
    """Ruled out by contributions that are not late; likely after months of
    arrears, or after leaving a job without continuing as a self-paid member."""
    status = payment_status(inputs)
    if status is not None and status.months_overdue == 0:
        reason = Msg.of("ruled_out.inactive_membership", last_paid=status.last_paid)
        return Finding("inactive-membership", RULED_OUT, reason=reason)
    evidence = []
    likelihood = "possible"
    if status is not None and status.months_overdue >= _inactive_after_months():
        likelihood = "likely"
    if inputs.employment_status == "resigned":
        if inputs.membership == "self":
            evidence.append(Msg.of("evidence.inactive.resigned_self"))
        else:
            likelihood = "likely"
            kind = "employee" if inputs.membership == "employee" else "unknown"
            evidence.append(Msg.of(f"evidence.inactive.resigned_{kind}"))
    if status is not None:
        key = "arrears_long" if status.months_overdue >= _inactive_after_months() else "arrears"
        evidence.append(Msg.of(f"evidence.inactive.{key}", months=status.months_overdue))
    if not evidence:
        evidence.append(Msg.of("evidence.inactive.unknown"))
    return Finding("inactive-membership", likelihood, tuple(evidence))


def _inactive_after_months() -> int:
    return int(content.fact("inactive_after_unpaid_months"))


#: Rules by cause id, in guide order (the order of content.json).
RULES: dict[str, Callable[[Inputs], Finding]] = {
    "wrong-data": wrong_data,
    "identity-mismatch": identity_mismatch,
    "membership-transfer": membership_transfer,
    "multiple-kpj": multiple_kpj,
    "late-payment": late_payment,
    "too-recent": too_recent,
    "system-error": system_error,
    "inactive-membership": inactive_membership,
}
