"""The list check gives the same answers in Pyodide (the shipped bundle) as in CPython.

Every sample of ``build_scripts/batch_samples.py`` (CSV in each dialect and encoding,
``.xlsx`` with number and date cells, and every unreadable kind) is checked inside
Pyodide under Node, booted the way the list page's worker boots it (trimmed stdlib,
``batch_stdlib.zip``, the ``.xlsx`` reader loaded on demand), and compared with
CPython's result on the same bytes: full equality, messages included.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))

import batch_samples  # noqa: E402
from kpj_checker.batch.worker import check_path  # noqa: E402
from pyodide_bundle import build_bundle  # noqa: E402
from test_in_pyodide import NODE_MODULES, require_node  # noqa: E402

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def bundle() -> Path:
    """$KPJ_PYODIDE_BUNDLE, or the site build's bundle (rebuilt only if its inputs changed)."""
    require_node()
    if given := os.environ.get("KPJ_PYODIDE_BUNDLE"):
        return Path(given)
    sys.path.insert(0, str(ROOT / "build_scripts" / "hooks"))
    from checker_page import CACHE, WORKER_MODULES

    build_bundle(ROOT / "checker", NODE_MODULES, CACHE, extra_modules=WORKER_MODULES, log=print)
    return CACHE


@pytest.fixture(scope="module")
def samples() -> dict[str, bytes]:
    return batch_samples.samples()


@pytest.fixture(scope="module")
def pyodide_results(
    bundle: Path, samples: dict[str, bytes], tmp_path_factory: Any
) -> dict[str, Any]:
    manifest = json.loads((bundle / ".bundle-manifest.json").read_text("utf-8"))
    encoded = tmp_path_factory.mktemp("samples") / "samples.json"
    encoded.write_text(json.dumps({n: base64.b64encode(d).decode() for n, d in samples.items()}))
    proc = subprocess.run(
        [
            require_node(),
            str(HERE / "run_batch.mjs"),
            str(bundle),
            str(encoded),
            json.dumps(manifest["optional_packages"]),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"run_batch.mjs failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)["results"]


@pytest.mark.parametrize("name", sorted(batch_samples.samples()))
def test_sample_same_in_pyodide(
    name: str, samples: dict[str, bytes], pyodide_results: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(samples[name])
    for lang in ("id", "en"):
        expected = json.loads(json.dumps(check_path(str(path), lang), ensure_ascii=False))
        assert pyodide_results[f"{name}/{lang}"] == expected


def test_xlsx_reader_is_not_a_checker_package(bundle: Path) -> None:
    manifest = json.loads((bundle / ".bundle-manifest.json").read_text("utf-8"))
    assert manifest["packages"] == ["kpj-checker"]
    assert set(manifest["optional_packages"]) == {"openpyxl", "et-xmlfile"}
    import zipfile

    checker_stdlib = set(zipfile.ZipFile(bundle / "python_stdlib.zip").namelist())
    assert "csv.py" not in checker_stdlib and "xml/etree/ElementTree.py" not in checker_stdlib


def test_checker_wheel_holds_no_list_check(bundle: Path) -> None:
    """The checker page downloads the checker wheel only: the list check is in its own archive."""
    import zipfile

    manifest = json.loads((bundle / ".bundle-manifest.json").read_text("utf-8"))
    wheel = next(n for n in manifest["files"] if n.startswith("kpj_checker-"))
    names = zipfile.ZipFile(bundle / wheel).namelist()
    assert not [n for n in names if "batch" in n]
    archive = zipfile.ZipFile(bundle / manifest["batch_archive"]).namelist()
    assert "kpj_checker/batch/run.pyc" in archive
    assert "kpj_checker/data/messages/batch.json" in archive


def test_worker_runs_the_same_python_as_the_trace() -> None:
    from pyodide_bundle import ADD_STDLIB_ZIP, UNPACK_BATCH

    worker = (ROOT / "docs" / "assets" / "cek-kpj" / "employee-list-worker.js").read_text()
    for name, code in (("UNPACK_BATCH", UNPACK_BATCH), ("ADD_STDLIB_ZIP", ADD_STDLIB_ZIP)):
        assert worker.split(f"const {name} = `")[1].split("`;")[0] == code
