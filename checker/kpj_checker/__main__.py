"""``python -m kpj_checker``."""

import sys

from .cli import main

sys.exit(main())
