"""Temporary folders for test and bench runs that leave nothing behind in /tmp."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def scratch_dir(prefix: str) -> Path:
    """A temporary folder removed when the process ends: a bench library can weigh 200 MB."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path
