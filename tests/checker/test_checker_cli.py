"""The command line, run as a real subprocess."""

from __future__ import annotations

import json
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
