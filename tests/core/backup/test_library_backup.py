"""Whole-library backups in the core: taken online, restored over an open library, from an
older schema, and rotated by day and week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.backup.archive import BadBackup
from desktop.core.backup.files import list_library_backups
from desktop.core.backup.library_backup import (
    backup_if_due,
    backup_library,
    latest_schema,
    restore_library,
)
from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.notes.backup_rotation import expendable_by_calendar
from desktop.core.paths import Paths, user_paths
from desktop.core.storage.db import connect, migrate, schema_version


def _add(paths: Paths, title: str) -> int:
    with open_library(paths, seed=False) as library:
        article = with_hash(Article(0, title, f"{title}: the council met on Monday.", "", 0))
        return library.store.add(article).id


def test_a_backup_is_one_consistent_snapshot_while_a_write_is_in_flight(tmp_path: Path) -> None:
    paths = user_paths()
    _add(paths, "Committed")
    writer = connect(paths.database)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('Uncommitted', '2026-01-01', 'text', 'h', 1)"
    )
    result = backup_library(paths, tmp_path / "online.dossier.zip")  # the lock is held
    writer.execute("COMMIT")
    writer.close()
    assert result.manifest.counts["articles"] == 1


def test_restore_over_an_open_library_shows_the_backup_to_its_connections() -> None:
    paths = user_paths()
    _add(paths, "In the backup")
    backup = backup_library(paths).path
    _add(paths, "Added after the backup")
    with open_library(paths, seed=False) as window:  # a window that stays open meanwhile
        result = restore_library(paths, backup)
        titles = [r[0] for r in window.conn.execute("SELECT title FROM articles")]
        assert titles == ["In the backup"]
        window.conn.execute("UPDATE articles SET title = 'Edited after the restore'")
    assert result.kept is not None and result.kept.parent == paths.data
    with open_library(paths, seed=False) as library:
        assert [a.title for a in library.store.list()] == ["Edited after the restore"]
    kept = connect(result.kept)
    assert sorted(r[0] for r in kept.execute("SELECT title FROM articles")) == [
        "Added after the backup",
        "In the backup",
    ]


def test_a_backup_from_an_older_schema_is_upgraded_on_restore(tmp_path: Path) -> None:
    old = Paths(tmp_path / "old" / "data", tmp_path / "old" / "c", tmp_path / "x", tmp_path / "l")
    old.data.mkdir(parents=True)
    conn = connect(old.database, migrate_schema=False)
    migrate(conn, target=latest_schema() - 1)
    conn.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('Old', '2020-01-01', 'Kept through the upgrade', 'h1', 4)"
    )
    conn.close()
    backup = backup_library(old).path
    assert backup.parent == old.backups

    result = restore_library(user_paths(), backup)
    assert result.manifest.schema_version == latest_schema() - 1 and result.kept is None
    with open_library(seed=False) as library:
        assert schema_version(library.conn) == latest_schema()
        assert [a.title for a in library.store.list()] == ["Old"]


def test_no_library_yet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BadBackup, match="there is no library to back up yet"):
        backup_library(user_paths(), tmp_path / "x.dossier.zip")
    assert not (tmp_path / "x.dossier.zip").exists()


def test_the_scheduled_backup_is_taken_once_a_day() -> None:
    paths = user_paths()
    _add(paths, "Daily")
    first = backup_if_due(paths)
    assert first is not None and first.path.name.endswith("-daily.dossier.zip")
    assert backup_if_due(paths) is None
    assert [b.path for b in list_library_backups(paths.backups)] == [first.path]


@dataclass(frozen=True)
class Fake:
    path: Path
    kind: str
    created: datetime


def test_rotation_keeps_the_newest_of_each_recent_day_and_week() -> None:
    now = datetime(2026, 12, 4, 12, tzinfo=timezone.utc)  # a Friday
    backups = [
        Fake(Path(f"{hours}"), "daily", now - timedelta(hours=hours))
        for hours in range(0, 24 * 60, 12)  # two a day for 60 days, newest first
    ]
    doomed = {b.path for b in expendable_by_calendar(backups, days=7, weeks=4)}
    kept = [b for b in backups if b.path not in doomed]
    days = [b.created.date() for b in kept]
    assert days[:7] == [(now - timedelta(days=d)).date() for d in range(7)]
    assert all(b.created.hour == 12 for b in kept)  # the newest of its day
    weeks = {b.created.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4 and len(kept) == 7 + 2  # this week and last are inside the 7 days


def test_a_folder_as_destination_gets_the_timestamped_name(tmp_path: Path) -> None:
    paths = user_paths()
    _add(paths, "Into a folder")
    result = backup_library(paths, tmp_path)
    assert result.path.parent == tmp_path and result.path.name.endswith("-manual.dossier.zip")


def test_a_backup_that_does_not_read_back_is_removed(tmp_path: Path, monkeypatch) -> None:
    from desktop.core.backup import archive

    paths = user_paths()
    _add(paths, "Unlucky")
    # The snapshot is counted by its own reference; the read-back finds other counts.
    monkeypatch.setattr(archive, "table_counts", lambda conn: {"articles": -1})
    with pytest.raises(BadBackup, match="did not read back as written, so it was removed"):
        backup_library(paths, tmp_path / "out" / "bad.dossier.zip")
    assert list((tmp_path / "out").iterdir()) == []
