"""MkDocs hook: build the checker for Pyodide and put its runtime into the site.

Before pages render, the `kpj_checker` wheel, its lock file, the trimmed standard
library and the Pyodide runtime files are built (or reused from `.cache/`, keyed by
a fingerprint of every input). After the last language is built they are copied to
`assets/pyodide/<fingerprint>/`: a new checker gets a new folder, so browsers and
the service worker never mix old and new files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "checker"))
sys.path.insert(0, str(ROOT / "build_scripts"))

import checker_form  # noqa: E402
from pyodide_bundle import BundleManifest, build_bundle  # noqa: E402
from versions import check_build_python  # noqa: E402

CACHE = ROOT / ".cache" / "pyodide-bundle"
log = logging.getLogger("mkdocs.hooks.checker_page")
_bundle: dict[str, BundleManifest] = {}
# What docs/assets/cek-kpj/checker-worker.js imports itself (to compile the stdlib once).
RUNTIME_CHECKS = "runtime-files.json"  # sizes and SHA-256 of the runtime files
WORKER_MODULES = ("importlib.util", "io", "json", "os", "zipfile")


def compressed_size(folder: Path, files: Iterable[str]) -> int:
    """What a first visit downloads, gzip-compressed as a host would serve it."""
    return sum(len(gzip.compress((folder / name).read_bytes(), 6)) for name in files)


def file_checks(folder: Path, files: dict[str, int]) -> tuple[tuple[str, int, str], ...]:
    """(name, size, SHA-256) of each runtime file: the page, its worker and the service
    worker keep or use a downloaded file only when it matches (a captive portal's page
    answering for `pyodide.asm.wasm` must never be kept)."""
    return tuple(
        (name, size, hashlib.sha256((folder / name).read_bytes()).hexdigest())
        for name, size in sorted(files.items())
    )


def list_only(manifest: BundleManifest, name: str) -> bool:
    """Whether a bundle file is for the employee-list page only (the .xlsx reader, more stdlib)."""
    wheel_names = {p.replace("-", "_") for p in manifest.optional_packages}
    if name in (manifest.batch_stdlib, manifest.batch_archive):
        return True
    return name.split("-")[0] in wheel_names


def optional_wheels(manifest: BundleManifest) -> tuple[str, ...]:
    """The wheels of the employee-list page's optional packages (the .xlsx reader)."""
    own = (manifest.batch_stdlib, manifest.batch_archive)
    return tuple(sorted(n for n in manifest.files if list_only(manifest, n) and n not in own))


def on_pre_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # an inner language build: the bundle is ready
    check_build_python()
    manifest = build_bundle(
        ROOT / "checker",
        ROOT / "node_modules",
        CACHE,
        extra_modules=WORKER_MODULES,
        log=log.info,
    )
    _bundle["current"] = manifest
    checker_files = {n: size for n, size in manifest.files.items() if not list_only(manifest, n)}
    checker_form.RUNTIME["current"] = checker_form.Runtime(
        folder=f"assets/pyodide/{manifest.content_hash[:16]}/",
        lock_file=manifest.lock_file,
        packages=tuple(manifest.packages),
        files=tuple(sorted(set(checker_files) - set(manifest.lazy_files))),
        download_bytes=compressed_size(
            Path(manifest.out_dir), [n for n in checker_files if n not in manifest.lazy_files]
        ),
        lazy_files=tuple(manifest.lazy_files),
        checks=file_checks(Path(manifest.out_dir), manifest.files),
        optional_packages=tuple(manifest.optional_packages),
        optional_files=optional_wheels(manifest),
        batch_stdlib=manifest.batch_stdlib,
        batch_archive=manifest.batch_archive,
    )


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return
    manifest = _bundle["current"]
    target = Path(config.site_dir) / checker_form.RUNTIME["current"].folder
    target.mkdir(parents=True, exist_ok=True)
    for name in manifest.files:
        shutil.copy2(Path(manifest.out_dir) / name, target / name)
    # The same checks as a file, for the service worker (build_scripts/generate_sw.mjs).
    runtime = checker_form.RUNTIME["current"]
    checks = {name: {"size": size, "sha256": sha} for name, size, sha in runtime.checks}
    (target / RUNTIME_CHECKS).write_text(json.dumps({"files": checks}, indent=1), "utf-8")
