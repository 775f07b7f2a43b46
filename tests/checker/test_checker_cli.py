"""The command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kpj_checker", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
    )


def test_json_mode() -> None:
    done = run("diagnose", "--json", stdin='{"kpj": "1234567890", "today": "2026-11-24"}')
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["causes"][0]["id"] == "wrong-data"
    assert result["input_errors"][0]["code"] == "too_short"


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        ("{not json", "JSON"),
        ("", "JSON"),
        ("[1, 2]", "objek"),
        ('"kpj"', "objek"),
        ('{"kpj": "1", "name": "Siti"}', "name"),
    ],
)
def test_json_mode_bad_input_exits_2_with_one_line(stdin: str, needle: str) -> None:
    done = run("diagnose", "--json", stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_json_mode_with_field_options_exits_2() -> None:
    done = run("diagnose", "--json", "--kpj", "1", stdin="{}")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_report_mode_english() -> None:
    done = run(
        "diagnose",
        "--kpj",
        "1234 5678 9O1",
        "--registered-on",
        "2026-11-20",
        "--last-paid-month",
        "2026-10",
        "--membership",
        "self",
        "--today",
        "2026-11-24",
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Cek KPJ result\nChecked on 24 November 2026")
    assert "the letter O (which looks like the digit 0)" in out
    assert "1. The details you entered do not match (Confirmed)" in out
    assert "Try again from 4 December 2026" in out
    assert "Ruled out" in out and "Another cause is confirmed" in out


def test_report_mode_indonesian_is_default() -> None:
    done = run("diagnose", "--nik", "3171054508900002", "--sex", "M", "--today", "2026-11-24")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Hasil Cek KPJ\nDiperiksa pada 24 November 2026")
    assert "Periksa lagi isian ini" in done.stdout
    assert "(Pasti)" in done.stdout


def test_report_mode_every_field_option() -> None:
    done = run(
        "diagnose",
        "--kpj=12345678901",
        "--nik=3171054508900002",
        "--birth-date=1990-08-05",
        "--sex=F",
        "--membership=employee",
        "--employment-status=changed_employer",
        "--changed-employer-on=2026-10-01",
        "--registered-on=2020-01-01",
        "--last-paid-month=2026-10",
        "--today=2026-11-24",
        "--lang=en",
    )
    assert done.returncode == 0, done.stderr
    assert "1. Your membership is being transferred (Likely)" in done.stdout


def test_unknown_option_is_a_usage_error() -> None:
    done = run("diagnose", "--name", "Siti")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


# Hostile or unlucky input: never a traceback, always one line or valid UTF-8 JSON.


def run_bytes(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The CLI with raw bytes in and out (arguments may be bytes that are not UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "kpj_checker", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def one_clean_line(stream: bytes) -> str:
    """The single line on ``stream``, checked to be UTF-8 with no control character."""
    text = stream.decode("utf-8")  # strict: raises on invalid UTF-8
    assert text.endswith("\n") and text.count("\n") == 1, text
    assert all(ch.isprintable() for ch in text[:-1]), ascii(text)
    assert "Traceback" not in text
    return text


def usage_error(done: subprocess.CompletedProcess[bytes]) -> str:
    assert done.returncode == 2, done.stderr
    assert done.stdout == b""
    return one_clean_line(done.stderr)


def json_result(done: subprocess.CompletedProcess[bytes]) -> dict:
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    return json.loads(done.stdout.decode("utf-8"))


@pytest.mark.parametrize("field", ["kpj", "nik"])
def test_lone_surrogate_in_a_value_is_a_field_error_shown_as_its_code_point(field: str) -> None:
    stdin = b'{"%s": "123\\ud800456", "today": "2026-11-24", "lang": "en"}' % field.encode()
    result = json_result(run_bytes("diagnose", "--json", stdin=stdin))
    [error] = result["input_errors"]
    assert (error["field"], error["code"]) == (field, "invalid_character")
    assert "U+D800" in error["message"]


def test_lone_surrogates_in_other_fields_are_field_errors_too() -> None:
    stdin = b'{"birth_date": "\\udfff", "sex": "\\ud800", "today": "2026-11-24"}'
    result = json_result(run_bytes("diagnose", "--json", stdin=stdin))
    assert [e["code"] for e in result["input_errors"]] == ["invalid_format", "invalid_choice"]


def test_argument_that_is_not_utf8_is_a_field_error() -> None:
    done = run_bytes("diagnose", b"--kpj=1234567890\xff", "--lang=en", "--today=2026-11-24")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "U+DCFF" in out  # Python passes the byte on as U+DCFF (surrogateescape)


def test_control_characters_in_kpj_argument_never_reach_the_terminal() -> None:
    done = run_bytes("diagnose", "--kpj", "123\x1b[2J4567\x07890", "--lang", "en")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "\x1b" not in out and "\x07" not in out
    assert "U+001B" in out and "U+0007" in out


def test_invalid_utf8_on_stdin_exits_2() -> None:
    line = usage_error(run_bytes("diagnose", "--json", stdin=b'{"kpj": "12\xff\xfe"}'))
    assert "UTF-8" in line and "byte ke-12" in line  # the first bad byte, counted from 1


def test_byte_order_mark_before_the_json_is_accepted() -> None:
    stdin = b'\xef\xbb\xbf{"kpj": "12345678901", "today": "2026-11-24"}'
    assert json_result(run_bytes("diagnose", "--json", stdin=stdin))["input_errors"] == []


@pytest.mark.parametrize(
    "stdin",
    [
        b"[" * 20_000 + b"]" * 20_000,
        b'{"kpj": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
        b'{"kpj": ' + b'{"a": ' * 20_000 + b"1" + b"}" * 20_001,
    ],
    ids=["array", "in-a-value", "objects"],
)
def test_json_nested_20000_deep_exits_2(stdin: bytes) -> None:
    line = usage_error(run_bytes("diagnose", "--json", stdin=stdin))
    assert "JSON" in line


def test_100000_unknown_keys_lists_a_few_then_counts_the_rest() -> None:
    keys = {f"field{i}": 1 for i in range(100_000)}
    stdin = json.dumps({**keys, "lang": "en"}).encode()
    line = usage_error(run_bytes("diagnose", "--json", stdin=stdin))
    assert line.startswith(
        "Unknown field(s): field0, field1, field2, field3, field4, and 99995 more"
    )
    assert len(line) < 200
    indonesian = usage_error(run_bytes("diagnose", "--json", stdin=json.dumps(keys).encode()))
    assert "dan 99995 lainnya" in indonesian


def test_control_characters_and_surrogates_in_unknown_field_names_are_shown_escaped() -> None:
    stdin = b'{"na\\u001b[31mme": 1, "\\ud800": 2, "\\u202eevil": 3, "%s": 4}' % (b"x" * 500)
    line = usage_error(run_bytes("diagnose", "--json", stdin=stdin))
    assert "na<U+001B>[31mme" in line and "<U+D800>" in line and "<U+202E>evil" in line
    assert "x" * 40 + "…" in line and "x" * 41 not in line


def test_input_larger_than_the_limit_is_refused() -> None:
    stdin = b'{"kpj": "' + b"1" * (5 * 1024 * 1024) + b'"}'
    assert "byte" in usage_error(run_bytes("diagnose", "--json", stdin=stdin))


def test_integer_too_long_to_convert_is_invalid_json() -> None:
    assert "JSON" in usage_error(
        run_bytes("diagnose", "--json", stdin=b'{"kpj": ' + b"9" * 5000 + b"}")
    )


@pytest.mark.parametrize(
    "args",
    [
        ("diagnose", "--lang", "x\x1b[2J"),
        ("diagnose", "--na\x1bme", "Siti"),
        ("frobnicate",),
        (),
    ],
)
def test_bad_arguments_exit_2_with_one_clean_line(args: tuple[str, ...]) -> None:
    line = usage_error(run_bytes(*args))
    assert "--help" in line


def test_usage_errors_follow_lang() -> None:
    assert "See --help" in usage_error(run_bytes("diagnose", "--nope", "--lang", "en"))
    assert "Lihat --help" in usage_error(run_bytes("diagnose", "--nope"))


def test_reader_that_goes_away_is_not_a_traceback() -> None:
    """``... | head -c0``: the output pipe is closed before the report is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kpj_checker", "diagnose", "--kpj", "1"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=30,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr and done.stderr == b""
