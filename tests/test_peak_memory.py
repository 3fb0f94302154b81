"""The memory goals' measure: a child started by a large process reports its own peak."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARENT_MIB = 256


def test_a_child_of_a_large_process_reports_its_own_peak() -> None:
    ballast = bytearray(PARENT_MIB * 1024 * 1024)
    ballast[::4096] = b"\1" * len(range(0, len(ballast), 4096))  # resident, not just mapped
    done = subprocess.run(
        [sys.executable, "-c", "from tests.peak_memory import peak_mib; print(peak_mib())"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(done.stdout) < PARENT_MIB / 2, done.stdout
    del ballast
