"""The checker gives the same answers in Pyodide (the shipped bundle) as in CPython.

Builds the Pyodide bundle into a temporary dir (or uses ``$KPJ_PYODIDE_BUNDLE``),
runs every case of ``tests/checker/cases.json`` in every language inside Pyodide
under Node (``run_cases.mjs``) and compares each result with CPython's
``diagnose()`` on the same input: full dict equality, errors included.
Missing Node or ``node_modules/pyodide`` fails the test: CI must run it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASES = ROOT / "tests" / "checker" / "cases.json"
NODE_MODULES = ROOT / "node_modules"
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(ROOT / "checker"))
sys.path.insert(0, str(HERE))

import case_runner  # noqa: E402
from pyodide_bundle import STDLIB_NAME, build_bundle  # noqa: E402
from versions import PYODIDE_PYTHON, PYODIDE_VERSION  # noqa: E402

pytestmark = pytest.mark.pyodide
NODE_TIMEOUT_S = 120


def case_names() -> list[Any]:
    """Case names for parametrisation; a failing placeholder if there is no cases file."""
    if not CASES.is_file():
        return [pytest.param(None, id="cases.json-missing")]
    return [case["name"] for case in json.loads(CASES.read_text("utf-8"))]


def require_node() -> str:
    """The node executable, or fail (never skip) with what to install."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: the Pyodide tests need Node.js 20+ (see dev.py setup)")
    return node


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Pyodide bundle dir: $KPJ_PYODIDE_BUNDLE, or a fresh build of checker/."""
    require_node()
    if given := os.environ.get("KPJ_PYODIDE_BUNDLE"):
        path = Path(given)
        if not (path / "pyodide.mjs").is_file():
            pytest.fail(f"KPJ_PYODIDE_BUNDLE={given} holds no Pyodide bundle (no pyodide.mjs)")
        return path
    if not (NODE_MODULES / "pyodide" / "package.json").is_file():
        pytest.fail(f"{NODE_MODULES}/pyodide is missing: run `npm ci` (dev.py setup) first")
    out = tmp_path_factory.mktemp("pyodide-bundle")
    build_bundle(ROOT / "checker", NODE_MODULES, out, cases=CASES, log=lambda _msg: None)
    return out


@pytest.fixture(scope="module")
def pyodide_run(bundle: Path) -> dict[str, Any]:
    """Output of run_cases.mjs: every case in every language, run inside Pyodide."""
    if not CASES.is_file():
        pytest.fail(f"{CASES} is missing")
    proc = subprocess.run(
        [require_node(), str(HERE / "run_cases.mjs"), str(bundle), str(CASES)],
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT_S,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"run_cases.mjs failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def cpython_run() -> dict[str, Any]:
    """The same runner under CPython (JSON round trip, as on the Pyodide side)."""
    if not CASES.is_file():
        pytest.fail(f"{CASES} is missing")
    return json.loads(case_runner.run_all(CASES.read_text("utf-8")))


def by_case(run: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    """Results of one case, by language."""
    return {r["lang"]: r for r in run["results"] if r["name"] == name}


def test_runtime_is_the_pinned_pyodide(pyodide_run: dict[str, Any], bundle: Path) -> None:
    assert pyodide_run["pyodide"] == PYODIDE_VERSION
    assert tuple(map(int, pyodide_run["python"].split(".")[:2])) == PYODIDE_PYTHON
    full = NODE_MODULES / "pyodide" / STDLIB_NAME
    if full.is_file():  # the bundle ships the trimmed stdlib, not the full one
        assert (bundle / STDLIB_NAME).read_bytes() != full.read_bytes()


def test_same_languages(pyodide_run: dict[str, Any], cpython_run: dict[str, Any]) -> None:
    assert pyodide_run["languages"] == cpython_run["languages"]
    assert len(cpython_run["languages"]) >= 2
    assert len(pyodide_run["results"]) == len(cpython_run["results"])
    names = case_names()
    assert len(set(names)) == len(names), "case names must be unique"


@pytest.mark.parametrize("name", case_names())
def test_case_same_in_pyodide(
    name: str | None, pyodide_run: dict[str, Any], cpython_run: dict[str, Any]
) -> None:
    if name is None:
        pytest.fail(f"{CASES} is missing")
    expected = by_case(cpython_run, name)
    got = by_case(pyodide_run, name)
    assert set(got) == set(expected) == set(cpython_run["languages"])
    for lang, result in expected.items():
        assert got[lang] == result, f"case {name!r}, lang {lang!r} differs in Pyodide"


def test_region_names_ship_beside_the_wheel_not_in_it(bundle: Path) -> None:
    """The page's first visit stays light: the worker fetches regions.json when a NIK is typed."""
    import zipfile

    lock = json.loads((bundle / "pyodide-lock.json").read_text("utf-8"))
    wheel = bundle / lock["packages"]["kpj-checker"]["file_name"]  # (the rest: .xlsx reader)
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        record = zf.read(next(n for n in names if n.endswith("/RECORD"))).decode()
    assert "kpj_checker/regions.pyc" in names or "kpj_checker/regions.py" in names
    assert "kpj_checker/data/regions.json" not in names
    assert "data/regions.json" not in record
    shipped = (bundle / "regions.json").read_text("utf-8")
    source = ROOT / "checker" / "kpj_checker" / "data" / "regions.json"
    assert shipped == source.read_text("utf-8")
