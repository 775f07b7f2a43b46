"""Cek KPJ: diagnose the JMO / BPJS Ketenagakerjaan error "Data KPJ tidak ditemukan".

Standard library only; runs on CPython 3.11+ and in Pyodide.

>>> from kpj_checker import diagnose
>>> diagnose({"kpj": "1234567890", "today": "2026-11-24"})["causes"][0]["id"]
'wrong-data'
"""

from . import content
from .diagnosis import diagnose
from .inputs import FIELDS, UnknownFieldError

__all__ = ["FIELDS", "UnknownFieldError", "content", "diagnose"]
__version__ = "0.1.0"
