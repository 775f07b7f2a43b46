"""Build the Pyodide bundle that runs the `kpj_checker` package in the browser.

Steps (all local, no network beyond what ``python -m build`` may need for an
isolated build backend):

1. build the checker wheel (``python -m build --wheel``) from a copy of its source;
2. make a ``pyodide-lock.json`` holding only that wheel (``pyodide lockfile add-wheels``);
3. byte-compile the wheel (``pyodide py-compile``), normalise it for reproducibility;
4. boot Pyodide under Node with the *full* standard library, import the checker,
   run it on every test case and record every module that got imported;
5. write a trimmed ``python_stdlib.zip`` with just those modules (STORED, so the
   web server's gzip/Brotli compresses it) and copy the runtime files;
6. boot the finished bundle under Node once more to prove the trimmed stdlib works.

The result is cached: a fingerprint of every input (checker sources, test cases,
runtime files, pins, this script) is stored in ``<out>/.bundle-manifest.json``;
an unchanged fingerprint skips the build (about 0.1 s). Meant to run from a
MkDocs hook, into a cache dir that ``mkdocs build`` does not wipe::

    from pyodide_bundle import build_bundle
    manifest = build_bundle(ROOT / "checker", ROOT / "node_modules", ROOT / ".cache" / "pyodide")
    manifest.files      # {file name: size}: copy these into the site
    manifest.packages   # -> loadPyodide({indexURL, lockFileURL, packages})

or from the command line::

    python build_scripts/pyodide_bundle.py --checker checker \
        --node-modules node_modules --out site/pyodide
"""

from __future__ import annotations

import argparse
import ast
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

try:
    from versions import (
        PYODIDE_BUILD,
        PYODIDE_PYTHON,
        PYODIDE_VERSION,
        BuildPythonMismatch,
        check_build_python,
    )
except ImportError:  # imported as build_scripts.pyodide_bundle
    from build_scripts.versions import (
        PYODIDE_BUILD,
        PYODIDE_PYTHON,
        PYODIDE_VERSION,
        BuildPythonMismatch,
        check_build_python,
    )

#: Bump when the bundle layout or the build logic changes in a way the fingerprint misses.
BUNDLE_FORMAT = 3
MANIFEST_NAME = ".bundle-manifest.json"
LOCK_NAME = "pyodide-lock.json"
STDLIB_NAME = "python_stdlib.zip"
#: Standard-library modules the list check needs beyond the checker's (csv, zipfile, xml...):
#: only the employee-list page loads this zip, so the checker page's download is unchanged.
BATCH_STDLIB_NAME = "batch_stdlib.zip"
#: Pure wheels the list page loads from the lock file only when an .xlsx is chosen
#: (versions from requirements.lock, fetched from PyPI by pip into the pip cache).
OPTIONAL_WHEELS = ("openpyxl", "et_xmlfile")
#: Python that puts a second stdlib zip (``ZIP``) on sys.path, as the list page's worker does.
ADD_STDLIB_ZIP = """
import sys
sys.path.append(ZIP)
# Packages already loaded from the main stdlib zip (such as encodings) find their
# modules in this zip too.
for _name, _module in list(sys.modules.items()):
    _paths = list(getattr(_module, "__path__", None) or [])
    if "." not in _name and any(".zip" in p and p.startswith("/lib/") for p in _paths):
        _module.__path__.append(ZIP + "/" + _name)
"""
#: Modules of the checker that only the list page uses (traced with the list samples).
BATCH_PACKAGE = "kpj_checker.batch"
#: Their compiled files and messages, moved out of the checker wheel into this archive so
#: the checker page does not download them; the list page unpacks it into site-packages.
BATCH_ARCHIVE = "kpj_checker_batch.zip"
BATCH_FILES = ("kpj_checker/batch/", "kpj_checker/data/messages/batch.json")
#: Python that unpacks the archive (``ARCHIVE``) beside the installed kpj_checker.
UNPACK_BATCH = """
import importlib, os, zipfile
import kpj_checker
with zipfile.ZipFile(ARCHIVE) as _archive:
    _archive.extractall(os.path.dirname(os.path.dirname(kpj_checker.__file__)))
importlib.invalidate_caches()
"""
#: Runtime files a module Web Worker needs (``import {loadPyodide} from "./pyodide.mjs"``;
#: pyodide.mjs then loads pyodide.asm.js with a dynamic import). pyodide.js is the
#: classic-script variant and is not needed.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm")
#: Where Pyodide mounts the stdlib zip (module ``__file__`` values start with it).
STDLIB_MOUNT = "/lib/python{}{}.zip/".format(*PYODIDE_PYTHON)
#: Fixed zip timestamp (the zip format cannot store anything earlier).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, also makes py_compile write hash-based pycs
#: Never part of the checker's source (build artefacts and caches).
IGNORED_DIRS = {"build", "dist", "__pycache__", "node_modules"}
#: Package data taken out of the wheel and shipped beside it, by wheel path -> file name.
#: The page's worker fetches such a file only when needed (the region names, when a NIK
#: is typed) and hands its text to the loader named here, so the first visit stays light.
LAZY_FILES = {"kpj_checker/data/regions.json": "regions.json"}
LAZY_LOADER = "kpj_checker.regions.use_data"
#: Modules always kept in the trimmed stdlib (the page's worker glue uses them).
ALWAYS_MODULES = ("json",)

