"""``python -m kpj_checker batch FILE [--json] [--lang id|en] [--columns nik=HEADER,...]``.

Exit 0 when the file was read (problems or not); 2 with one line on stderr
when it cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import content
from .errors import ReadError
from .headers import parse_columns_option
from .report import render_table
from .run import check_file

EXIT_UNREADABLE = 2


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``batch`` sub-command to the main parser."""
    batch = commands.add_parser("batch", help="check every row of a CSV or .xlsx employee list")
    batch.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    batch.add_argument("--json", action="store_true", help="print the result as JSON")
    batch.add_argument("--lang", choices=content.LANGUAGES, default=content.LANGUAGES[0])
    batch.add_argument(
        "--columns",
        default="",
        metavar="nik=HEADER,kpj=HEADER,...",
        help="header names to use for nik, kpj, birth_date, sex, name",
    )


def run(args: argparse.Namespace) -> int:
    """Check the list named on the command line and print the result."""
    try:
        columns = parse_columns_option(args.columns)
        result = check_file(args.file, lang=args.lang, columns=columns)
    except ReadError as error:
        print(error.message(args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    text = (
        json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        if args.json
        else render_table(result, args.lang)
    )
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))  # UTF-8 whatever the locale says
    sys.stdout.buffer.flush()
    return 0
