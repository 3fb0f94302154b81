"""The core must stay usable without Qt: importing all of it never loads PySide6."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import desktop.core
names = [m.name for m in pkgutil.walk_packages(desktop.core.__path__, "desktop.core.")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names))
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    count, qt = done.stdout.split("\n")[:2]
    assert int(count) >= 10
    assert qt == ""
