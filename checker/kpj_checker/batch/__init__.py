"""Checking a whole employee list (CSV or ``.xlsx``) with the single checker's rules.

```python
from kpj_checker.batch import check_file, ReadError
result = check_file("karyawan.csv", lang="en")  # {"rows", "columns", "problems", "warnings"}
```
"""

from __future__ import annotations

from .errors import ReadError
from .headers import FIELDS, parse_columns_option
from .reading import MAX_BYTES
from .run import check_file

__all__ = ["FIELDS", "MAX_BYTES", "ReadError", "check_file", "parse_columns_option"]
