"""Noticing that the library file is damaged while the window runs, wherever it shows.

The check at start-up reads the file only within a time budget, and a disk can fail later, so
any task may be the first to meet a "malformed" error. Each is turned into the one plain
message (``storage.errors.damaged``: what happened, which command restores the notes) and
signalled once to the main window, which says so and refuses further imports instead of
showing an empty library and writing new articles into a damaged file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.paths import user_paths
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryDamaged, database_error

_notice: DamageNotice | None = None


class DamageNotice(QObject):
    """Carries the damage message to the GUI thread (create it there first)."""

    damaged = Signal(str)


def damage_notice() -> DamageNotice:
    global _notice
    if _notice is None:
        _notice = DamageNotice()
    return _notice


def damage_message(exc: BaseException) -> str | None:
    """The plain message if ``exc`` says the library file is damaged, else None."""
    if isinstance(exc, LibraryDamaged):
        return str(exc)
    if isinstance(exc, sqlite3.DatabaseError):
        error = database_error(exc, "read the library", user_paths().database)
        return str(error) if isinstance(error, LibraryDamaged) else None
    cause = exc.__cause__
    return damage_message(cause) if cause is not None else None


def report_damage(exc: BaseException) -> bool:
    """Signal the damage ``exc`` reveals, if any (safe from any thread)."""
    message = damage_message(exc)
    if message is not None and _notice is not None:
        _notice.damaged.emit(message)
    return message is not None
