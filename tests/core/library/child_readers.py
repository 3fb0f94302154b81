"""File readers for the reading process's tests: each runs in the child, imported by name.

``read_file`` everywhere, except a file whose name starts with ``crash`` (the child dies as a
parser crashing, or the system killing it, would kill it) or ``hang`` (the child never answers).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from desktop.core.library.importing import Read, read_file


def crashing(path: Path, problem: str, cancel: threading.Event | None = None) -> Read:
    if path.name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return read_file(path, problem, cancel)


def hanging(path: Path, problem: str, cancel: threading.Event | None = None) -> Read:
    if path.name.startswith("hang"):
        time.sleep(3600)
    return read_file(path, problem, cancel)
