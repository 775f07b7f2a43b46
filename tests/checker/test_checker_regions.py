"""Region names from the NIK: the data, its source, and how NIK codes are judged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from kpj_checker import content, diagnose, regions
from kpj_checker.nik import check_nik

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import generate_regions  # noqa: E402

CASES = {
    case["name"]: case
    for case in json.loads((ROOT / "tests" / "checker" / "cases.json").read_text("utf-8"))
}


def test_the_committed_file_is_what_the_locked_package_gives() -> None:
    committed = (ROOT / "checker" / "kpj_checker" / "data" / regions.DATA_FILE).read_text("utf-8")
    assert committed == generate_regions.render(), "run build_scripts/generate_regions.py"


def test_the_package_is_pinned_in_both_requirement_files() -> None:
    pin = f"{generate_regions.PACKAGE}=={generate_regions.PINNED}"
    assert pin in (ROOT / "requirements.in").read_text("utf-8").split()
    assert pin in (ROOT / "requirements.lock").read_text("utf-8").split()


def test_counts_match_the_current_kemendagri_list() -> None:
    tables = regions.tables()
    assert len(tables.provinces) == 38
    assert len(tables.regencies) == 514
    assert len(tables.districts) == 7285


def test_the_compact_file_holds_exactly_the_source_table() -> None:
    source = {
        code.replace(".", ""): name for code, name in generate_regions.source_regions().items()
    }
    tables = regions.tables()
    assert {**tables.provinces, **tables.regencies, **tables.districts} == source


def test_province_97_is_gone_and_papua_has_six_provinces() -> None:
    provinces = content.provinces()
    assert "97" not in provinces
    assert [code for code in provinces if code.startswith("9")] == [
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ]


def test_regencies_are_named_kabupaten_or_kota_as_the_data_does() -> None:
    names = regions.tables().regencies.values()
    assert all(name.startswith(("Kabupaten ", "Kota ")) for name in names)


@pytest.mark.parametrize(
    ("nik", "district", "regency", "province"),
    [
        ("1101014508900002", "Bakongan", "Kabupaten Aceh Selatan", "Aceh"),
        ("3271011708900001", "Bogor Selatan", "Kota Bogor", "Jawa Barat"),
        ("6101011708900001", "Sambas", "Kabupaten Sambas", "Kalimantan Barat"),
        ("9301011708900001", "Merauke", "Kabupaten Merauke", "Papua Selatan"),
        ("9401011708900001", "Nabire", "Kabupaten Nabire", "Papua Tengah"),
        ("9501011708900001", "Wamena", "Kabupaten Jayawijaya", "Papua Pegunungan"),
        ("9601011708900001", "Makbon", "Kabupaten Sorong", "Papua Barat Daya"),
    ],
)
def test_a_nik_names_its_district(nik: str, district: str, regency: str, province: str) -> None:
    for lang in content.LANGUAGES:
        result = diagnose({"nik": nik, "lang": lang, "today": "2026-11-24"})
        assert result["input_errors"] == [] and result["warnings"] == []
        info = result["nik_info"]
        assert (info["district"], info["regency"], info["province"]) == (
            district,
            regency,
            province,
        )


def test_an_old_merauke_code_warns_and_is_no_error() -> None:
    # Merauke was regency 91.01 (Papua) until Papua Selatan was created in 2022; it is 93.01 now.
    assert regions.regency_name("9101") is None
    assert regions.regency_name("9301") == "Kabupaten Merauke"
    for lang in content.LANGUAGES:
        result = diagnose({"nik": "9101011708900001", "lang": lang, "today": "2026-11-24"})
        assert result["input_errors"] == []
        assert [(w["field"], w["code"]) for w in result["warnings"]] == [
            ("nik", "region_not_in_current_list")
        ]
        assert "9101" in result["warnings"][0]["message"]
        assert "KTP" in result["warnings"][0]["message"]
        assert result["nik_info"]["province"] == "Papua"
        assert result["nik_info"]["regency"] is None
        wrong_data = next(c for c in result["causes"] if c["id"] == "wrong-data")
        assert wrong_data["likelihood"] == "possible", "a warning never confirms wrong data"


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("9701011708900001", "unknown_province"),
        ("3200011708900001", "invalid_region"),
        ("3271001708900001", "invalid_region"),
        ("3271011790900001", "invalid_birth_date"),
        ("327101170890001", "too_short"),
    ],
)
def test_input_errors_give_no_nik_info(nik: str, code: str) -> None:
    result = diagnose({"nik": nik, "lang": "en", "today": "2026-11-24"})
    assert [(e["field"], e["code"]) for e in result["input_errors"]] == [("nik", code)]
    assert result["nik_info"] is None and result["warnings"] == []


def test_nik_info_holds_the_encoded_birth_date_and_sex() -> None:
    result = diagnose({"nik": "3271014501050003", "lang": "id", "today": "2026-11-24"})
    assert result["nik_info"]["birth_date"] == "05-01-05"
    assert result["nik_info"]["sex"] == "F"


def test_check_nik_is_one_call_for_other_readers() -> None:
    info, error, warnings = check_nik("9101-0117-0890-0001")
    assert error is None and info is not None
    assert (info.province, info.regency_code, info.district_code) == ("91", "9101", "910101")
    assert [w.code for w in warnings] == ["region_not_in_current_list"]
    info, error, warnings = check_nik("97010117089000011")
    assert info is None and error is not None and warnings == ()


def test_regions_can_be_given_as_text_when_the_package_lacks_them() -> None:
    text = (ROOT / "checker" / "kpj_checker" / "data" / regions.DATA_FILE).read_text("utf-8")
    try:
        regions.use_data('{"regions": {"11": ["Aceh", {"01": ["Kabupaten X", "A|@05B"]}]}}')
        assert regions.district_name("110105") == "B"
        assert regions.district_name("110102") is None
    finally:
        regions.use_data(text)
    assert len(regions.tables().districts) == 7285


def test_the_text_report_shows_the_warning_and_what_the_nik_says() -> None:
    from kpj_checker.report import render_report

    result = diagnose({"nik": "9101011708900001", "lang": "en", "today": "2026-11-24"})
    report = render_report(result)
    assert "Worth checking" in report and "(9101)" in report
    assert "Province: Papua" in report and "17-08-90" in report
    result = diagnose({"nik": "3271014508900002", "lang": "id", "today": "2026-11-24"})
    report = render_report(result)
    assert "Kecamatan: Bogor Selatan" in report and "Jenis kelamin: Perempuan" in report
