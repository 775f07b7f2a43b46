"""The Pyodide version is pinned once: package.json must agree with versions.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

from versions import PYODIDE_PYTHON, PYODIDE_VERSION, check_build_python  # noqa: E402


def test_package_json_pins_the_same_pyodide() -> None:
    package = json.loads((ROOT / "package.json").read_text())
    assert package["dependencies"]["pyodide"] == PYODIDE_VERSION
    installed = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    assert installed["version"] == PYODIDE_VERSION


def test_a_build_python_other_than_pyodides_fails_clearly() -> None:
    with pytest.raises(RuntimeError, match=r"Pyodide 0\.29\.\d+ runs Python 3\.13"):
        check_build_python((3, 12, 0))
    check_build_python((*PYODIDE_PYTHON, 0))
