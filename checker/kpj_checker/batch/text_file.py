"""Reading a CSV file: its encoding, its delimiter, then its rows one at a time.

Encodings: UTF-8 with or without a byte order mark, else Windows-1252 (what
Excel on Windows writes for "CSV"). Delimiters: comma, semicolon (Excel with
Indonesian settings) or tab, chosen by which one splits the first lines into
the most rows of the same width.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from .errors import ReadError

DELIMITERS = (",", ";", "\t")
_CHUNK = 1 << 20
_SAMPLE_LINES = 50
#: A multi-byte UTF-8 sequence; in a file that is not valid UTF-8 it means mixed encodings.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: Bytes Windows-1252 leaves undefined.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def detect_encoding(stream: BinaryIO) -> str:
    """``utf-8-sig`` or ``cp1252``; ReadError ``mixed_encodings`` or ``unreadable_encoding``.

    Reads the whole stream in chunks (never all of it at once) and rewinds it.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    has_sequence = undefined = False
    while chunk := stream.read(_CHUNK):
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        has_sequence = has_sequence or bool(_UTF8_SEQUENCE.search(chunk))
        undefined = undefined or bool(_CP1252_UNDEFINED.search(chunk))
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    stream.seek(0)
    if utf8:
        return "utf-8-sig"
    if has_sequence:
        raise ReadError("mixed_encodings")
    if undefined:
        raise ReadError("unreadable_encoding")
    return "cp1252"


def sniff_delimiter(sample: list[str]) -> str:
    """The delimiter that splits most sample lines into rows of one width (> 1).

    A one-column list gets a delimiter that does not occur in it.
    """
    # Without a usable delimiter the list has one column: split on none that occurs.
    absent = [d for d in DELIMITERS if not any(d in line for line in sample)]
    best, best_score = (absent or [","])[0], (0, 0)
    for delimiter in DELIMITERS:
        widths = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter) if any(row))
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        # A delimiter counts only when it splits most rows the same way (a decimal
        # comma in a few cells of a one-column list does not).
        usable = width > 1 and count * 2 > sum(widths.values())
        score = (count, width) if usable else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def csv_rows(stream: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells) for each row of a CSV file."""
    encoding = detect_encoding(stream)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    sample = []
    for _ in range(_SAMPLE_LINES):
        line = text.readline()
        if not line:
            break
        sample.append(line)
    delimiter = sniff_delimiter(sample)
    lines = _chain(sample, text)
    yield from enumerate(csv.reader(lines, delimiter=delimiter), start=1)


def _chain(first: list[str], rest: io.TextIOWrapper) -> Iterator[str]:
    yield from first
    yield from rest
