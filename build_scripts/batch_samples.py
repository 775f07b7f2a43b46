"""Employee-list files for the list check's tests, its Pyodide trace and the bench.

Each sample is (file name, bytes). ``ROWS`` holds the cells of a list that
touches every problem code once, with the problems each row must get; the
files write the same rows as CSV in every dialect and encoding, and as
``.xlsx`` (with openpyxl, which the build and tests install).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

#: Rows above the header in every sample: a title line and a blank line.
TITLE_ROWS = [["Daftar Karyawan PT Contoh"], []]
HEADER = ["No", "Nama", "No. KTP", "No KPJ", "Tgl Lahir", "L/P"]
#: The header's row number (after the title rows).
HEADER_ROW = len(TITLE_ROWS) + 1
TODAY = "2026-11-27"

# (name, NIK, KPJ, birth date, sex, expected [(field, code)])
ROWS: list[tuple[str, str, str, str, str, list[tuple[str, str]]]] = [
    (
        "Siti",
        "3171054508900001",
        "12345678901",
        "05/08/1990",
        "P",
        [("nik", "duplicate"), ("kpj", "duplicate")],
    ),
    ("Budi", "3171050508900002", "12345678902", "1990-08-05", "L", []),
    ("Ani", "3171054508900003", "12345678903", "5 Agustus 1990", "Perempuan", []),
    ("Dewi", "3171054508900004", "12345678904", "5 August 1990", "Wanita", []),
    ("Eko", "3171050508900005", "12345678905", "05-08-1990", "Pria", []),
    ("Fajar", "3171050508900006", "12345678906", "5/8/90", "M", []),
    ("Gita", "3171054508900007", "12345678907", "05.08.1990", "Female", []),
    ("Hadi", "'3171050508900008", "12345678908", "5-Aug-90", "Male", []),
    ("Indah", "3.17105E+15", "12345678909", "", "Laki-laki", [("nik", "excel_number")]),
    ("Joko", "3,17105E+15", "12345678910", "", "F", [("nik", "excel_number")]),
    ("Kiki", "3171050508900011.0", "12345678911", "", "", [("nik", "excel_number")]),
    ("Lina", "317105050890001", "12345678912", "", "", [("nik", "too_short")]),
    ("Mira", "31710505089000123", "12345678913", "", "", [("nik", "too_long")]),
    ("Nina", "12345678914", "", "", "", [("nik", "looks_like_kpj")]),
    ("Oki", "3171O50508900015", "12345678915", "", "", [("nik", "letter_like_digit")]),
    ("Putu", "3171#50508900016", "12345678916", "", "", [("nik", "invalid_character")]),
    ("Rina", "9971050508900017", "12345678917", "", "", [("nik", "unknown_province")]),
    ("Sari", "3171053208900018", "12345678918", "", "", [("nik", "invalid_birth_date")]),
    ("Tono", "3171050508900019", "1234567890", "", "", [("kpj", "too_short")]),
    ("Umi", "", "123456789012", "", "", [("kpj", "too_long")]),
    ("Vino", "", "3171050508900021", "", "", [("kpj", "looks_like_nik")]),
    ("Wati", "", "1234567O922", "", "", [("kpj", "letter_like_digit")]),
    ("Yudi", "", "12345#78923", "", "", [("kpj", "invalid_character")]),
    ("Zaki", "", "1.2345678924E+10", "", "", [("kpj", "excel_number")]),
    (
        "Ayu",
        "3171054508900001",
        "12345678901",
        "",
        "",
        [("nik", "duplicate"), ("kpj", "duplicate")],
    ),
    ("Bayu", "3171050508900026", "", "kemarin", "", [("birth_date", "invalid_format")]),
    ("Cici", "", "", "31/02/1990", "", [("birth_date", "impossible_date")]),
    ("Dodi", "", "", "01/01/1890", "", [("birth_date", "too_early")]),
    ("Edo", "", "", "01/01/2990", "", [("birth_date", "in_future")]),
    ("Fani", "3171050508900030", "", "06/08/1990", "", [("birth_date", "conflicts_with_nik")]),
    ("Gani", "3171050508900031", "", "", "X", [("sex", "invalid_choice")]),
    ("Hani", "3171050508900032", "", "", "P", [("sex", "conflicts_with_nik")]),
    ("Budi 123", "3171050508900033", "", "", "", [("name", "invalid_character")]),
    ("Ika", "-", "-", "", "", [("nik", "empty"), ("kpj", "empty")]),
    ("Jaka", "3100050508900035", "", "", "", [("nik", "invalid_region")]),
    ("Kadek", "9101011708900036", "", "", "", [("nik", "region_not_in_current_list")]),
]


#: Codes that are warnings (worth checking, not errors), as in the single checker.
WARNING_CODES = frozenset({"region_not_in_current_list"})


def expected_problems(warnings: bool = False) -> dict[int, list[tuple[str, str]]]:
    """{spreadsheet row: sorted [(field, code)]} for the rows above (or their warnings)."""
    first = HEADER_ROW + 1
    found = {
        first + i: sorted(e for e in row[5] if (e[1] in WARNING_CODES) == warnings)
        for i, row in enumerate(ROWS)
    }
    return {row: entries for row, entries in found.items() if entries}


def table() -> list[list[str]]:
    """Every line of the sample list, title and header included, as text cells."""
    body = [
        [str(i), name, nik, kpj, born, sex]
        for i, (name, nik, kpj, born, sex, _) in enumerate(ROWS, 1)
    ]
    return [*TITLE_ROWS, HEADER, *body]


def csv_bytes(
    delimiter: str = ",", encoding: str = "utf-8", rows: list[list[str]] | None = None
) -> bytes:
    """The sample list as CSV (``utf-8-sig`` adds a byte order mark)."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows or table())
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[Any]], merge: str | None = None) -> bytes:
    """An ``.xlsx`` file with ``rows`` on its first sheet (openpyxl), cells typed as given."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Karyawan"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_rows() -> list[list[Any]]:
    """The sample list for ``.xlsx``: the same text cells, plus typed cells at the end.

    Added rows: a NIK in a number cell (``excel_number``), a KPJ in a number cell
    (fine: 11 digits survive), birth dates in date cells (one matching the NIK,
    one not).
    """
    rows: list[list[Any]] = [list(r) for r in table()]
    n = len(ROWS)
    rows.append([n + 1, "Jaya", 3171050508900040, 12345678940, datetime(1990, 8, 5), "L"])
    rows.append([n + 2, "Kurnia", "3171050508900041", "12345678941", datetime(1990, 8, 7), "L"])
    return rows


def xlsx_expected() -> dict[int, list[tuple[str, str]]]:
    """Expected problems of the ``.xlsx`` sample."""
    last = HEADER_ROW + len(ROWS)
    return {
        **expected_problems(),
        last + 1: [("nik", "excel_number")],
        last + 2: [("birth_date", "conflicts_with_nik")],
    }


def samples() -> dict[str, bytes]:
    """Every sample file by name; bad files are named after the error code they get."""
    short = [["NIK", "KPJ"], ["3171054508900001", "12345678901"]]
    formula = [["NIK", "KPJ"], ["3171054508900001", "=A1&B1"]]
    return {
        "comma-utf8.csv": csv_bytes(","),
        "semicolon-cp1252.csv": csv_bytes(
            ";", "cp1252", [*table(), ["99", "José Ñ", "", "", "", ""]]
        ),
        "tab-utf8-bom.tsv.csv": csv_bytes("\t", "utf-8-sig"),
        "list.xlsx": xlsx_bytes(xlsx_rows()),
        "short.xlsx": xlsx_bytes(short),
        "formula.xlsx": xlsx_bytes(formula),
        "merged_header.xlsx": xlsx_bytes(
            [["NIK", "", "KPJ"], ["3171054508900001", "", "1"]], "A1:B1"
        ),
        "not_table.csv": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00",
        "empty.csv": b"",
        "no_rows.csv": b"Nama;NIK;KPJ\r\n",
        "no_id_column.csv": b"Nama,Alamat\r\nSiti,Jakarta\r\n",
        "mixed_encodings.csv": "NIK,Nama\r\n3171054508900001,José\r\n".encode()
        + "3171054508900002,Zoë\r\n".encode("cp1252"),
        "unreadable_encoding.csv": b"NIK,Nama\r\n3171054508900001,Jos\x81\r\n",
        "old_xls.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
    }


def big_csv(rows: int) -> bytes:
    """A list of ``rows`` valid employees (for the bench and memory checks)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        day = 1 + i % 28
        nik = f"3171{(i // 10000) % 100:02d}{day:02d}0890{i % 10000:04d}"
        writer.writerow(
            [
                i + 1,
                f"Karyawan {chr(65 + i % 26)}",
                nik,
                f"{10**10 + i:011d}",
                f"{day:02d}/08/1990",
                "L",
            ]
        )
    return out.getvalue().encode()
