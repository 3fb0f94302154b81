"""What went wrong with the library database, in words a journalist can act on.

SQLite reports a lock held too long, a full disk, a read-only file and a damaged file as
exceptions with terse texts ("database is locked"). Every caller turns them into one of these
types through ``database_error``, whose message names the operation that failed and what to do,
so the command line and the window print one line instead of a traceback. Two families matter
to callers: ``LibraryUnusable`` (the file must not be written at all) and ``LibraryUnwritable``
(this write failed, reading still works, so work that only caches a result can go on).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.storage.engine import sqlite3

FULL_BELOW_BYTES = 1 << 20
"""Free space under which a disk I/O error is taken for a full disk."""
RESTORE_HINT = (
    "restore your notes into a fresh library with `dossier notes restore BACKUP`"
    " (`dossier notes backups` lists them); the damaged file is kept"
)


class DatabaseError(RuntimeError):
    """The library database cannot be used (locked, corrupt, newer than this program)."""


class LibraryUnusable(DatabaseError):
    """The library file cannot be opened safely; nothing may be written to it."""


class LibraryTooNew(LibraryUnusable):
    """The library was written by a newer Dossier."""


class LibraryDamaged(LibraryUnusable):
    """The file is not an SQLite database, or its pages are damaged."""


class LibraryUnwritable(DatabaseError):
    """A write failed because of the environment; what was committed before is intact."""


class LibraryLocked(LibraryUnwritable):
    """Another program held the write lock longer than the busy timeout."""


class DiskFull(LibraryUnwritable):
    """The disk (or the database's page limit) is full."""


class LibraryReadOnly(LibraryUnwritable):
    """The database file or its folder cannot be written."""


def damaged(path: Path | str, reason: str, action: str = "open the library") -> LibraryDamaged:
    """The one wording of a damaged library, with what to do about it, on one line (an
    integrity check reports over several)."""
    reason = " ".join(reason.replace("*** in database main ***", "").split())
    return LibraryDamaged(
        f"cannot {action}: the library {path} is damaged ({reason}); {restore_hint(path)}"
    )


def restore_hint(path: Path | str) -> str:
    """The way back: the exact command restoring the newest whole-library backup beside the
    library ``path`` (one whose manifest this Dossier can read), else the notes backups."""
    database = Path(path)
    if database.is_file():
        import shlex

        from desktop.core.backup.library_backup import newest_good_backup

        newest = newest_good_backup(database.parent / "backups")
        if newest is not None:
            return (
                f"restore the newest backup ({newest.created:%Y-%m-%d %H:%M} UTC) with"
                f" `dossier restore {shlex.quote(str(newest.path))} --yes`; the damaged file"
                " is kept"
            )
    return RESTORE_HINT


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def database_error(
    exc: sqlite3.Error, action: str, path: Path | str | None = None
) -> DatabaseError:
    """``exc`` as a typed error whose message reads "cannot ACTION: why; what to do"."""
    code, text = _primary_code(exc), str(exc)
    where = f" {path}" if path else ""
    if code == sqlite3.SQLITE_BUSY or "database is locked" in text:
        return LibraryLocked(
            f"cannot {action}: the library is locked by another program (a Dossier window,"
            " import or command still writing); wait for it to finish or close it, then try again"
        )
    if code == sqlite3.SQLITE_FULL or "is full" in text or _io_error_on_full_disk(code, text, path):
        return DiskFull(f"cannot {action}: the disk is full; free some space and try again")
    if code == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return LibraryReadOnly(
            f"cannot {action}: the library{where} is read-only; make it and its folder"
            " writable (or set DOSSIER_HOME to a writable folder)"
        )
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open database" in text:
        return LibraryReadOnly(
            f"cannot {action}: the library{where} cannot be opened; check that it and its"
            " folder exist and are readable and writable (or set DOSSIER_HOME elsewhere)"
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
        return damaged(path or "database", text, action)
    return DatabaseError(f"cannot {action}: {text}")


def _io_error_on_full_disk(code: int | None, text: str, path: Path | str | None) -> bool:
    """SQLite says only "disk I/O error" when it cannot even create its journal files on a
    full disk (a library opened while no Dossier runs): ask the file system."""
    io_error = code == sqlite3.SQLITE_IOERR or "disk I/O error" in text
    if not io_error or path is None or not hasattr(os, "statvfs"):
        return False
    folder = Path(path).parent
    try:
        space = os.statvfs(folder)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < FULL_BELOW_BYTES


@contextmanager
def failing_as(action: str, path: Path | str | None = None) -> Iterator[None]:
    """Inside, any SQLite error leaves as a typed ``DatabaseError`` naming ``action``."""
    try:
        yield
    except sqlite3.Error as exc:
        raise database_error(exc, action, path) from exc
