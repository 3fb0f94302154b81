"""The ``change_counts`` migration from every earlier schema: counts start at nought, existing
articles stay, and the writes after the upgrade are counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.changes import KINDS, change_counts
from desktop.core.storage.db import connect, migrate, migrations

COUNTS = next(m.version for m in migrations() if m.name.endswith("_change_counts.sql"))
INSERT = (
    "INSERT INTO articles (title, added, text, content_hash, words)"
    " VALUES ('Old', '2020-01-01', 'Stored before the upgrade', 'h1', 4)"
)


@pytest.mark.parametrize("start", range(1, COUNTS))
def test_upgrade_counts_only_what_comes_after(tmp_path: Path, start: int) -> None:
    conn = connect(tmp_path / "library.sqlite3", migrate_schema=False)
    migrate(conn, target=start)
    conn.execute(INSERT)
    migrate(conn)
    assert change_counts(conn) == dict.fromkeys(KINDS, 0)
    assert conn.execute("SELECT title FROM articles").fetchone()[0] == "Old"
    conn.execute("UPDATE articles SET title = 'Edited'")
    conn.execute("UPDATE articles SET read = 1")
    assert change_counts(conn) == {**dict.fromkeys(KINDS, 0), "articles": 1, "reads": 1}
