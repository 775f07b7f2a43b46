#!/usr/bin/env python3
"""Cek KPJ developer commands: set up, build, serve, test and benchmark.

    python3 build_scripts/dev.py serve   # set up, build, serve at http://127.0.0.1:8000
    python3 build_scripts/dev.py test    # set up and run every test
    python3 build_scripts/dev.py build   # set up and write site/
    python3 build_scripts/dev.py bench   # print size and speed figures (asserts nothing)
    python3 build_scripts/dev.py setup   # only set up .venv, npm packages and Chromium

Runs on any Python 3; it creates `.venv` with Python 3.13 (the version Pyodide
0.29 runs) and installs everything the project needs from the lock files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
WANTED_PYTHON = (3, 13)
CHROMIUM = Path("/usr/bin/chromium")
PIP_QUIET = ["-qq", "--disable-pip-version-check", "--no-input"]  # errors only


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[dev] error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    """Run a command, stopping with its exit status if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def python_version(executable: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        return int(out[0]), int(out[1])
    except (OSError, subprocess.CalledProcessError, ValueError, IndexError):
        return None


def find_python313() -> str:
    """A Python 3.13 interpreter: on PATH, from pyenv, or this one."""
    candidates = [sys.executable, "python3.13"]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted(str(p) for p in pyenv_root.glob("versions/3.13*/bin/python3.13"))
    for candidate in candidates:
        found = shutil.which(candidate) or candidate
        if python_version(found) == WANTED_PYTHON:
            return found
    fail(
        "Python 3.13 is needed (Pyodide 0.29 runs Python 3.13, so the checker is "
        "compiled with it). Install it (for example `pyenv install 3.13`) and run again."
    )
    raise AssertionError


def digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()


def up_to_date(stamp: Path, fingerprint: str) -> bool:
    return stamp.exists() and stamp.read_text() == fingerprint


def setup_venv() -> None:
    """Create .venv with Python 3.13 and install the locked Python packages."""
    if VENV_PYTHON.exists() and python_version(str(VENV_PYTHON)) != WANTED_PYTHON:
        say(".venv is not Python 3.13; recreating it")
        shutil.rmtree(VENV)
    if not VENV_PYTHON.exists():
        python = find_python313()
        say(f"creating .venv with {python}")
        run(python, "-m", "venv", VENV)
    stamp = VENV / ".cek-kpj-installed"
    lock = ROOT / "requirements.lock"
    fingerprint = digest(lock, ROOT / "checker" / "pyproject.toml")
    if up_to_date(stamp, fingerprint):
        return
    say("installing Python packages into .venv (requirements.lock)")
    run(VENV_PYTHON, "-m", "pip", "install", *PIP_QUIET, "-r", lock)
    run(VENV_PYTHON, "-m", "pip", "install", *PIP_QUIET, "--no-deps", "-e", ROOT / "checker")
    stamp.write_text(fingerprint)


def setup_node() -> None:
    """Install the pinned npm packages (Pyodide runtime, Workbox, test tools)."""
    if not shutil.which("node") or not shutil.which("npm"):
        fail("Node.js 20 or newer (with npm) is needed: install it, e.g. `apt-get install nodejs`.")
    stamp = ROOT / "node_modules" / ".cek-kpj-installed"
    fingerprint = digest(ROOT / "package.json", ROOT / "package-lock.json")
    if up_to_date(stamp, fingerprint):
        return
    say("installing npm packages (package-lock.json)")
    run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(fingerprint)


def setup_chromium() -> None:
    """Debian's Chromium for the browser tests (Playwright cannot download browsers here)."""
    if CHROMIUM.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        fail("the browser tests need Chromium at /usr/bin/chromium: `apt-get install chromium`.")
    say("installing Chromium from Debian (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "chromium", env=env)


def setup(browser: bool = False) -> None:
    setup_venv()
    setup_node()
    if browser:
        setup_chromium()


def mkdocs(*args: str) -> None:
    run(VENV_PYTHON, "-m", "mkdocs", *args)


def build() -> None:
    setup()
    say("building the site into site/")
    mkdocs("build", "--strict", "--clean")


def serve() -> None:
    setup()
    say("serving at http://127.0.0.1:8000 (Ctrl+C stops)")
    mkdocs("serve", "--strict", "--dev-addr", "127.0.0.1:8000")


def test() -> None:
    setup(browser=True)
    say("ruff")
    run(VENV_PYTHON, "-m", "ruff", "check", ".")
    build()
    say("running every test")
    # The Pyodide tests reuse the bundle the build just made (same code, already verified).
    env = {"KPJ_PYODIDE_BUNDLE": str(ROOT / ".cache" / "pyodide-bundle")}
    run(VENV_PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *sys.argv[2:], env=env)


def bench() -> None:
    setup(browser=True)
    build()
    run(VENV_PYTHON, ROOT / "build_scripts" / "bench.py")


COMMANDS = {"setup": setup, "build": build, "serve": serve, "test": test, "bench": bench}


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in COMMANDS:
        print(__doc__)
        raise SystemExit(2)
    COMMANDS[command]()


if __name__ == "__main__":
    main()
