"""Command line: ``python -m kpj_checker diagnose [--json | --kpj ... --lang en]``
and ``python -m kpj_checker batch FILE`` (see :mod:`kpj_checker.batch.cli`).

Exit status 0 on success, 2 for unusable input, with one line on stderr and no
traceback, whatever arrives on stdin or in the arguments:

* stdin is read as bytes (at most MAX_INPUT_BYTES) and decoded as strict UTF-8
  (a leading byte order mark is allowed); invalid UTF-8, JSON that is not an
  object, nested too deep for the parser, or too large is refused;
* unknown field names are listed (the first UNKNOWN_FIELDS_SHOWN, then "and N
  more"), each shown visibly: a control or format character is written as its
  code point (``U+001B``), never raw to the terminal;
* a lone surrogate in a value (``{"kpj": "\\ud800"}``, or an argument that is not
  UTF-8, which Python passes on as U+DC80-U+DCFF) is not a usage error: it is a
  problem with that field, reported like any other character that is not a
  digit (``U+D800``);
* output is always UTF-8: JSON with ``--json``, the report otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import content
from .batch import cli as batch_cli
from .diagnosis import diagnose
from .inputs import FORM_FIELDS, UnknownFieldError
from .normalise import visible_text
from .report import render_report

EXIT_USAGE = 2
EXIT_BUG = 70  # EX_SOFTWARE: a bug in the checker, still reported in one line
#: A diagnosis needs a few hundred bytes; anything over this (4 MiB) is refused
#: before it is parsed, so a huge input cannot use up memory.
MAX_INPUT_BYTES = 4 * 1024 * 1024
UNKNOWN_FIELDS_SHOWN = 5
#: Longest piece of typed text (a field name, a parser detail) quoted in a message.
QUOTED_CHARS = 40


class UsageError(Exception):
    """Unusable input: reported as one line on stderr with exit status 2."""

    def __init__(self, key: str, lang: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.lang = lang  # None: the language asked for on the command line
        self.params = params


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors (which quote what was typed) become a UsageError."""

    def error(self, message: str) -> NoReturn:
        raise UsageError("cli.error.usage", detail=visible_text(message, 200))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m kpj_checker",
        description='Diagnose the JMO error "Data KPJ tidak ditemukan".',
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser("diagnose", help="diagnose from the given answers")
    run.add_argument("--json", action="store_true", help="read a JSON object on stdin")
    for name in (*FORM_FIELDS, "today"):
        run.add_argument("--" + name.replace("_", "-"), dest=name, metavar="TEXT")
    run.add_argument("--lang", choices=content.LANGUAGES, default=None)
    batch_cli.add_parser(commands)
    return parser


def _lang_of(argv: Sequence[str]) -> str:
    """The ``--lang`` asked for, read before parsing so that usage errors use it too."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in content.LANGUAGES:
            return value
    return content.LANGUAGES[0]


def _read_stdin() -> str:
    """stdin as text: bytes decoded as strict UTF-8, at most MAX_INPUT_BYTES."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    try:
        data = stream.read(MAX_INPUT_BYTES + 1) if stream is not None else b""
    except OSError as error:
        raise UsageError("cli.error.stdin_unreadable", detail=visible_text(str(error))) from None
    if len(data) > MAX_INPUT_BYTES:
        raise UsageError("cli.error.too_large", limit=MAX_INPUT_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError("cli.error.not_utf8", position=error.start + 1) from None


def _read_json() -> dict[str, Any]:
    text = _read_stdin()
    try:
        raw = json.loads(text)
    except RecursionError:
        raise UsageError("cli.error.too_deep") from None
    except ValueError as error:  # JSONDecodeError, integers too long to convert
        lines = str(error).splitlines()
        detail = lines[0] if lines else type(error).__name__
        raise UsageError("cli.error.invalid_json", detail=visible_text(detail, 200)) from None
    if not isinstance(raw, dict):
        raise UsageError("cli.error.not_object")
    return raw


def _unknown_fields(fields: Sequence[str], lang: str | None) -> UsageError:
    shown = ", ".join(visible_text(name, QUOTED_CHARS) for name in fields[:UNKNOWN_FIELDS_SHOWN])
    more = len(fields) - UNKNOWN_FIELDS_SHOWN
    if more > 0:
        return UsageError("cli.error.unknown_field_more", lang, fields=shown, count=more)
    return UsageError("cli.error.unknown_field", lang, fields=shown)


def _write_utf8(text: str) -> None:
    """Write ``text`` to stdout as UTF-8, whatever the locale says."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "batch":
        return batch_cli.run(args)
    given = {
        name: getattr(args, name)
        for name in (*FORM_FIELDS, "today", "lang")
        if getattr(args, name) is not None
    }
    if args.json:
        if given:
            raise UsageError("cli.error.json_with_fields")
        raw = _read_json()
    else:
        raw = given
    try:
        result = diagnose(raw)
    except UnknownFieldError as error:
        lang = raw.get("lang")
        raise _unknown_fields(error.fields, lang if lang in content.LANGUAGES else None) from None
    if args.json:
        try:
            _write_utf8(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        except UnicodeEncodeError:  # a lone surrogate got through: escape it, still UTF-8
            _write_utf8(json.dumps(result, indent=2) + "\n")
    else:
        _write_utf8(render_report(result))
    return 0


def _say(line: str) -> None:
    """One line on stderr, ASCII-escaped where the terminal cannot take it."""
    sys.stderr.write(line.replace("\n", " ") + "\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    try:
        return _run(argv)
    except UsageError as error:
        _say(content.message(error.key, error.lang or lang, **error.params))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except RecursionError:
        _say(content.message("cli.error.too_deep", lang))
        return EXIT_USAGE
    except Exception as error:  # a bug: still one line, no traceback
        _say(content.message("cli.error.internal", lang, detail=type(error).__name__))
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
