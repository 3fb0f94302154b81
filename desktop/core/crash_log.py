"""Details of an unexpected error, written where a user can find them and send them on.

A traceback tells a user nothing and frightens them; it tells a developer everything. So the
command line and the window print one plain line naming a log file, and the file holds the
traceback with what version and platform produced it. One file per crash, in the user's log
folder (``DOSSIER_HOME/logs`` when that is set), else in the temporary folder.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from desktop import __version__
from desktop.core.paths import user_paths

SUMMARY_CHARS = 200


def summary(exc: BaseException) -> str:
    """The error in one short line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"


def write_crash_log(
    exc: BaseException,
    tb: TracebackType | None = None,
    context: str = "",
) -> Path | None:
    """Write the traceback of ``exc`` to a new log file and return its path (None if no
    folder at all could be written: the caller still shows the one-line summary)."""
    stamp = datetime.now(timezone.utc)
    lines = [
        f"Dossier {__version__} internal error at {stamp.isoformat(timespec='seconds')}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        f"While: {context or ' '.join(sys.argv)}",
        "",
        *traceback.format_exception(type(exc), exc, tb or exc.__traceback__),
    ]
    name = f"crash-{stamp.strftime('%Y%m%dT%H%M%S%fZ')}-{os.getpid()}.log"
    for folder in _folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text("\n".join(line.rstrip("\n") for line in lines) + "\n", "utf-8")
        except OSError:
            continue
        return path
    return None


def _folders() -> list[Path]:
    try:
        logs = [user_paths().logs]
    except Exception:  # a broken environment must not stop the report of the first error
        logs = []
    return [*logs, Path(tempfile.gettempdir())]


def internal_error_message(exc: BaseException, log: Path | None) -> str:
    """What the user reads: one line, where the details are."""
    where = f"details written to {log}" if log else "no log could be written"
    return f"internal error: {summary(exc)} ({where})"
