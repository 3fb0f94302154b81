"""The library file is the same whichever SQLite runs it: a machine without the newer engine's
wheel (or an older Dossier) must open, search and upgrade what the other one wrote."""

from __future__ import annotations

import sqlite3 as stdlib_sqlite3
from pathlib import Path

from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.models import Article
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query


def test_the_engine_has_fts5_and_json(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "probe.sqlite3")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    assert conn.execute("SELECT json_array(1, 2)").fetchone()[0] == "[1,2]"


def test_a_library_written_by_the_engine_is_searched_by_pythons_own_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = connect(path)
    ArticleStore(conn).add(
        with_hash(Article(0, "Harbour strike", "Dock workers walked out on Monday.", "", 0))
    )
    conn.close()
    other = stdlib_sqlite3.connect(path)
    rows = other.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fts_query("walking"),)
    ).fetchall()
    assert rows == [(1,)]
    other.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    other.close()


def test_a_library_written_by_pythons_own_sqlite_opens_in_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = connect(path)
    conn.close()
    other = stdlib_sqlite3.connect(path, isolation_level=None)
    other.execute(
        "INSERT INTO articles (title, text, content_hash, words, added)"
        " VALUES ('Flood', 'The river flooded the valley.', 'h1', 5, '2026-01-01')"
    )
    other.close()
    hits = ArticleStore(connect(path)).search("flood")
    assert [h.article.title for h in hits] == ["Flood"]
