"""Why a file could not be read at all (as opposed to problems in its rows)."""

from __future__ import annotations

from typing import Any

from .. import content


class ReadError(Exception):
    """The file cannot be checked; ``code`` names why (message key ``batch.error.<code>``)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str) -> str:
        """One line in ``lang`` saying what is wrong and what to do."""
        return content.message(f"batch.error.{self.code}", lang, **self.params)

    def to_dict(self, lang: str) -> dict[str, str]:
        return {"code": self.code, "message": self.message(lang)}
