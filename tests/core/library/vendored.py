"""The third-party sample files in ``tests/data`` (see its PROVENANCE.md), copied where a test
imports them, under their own name or another."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parents[2] / "data"


def vendored(folder: str, tmp_path: Path, name: str, saved_as: str = "") -> Path:
    return Path(shutil.copy(DATA / folder / name, tmp_path / (saved_as or name)))
