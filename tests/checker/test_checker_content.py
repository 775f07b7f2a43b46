"""The data files and the content API: completeness and language parity."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from kpj_checker import content

PLACEHOLDER_NAMES = re.compile(r"\{[a-z_]+\}")
FORM_FIELDS = (
    "kpj",
    "kpj_count",
    "nik",
    "birth_date",
    "sex",
    "identity_changed",
    "membership",
    "employment_status",
    "changed_employer_on",
    "registered_on",
    "last_paid_month",
)
FORM_KEYS = [
    *(f"form.{f}.{part}" for f in FORM_FIELDS for part in ("label", "hint")),
    "form.sex.F",
    "form.sex.M",
    "form.sex.unknown",
    "form.membership.employee",
    "form.membership.self",
    "form.membership.unknown",
    "form.employment_status.active",
    "form.employment_status.resigned",
    "form.employment_status.changed_employer",
    "form.employment_status.unknown",
    "form.kpj_count.one",
    "form.kpj_count.several",
    "form.kpj_count.unknown",
    "form.identity_changed.yes",
    "form.identity_changed.no",
    "form.identity_changed.unknown",
    "form.submit",
    "form.reset",
    "form.privacy",
    "form.status.loading",
    "form.status.ready",
    "form.status.failed",
    "form.status.working",
    "form.results.heading",
    "form.results.ruled_out",
    "form.results.evidence",
    "form.results.steps",
    "form.results.read_more",
    "form.results.none",
    "form.errors.heading",
    "form.copy",
    "form.copied",
    "form.copy_failed",
    "form.include_nik",
    "form.print",
    "form.summary.title",
    "form.summary.checked",
    "form.nojs",
]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_languages() -> None:
    assert content.LANGUAGES == ("id", "en")


def test_checked_on_is_a_date() -> None:
    assert content.CHECKED_ON == "2026-11-25"
    date.fromisoformat(content.CHECKED_ON)


def test_required_sources_and_facts() -> None:
    sources = content.sources()
    for sid in (
        "article",
        "pp-44-2015",
        "permenaker-5-2021",
        "pp-49-2020",
        "uu-24-2011",
        "uu-3-1992",
        "bpjs-official",
    ):
        assert sid in sources and sources[sid].id == sid
    article = sources["article"]
    assert (article.outlet, article.date, article.kind) == ("kumparan", "2023-05-03", "article")
    assert article.url.startswith("https://kumparan.com/")
    assert sources["bpjs-official"].url == "https://www.bpjsketenagakerjaan.go.id/"
    expected = {
        "registration_wait_days": 14,
        "registration_wait_min_days": 7,
        "inactive_after_unpaid_months": 3,
        "dukcapil_call_centre": "1500537",
        "contact_email": "care@bpjsketenagakerjaan.go.id",
        "employer_due_day": 15,
        "self_paid_due_day": 15,
        "late_fine_percent_per_month": 2,
        "covid_relief_due_day": 30,
        "call_centre": "175",
        "main_domain": "www.bpjsketenagakerjaan.go.id",
        "sso_domain": "sso.bpjsketenagakerjaan.go.id",
        "x_handle": "@BPJSTKinfo",
        "kpj_digits": 11,
        "nik_digits": 16,
        "app_name": "JMO (Jamsostek Mobile)",
    }
    facts = content.facts()
    for key, value in expected.items():
        assert facts[key].value == value
    for fact in facts.values():
        assert fact.source_id in sources
        if fact.note is not None:
            assert set(fact.note) == set(content.LANGUAGES)
    for source in sources.values():
        if source.date is not None:
            date.fromisoformat(source.date)


def test_every_fact_has_a_source_and_every_source_a_kind_and_public_page() -> None:
    sources = content.sources()
    for fact in content.facts().values():
        assert fact.source_id in sources, fact.key
        assert set(fact.label) == set(content.LANGUAGES), fact.key
        assert all(fact.label[lang].strip() for lang in content.LANGUAGES), fact.key
    for source in sources.values():
        assert source.kind in content.SOURCE_KINDS, source.id
        assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", source.url), source.id
        assert source.title.strip(), source.id


def test_the_wait_rests_on_press_and_inactivity_on_bpjs_itself() -> None:
    facts, sources = content.facts(), content.sources()
    assert sources[facts["registration_wait_days"].source_id].kind == "press"
    assert sources[facts["registration_wait_min_days"].source_id].kind == "press"
    inactive = sources[facts["inactive_after_unpaid_months"].source_id]
    assert (inactive.kind, inactive.id) == ("official", "bpjs-artikel-18884")


def test_article_errors_are_not_repeated() -> None:
    blob = repr(
        [content.causes(lang) for lang in content.LANGUAGES]
        + [content.fixes(lang) for lang in content.LANGUAGES]
        + [content.messages(lang) for lang in content.LANGUAGES]
    )
    for wrong in ("bpjsketanagakerjaan", "@BPSTKinfo", "BPJSTKU", "Kartu Pekerja Jakarta"):
        assert wrong not in blob


def test_cause_and_fix_ids_and_links() -> None:
    causes = content.causes("id")
    assert [c.id for c in causes] == [
        "wrong-data",
        "identity-mismatch",
        "membership-transfer",
        "multiple-kpj",
        "late-payment",
        "too-recent",
        "system-error",
        "inactive-membership",
    ]
    fixes = content.fixes("id")
    assert [f.id for f in fixes] == ["verify-data", "check-membership", "contact-cs"]
    fix_ids = {f.id for f in fixes}
    for c in causes:
        assert c.fixes and set(c.fixes) <= fix_ids and "contact-cs" in c.fixes
        assert c.page == f"causes/{c.id}/"
    for f in fixes:
        assert f.page == f"fixes/{f.id}/"
        assert f.causes == tuple(c.id for c in causes if f.id in c.fixes)
        assert f.causes
    assert content.fixes("en")[2].causes == tuple(c.id for c in causes)


@pytest.mark.parametrize("kind", ["causes", "fixes"])
def test_guide_texts_parity_and_filled(kind: str) -> None:
    items = {lang: getattr(content, kind)(lang) for lang in content.LANGUAGES}
    for a, b in zip(items["id"], items["en"], strict=True):
        assert a.id == b.id
        assert len(a.steps) == len(b.steps) and a.steps
        for text in (a.title, a.summary, *a.steps, b.title, b.summary, *b.steps):
            assert text.strip()
            assert not PLACEHOLDER_NAMES.search(text), text


def test_message_keys_parity_and_placeholders() -> None:
    raw = content._messages_file()
    for key, texts in raw.items():
        assert set(texts) == set(content.LANGUAGES), key
        assert texts["id"].strip() and texts["en"].strip(), key
        assert placeholders(texts["id"]) == placeholders(texts["en"]), key


def test_raw_guide_texts_use_only_fact_placeholders() -> None:
    facts = set(content.fact_values())
    raw = content._content_file()
    for entry in [*raw["causes"], *raw["fixes"]]:
        for field in ("title", "summary"):
            assert placeholders(entry[field]["id"]) == placeholders(entry[field]["en"])
            assert placeholders(entry[field]["id"]) <= facts
        for step_id, step_en in zip(entry["steps"]["id"], entry["steps"]["en"], strict=True):
            assert placeholders(step_id) == placeholders(step_en) <= facts


def test_form_keys_exist() -> None:
    for lang in content.LANGUAGES:
        form = content.messages(lang, prefix="form.")
        missing = [key for key in FORM_KEYS if key not in form]
        assert not missing
        assert all(key.startswith("form.") for key in form)


def test_messages_fill_facts_and_keep_other_placeholders() -> None:
    form = content.messages("en", "form.")
    assert form["form.kpj.hint"].startswith("11 digits")
    assert "{size}" in form["form.status.loading"]
    assert "{date}" in form["form.summary.checked"]


def test_message_formats_with_kwargs_and_facts() -> None:
    assert content.message("report.checked_on", "en", date="1 May") == "Checked on 1 May"
    assert "175" not in content.message("form.submit", "id")
    with pytest.raises(KeyError):
        content.message("no.such.key", "id")
    with pytest.raises(ValueError):
        content.message("form.submit", "fr")


def test_error_messages_exist_for_every_code() -> None:
    keys = set(content.message_keys())
    codes = {
        "kpj": [
            "empty",
            "too_short",
            "too_long",
            "looks_like_nik",
            "letter_like_digit",
            "invalid_character",
        ],
        "nik": [
            "empty",
            "too_short",
            "too_long",
            "looks_like_kpj",
            "letter_like_digit",
            "invalid_character",
            "unknown_province",
            "invalid_birth_date",
        ],
        "birth_date": [
            "invalid_format",
            "impossible_date",
            "in_future",
            "too_early",
            "conflicts_with_nik",
        ],
        "sex": ["invalid_choice", "conflicts_with_nik"],
        "membership": ["invalid_choice"],
        "employment_status": ["invalid_choice"],
        "kpj_count": ["invalid_choice"],
        "identity_changed": ["invalid_choice"],
        "changed_employer_on": ["invalid_format", "impossible_date", "in_future", "too_early"],
        "registered_on": ["invalid_format", "impossible_date", "in_future", "too_early"],
        "last_paid_month": ["invalid_format", "impossible_month", "in_future", "too_early"],
        "today": ["invalid_format", "impossible_date", "out_of_range"],
        "lang": ["unsupported"],
    }
    for field, field_codes in codes.items():
        for code in field_codes:
            assert f"error.{field}.{code}" in keys
    for likelihood in ("confirmed", "likely", "possible"):
        assert f"likelihood.{likelihood}" in keys
    assert {f"month.{m}" for m in range(1, 13)} <= keys


def test_provinces() -> None:
    provinces = content.provinces()
    classic = {
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
    }
    assert classic <= set(provinces)
    assert {"93", "94", "95", "96"} <= set(provinces)
    assert all(re.fullmatch(r"\d\d", code) for code in provinces)


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        content.causes("fr")


def test_every_cause_has_exactly_one_rule() -> None:
    from kpj_checker.rules import RULES

    assert tuple(RULES) == content.cause_ids()