Log = Callable[[str], None]


class BundleError(RuntimeError):
    """The bundle could not be built."""


@dataclass
class BundleManifest:
    """What the bundle dir holds.

    ``files``: name -> size (copy these into the site); ``packages``: pass to
    ``loadPyodide``; ``fingerprint``: hash of the inputs; ``content_hash``: hash of
    the files, changes only when a shipped byte does (use it in the folder name).
    """

    out_dir: str
    files: dict[str, int]
    lock_file: str
    packages: list[str]
    stdlib_modules: list[str] = field(default_factory=list)
    lazy_files: list[str] = field(default_factory=list)  # in ``files``, fetched on demand
    optional_packages: list[str] = field(default_factory=list)
    batch_stdlib: str = ""
    batch_archive: str = ""
    compiled_stdlib: bool = True
    fingerprint: str = ""
    content_hash: str = ""
    rebuilt: bool = False

    def summary(self) -> dict[str, Any]:
        """The small JSON-friendly part worth printing."""
        return {
            "out_dir": self.out_dir,
            "files": self.files,
            "total_bytes": sum(self.files.values()),
            "lock_file": self.lock_file,
            "packages": self.packages,
            "optional_packages": self.optional_packages,
            "batch_stdlib": self.batch_stdlib,
            "batch_archive": self.batch_archive,
            "stdlib_modules": len(self.stdlib_modules),
            "lazy_files": self.lazy_files,
            "compiled_stdlib": self.compiled_stdlib,
            "content_hash": self.content_hash,
            "rebuilt": self.rebuilt,
        }


# --------------------------------------------------------------------------- helpers


def run(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command; raise BundleError with its output when it fails."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BundleError(
            f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n"
            f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
        )
    return proc.stdout


def build_env() -> dict[str, str]:
    """Environment for reproducible builds (fixed timestamps, hash-based pycs)."""
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["PYTHONHASHSEED"] = "0"
    return env


def pyodide_cli() -> list[str]:
    """The ``pyodide`` CLI of the environment that runs this script."""
    return [sys.executable, "-m", "pyodide_cli"]


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def source_files(root: Path) -> Iterator[Path]:
    """Files of a source tree, sorted, without build artefacts, caches and dotfiles."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if any(p.startswith(".") or p in IGNORED_DIRS or p.endswith(".egg-info") for p in rel):
            continue
        if path.is_file() and path.suffix not in {".pyc", ".pyo"}:
            yield path


def find_node() -> str:
    """Path of the ``node`` executable."""
    node = shutil.which("node")
    if node is None:
        raise BundleError("`node` was not found on PATH; it is needed to trace the stdlib.")
    return node


def pyodide_dir(node_modules: Path) -> Path:
    """``node_modules/pyodide``, checked against the pinned version."""
    pdir = node_modules / "pyodide"
    pkg = pdir / "package.json"
    if not pkg.is_file():
        raise BundleError(f"{pdir} not found: run `npm ci` in the project root first.")
    version = json.loads(pkg.read_text("utf-8")).get("version")
    if version != PYODIDE_VERSION:
        raise BundleError(f"{pdir} is pyodide {version}, but versions.py pins {PYODIDE_VERSION}.")
    return pdir


def default_cases(checker_dir: Path) -> Path | None:
    """``tests/checker/cases.json`` next to the checker, if it exists."""
    path = checker_dir.resolve().parent / "tests" / "checker" / "cases.json"
    return path if path.is_file() else None


def load_cases(cases: Path | None) -> list[dict[str, Any]]:
    """The test scenarios (``[{"name", "input", ...}]``), or [] without a file."""
    if cases is None:
        return []
    return json.loads(cases.read_text("utf-8"))


def optional_pins(root: Path) -> dict[str, str]:
    """{name: version} of OPTIONAL_WHEELS, read from the project's requirements.lock."""
    lock = root / "requirements.lock"
    pins: dict[str, str] = {}
    if lock.is_file():
        for line in lock.read_text("utf-8").splitlines():
            name, sep, version = line.strip().partition("==")
            key = name.strip().lower().replace("-", "_")
            if sep and key in OPTIONAL_WHEELS:
                pins[key] = version.strip()
    missing = set(OPTIONAL_WHEELS) - set(pins)
    if missing:
        raise BundleError(f"requirements.lock pins none of {sorted(missing)}")
    return pins


