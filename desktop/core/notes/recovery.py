"""Getting the notes back when the library itself will not open.

Listing and restoring backups needs only the backups folder, never the library: that is exactly
when they are wanted. A library that is damaged is moved aside under a name that says so (never
deleted: a recovery tool may still save its articles), a fresh library is started, and the
backup's notes are restored into it; each re-attaches to its article when that is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.library.session import open_library
from desktop.core.notes.backups import RestoreReport, find_backup, read_backup, restore_backup
from desktop.core.paths import Paths
from desktop.core.storage.errors import LibraryDamaged

COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Recovery:
    """A restore, and where the damaged library went if it had to be moved aside."""

    report: RestoreReport
    set_aside: Path | None


def aside_name(path: Path, label: str) -> Path:
    """``<name>.<label>-<UTC time><suffix>`` beside ``path``, a name no file has yet."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    number = 1
    while target.exists():  # a second one in the same second: never overwrite the first
        number += 1
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{number}{path.suffix}")
    return target


def set_aside(database: Path, label: str = "damaged") -> Path:
    """Rename a library (and its journal files) to ``<name>.<label>-<UTC time>``: kept, never
    deleted, and no longer in the way of a fresh or restored one."""
    target = aside_name(database, label)
    os.replace(database, target)
    for suffix in COMPANIONS:
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def restore_notes(paths: Paths, backup: str) -> Recovery:
    """Restore ``backup`` into the library under ``paths``, opening a fresh library in place
    of a damaged one. The backup is read first, so a bad backup name moves nothing."""
    path = find_backup(paths.backups, backup)
    read_backup(path)
    moved = None
    try:
        library = open_library(paths)
    except LibraryDamaged:
        moved = set_aside(paths.database)
        library = open_library(paths)
    with library:
        report = restore_backup(library.conn, paths.backups, path)
    return Recovery(report, moved)
