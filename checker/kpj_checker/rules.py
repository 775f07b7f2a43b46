"""One rule per cause. Each rule reads parsed Inputs and returns a Finding.

Rules only use fields without errors (a field with an error is ``None`` in
Inputs). Due days and the registration wait come from ``facts.json``.

Choices made where the brief was silent, kept here so they are easy to review:

* ``wrong-data`` is confirmed by any error in the KPJ or NIK, or by a birth
  date or sex that disagrees with the NIK. Well-formed numbers leave it
  ``possible``: the checker cannot see BPJS Ketenagakerjaan's records.
* ``membership-transfer``: a change of employer is known when the status is
  ``resigned`` or ``changed_employer``, or when a change date is given. It is
  ``likely`` when the change was at most TRANSFER_RECENT_MONTHS ago or its date
  is unknown, ``possible`` when older. It is never ruled out (a transfer
  may have been left undone for years).
* ``late-payment`` is ``likely`` when at least one month's contribution is
  past its due date, ruled out when none is, ``possible`` without a last
  paid month. Paying on the due day itself is on time.
* ``inactive-membership`` is ruled out only by solid evidence: contributions
  that are not late. Otherwise it is ``likely`` for someone who left their
  job and did not choose self-paid membership, else ``possible``.
* ``system-error`` cannot be detected: ``possible``, unless another cause is
  confirmed; then it is ruled out with the reason "check that first".
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
    return Finding("wrong-data", "possible", tuple(ok))


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
        return Finding("membership-transfer", "possible")

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


def late_payment(inputs: Inputs) -> Finding:
    """Likely when a contribution is past its due date; ruled out when none is."""
    status = payment_status(inputs)
    if status is None:
        return Finding("late-payment", "possible")
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
    """Confirmed when registration was fewer than the waiting days ago."""
    registered_on = inputs.registered_on
    if registered_on is None:
        return Finding("too-recent", "possible")
    days = (inputs.today - registered_on).days
    wait = _wait_days()
    if days >= wait:
        reason = Msg.of("ruled_out.too_recent", registered_on=registered_on, days=days)
        return Finding("too-recent", RULED_OUT, reason=reason)
    retry_on = registered_on + timedelta(days=wait)
    key = "evidence.too_recent.today" if days == 0 else "evidence.too_recent.waiting"
    evidence = Msg.of(key, registered_on=registered_on, days=days, retry_on=retry_on)
    return Finding("too-recent", "confirmed", (evidence,))


def system_error(inputs: Inputs) -> Finding:
    """Always possible; :func:`kpj_checker.diagnosis.diagnosis` rules it out
    when another cause is confirmed."""
    return Finding("system-error", "possible")


def inactive_membership(inputs: Inputs) -> Finding:
    """Ruled out by contributions that are not late; likely after leaving a job
    without continuing as a self-paid member."""
    status = payment_status(inputs)
    if status is not None and status.months_overdue == 0:
        reason = Msg.of("ruled_out.inactive_membership", last_paid=status.last_paid)
        return Finding("inactive-membership", RULED_OUT, reason=reason)
    evidence = []
    likelihood = "possible"
    if inputs.employment_status == "resigned":
        if inputs.membership == "self":
            evidence.append(Msg.of("evidence.inactive.resigned_self"))
        else:
            likelihood = "likely"
            kind = "employee" if inputs.membership == "employee" else "unknown"
            evidence.append(Msg.of(f"evidence.inactive.resigned_{kind}"))
    if status is not None:
        evidence.append(Msg.of("evidence.inactive.arrears", months=status.months_overdue))
    return Finding("inactive-membership", likelihood, tuple(evidence))


#: Rules by cause id, in guide order (the order of content.json).
RULES: dict[str, Callable[[Inputs], Finding]] = {
    "wrong-data": wrong_data,
    "membership-transfer": membership_transfer,
    "late-payment": late_payment,
    "too-recent": too_recent,
    "system-error": system_error,
    "inactive-membership": inactive_membership,
}
