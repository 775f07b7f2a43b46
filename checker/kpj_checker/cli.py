"""Command line: ``python -m kpj_checker diagnose [--json | --kpj ... --lang en]``
and ``python -m kpj_checker batch FILE`` (see :mod:`kpj_checker.batch.cli`).

Exit status 0 on success, 2 for unusable input (invalid JSON, not an object,
unknown fields), with one line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import content
from .batch import cli as batch_cli
from .diagnosis import diagnose
from .inputs import FORM_FIELDS, UnknownFieldError
from .report import render_report

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kpj_checker",
        description='Diagnose the JMO error "Data KPJ tidak ditemukan".',
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("diagnose", help="diagnose from the given answers")
    run.add_argument("--json", action="store_true", help="read a JSON object on stdin")
    for name in (*FORM_FIELDS, "today"):
        run.add_argument("--" + name.replace("_", "-"), dest=name, metavar="TEXT")
    run.add_argument("--lang", choices=content.LANGUAGES, default=None)
    batch_cli.add_parser(commands)
    return parser


def _fail(key: str, lang: str, **kwargs: str) -> int:
    print(content.message(key, lang, **kwargs), file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "batch":
        return batch_cli.run(args)
    lang = args.lang or content.LANGUAGES[0]
    given = {
        name: getattr(args, name)
        for name in (*FORM_FIELDS, "today", "lang")
        if getattr(args, name) is not None
    }
    if args.json:
        if given:
            return _fail("cli.error.json_with_fields", lang)
        try:
            raw = json.loads(sys.stdin.read())
        except ValueError as error:  # JSONDecodeError and bad encodings
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            return _fail("cli.error.invalid_json", lang, detail=detail)
        if not isinstance(raw, dict):
            return _fail("cli.error.not_object", lang)
    else:
        raw = given
    try:
        result = diagnose(raw)
    except UnknownFieldError as error:
        return _fail("cli.error.unknown_field", lang, fields=", ".join(error.fields))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