def download_wheels(pins: dict[str, str], dest: Path) -> list[Path]:
    """The pinned pure-Python wheels (``pip download``; pip's cache avoids refetching)."""
    dest.mkdir(parents=True, exist_ok=True)
    specs = [f"{name}=={version}" for name, version in sorted(pins.items())]
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            str(dest),
            *specs,
        ]
    )
    wheels = []
    for name, version in sorted(pins.items()):
        found = sorted(dest.glob(f"{name}-{version}-*.whl"))
        if not found:
            raise BundleError(f"pip download gave no wheel for {name}=={version}")
        wheels.append(found[0])
    return wheels


# --------------------------------------------------------------------------- cache


def fingerprint(checker_dir: Path, pdir: Path, cases: Path | None, options: dict[str, Any]) -> str:
    """Hash of everything the bundle depends on."""
    h = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    try:
        tool_version = metadata.version("pyodide-build")
    except metadata.PackageNotFoundError:
        tool_version = "missing"
    pins = [
        BUNDLE_FORMAT,
        PYODIDE_VERSION,
        PYODIDE_PYTHON,
        PYODIDE_BUILD,
        tool_version,
        sys.version_info[:2],
        options,
    ]
    add("pins", json.dumps(pins, sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    for script in ("pyodide_bundle.py", "versions.py"):
        add(f"script/{script}", (here / script).read_bytes())
    for path in source_files(checker_dir):
        add(f"checker/{path.relative_to(checker_dir).as_posix()}", path.read_bytes())
    if cases is not None:
        add("cases", cases.read_bytes())
    for name in (*RUNTIME_FILES, LOCK_NAME, STDLIB_NAME, "package.json"):
        add(f"pyodide/{name}", (pdir / name).read_bytes())
    return h.hexdigest()


def read_manifest(out_dir: Path) -> BundleManifest | None:
    """The manifest of an existing bundle, or None."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
        return BundleManifest(**{**data, "out_dir": str(out_dir)})
    except (OSError, ValueError, TypeError):
        return None


def is_current(manifest: BundleManifest | None, out_dir: Path, digest: str) -> bool:
    """True if the bundle in out_dir was built from the same inputs and is intact."""
    if manifest is None or manifest.fingerprint != digest:
        return False
    return all(
        (out_dir / name).is_file() and (out_dir / name).stat().st_size == size
        for name, size in manifest.files.items()
    )


# --------------------------------------------------------------------------- zips


def write_zip(path: Path, entries: Iterable[tuple[str, bytes]], *, deflate: bool) -> None:
    """Write a reproducible zip: given order, fixed timestamps and permissions."""
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.create_system = 3
            is_dir = name.endswith("/")
            info.external_attr = ((0o40755 << 16) | 0x10) if is_dir else (0o100644 << 16)
            info.compress_type = zipfile.ZIP_STORED if is_dir else method
            zf.writestr(info, data, compresslevel=9 if deflate else None)


def read_zip(path: Path) -> dict[str, bytes]:
    """All entries of a zip, by name (in archive order)."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def normalize_wheel(wheel: Path) -> None:
    """Rewrite a wheel sorted, with fixed timestamps (``*.dist-info`` last).

    Entries are STORED, like the standard library zip: the server's Brotli then compresses
    the whole wheel at once, which is smaller on the wire than zip's per-file deflate.
    """
    entries = read_zip(wheel)
    order = sorted(entries, key=lambda n: (".dist-info/" in n, n))
    write_zip(wheel, ((n, entries[n]) for n in order), deflate=False)


# --------------------------------------------------------------------------- wheel + lock


def copy_source(checker_dir: Path, dest: Path) -> Path:
    """Copy the checker's source tree (no artefacts) so building leaves it untouched."""
    for path in source_files(checker_dir):
        target = dest / path.relative_to(checker_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return dest


def build_wheel(checker_dir: Path, work: Path, log: Log) -> Path:
    """Build the checker wheel; try without build isolation first (offline, fast)."""
    src = copy_source(checker_dir, work / "src")
    dist = work / "dist"
    base = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist)]
    try:
        run([*base, "--no-isolation", str(src)], env=build_env())
    except BundleError:
        log("no-isolation wheel build failed (backend not installed?); retrying isolated")
        run([*base, str(src)], env=build_env())
    wheels = sorted(dist.glob("*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one wheel in {dist}, found {wheels}")
    return wheels[0]


def split_lazy_files(wheel: Path, stage: Path) -> list[str]:
    """Move the LAZY_FILES out of ``wheel`` into ``stage``; return their names there."""
    entries = read_zip(wheel)
    moved = [name for name in LAZY_FILES if name in entries]
    if not moved:
        return []
    for name in moved:
        (stage / LAZY_FILES[name]).write_bytes(entries.pop(name))
    record = next(n for n in entries if n.endswith(".dist-info/RECORD"))
    lines = entries[record].decode("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split(",", 1)[0] not in moved]
    entries[record] = "".join(kept).encode("utf-8")
    write_zip(wheel, entries.items(), deflate=True)
    return [LAZY_FILES[name] for name in moved]


def make_lock(wheels: list[Path], pdir: Path, stage: Path) -> Path:
    """Create ``stage/pyodide-lock.json`` holding only ``wheels`` (copied to stage)."""
    info = json.loads((pdir / LOCK_NAME).read_text("utf-8"))["info"]
    base = stage.parent / "base-lock.json"
    base.write_text(json.dumps({"info": info, "packages": {}}), "utf-8")
    staged = []
    for wheel in wheels:
        staged.append(stage / wheel.name)
        shutil.copyfile(wheel, staged[-1])
    run(
        [
            *pyodide_cli(),
            "lockfile",
            "add-wheels",
            "--input",
            str(base),
            "--output",
            str(stage / LOCK_NAME),
            "--base-path",
            str(stage),
            *map(str, staged),
        ],
        env=build_env(),
    )
    return stage / LOCK_NAME


def py_compile_stage(stage: Path) -> None:
    """Byte-compile the wheel in stage (renamed to ``cp313``), then normalise it."""
    run([*pyodide_cli(), "py-compile", "--silent", "--no-keep", str(stage)], env=build_env())
    lock_path = stage / LOCK_NAME
    lock = json.loads(lock_path.read_text("utf-8"))
    for pkg in lock["packages"].values():
        wheel = stage / pkg["file_name"]
        normalize_wheel(wheel)
        pkg["sha256"] = sha256(wheel.read_bytes())
    lock_path.write_text(json.dumps(lock, sort_keys=True, indent=1) + "\n", "utf-8")


def split_batch(stage: Path) -> str:
    """Move the BATCH_FILES out of the compiled checker wheel into BATCH_ARCHIVE."""
    lock_path = stage / LOCK_NAME
    lock = json.loads(lock_path.read_text("utf-8"))
    pkg = lock["packages"]["kpj-checker"]
    wheel = stage / pkg["file_name"]
    entries = read_zip(wheel)
    moved = sorted(n for n in entries if n.startswith(BATCH_FILES))
    write_zip(stage / BATCH_ARCHIVE, ((n, entries.pop(n)) for n in moved), deflate=True)
    record = next(n for n in entries if n.endswith(".dist-info/RECORD"))
    lines = entries[record].decode("utf-8").splitlines(keepends=True)
    entries[record] = "".join(
        line for line in lines if not line.split(",", 1)[0].startswith(BATCH_FILES)
    ).encode("utf-8")
    write_zip(wheel, entries.items(), deflate=False)
    pkg["sha256"] = sha256(wheel.read_bytes())
    lock_path.write_text(json.dumps(lock, sort_keys=True, indent=1) + "\n", "utf-8")
    return BATCH_ARCHIVE


def lock_packages(lock_path: Path) -> tuple[list[str], list[str]]:
    """(package names, import names) of a lock file."""
    packages = json.loads(lock_path.read_text("utf-8"))["packages"]
    names = sorted(packages)
    imports = sorted({imp for pkg in packages.values() for imp in pkg.get("imports", [])})
    return names, imports


# --------------------------------------------------------------------------- stdlib trace

TRACE_JS = r"""
// Boot Pyodide, load the bundle's packages, exercise them and report imported modules.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

async function main(cfg) {
  const { loadPyodide } = await import(pathToFileURL(cfg.pyodideMjs).href);
  const t0 = performance.now();
  const py = await loadPyodide({
    indexURL: cfg.indexURL,
    lockFileURL: cfg.lockFileURL,
    stdLibURL: cfg.stdLibURL,
    packages: cfg.packages,
    stdout: () => {},
    stderr: (s) => process.stderr.write(s + "\n"),
  });
  const bootMs = performance.now() - t0;
  // Files the calls read (employee lists), and a zip of more stdlib modules, if given.
  for (const [path, b64] of Object.entries(cfg.files || {})) {
    py.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    py.FS.writeFile(path, Buffer.from(b64, "base64"));
  }
  if (cfg.extraZip) {
    py.FS.writeFile("/lib/extra_stdlib.zip", readFileSync(cfg.extraZip));
    py.runPython(cfg.addZip.replaceAll("ZIP", JSON.stringify("/lib/extra_stdlib.zip")));
  }
  if (cfg.unpack) {
    py.FS.writeFile("/tmp/unpack.zip", readFileSync(cfg.unpack));
    py.runPython(cfg.unpackCode.replaceAll("ARCHIVE", JSON.stringify("/tmp/unpack.zip")));
  }
  // From here on, record every module name the import system is asked for.
  py.runPython(`
import sys
class _Recorder:
    seen = set()
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        cls.seen.add(name)
        return None
sys.meta_path.insert(0, _Recorder)
`);
  // Hand over the data the page's worker fetches on demand, the way the worker does.
  for (const file of cfg.lazyFiles) {
    const load = py.pyimport(cfg.lazyLoader.split(".").slice(0, -1).join("."));
    load[cfg.lazyLoader.split(".").pop()](readFileSync(file, "utf8"));
    load.destroy();
  }
  py.globals.set("cfg_json", JSON.stringify(cfg));
  // Import every module of the checker, and every module its source names in an import.
  const errors = JSON.parse(py.runPython(`
import importlib, json
cfg = json.loads(cfg_json)
errors = []
for name in cfg["ownModules"] + cfg["extraModules"] + cfg["scannedModules"]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        if name not in cfg["scannedModules"]:
            errors.append(f"cannot import {name}: {exc!r}")
json.dumps(errors)
`));
  // Run the entry point on every call, the way the page's worker does (JSON in and out).
  const run = py.runPython(`
def _run(call_json):
    import json
    import importlib
    call = json.loads(call_json)
    module = importlib.import_module(call.get("module", "${cfg.entryModule}"))
    f = getattr(module, call.get("function", "${cfg.entryFunction}"))
    try:
        result = f(*call["args"], **call["kwargs"])
    except Exception as exc:  # a case may expect an error; its handling is traced too
        result = {"error": f"{type(exc).__name__}: {exc}"}
    return json.dumps(result, ensure_ascii=False, sort_keys=True)
_run
`);
  for (const call of cfg.calls) JSON.parse(run(JSON.stringify(call)));
  run.destroy();
  // Runtime paths the worker may use: async code, proxies, a Python error seen from JS.
  await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0)");
  const r = py.runPython("({'a': [1, 2]}, None)");
  r.toJs({ dict_converter: Object.fromEntries });
  r.destroy();
  try {
    py.runPython("raise ValueError('traced')");
  } catch (e) {
    String(e.message);
  }
  const out = JSON.parse(py.runPython(`
import json, sys
mods = set(sys.modules) | _Recorder.seen
files = {m: getattr(sys.modules.get(m), "__file__", None) for m in sorted(mods)}
json.dumps({"modules": sorted(mods), "files": files})
`));
  return { ...out, errors, bootMs, calls: cfg.calls.length };
}

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
main(cfg).then(
  (out) => writeFileSync(cfg.output, JSON.stringify(out)),
  (e) => {
    process.stderr.write(`trace failed: ${String(e && e.stack ? e.stack : e).slice(0, 3000)}\n`);
    process.exit(1);
  },
);
"""


def imported_names(tree: ast.AST) -> set[str]:
    """Absolute module names an AST imports (``from a import b`` gives a and a.b)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def cli_modules(checker_dir: Path) -> set[str]:
    """Modules of the console scripts in pyproject.toml: command-line code, not for Pyodide."""
    pyproject = checker_dir / "pyproject.toml"
    if not pyproject.is_file():
        return set()
    project = tomllib.loads(pyproject.read_text("utf-8")).get("project", {})
    targets = [*project.get("scripts", {}).values(), *project.get("gui-scripts", {}).values()]
    return {target.split(":")[0].strip() for target in targets}


def wheel_modules(
    wheel: Path, skip: set[str], skip_packages: tuple[str, ...] = ()
) -> tuple[list[str], list[str]]:
    """(modules of a pure wheel, other modules their source imports).

    ``__main__`` modules, those in ``skip`` (command-line code) and those of
    ``skip_packages`` (traced on their own) are left out,
    with their imports; if the checker does import them, tracing still sees it.
    """
    own: set[str] = set()
    scanned: set[str] = set()
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            if not name.endswith(".py") or ".dist-info/" in name or ".data/" in name:
                continue
            parts = name[:-3].split("/")
            if parts[-1] == "__init__":
                parts.pop()
            module = ".".join(parts)
            in_skipped = any(module == p or module.startswith(p + ".") for p in skip_packages)
            if parts[-1] == "__main__" or module in skip or in_skipped:
                continue
            own.add(module)
            scanned |= imported_names(ast.parse(zf.read(name), filename=name))
    return sorted(own), sorted(scanned - own)


@dataclass(frozen=True)
class Entry:
    """How the page calls the checker: ``module.function(inputs)``, one language field."""

    module: str = "kpj_checker"
    function: str = "diagnose"
    lang_field: str = "lang"
    languages: tuple[str, ...] = ("id", "en")


def case_calls(cases: list[dict[str, Any]], entry: Entry) -> list[dict[str, Any]]:
    """Arguments for the entry point: every case's input once per language."""
    return [
        {"args": [{**case["input"], entry.lang_field: lang}], "kwargs": {}}
        for case in cases
        for lang in entry.languages
    ]


def trace_modules(
    pdir: Path,
    stage: Path,
    stdlib: Path,
    modules: tuple[list[str], list[str]],
    calls: list[dict[str, Any]],
    extra: Iterable[str],
    entry: Entry,
    *,
    packages: list[str] | None = None,
    files: dict[str, bytes] | None = None,
    extra_zip: Path | None = None,
    unpack: Path | None = None,
) -> dict[str, Any]:
    """Boot Pyodide under Node with ``stdlib`` and report every module imported.

    ``modules`` is (the checker's modules, names its source imports) from wheel_modules.
    ``packages`` defaults to every package of the lock; ``files`` are written into
    Pyodide's file system first; ``extra_zip`` is put on ``sys.path``.
    """
    own, scanned = modules
    if packages is None:
        packages, _ = lock_packages(stage / LOCK_NAME)
    with tempfile.TemporaryDirectory(prefix="kpj-trace-") as tmp:
        tmpdir = Path(tmp)
        cfg = {
            "pyodideMjs": str(pdir / "pyodide.mjs"),
            "indexURL": str(pdir) + "/",
            "lockFileURL": str(stage / LOCK_NAME),
            "stdLibURL": str(stdlib),
            "packages": packages,
            "ownModules": own,
            "scannedModules": scanned,
            "extraModules": sorted({*ALWAYS_MODULES, *extra}),
            "entryModule": entry.module,
            "entryFunction": entry.function,
            "calls": calls,
            "files": {k: base64.b64encode(v).decode() for k, v in (files or {}).items()},
            "extraZip": str(extra_zip) if extra_zip else None,
            "addZip": ADD_STDLIB_ZIP,
            "unpack": str(unpack) if unpack else None,
            "unpackCode": UNPACK_BATCH,
            "lazyFiles": [str(stage / n) for n in LAZY_FILES.values() if (stage / n).exists()],
            "lazyLoader": LAZY_LOADER,
            "output": str(tmpdir / "trace.json"),
        }
        (tmpdir / "cfg.json").write_text(json.dumps(cfg), "utf-8")
        (tmpdir / "trace.mjs").write_text(TRACE_JS, "utf-8")
        run([find_node(), str(tmpdir / "trace.mjs"), str(tmpdir / "cfg.json")])
        result = json.loads((tmpdir / "trace.json").read_text("utf-8"))
    if result["errors"]:
        raise BundleError("tracing the checker in Pyodide failed: " + "; ".join(result["errors"]))
    return result


def stdlib_entries(names: set[str], trace: dict[str, Any]) -> list[str]:
    """Names in the stdlib zip that hold the traced modules (plus package dirs)."""
    wanted: set[str] = set()
    for module in trace["modules"]:
        base = module.replace(".", "/")
        wanted.update(n for n in (f"{base}.py", f"{base}/__init__.py") if n in names)
    for path in trace["files"].values():
        if path and path.startswith(STDLIB_MOUNT) and path[len(STDLIB_MOUNT) :] in names:
            wanted.add(path[len(STDLIB_MOUNT) :])
    for name in list(wanted):
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            directory = "/".join(parts[:i]) + "/"
            if directory in names:
                wanted.add(directory)
    return sorted(wanted)


class _DropDocstrings(ast.NodeTransformer):
    """Remove module, class and function docstrings (the bulk of the stdlib's text)."""

    def _drop(self, node: Any) -> Any:
        self.generic_visit(node)
        body = node.body
        first = body[0] if body else None
        is_text = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
        if is_text and isinstance(first.value.value, str):
            node.body = body[1:] or [ast.Pass()]
        return node

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _drop


def strip_source(source: bytes) -> bytes:
    """The same module without docstrings and comments: about half the bytes on the wire.

    The finished bundle is booted and run on every case afterwards (``verify``), so a
    module that needed its docstrings would fail the build, not the reader's browser.
    """
    tree = _DropDocstrings().visit(ast.parse(source))
    return (ast.unparse(tree) + "\n").encode("utf-8")


def trim_stdlib(
    full: Path, trace: dict[str, Any], out: Path, *, compiled: bool, deflate: bool = False
) -> list[str]:
    """Write the trimmed stdlib zip (``.pyc`` only if ``compiled``; STORED unless ``deflate``).

    Without ``compiled`` the ``.py`` sources are shipped stripped of docstrings and
    comments. Returns the names taken from the full zip.
    """
    entries = read_zip(full)
    keep = stdlib_entries(set(entries), trace)
    if not compiled:
        entries = {n: strip_source(d) if n.endswith(".py") else d for n, d in entries.items()}
    write_zip(out, ((n, entries[n]) for n in keep), deflate=False)
    if compiled:
        run(
            [
                *pyodide_cli(),
                "py-compile",
                "--silent",
                "--no-keep",
                "--compression-level",
                "0",
                str(out),
            ],
            env=build_env(),
        )
        compiled_entries = read_zip(out)
        write_zip(
            out, ((n, compiled_entries[n]) for n in sorted(compiled_entries)), deflate=deflate
        )
    elif deflate:
        write_zip(out, ((n, entries[n]) for n in keep), deflate=True)
    return keep


def checker_packages(lock_path: Path, optional: list[Path]) -> list[str]:
    """Lock packages the checker page loads: all but the optional wheels."""
    names, _ = lock_packages(lock_path)
    lock = json.loads(lock_path.read_text("utf-8"))["packages"]
    optional_files = {w.name.split("-")[0].lower() for w in optional}
    return [n for n in names if lock[n]["file_name"].split("-")[0].lower() not in optional_files]


def batch_trace_inputs(
    own: list[str],
) -> tuple[tuple[list[str], list[str]], list[dict[str, Any]], dict[str, bytes]]:
    """(modules, calls, files) that trace the list check on every sample file."""
    try:
        import batch_samples
    except ImportError:  # imported as build_scripts.pyodide_bundle
        from build_scripts import batch_samples
    files = {f"/samples/{name}": data for name, data in batch_samples.samples().items()}
    calls = [
        {
            "module": f"{BATCH_PACKAGE}.worker",
            "function": "check_path",
            "args": [path, lang],
            "kwargs": {},
        }
        for path in files
        for lang in ("id", "en")
    ]
    calls.append(
        {
            "module": f"{BATCH_PACKAGE}.worker",
            "function": "size_error",
            "args": [10**9, "en"],
            "kwargs": {},
        }
    )
    modules = [m for m in own if m.startswith(BATCH_PACKAGE) and m != f"{BATCH_PACKAGE}.cli"]
    return (modules, []), calls, files


def write_batch_stdlib(full: Path, trace: dict[str, Any], kept: set[str], out: Path) -> None:
    """The stdlib modules the list check adds to the checker's, stripped, in a STORED zip."""
    entries = read_zip(full)
    wanted = [n for n in stdlib_entries(set(entries), trace) if n not in kept]
    write_zip(
        out,
        ((n, strip_source(entries[n]) if n.endswith(".py") else entries[n]) for n in wanted),
        deflate=False,
    )


# --------------------------------------------------------------------------- output


def install(
    stage: Path, pdir: Path, out_dir: Path, previous: BundleManifest | None
) -> dict[str, int]:
    """Replace the bundle files in out_dir with the staged ones; return name -> size."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if previous is not None:
        for name in previous.files:
            (out_dir / name).unlink(missing_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(pdir / name, stage / name)
    files: dict[str, int] = {}
    for path in sorted(stage.iterdir()):
        shutil.copyfile(path, out_dir / path.name)
        files[path.name] = path.stat().st_size
    return files


def content_hash(out_dir: Path, names: Iterable[str]) -> str:
    """SHA-256 over the bundle's file names and contents (a cache-busting folder name)."""
    h = hashlib.sha256()
    for name in sorted(names):
        data = (out_dir / name).read_bytes()
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def write_manifest(manifest: BundleManifest) -> None:
    """Store the manifest (with the input fingerprint) in the bundle dir."""
    path = Path(manifest.out_dir) / MANIFEST_NAME
    path.write_text(json.dumps(asdict(manifest), indent=1, sort_keys=True) + "\n", "utf-8")


def build_bundle(
    checker_dir: Path | str,
    node_modules: Path | str,
    out_dir: Path | str,
    *,
    cases: Path | str | None = None,
    compiled_stdlib: bool = False,
    deflate_stdlib: bool = False,
    extra_modules: Iterable[str] = (),
    entry: Entry = Entry(),
    force: bool = False,
    verify: bool = True,
    log: Log = print,
) -> BundleManifest:
    """Build (or reuse) the Pyodide bundle of the checker in ``out_dir``.

    ``cases`` defaults to ``tests/checker/cases.json`` beside the checker dir; its
    inputs are run in Pyodide to find the stdlib modules needed. ``extra_modules``
    are kept in the trimmed stdlib too (e.g. modules the page's worker imports).
    ``deflate_stdlib`` deflates the stdlib zip, for hosts that do not gzip/Brotli
    ``.zip`` responses (STORED compresses far better on the wire when they do).
    ``out_dir`` belongs to the bundler: files of the previous bundle are replaced.
    """
    check_build_python()
    checker_dir, out_dir = Path(checker_dir).resolve(), Path(out_dir).resolve()
    pdir = pyodide_dir(Path(node_modules).resolve())
    cases_path = Path(cases).resolve() if cases is not None else default_cases(checker_dir)
    extra = sorted(set(extra_modules))
    pins = optional_pins(checker_dir.parent)
    options = {
        "optional_wheels": pins,
        "compiled_stdlib": compiled_stdlib,
        "deflate_stdlib": deflate_stdlib,
        "extra": extra,
        "entry": asdict(entry),
    }
    digest = fingerprint(checker_dir, pdir, cases_path, options)
    previous = read_manifest(out_dir)
    if not force and previous is not None and is_current(previous, out_dir, digest):
        previous.rebuilt = False
        return previous

    log(f"building the Pyodide bundle of {checker_dir.name} into {out_dir}")
    calls = case_calls(load_cases(cases_path), entry)
    with tempfile.TemporaryDirectory(prefix="kpj-bundle-") as tmp:
        work = Path(tmp)
        stage = work / "stage"
        stage.mkdir()
        wheel = build_wheel(checker_dir, work, log)
        lazy = split_lazy_files(wheel, stage)
        skip = cli_modules(checker_dir)
        modules = wheel_modules(wheel, skip, (BATCH_PACKAGE,))
        own, _ = wheel_modules(wheel, skip)
        optional = download_wheels(pins, checker_dir.parent / ".cache" / "wheels")
        make_lock([wheel, *optional], pdir, stage)
        py_compile_stage(stage)
        split_batch(stage)
        packages = checker_packages(stage / LOCK_NAME, optional)
        trace = trace_modules(
            pdir, stage, pdir / STDLIB_NAME, modules, calls, extra, entry, packages=packages
        )
        kept = trim_stdlib(
            pdir / STDLIB_NAME,
            trace,
            stage / STDLIB_NAME,
            compiled=compiled_stdlib,
            deflate=deflate_stdlib,
        )
        batch_modules, batch_calls, batch_files = batch_trace_inputs(own)
        batch_trace = trace_modules(
            pdir,
            stage,
            pdir / STDLIB_NAME,
            batch_modules,
            batch_calls,
            extra,
            entry,
            files=batch_files,
            unpack=stage / BATCH_ARCHIVE,
        )
        write_batch_stdlib(pdir / STDLIB_NAME, batch_trace, set(kept), stage / BATCH_STDLIB_NAME)
        if verify:
            trace_modules(
                pdir, stage, stage / STDLIB_NAME, modules, calls, extra, entry, packages=packages
            )
            trace_modules(
                pdir,
                stage,
                stage / STDLIB_NAME,
                batch_modules,
                batch_calls,
                extra,
                entry,
                files=batch_files,
                extra_zip=stage / BATCH_STDLIB_NAME,
                unpack=stage / BATCH_ARCHIVE,
            )
        all_packages, _ = lock_packages(stage / LOCK_NAME)
        files = install(stage, pdir, out_dir, previous)
    manifest = BundleManifest(
        out_dir=str(out_dir),
        files=files,
        lock_file=LOCK_NAME,
        packages=packages,
        optional_packages=sorted(set(all_packages) - set(packages)),
        batch_stdlib=BATCH_STDLIB_NAME,
        batch_archive=BATCH_ARCHIVE,
        stdlib_modules=[n for n in kept if not n.endswith("/")],
        lazy_files=lazy,
        compiled_stdlib=compiled_stdlib,
        fingerprint=digest,
        content_hash=content_hash(out_dir, files),
        rebuilt=True,
    )
    write_manifest(manifest)
    return manifest


# --------------------------------------------------------------------------- CLI


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--checker", type=Path, default=Path("checker"), help="checker package dir")
    p.add_argument("--node-modules", type=Path, default=Path("node_modules"))
    p.add_argument("--out", type=Path, required=True, help="bundle output dir")
    p.add_argument("--cases", type=Path, default=None, help="cases.json (default: auto)")
    p.add_argument("--pyc-stdlib", action="store_true", help="ship .pyc instead of stripped .py")
    p.add_argument("--deflate-stdlib", action="store_true", help="deflate the stdlib zip")
    p.add_argument("--extra-module", action="append", default=[], help="keep this stdlib module")
    p.add_argument("--force", action="store_true", help="rebuild even if inputs are unchanged")
    p.add_argument("--no-verify", action="store_true", help="skip booting the finished bundle")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: build and print the manifest summary as JSON."""
    args = parse_args(argv)
    try:
        manifest = build_bundle(
            args.checker,
            args.node_modules,
            args.out,
            cases=args.cases,
            compiled_stdlib=args.pyc_stdlib,
            deflate_stdlib=args.deflate_stdlib,
            extra_modules=args.extra_module,
            force=args.force,
            verify=not args.no_verify,
            log=lambda msg: print(msg, file=sys.stderr),
        )
    except (BundleError, BuildPythonMismatch) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(manifest.summary(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
