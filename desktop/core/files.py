"""Opening a user's file for reading without ever blocking on it; writing one whole or not at all.

A path the user names or a folder walk finds may be a FIFO, a device or a socket (or be swapped
for one after it was listed): opening such a thing for reading can wait for ever or never end.
Files are opened without blocking and checked on the open descriptor, so only a regular file
is ever read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a folder, FIFO, device or socket, not a file to read."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def open_regular(path: Path | str) -> tuple[BinaryIO, int]:
    """The open file and its size; ``NotRegularFile`` (an ``OSError``) for anything else."""
    fd = os.open(path, _FLAGS)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(path)
        return os.fdopen(fd, "rb"), status.st_size
    except BaseException:
        os.close(fd)
        raise


def write_whole(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write the text file ``path`` through ``write`` whole or not at all: a failed export
    never truncates an older one (an ``OSError`` names what failed)."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
