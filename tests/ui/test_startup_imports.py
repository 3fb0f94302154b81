"""The window is painted before numpy, nltk and sumy are imported (they load afterwards)."""

from __future__ import annotations

import os
import subprocess
import sys

LAUNCH = "import sys{extra}; from desktop.app import main; sys.exit(main(['--exit-after-paint']))"


def heavy_at_first_paint(preload: str = "") -> str:
    """What a fresh launch (``--exit-after-paint``) reports loaded at its first paint."""
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH.format(extra=f", {preload}" if preload else "")],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    assert lines, result.stdout + result.stderr
    return lines[0].split("heavy modules loaded: ", 1)[1]


def test_first_paint_comes_before_the_language_stack() -> None:
    """First launch: the seed is imported and its article opens right after the paint, yet
    none of numpy, nltk and sumy is loaded by then."""
    assert heavy_at_first_paint() == "none"


def test_a_library_loaded_before_the_paint_is_reported() -> None:
    assert heavy_at_first_paint(preload="numpy") == "numpy"
