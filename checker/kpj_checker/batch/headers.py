"""Finding the header row and which column holds what.

Header names are matched after folding case and dropping everything but letters
and digits, so "No. KTP", "no ktp" and "NO_KTP" are the same name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from .errors import ReadError

#: The fields a list may hold, in the order problems are reported.
FIELDS: tuple[str, ...] = ("nik", "kpj", "birth_date", "sex", "name")
#: Fields that identify a person; a list needs at least one of them.
ID_FIELDS: tuple[str, ...] = ("nik", "kpj")
#: Folded header names for each field (Indonesian and English).
ALIASES: dict[str, frozenset[str]] = {
    "nik": frozenset(
        {"nik", "noktp", "nomorktp", "nomorindukkependudukan", "nikktp", "nonik", "nomornik"}
    ),
    "kpj": frozenset(
        {
            "kpj",
            "nokpj",
            "nomorkpj",
            "nomorpeserta",
            "nopeserta",
            "nokartu",
            "nomorkartu",
            "kpjnumber",
            "membershipnumber",
        }
    ),
    "birth_date": frozenset(
        {"tanggallahir", "tgllahir", "tgllhr", "dateofbirth", "birthdate", "dob"}
    ),
    "sex": frozenset({"jeniskelamin", "jk", "lp", "sex", "gender", "kelamin"}),
    "name": frozenset({"nama", "name", "namalengkap", "fullname", "namakaryawan", "namapeserta"}),
}
#: How far down a header row is looked for (title lines and blank lines above it).
HEADER_SEARCH_ROWS = 30


def fold(text: str) -> str:
    """A header name reduced to lower-case letters and digits."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def parse_columns_option(text: str) -> dict[str, str]:
    """``nik=No KTP,kpj=Nomor Peserta`` as {field: header}; ReadError when malformed."""
    chosen: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, header = part.partition("=")
        field = field.strip().lower()
        if not sep or field not in FIELDS or not header.strip():
            raise ReadError("bad_columns_option", part=part, fields=", ".join(FIELDS))
        chosen[field] = header.strip()
    return chosen


def match_header(cells: Sequence[str], chosen: Mapping[str, str]) -> dict[str, int] | None:
    """{field: column index} if ``cells`` is a header row, else None.

    A row is a header when it names every column in ``chosen`` and at least one
    NIK or KPJ column. Columns in ``chosen`` win over the aliases.
    """
    folded = [fold(cell) for cell in cells]
    columns: dict[str, int] = {}
    for field, header in chosen.items():
        if fold(header) not in folded:
            return None
        columns[field] = folded.index(fold(header))
    taken = set(columns.values())
    for field in FIELDS:
        if field in columns:
            continue
        for index, name in enumerate(folded):
            if index not in taken and name in ALIASES[field]:
                columns[field] = index
                taken.add(index)
                break
    return columns if any(f in columns for f in ID_FIELDS) else None


def not_found_error(chosen: Mapping[str, str]) -> ReadError:
    """The ReadError for a file without a usable header row."""
    if chosen:
        return ReadError("column_not_found", headers=", ".join(chosen.values()))
    return ReadError("no_id_column")
