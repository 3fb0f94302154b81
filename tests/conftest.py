"""Every test runs headless, offline and in a library of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.scratch import scratch_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `make test` draws the same examples every run, so a pass or a failure is the code's, not the
# draw's; `make fuzz` explores new ones each time (HYPOTHESIS_PROFILE=explore).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
# An empty NLTK data folder proves nothing needs downloaded NLTK data.
os.environ["NLTK_DATA"] = str(scratch_dir("dossier-empty-nltk-"))

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(autouse=True)
def dossier_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh DOSSIER_HOME for every test."""
    home = tmp_path / "dossier-home"
    monkeypatch.setenv("DOSSIER_HOME", str(home))
    return home
