"""The language libraries imported in the background after the window opens: a program that
quits at once waits for the import instead of ending the interpreter under it (a thread
stopped inside a library's native code can abort the whole process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_program_ending_during_the_warm_up_lets_it_finish(tmp_path: Path) -> None:
    marker = tmp_path / "imported"
    (tmp_path / "slow_library.py").write_text(
        f"import time\ntime.sleep(0.5)\nopen({str(marker)!r}, 'w').close()\n"
    )
    script = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n"
        "from desktop.app import warm_up_in_background\n"
        "warm_up_in_background(('slow_library',))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert marker.exists()
