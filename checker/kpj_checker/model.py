"""Plain, immutable data types shared by the parsers, the rules and the output."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

LIKELIHOODS: tuple[str, ...] = ("confirmed", "likely", "possible")
RULED_OUT = "ruled_out"


@dataclass(frozen=True, order=True)
class YearMonth:
    """A calendar month, such as the last month a contribution was paid for."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        """Months since year 0, so that months can be subtracted."""
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> YearMonth:
        year, month0 = divmod(self.index + months, 12)
        return YearMonth(year, month0 + 1)

    def day(self, day: int) -> date:
        """The given day of this month, moved back to the month's last day if needed."""
        last = calendar.monthrange(self.year, self.month)[1]
        return date(self.year, self.month, min(day, last))


@dataclass(frozen=True)
class Msg:
    """A message key with its parameters, rendered into a language at the very end.

    Parameter values may be dates, YearMonths, other Msgs or tuples of Msgs.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> Msg:
        return cls(key, tuple(params.items()))


@dataclass(frozen=True)
class FieldError:
    """A problem with one input field; the field is then ignored by the rules."""

    field: str
    code: str
    message: Msg


@dataclass(frozen=True)
class NikInfo:
    """What a well-formed NIK says about its holder."""

    digits: str
    province: str
    birth_day: int
    birth_month: int
    birth_year_2d: int
    sex: str  # "F" or "M"

    @property
    def regency_code(self) -> str:
        """Digits 1-4: the regency or city."""
        return self.digits[:4]

    @property
    def district_code(self) -> str:
        """Digits 1-6: the district."""
        return self.digits[:6]


@dataclass(frozen=True)
class Inputs:
    """Parsed inputs. ``None`` means not known (empty, "unknown" or invalid)."""

    today: date
    lang: str
    kpj: str | None = None
    nik: NikInfo | None = None
    birth_date: date | None = None
    sex: str | None = None
    membership: str | None = None
    employment_status: str | None = None
    changed_employer_on: date | None = None
    registered_on: date | None = None
    last_paid_month: YearMonth | None = None
    kpj_count: str | None = None  # "one" or "several" KPJ numbers ever held
    identity_changed: str | None = None  # "yes": NIK, name or birth date changed since
    errors: tuple[FieldError, ...] = field(default=())
    warnings: tuple[FieldError, ...] = field(default=())


@dataclass(frozen=True)
class Finding:
    """What one rule concluded about one cause, before rendering.

    ``likelihood`` is one of LIKELIHOODS or RULED_OUT; a ruled-out finding
    carries a ``reason``.
    """

    cause: str
    likelihood: str
    evidence: tuple[Msg, ...] = ()
    reason: Msg | None = None


@dataclass(frozen=True)
class InputError:
    field: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class NikSummary:
    """What a well-formed NIK says, for the person to compare with their KTP.

    Names are None where the code is not in the current list; ``birth_date`` is
    ``DD-MM-YY`` as encoded (the NIK holds no century).
    """

    province: str | None
    regency: str | None
    district: str | None
    birth_date: str
    sex: str

    def to_dict(self) -> dict[str, str | None]:
        return {
            "province": self.province,
            "regency": self.regency,
            "district": self.district,
            "birth_date": self.birth_date,
            "sex": self.sex,
        }


@dataclass(frozen=True)
class CauseResult:
    id: str
    likelihood: str
    summary: str
    evidence: tuple[str, ...]
    steps: tuple[str, ...]
    fixes: tuple[str, ...]
    page: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "likelihood": self.likelihood,
            "summary": self.summary,
            "evidence": list(self.evidence),
            "steps": list(self.steps),
            "fixes": list(self.fixes),
            "page": self.page,
        }


@dataclass(frozen=True)
class RuledOut:
    id: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "reason": self.reason}


@dataclass(frozen=True)
class Diagnosis:
    """The rendered result of one diagnosis."""

    lang: str
    today: date
    input_errors: tuple[InputError, ...]
    causes: tuple[CauseResult, ...]
    ruled_out: tuple[RuledOut, ...]
    warnings: tuple[InputError, ...] = ()
    nik_info: NikSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (see the package README for the shape)."""
        return {
            "lang": self.lang,
            "today": self.today.isoformat(),
            "input_errors": [e.to_dict() for e in self.input_errors],
            "causes": [c.to_dict() for c in self.causes],
            "ruled_out": [r.to_dict() for r in self.ruled_out],
            "warnings": [w.to_dict() for w in self.warnings],
            "nik_info": self.nik_info.to_dict() if self.nik_info else None,
        }
