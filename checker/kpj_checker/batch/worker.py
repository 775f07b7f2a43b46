"""What the list page's Web Worker calls: plain dicts in and out, never an exception."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ReadError
from .reading import MAX_BYTES, too_large
from .run import check_file


def check_path(
    path: str,
    lang: str,
    columns: dict[str, str] | None = None,
    progress: Callable[[int, float | None], None] | None = None,
) -> dict[str, Any]:
    """``{"result": ...}`` for a readable list, ``{"error": {"code", "message"}}`` otherwise."""
    try:
        return {"result": check_file(path, lang=lang, columns=columns, progress=progress)}
    except ReadError as error:
        return {"error": error.to_dict(lang)}


def size_error(size: int, lang: str) -> dict[str, Any] | None:
    """The error for a file too large to read (checked before reading it), or None."""
    return {"error": too_large(size).to_dict(lang)} if size > MAX_BYTES else None
