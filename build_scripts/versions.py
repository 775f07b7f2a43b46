"""Single place for the Pyodide-related version pins of the site build.

The Python that builds the checker wheel and byte-compiles it must have the
same major.minor version as the Python inside Pyodide, otherwise the ``.pyc``
files in the bundle would not load in the browser.
"""

from __future__ import annotations

import sys

#: npm package ``pyodide`` (must match package.json in the project root).
PYODIDE_VERSION = "0.29.5"
#: major.minor of the CPython that Pyodide ships (0.29.x -> 3.13).
PYODIDE_PYTHON: tuple[int, int] = (3, 13)
#: pip requirement for the build tooling (``pyodide`` CLI, lockfile, py-compile).
PYODIDE_BUILD = "pyodide-build==0.39.*"


class BuildPythonMismatch(RuntimeError):
    """The build interpreter cannot produce bytecode for Pyodide's Python."""


def check_build_python(version_info: tuple[int, ...] | None = None) -> None:
    """Raise BuildPythonMismatch unless the running Python matches PYODIDE_PYTHON."""
    running = tuple((version_info or sys.version_info)[:2])
    if running != PYODIDE_PYTHON:
        want = ".".join(map(str, PYODIDE_PYTHON))
        have = ".".join(map(str, running))
        raise BuildPythonMismatch(
            f"Pyodide {PYODIDE_VERSION} runs Python {want}, but the build runs Python {have} "
            f"({sys.executable}). Bytecode compiled by {have} cannot be loaded by Pyodide: "
            f"run the build with a Python {want} interpreter (e.g. the project's .venv)."
        )
