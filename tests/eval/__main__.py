"""`make eval`: run every ``eval_*.py`` module here (or those named on the command line)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.script_runner import run_modules

if __name__ == "__main__":
    raise SystemExit(run_modules(__package__, Path(__file__).parent, "eval_", sys.argv[1:]))
