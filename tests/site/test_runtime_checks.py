"""The runtime file checks the build records match the files it ships.

The page (`data-checks`), the runtime folder's `runtime-files.json` and the service
worker (`sw-runtime.js`) all carry each runtime file's size and SHA-256; the worker and the
service worker use or keep a downloaded file only when it matches them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest


def runtime_folder(site: Path) -> Path:
    (folder,) = (site / "assets" / "pyodide").iterdir()
    return folder


def actual(folder: Path) -> dict[str, dict]:
    return {
        path.name: {"size": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
        for path in folder.iterdir()
        if path.name != "runtime-files.json"
    }


def test_runtime_files_json_matches_the_files(site: Path) -> None:
    folder = runtime_folder(site)
    recorded = json.loads((folder / "runtime-files.json").read_text())["files"]
    assert recorded == actual(folder)
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.mjs"} <= set(recorded)


@pytest.mark.parametrize("page", ["checker/index.html", "en/checker/index.html"])
def test_checker_page_carries_the_same_checks(site: Path, page: str) -> None:
    html = (site / page).read_text("utf-8")
    checks = re.search(r'data-checks="([^"]*)"', html).group(1)  # type: ignore[union-attr]
    parsed = {
        name: {"size": int(size), "sha256": sha}
        for name, size, sha in (item.split(":") for item in checks.split())
    }
    assert parsed == actual(runtime_folder(site))
    assert f'data-runtime="../{runtime_folder(site).relative_to(site).as_posix()}/"' in html or (
        f'data-runtime="../../{runtime_folder(site).relative_to(site).as_posix()}/"' in html
    )


def test_service_worker_knows_the_current_runtime_and_its_checks(site: Path) -> None:
    text = (site / "sw-runtime.js").read_text("utf-8")
    runtime = json.loads(re.match(r"const RUNTIME = (.*);\n", text).group(1))  # type: ignore[union-attr]
    folder = runtime_folder(site)
    assert runtime["folder"] == folder.relative_to(site).as_posix() + "/"
    assert runtime["files"] == actual(folder)
    assert 'importScripts("sw-runtime.js")' in (site / "sw.js").read_text("utf-8")
