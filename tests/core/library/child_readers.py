"""File readers for the reading process's tests: each runs in the child, imported by name.

``read_file`` everywhere, except a file whose name starts with ``crash`` (the child dies as a
parser crashing, or the system killing it, would kill it) or ``hang`` (the child never answers);
``recording`` logs what it reads.
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


def recording(path: Path, problem: str, cancel: threading.Event | None = None) -> Read:
    """``read_file``, after writing the file's name on a line of ``read.log`` beside it: the
    test sees which files the child has read, and in which order."""
    with (path.parent / "read.log").open("a", encoding="utf-8") as log:
        log.write(path.name + "\n")
    return read_file(path, problem, cancel)
