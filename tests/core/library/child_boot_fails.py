"""A file reader that cannot be loaded in a reading process started while ``BOOT_FAILS`` is
set: that child stops before it is ready, as the child of a program that starts an import
without ``if __name__ == "__main__":`` does (``spawn`` stops it when it would start a child
of its own). The test's process imported this module before setting it."""

from __future__ import annotations

import os

BOOT_FAILS = "DOSSIER_TEST_CHILD_BOOT_FAILS"

if os.environ.get(BOOT_FAILS):
    raise SystemExit(1)

import threading  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop.core.library.importing import Read, read_file  # noqa: E402


def read(path: Path, problem: str, cancel: threading.Event | None = None) -> Read:
    return read_file(path, problem, cancel)
