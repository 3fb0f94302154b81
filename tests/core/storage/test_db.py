from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.storage.db import (
    DatabaseError,
    connect,
    migrate,
    migrations,
    schema_version,
    transaction,
)
from desktop.core.storage.engine import sqlite3

LATEST = migrations()[-1].version


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrations_are_numbered_without_gaps() -> None:
    assert [m.version for m in migrations()] == list(range(1, LATEST + 1))


def test_new_database_is_at_latest_version_in_wal_mode(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    assert schema_version(conn) == LATEST
    assert {"articles", "articles_fts", "meta"} <= _tables(conn)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("start", range(LATEST))
def test_upgrade_from_every_earlier_version_keeps_articles(tmp_path: Path, start: int) -> None:
    conn = connect(tmp_path / "library.sqlite3", migrate_schema=False)
    assert migrate(conn, target=start) == start
    assert schema_version(conn) == start
    if start >= 1:
        conn.execute(
            "INSERT INTO articles (title, added, text, content_hash, words)"
            " VALUES ('Old title', '2020-01-01', 'Kept through upgrades', 'h1', 3)"
        )
    assert migrate(conn) == LATEST
    assert schema_version(conn) == LATEST
    conn.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('New title', '2021-01-01', 'Added after the upgrade', 'h2', 4)"
    )
    found = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'upgrades OR upgrade'"
    ).fetchone()[0]
    assert found == (2 if start >= 1 else 1)


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    connect(path).close()
    conn = connect(path)
    assert schema_version(conn) == LATEST


def test_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="newer Dossier"):
        connect(path)


def test_not_a_database_is_a_database_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match="cannot open"):
        connect(path)


def test_failed_transaction_leaves_nothing_half_written(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        conn.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
        raise RuntimeError("fails midway")
    assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
    assert not conn.in_transaction


def test_nested_transaction_joins_the_outer_one(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        with transaction(conn):
            conn.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'duplicate key')")
    assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0


def test_upgrade_marks_every_article_for_language_detection(tmp_path: Path) -> None:
    language = next(m.version for m in migrations() if m.name.endswith("_article_language.sql"))
    conn = connect(tmp_path / "library.sqlite3", migrate_schema=False)
    migrate(conn, target=language - 1)
    conn.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('Alt', '2020-01-01', 'Die Regierung hat entschieden', 'h1', 4)"
    )
    assert conn.execute("SELECT language FROM articles").fetchone()[0] == "en"
    migrate(conn, target=language)
    assert conn.execute("SELECT language FROM articles").fetchone()[0] == ""


def test_a_migration_another_connection_applied_meanwhile_is_not_run_again(
    tmp_path, monkeypatch
) -> None:
    """A new library opened by two connections at once (the window's worker threads on first
    launch): the one that read the old version before the other migrated must not apply the
    steps again ("table … already exists")."""
    from desktop.core.storage import db

    path = tmp_path / "library.sqlite3"
    connect(path).close()  # the other connection, which got the write lock first
    late = sqlite3.connect(str(path), isolation_level=None)
    stale = [0]  # what this connection read before the other one migrated
    monkeypatch.setattr(
        db, "schema_version", lambda conn: stale.pop() if stale else schema_version(conn)
    )
    assert migrate(late) == LATEST
    assert schema_version(late) == LATEST
