"""``dossier --self-test`` from the source tree: it passes, and a failing step is reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STEPS = (
    "main window drawn",
    "seed article",
    "summary",
    "entities coloured",
    "highlight saved",
    "read in a child process",
)


def run_python(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    # TMPDIR: a failed run keeps its library for inspection; keep it inside pytest's tmp_path.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp)}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    result = run_python("-m", "desktop", "--self-test", tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in STEPS:
        assert step in result.stdout, f"no line for {step!r}:\n{result.stdout}"
    assert result.stdout.rstrip().splitlines()[-1].startswith("self-test: passed")


def test_a_failing_step_exits_non_zero_and_names_the_step(tmp_path: Path) -> None:
    script = (
        "import desktop.selftest as s\n"
        "def broken(self):\n"
        "    s.check(False, 'the seed went missing')\n"
        "s.SelfTest.seed_article = broken\n"
        "raise SystemExit(s.run())\n"
    )
    result = run_python("-c", script, tmp=tmp_path)
    assert result.returncode == 1
    assert "self-test FAILED at 'load the seed article': the seed went missing" in result.stdout
    assert "passed" not in result.stdout
