"""A library that cannot be opened safely is refused before a byte of it changes, and every
environment failure (locked, full, read-only, damaged) becomes a typed, worded error."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.storage import db
from desktop.core.storage.db import connect, migrations, transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import (
    DiskFull,
    LibraryDamaged,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    database_error,
    failing_as,
)
from desktop.core.storage.health import quick_check

LATEST = migrations()[-1].version


def _library(path: Path, rows: int = 300) -> Path:
    """A closed library (write-ahead log checkpointed into the file) with some pages."""
    conn = connect(path)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [(f"k{i}", "x" * 200) for i in range(rows)],
        )
    conn.close()
    return path


def damage(path: Path, first: int = 2, count: int | None = None) -> None:
    """Overwrite ``count`` pages (default: all) from page ``first`` (0-based) with garbage, as
    a failing disk might."""
    page = int.from_bytes(path.read_bytes()[16:18], "big")
    pages = path.stat().st_size // page - first if count is None else count
    with path.open("r+b") as handle:
        handle.seek(first * page)
        handle.write(b"\xa5" * (pages * page))


def test_newer_schema_is_refused_without_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    plain = sqlite3.connect(path)  # rollback journal, as an older file or another tool leaves it
    plain.execute("CREATE TABLE t (x)")
    plain.execute(f"PRAGMA user_version = {LATEST + 1}")
    plain.close()
    before = path.read_bytes()
    with pytest.raises(LibraryTooNew, match=r"newer Dossier.*left unchanged"):
        connect(path)
    assert path.read_bytes() == before  # the journal mode was not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"%PDF-1.7 not a library" * 300)
    with pytest.raises(LibraryDamaged, match=r"not an SQLite database.*notes restore"):
        connect(path)
    assert path.read_bytes() == b"%PDF-1.7 not a library" * 300


def test_damaged_pages_are_found_at_open_and_the_file_is_left_alone(tmp_path: Path) -> None:
    path = _library(tmp_path / "library.sqlite3")
    damage(path)
    before = path.read_bytes()
    with pytest.raises(LibraryDamaged, match="is damaged") as caught:
        connect(path)
    assert "dossier notes restore" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_an_empty_file_is_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.touch()
    assert db.schema_version(connect(path)) == LATEST


def test_quick_check_stops_at_its_budget(tmp_path: Path) -> None:
    # The pages of an empty library hold the schema; those after them, the rows added.
    schema_pages = _library(tmp_path / "empty.sqlite3", rows=0).stat().st_size // 4096
    path = _library(tmp_path / "library.sqlite3", rows=20_000)
    assert int.from_bytes(path.read_bytes()[16:18], "big") == 4096
    # One of the first leaves of the big table: SQLite checks a tree from its last page back,
    # so this page is reached only after hundreds of others.
    damage(path, first=schema_pages + 3, count=1)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert quick_check(conn, 10.0) != ""
    assert quick_check(conn, 0.0) == ""  # out of time: not checked, not condemned


def test_an_unchanged_library_is_scanned_once_and_a_changed_one_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.storage import health

    path = _library(tmp_path / "library.sqlite3")
    scans: list[Path] = []
    real = health.quick_check
    monkeypatch.setattr(
        health, "quick_check", lambda conn, budget: scans.append(1) or real(conn, budget)
    )
    for _ in range(3):
        connect(path).close()  # reading commands: open, read, close
    assert len(scans) == 1
    damage(path, first=3, count=1)  # the file changed: its stamp no longer matches
    with pytest.raises(LibraryDamaged):
        connect(path)
    assert len(scans) == 2
    with pytest.raises(LibraryDamaged):
        connect(path)  # a failed check is never remembered as passed
    assert len(scans) == 3


def test_a_stamp_that_cannot_be_written_only_means_checking_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _library(tmp_path / "library.sqlite3")
    monkeypatch.setattr(Path, "write_text", lambda *a, **k: (_ for _ in ()).throw(PermissionError))
    connect(path).close()
    assert not (tmp_path / "library.sqlite3-checked").exists()


def test_a_lock_held_past_the_busy_timeout_is_library_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _library(tmp_path / "library.sqlite3", rows=1)
    holder = connect(path)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    conn = connect(path)
    expected = "cannot save the note: the library is locked"
    with (
        pytest.raises(LibraryLocked, match=expected),
        failing_as("save the note"),
        transaction(conn),
    ):
        conn.execute("INSERT INTO meta VALUES ('a', 'b')")
    holder.execute("ROLLBACK")


def test_a_full_disk_is_disk_full(tmp_path: Path) -> None:
    conn = connect(_library(tmp_path / "library.sqlite3", rows=1))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    expected = "cannot cache the summary: the disk is full"
    with (
        pytest.raises(DiskFull, match=expected),
        failing_as("cache the summary"),
        transaction(conn),
    ):
        conn.execute("INSERT INTO meta VALUES ('big', ?)", ("x" * 1_000_000,))


def test_a_read_only_library_is_library_read_only(tmp_path: Path) -> None:
    path = _library(tmp_path / "library.sqlite3", rows=1)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("INSERT INTO meta VALUES ('a', 'b')")
    except sqlite3.Error as exc:
        error = database_error(exc, "star the article", path)
    assert isinstance(error, LibraryReadOnly)
    assert str(error).startswith(f"cannot star the article: the library {path} is read-only")


def test_a_failed_commit_leaves_no_transaction_open(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE child (parent REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO child VALUES (42)")  # refused only at COMMIT
    assert not conn.in_transaction
    with transaction(conn):  # the next write is committed on its own
        conn.execute("INSERT INTO meta VALUES ('after', 'ok')")
    other = connect(tmp_path / "library.sqlite3")
    assert other.execute("SELECT value FROM meta WHERE key = 'after'").fetchone()[0] == "ok"
    assert other.execute("SELECT count(*) FROM child").fetchone()[0] == 0


def test_a_disk_io_error_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a library on a full disk fails in SQLite as "disk I/O error" (no room for its
    journal files); the file system tells whether that is a full disk."""
    import os
    from types import SimpleNamespace

    error = sqlite3.OperationalError("disk I/O error")
    path = tmp_path / "library.sqlite3"
    assert not isinstance(database_error(error, "open the library", path), DiskFull)
    monkeypatch.setattr(os, "statvfs", lambda _: SimpleNamespace(f_bavail=0, f_frsize=4096))
    full = database_error(error, "open the library", path)
    assert isinstance(full, DiskFull) and "disk is full" in str(full)
