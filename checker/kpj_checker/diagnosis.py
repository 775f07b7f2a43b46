"""Putting inputs, rules and texts together."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import content, regions
from .i18n import render
from .inputs import read_inputs
from .model import (
    LIKELIHOODS,
    RULED_OUT,
    CauseResult,
    Diagnosis,
    Finding,
    InputError,
    Inputs,
    Msg,
    NikInfo,
    NikSummary,
    RuledOut,
)
from .rules import RULES
from .sanity import with_hints


def findings(raw: Mapping[str, Any]) -> tuple[Inputs, list[Finding]]:
    """The parsed inputs and the language-independent findings, in guide order."""
    inputs = read_inputs(raw)
    found = [RULES[cause_id](inputs) for cause_id in content.cause_ids()]
    found = with_hints(inputs, found)  # a mistyped year: hints only, likelihoods unchanged
    if any(f.likelihood == "confirmed" for f in found):
        found = [
            Finding(f.cause, RULED_OUT, reason=Msg.of("ruled_out.system_error"))
            if f.cause == "system-error"
            else f
            for f in found
        ]
    return inputs, found


def diagnosis(raw: Mapping[str, Any]) -> Diagnosis:
    """Diagnose and render into the requested language."""
    inputs, found = findings(raw)
    lang = inputs.lang
    rank = {likelihood: i for i, likelihood in enumerate(LIKELIHOODS)}
    kept = sorted(
        (f for f in found if f.likelihood != RULED_OUT), key=lambda f: rank[f.likelihood]
    )  # sorted() is stable, so ties stay in guide order
    texts = {c.id: c for c in content.causes(lang)}
    causes = tuple(
        CauseResult(
            id=f.cause,
            likelihood=f.likelihood,
            summary=texts[f.cause].summary,
            evidence=tuple(render(m, lang) for m in f.evidence),
            steps=texts[f.cause].steps,
            fixes=texts[f.cause].fixes,
            page=texts[f.cause].page,
        )
        for f in kept
    )
    ruled_out = tuple(
        RuledOut(f.cause, render(f.reason, lang))
        for f in found
        if f.likelihood == RULED_OUT and f.reason is not None
    )
    errors = tuple(InputError(e.field, e.code, render(e.message, lang)) for e in inputs.errors)
    warnings = tuple(InputError(w.field, w.code, render(w.message, lang)) for w in inputs.warnings)
    nik_info = nik_summary(inputs.nik) if inputs.nik is not None else None
    return Diagnosis(lang, inputs.today, errors, causes, ruled_out, warnings, nik_info)


def nik_summary(nik: NikInfo) -> NikSummary:
    """The names and birth details a well-formed NIK encodes."""
    return NikSummary(
        province=regions.province_name(nik.province),
        regency=regions.regency_name(nik.regency_code),
        district=regions.district_name(nik.district_code),
        birth_date=f"{nik.birth_day:02d}-{nik.birth_month:02d}-{nik.birth_year_2d:02d}",
        sex=nik.sex,
    )


def diagnose(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Diagnose "Data KPJ tidak ditemukan" from what the person knows.

    ``inputs`` maps field names to the text typed (every field optional; empty
    means not known). Returns a JSON-ready dict with ``lang``, ``today``,
    ``input_errors``, ``causes``, ``ruled_out``, ``warnings`` (shaped like
    ``input_errors``; they never confirm a cause) and ``nik_info``. Raises UnknownFieldError
    (a ValueError) for keys that are not fields; never raises for bad values.
    """
    if not isinstance(inputs, Mapping):
        raise TypeError("diagnose() expects a dict of field names to strings")
    return diagnosis(inputs).to_dict()
