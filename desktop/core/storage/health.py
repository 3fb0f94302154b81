"""Whether a library file may be opened for writing, decided without writing a byte.

Opening the library sets the journal mode, which rewrites the file header; a library from a
newer Dossier, or a damaged one, must not be touched at all (the newer program, or a recovery
tool, may still need it as it is). So before the writing connection exists, the header is read
as bytes and a read-only connection checks the schema version and the pages, within a time
budget so a large library still opens at once.

The page check is what costs (its whole budget on a library of some size, on every command a
newsroom script runs in a loop), so a file that passed it is stamped (``library.sqlite3-checked``
beside it: the inode, size and modification time of the file and its write-ahead log) and is
not scanned again while it is unchanged. Reading commands change neither file.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryTooNew, damaged, database_error

MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
CHECK_BUDGET_S = 0.02
_CHECK_STEP = 100  # pages or cells checked (instructions elsewhere) between looks at the clock


def check_library_file(path: Path, latest: int, budget_s: float = CHECK_BUDGET_S) -> None:
    """Raise ``LibraryTooNew`` or ``LibraryDamaged`` for a file that must not be opened for
    writing; a missing or empty file (a new library) passes."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise damaged(path, f"cannot be read: {exc.strerror or exc}") from exc
    if not header:
        return
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        raise damaged(path, "not an SQLite database")
    _check_version(path, int.from_bytes(header[60:64], "big"), latest)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error as exc:
        raise database_error(exc, "open the library", path) from exc
    try:
        # The header's version may be older than the write-ahead log's: ask SQLite too.
        _check_version(path, int(conn.execute("PRAGMA user_version").fetchone()[0]), latest)
        stamp = _stamp(path)
        problem = "" if _stamped(path) == stamp else quick_check(conn, budget_s)
    except sqlite3.Error as exc:
        raise database_error(exc, "open the library", path) from exc
    finally:
        conn.close()
    if problem:
        raise damaged(path, problem)
    _write_stamp(path, stamp)


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + "-checked")


def _stamp(path: Path) -> str:
    """What changes whenever the library's content may have: the file and its log's identity,
    size and modification time."""
    parts = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            st = file.stat()
        except FileNotFoundError:
            st = None
        # An empty log holds nothing: each connection may create one anew.
        parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}" if st and st.st_size else "-")
    return " ".join(parts)


def _stamped(path: Path) -> str:
    try:
        return _stamp_path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return ""


def _write_stamp(path: Path, stamp: str) -> None:
    """Remember a passed check; where it cannot be written (a read-only folder), the next open
    simply checks again."""
    if _stamped(path) == stamp:
        return
    with contextlib.suppress(OSError):
        _stamp_path(path).write_text(stamp, encoding="ascii")


def _check_version(path: Path, found: int, latest: int) -> None:
    if found > latest:
        raise LibraryTooNew(
            f"the library {path} was written by a newer Dossier (schema {found}, this version"
            f" knows {latest}); update Dossier to open it — the file was left unchanged"
        )


def quick_check(conn: sqlite3.Connection, budget_s: float) -> str:
    """The first problem ``PRAGMA quick_check`` finds, or "" when none is found before the
    budget runs out (a large library is then checked only in part)."""
    deadline = time.monotonic() + budget_s
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _CHECK_STEP)
    try:
        row = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return ""
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return "" if row is None or row[0] == "ok" else str(row[0])
