"""Backing up the whole library to one file, and restoring it — on this machine or a new one.

A backup is taken with SQLite's online backup API from one consistent snapshot (a window or an
import may go on writing meanwhile), packed with the settings files (``archive``), then read
back and checked before it is reported. A restore checks the file completely before anything
changes, keeps the current library beside the new one (never deleted), installs the backup and
upgrades its schema when it came from an older Dossier. It needs no article source files.

The current library is *copied* aside and the backup written into it through the backup API,
rather than renamed: a window or command that has the library open keeps a valid connection
and sees the restored content instead of writing on into a moved file. Only a damaged library
(which cannot be copied reliably) or one from a newer Dossier is renamed aside.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop import __version__
from desktop.core.allocator import release_free_memory
from desktop.core.backup.archive import (
    BadBackup,
    Manifest,
    copy_file,
    extract_database,
    read_manifest,
    read_settings,
    sync_folder,
    table_counts,
    write_archive,
)
from desktop.core.backup.files import LibraryBackup, backup_name, list_library_backups
from desktop.core.notes import backup_rotation
from desktop.core.notes.recovery import COMPANIONS, aside_name, set_aside
from desktop.core.paths import Paths
from desktop.core.storage.db import connect, migrations
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryDamaged, LibraryUnusable, failing_as

KEEP_DAYS = 7
KEEP_WEEKS = 4


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    kept: Path | None  # where the previous library went (None: there was none)
    settings_kept: list[Path]


def latest_schema() -> int:
    return migrations()[-1].version


def backup_library(paths: Paths, dest: Path | None = None, kind: str = "manual") -> BackupResult:
    """Write the library under ``paths`` and its settings into one file (default: a
    timestamped name in the backups folder; the same name inside ``dest`` when that is a
    folder), verified by reading it back. One that does not read back is removed."""
    if not paths.database.is_file():
        raise BadBackup(f"{paths.database}: there is no library to back up yet")
    created = datetime.now(timezone.utc)
    if dest is None or dest.is_dir():
        dest = (dest or paths.backups) / backup_name(created, kind)
    dest.parent.mkdir(parents=True, exist_ok=True)
    snapshot = dest.with_name(f".{dest.name}.snapshot.partial")
    try:
        schema, counts = _snapshot(paths.database, snapshot)
        draft = Manifest(__version__, schema, created.isoformat(), counts, "", 0)
        manifest = write_archive(dest, snapshot, settings_files(paths), draft)
    finally:
        snapshot.unlink(missing_ok=True)
    try:
        verify_backup(dest)
    except BadBackup as exc:
        dest.unlink(missing_ok=True)
        message = f"the backup did not read back as written, so it was removed: {exc}"
        raise BadBackup(message) from exc
    if kind == "daily":
        prune_daily_backups(paths.backups)
    return BackupResult(dest, manifest, dest.stat().st_size)


def _snapshot(database: Path, target: Path) -> tuple[int, dict[str, int]]:
    """Copy the live library into ``target`` in one step (so in one read transaction) and
    return its schema version and row counts."""
    source = connect(database, migrate_schema=False)  # a backup never changes the library
    # Every page passes through once: a working connection's 32 MiB cache and memory map would
    # only keep the whole library in the process (the window's, for a daily backup).
    source.execute("PRAGMA cache_size = -2048")
    source.execute("PRAGMA mmap_size = 0")
    try:
        target.unlink(missing_ok=True)
        copy = sqlite3.connect(target)
        try:
            with failing_as("back up the library", database):
                source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            schema = int(copy.execute("PRAGMA user_version").fetchone()[0])
            return schema, table_counts(copy)
        finally:
            copy.close()
    finally:
        source.close()


def settings_files(paths: Paths) -> list[Path]:
    """The files of the settings folder (the window's ``settings.ini`` and any other)."""
    if not paths.config.is_dir():
        return []
    return sorted(
        p for p in paths.config.iterdir() if p.is_file() and ".before-restore-" not in p.name
    )


def verify_backup(path: Path) -> Manifest:
    """Every check a restore makes, without restoring: ``BadBackup`` when one fails."""
    scratch = path.with_name(f".{path.name}.verify.partial")
    try:
        return extract_database(path, scratch, latest_schema())
    finally:
        scratch.unlink(missing_ok=True)


def describe(path: Path) -> Manifest:
    """A backup's manifest (cheap; the database inside is checked only by a restore)."""
    return read_manifest(path, latest_schema())


def newest_good_backup(folder: Path) -> LibraryBackup | None:
    """The newest backup in ``folder`` whose manifest this Dossier can restore."""
    for backup in list_library_backups(folder):
        try:
            describe(backup.path)
        except BadBackup:
            continue
        return backup
    return None


def backup_if_due(paths: Paths) -> BackupResult | None:
    """The scheduled backup: at most one a day (UTC), then the old ones rotated out; the
    memory it took (copying, compressing, verifying) is given back to the system, as it runs
    inside the window."""
    today = datetime.now(timezone.utc).date()
    if any(
        b.kind == "daily" and b.created.date() == today for b in list_library_backups(paths.backups)
    ):
        return None
    try:
        return backup_library(paths, kind="daily")
    finally:
        release_free_memory()


def prune_daily_backups(folder: Path) -> None:
    """Keep the newest daily backup of each of the last ``KEEP_DAYS`` days and of each of the
    last ``KEEP_WEEKS`` weeks; manual backups are the user's and stay."""
    daily = [b for b in list_library_backups(folder) if b.kind == "daily"]
    for backup in backup_rotation.expendable_by_calendar(daily, KEEP_DAYS, KEEP_WEEKS):
        backup.path.unlink(missing_ok=True)
    backup_rotation.remove_stale_partials(folder)


def library_content(paths: Paths) -> dict[str, int] | None:
    """Row counts of the current library; None when there is none. A library that cannot be
    read raises its ``DatabaseError``."""
    if not paths.database.is_file() or paths.database.stat().st_size == 0:
        return None
    conn = connect(paths.database, migrate_schema=False)
    try:
        with failing_as("read the library", paths.database):
            counts = table_counts(conn)
            seeds = conn.execute(
                "SELECT count(*) FROM articles WHERE origin LIKE 'seeds/%'"
            ).fetchone()[0]
    finally:
        conn.close()
    counts["articles"] = counts.get("articles", 0) - int(seeds)  # the samples are no content
    return counts


def restore_library(paths: Paths, src: Path) -> RestoreResult:
    """Replace the library and settings under ``paths`` with those of the backup ``src``.

    The backup is unpacked and checked first, so a bad file changes nothing. The current
    library is kept as ``library.before-restore-<time>.sqlite3`` (a damaged one as
    ``library.damaged-<time>.sqlite3``) and each replaced settings file beside itself.
    """
    paths.ensure()
    backup_rotation.remove_stale_partials(paths.data)  # left by a restore cut off by a crash
    staging = paths.data / f".restore-{os.getpid()}.sqlite3.partial"
    try:
        manifest = extract_database(src, staging, latest_schema())
        settings = read_settings(src)
        kept = _install(paths.database, staging)
    finally:
        staging.unlink(missing_ok=True)
    conn = connect(paths.database)  # upgrades a backup from an older Dossier
    conn.close()
    return RestoreResult(manifest, kept, _install_settings(paths, settings))


def _install(database: Path, staging: Path) -> Path | None:
    """Put the checked database at ``database``; returns where the previous one was kept."""
    if not database.is_file():
        for companion in COMPANIONS:  # strays of a library deleted by hand
            database.with_name(database.name + companion).unlink(missing_ok=True)
        return _move_into_place(staging, database, None)
    try:
        live = connect(database, migrate_schema=False)
    except LibraryUnusable as exc:  # damaged, or from a newer Dossier: never written to
        label = "damaged" if isinstance(exc, LibraryDamaged) else "before-restore"
        return _move_into_place(staging, database, set_aside(database, label))
    try:
        kept = aside_name(database, "before-restore")
        try:
            _copy_database(live, kept)
        except LibraryDamaged:  # damage the quick look at opening did not reach
            live.close()
            return _move_into_place(staging, database, set_aside(database, "damaged"))
        source = sqlite3.connect(f"{staging.resolve().as_uri()}?mode=ro", uri=True)
        try:
            with failing_as("restore the library", database):
                source.backup(live)
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            source.close()
    finally:
        live.close()
    return kept


def _copy_database(live: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of ``live`` at ``target``, complete before it has that name."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with failing_as("keep the current library", target):
            copy = sqlite3.connect(partial)
            try:
                live.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _move_into_place(staging: Path, database: Path, kept: Path | None) -> Path | None:
    staging.replace(database)
    sync_folder(database.parent)
    return kept


def _install_settings(paths: Paths, settings: dict[str, bytes]) -> list[Path]:
    kept = []
    for name, data in settings.items():
        target = paths.config / name
        if target.is_file():
            if target.read_bytes() == data:
                continue
            aside = aside_name(target, "before-restore")
            copy_file(target, aside)
            kept.append(aside)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(data)
        partial.replace(target)
    return kept
