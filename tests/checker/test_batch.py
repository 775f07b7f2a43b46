"""The list check (``kpj_checker.batch``) on files the tests make, on CPython."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import batch_samples  # noqa: E402
from kpj_checker import content  # noqa: E402
from kpj_checker.batch import ReadError, check_file  # noqa: E402
from kpj_checker.batch.birth_dates import read_birth_date  # noqa: E402
from kpj_checker.batch.cells import read_sex  # noqa: E402
from kpj_checker.batch.headers import ALIASES, match_header  # noqa: E402

TODAY = date.fromisoformat(batch_samples.TODAY)
GOOD_FILES = ["comma-utf8.csv", "semicolon-cp1252.csv", "tab-utf8-bom.tsv.csv", "list.xlsx"]
BAD_FILES = sorted(set(batch_samples.samples()) - {*GOOD_FILES, "short.xlsx"})
#: Every code the issue lists (plus the checker's date codes and ``empty``).
ALL_CODES = {
    "too_short",
    "too_long",
    "looks_like_nik",
    "looks_like_kpj",
    "letter_like_digit",
    "invalid_character",
    "unknown_province",
    "invalid_birth_date",
    "conflicts_with_nik",
    "excel_number",
    "duplicate",
    "invalid_format",
    "impossible_date",
    "too_early",
    "in_future",
    "invalid_choice",
    "empty",
    "invalid_region",
    "region_not_in_current_list",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lists")
    paths = {}
    for name, data in batch_samples.samples().items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def by_row(result: dict[str, Any], key: str = "problems") -> dict[int, list[tuple[str, str]]]:
    rows: dict[int, list[tuple[str, str]]] = {}
    for problem in result[key]:
        rows.setdefault(problem["row"], []).append((problem["field"], problem["code"]))
    return {row: sorted(found) for row, found in rows.items()}


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kpj_checker", "batch", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_samples_cover_every_code() -> None:
    codes = {code for row in batch_samples.ROWS for _, code in row[5]}
    assert codes == ALL_CODES


@pytest.mark.parametrize("name", GOOD_FILES)
@pytest.mark.parametrize("lang", content.LANGUAGES)
def test_every_row_gets_its_problems(files: dict[str, Path], name: str, lang: str) -> None:
    result = check_file(files[name], lang=lang, today=TODAY)
    expected = (
        batch_samples.xlsx_expected()
        if name.endswith(".xlsx")
        else batch_samples.expected_problems()
    )
    assert by_row(result) == expected
    assert by_row(result, "warnings") == batch_samples.expected_problems(warnings=True)
    assert set(result) == {"rows", "columns", "problems", "warnings"}
    assert result["columns"] == {
        "nik": "No. KTP",
        "kpj": "No KPJ",
        "birth_date": "Tgl Lahir",
        "sex": "L/P",
        "name": "Nama",
    }
    for problem in result["problems"] + result["warnings"]:
        assert set(problem) == {"row", "field", "code", "message"}
        assert problem["message"] and "{" not in problem["message"]


def test_rows_are_numbered_as_the_spreadsheet_shows_them(files: dict[str, Path]) -> None:
    result = check_file(files["comma-utf8.csv"], today=TODAY)
    assert result["rows"] == len(batch_samples.ROWS)
    first_data_row = batch_samples.HEADER_ROW + 1  # title line, blank line, header
    assert first_data_row == 4
    lina = first_data_row + [r[0] for r in batch_samples.ROWS].index("Lina")
    assert ("nik", "too_short") in by_row(result)[lina]


def test_duplicates_are_flagged_on_every_row_naming_the_others(files: dict[str, Path]) -> None:
    result = check_file(files["comma-utf8.csv"], lang="en", today=TODAY)
    dupes = [p for p in result["problems"] if p["code"] == "duplicate" and p["field"] == "nik"]
    assert [p["row"] for p in dupes] == [4, 28]
    assert "row(s) 28" in dupes[0]["message"] and "row(s) 4" in dupes[1]["message"]


def test_many_duplicates_name_five_rows_and_count_the_rest(tmp_path: Path) -> None:
    rows = [["KPJ"]] + [["12345678901"]] * 8
    result = check_file(write_csv(tmp_path / "d.csv", rows), lang="en")
    assert len(result["problems"]) == 8
    assert result["problems"][0]["message"].endswith(
        "and 2 more. Each person has a KPJ number of their own."
    )


def test_xlsx_number_cells(files: dict[str, Path]) -> None:
    result = check_file(files["list.xlsx"], lang="en", today=TODAY)
    last = batch_samples.HEADER_ROW + len(batch_samples.ROWS)
    jaya = [p for p in result["problems"] if p["row"] == last + 1]
    assert [(p["field"], p["code"]) for p in jaya] == [("nik", "excel_number")]
    assert "3171050508900040" in jaya[0]["message"]
    # The KPJ and the date cell of that row are fine; the next row's date cell disagrees.
    kurnia = [p for p in result["problems"] if p["row"] == last + 2]
    assert "7 August" not in kurnia[0]["message"] and "1990-08-07" in kurnia[0]["message"]


def test_an_xlsx_renamed_csv_is_read_as_xlsx(files: dict[str, Path], tmp_path: Path) -> None:
    renamed = tmp_path / "list.csv"
    renamed.write_bytes(files["list.xlsx"].read_bytes())
    assert check_file(renamed, today=TODAY)["rows"] == len(batch_samples.ROWS) + 2


@pytest.mark.parametrize("name", BAD_FILES)
def test_unreadable_files_raise_read_error(files: dict[str, Path], name: str) -> None:
    with pytest.raises(ReadError) as caught:
        check_file(files[name])
    assert caught.value.code == name.split(".")[0]
    for lang in content.LANGUAGES:
        assert "\n" not in caught.value.message(lang)


def test_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.write(b"NIK\r\n")
        out.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(ReadError) as caught:
        check_file(big)
    assert caught.value.code == "too_large"
    assert "50" in caught.value.message("en")


@pytest.mark.parametrize(
    ("field", "header"),
    [
        ("nik", "NIK"),
        ("nik", "No KTP"),
        ("nik", "No. KTP"),
        ("nik", "NOMOR INDUK KEPENDUDUKAN"),
        ("nik", " nik "),
        ("kpj", "KPJ"),
        ("kpj", "No KPJ"),
        ("kpj", "Nomor KPJ"),
        ("kpj", "Nomor Peserta"),
        ("kpj", "No Kartu"),
        ("kpj", "no_kpj"),
        ("birth_date", "Tanggal Lahir"),
        ("birth_date", "Tgl Lahir"),
        ("birth_date", "Tgl. Lahir"),
        ("birth_date", "Date of Birth"),
        ("sex", "Jenis Kelamin"),
        ("sex", "JK"),
        ("sex", "L/P"),
        ("sex", "Sex"),
        ("sex", "Gender"),
        ("name", "Nama"),
        ("name", "NAME"),
    ],
)
def test_header_names(field: str, header: str) -> None:
    cells = ["No", header] if field in ("nik", "kpj") else ["NIK", header]
    assert match_header(cells, {})[field] == 1
    folded = {name for names in ALIASES.values() for name in names}
    assert len(folded) == sum(len(names) for names in ALIASES.values())  # no alias in two fields


def test_header_with_blank_lines_and_title_above(tmp_path: Path) -> None:
    rows = [[], ["Laporan"], [], ["", "Nomor Induk Kependudukan"], ["1", "3171054508900001"]]
    result = check_file(write_csv(tmp_path / "t.csv", rows), today=TODAY)
    assert result == {
        "rows": 1,
        "columns": {"nik": "Nomor Induk Kependudukan"},
        "problems": [],
        "warnings": [],
    }


@pytest.mark.parametrize(
    "text",
    [
        "1990-08-05",
        "05/08/1990",
        "5/8/1990",
        "05-08-1990",
        "5/8/90",
        "05.08.1990",
        "5 Agustus 1990",
        "5 August 1990",
        "5 Agt 1990",
        "5-Aug-90",
        "1990-08-05 00:00:00",
    ],
)
def test_date_forms(text: str) -> None:
    assert read_birth_date(text, TODAY) == (date(1990, 8, 5), None)


def test_date_cells_and_codes() -> None:
    assert read_birth_date(datetime(1990, 8, 5), TODAY) == (date(1990, 8, 5), None)
    assert read_birth_date("5/8/26", TODAY)[0] == date(2026, 8, 5)  # two digits: latest past year
    assert read_birth_date("5/8/27", TODAY)[0] == date(1927, 8, 5)
    assert read_birth_date("31/02/1990", TODAY)[1].code == "impossible_date"
    assert read_birth_date("5 Foo 1990", TODAY)[1].code == "invalid_format"


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("L", "M"),
        ("P", "F"),
        ("Laki-laki", "M"),
        ("laki laki", "M"),
        ("Perempuan", "F"),
        ("Pria", "M"),
        ("Wanita", "F"),
        ("M", "M"),
        ("F", "F"),
        ("Male", "M"),
        ("female", "F"),
        ("X", None),
    ],
)
def test_sex_words(text: str, sex: str | None) -> None:
    assert read_sex(text) == sex


def test_leading_apostrophe_and_excel_number_forms(tmp_path: Path) -> None:
    rows = [
        ["NIK"],
        ["'3171054508900001"],
        ["3.17105E+15"],
        ["3,17105E+15"],
        ["3171054508900001.0"],
        ["3.17105e15"],
    ]
    result = check_file(write_csv(tmp_path / "n.csv", rows, ";"), today=TODAY)
    assert by_row(result) == {r: [("nik", "excel_number")] for r in (3, 4, 5, 6)}


def test_columns_option_picks_the_named_headers(tmp_path: Path) -> None:
    rows = [["ID Pegawai", "Nomor"], ["3171054508900001", "123"]]
    path = write_csv(tmp_path / "c.csv", rows)
    result = check_file(path, columns={"nik": "id pegawai", "kpj": "Nomor"}, today=TODAY)
    assert result["columns"] == {"nik": "ID Pegawai", "kpj": "Nomor"}
    assert by_row(result) == {2: [("kpj", "too_short")]}
    with pytest.raises(ReadError) as caught:
        check_file(path, columns={"nik": "Nothing"})
    assert caught.value.code == "column_not_found"


def test_cli_json(files: dict[str, Path]) -> None:
    done = run_cli(str(files["semicolon-cp1252.csv"]), "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["rows"] == len(batch_samples.ROWS) + 1
    codes = {p["code"] for p in result["problems"] + result["warnings"]}
    assert codes == ALL_CODES


def test_cli_table(files: dict[str, Path]) -> None:
    done = run_cli(str(files["list.xlsx"]))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["Baris", "Kolom", "Masalah"]
    assert lines[-1].startswith(f"{len(batch_samples.ROWS) + 2} baris diperiksa; ")
    assert any(line.split()[0] == "13" and "excel" in line.lower() for line in lines[1:-1])


def test_cli_columns_option(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv", [["Pegawai", "Kartu"], ["3171054508900001", "12345678901"]]
    )
    done = run_cli(str(path), "--json", "--columns", "nik=Pegawai, kpj=Kartu")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["columns"] == {"nik": "Pegawai", "kpj": "Kartu"}
    done = run_cli(str(path), "--columns", "id=Pegawai", "--lang", "en")
    assert done.returncode == 2 and "--columns" in done.stderr


@pytest.mark.parametrize("name", [*BAD_FILES, "missing.csv"])
def test_cli_unreadable_file_exits_2_with_one_line(files: dict[str, Path], name: str) -> None:
    path = files.get(name, files["empty.csv"].parent / name)
    for lang in content.LANGUAGES:
        done = run_cli(str(path), "--lang", lang)
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
