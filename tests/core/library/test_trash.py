"""The trash keeps the search index whole, hides trashed articles everywhere and keeps their
notes in backups; edits and stories ride along."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.editing import edit_metadata
from desktop.core.library.entity_index import index_pending
from desktop.core.library.session import Library
from desktop.core.library.stories import attach, stories
from desktop.core.library.trash import empty_trash, restore, trash, trash_contents
from desktop.core.models import Article
from desktop.core.notes.backups import create_backup, restore_backup
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import migrate, schema_version
from desktop.core.storage.engine import sqlite3

TEXT = "Minister Anna Berg opened the new harbour bridge in Oslo on Monday morning."


def _article(text: str, title: str = "Bridge") -> Article:
    return Article(id=0, title=title, text=text, content_hash="", words=0)


def _index_is_whole(conn: sqlite3.Connection) -> None:
    # The index itself: the articles table also holds trashed rows the index leaves out.
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_trash_edit_restore_and_empty_keep_the_search_index_whole(empty_library: Library):
    store, conn = empty_library.store, empty_library.conn
    kept = store.add(_article("Another story entirely about the bridge toll.")).id
    gone = store.add(_article(TEXT)).id
    assert trash(conn, [gone, gone, 999]) == [gone]
    _index_is_whole(conn)
    assert [h.article.id for h in store.search("bridge")] == [kept]
    assert store.count() == 1 and [a.id for a in store.list()] == [kept]
    assert store.get(gone) is None and store.get(gone, trashed=True).trashed
    assert restore(conn, [gone]) == [gone]
    edit_metadata(conn, gone, {"title": "Harbour bridge opens"})
    _index_is_whole(conn)
    assert [h.article.id for h in store.search("harbour")] == [gone]
    trash(conn, [gone])
    assert empty_trash(conn) == (1, 0)
    _index_is_whole(conn)
    assert store.get(gone, trashed=True) is None


def test_trashed_articles_leave_the_entity_index_and_the_story_counts(empty_library: Library):
    conn = empty_library.conn
    article_id = empty_library.store.add(_article(TEXT)).id
    attach(conn, "Bridges", [article_id])
    while index_pending(conn):
        pass
    assert conn.execute("SELECT count(*) FROM entity_mentions").fetchone()[0] > 0
    trash(conn, [article_id])
    assert conn.execute("SELECT count(*) FROM entity_mentions").fetchone()[0] == 0
    assert index_pending(conn) == 0  # not indexed again while in the trash
    assert [(s.name, s.articles) for s in stories(conn)] == [("Bridges", 0)]
    restore(conn, [article_id])
    assert index_pending(conn) == 1
    assert [(s.name, s.articles) for s in stories(conn)] == [("Bridges", 1)]


def test_notes_in_the_trash_stay_in_backups_and_come_back(
    empty_library: Library, tmp_path: Path
) -> None:
    conn = empty_library.conn
    article_id = empty_library.store.add(_article(TEXT)).id
    notebook = Notebook(conn)
    note = notebook.add(article_id, 9, 18, note="who is she?")
    trash(conn, [article_id])
    assert notebook.search() == [] and notebook.count_by_article() == {}
    assert [t.notes for t in trash_contents(conn)] == [1]
    backup = create_backup(conn, tmp_path, "manual")
    restore_backup(conn, tmp_path, backup.path)  # notes put back onto the article in the trash
    assert notebook.search() == []
    restore(conn, [article_id])
    (back,) = notebook.search()
    assert (back.id, back.article_id, back.note) == (note.id, article_id, "who is she?")


def test_upgrade_from_version_7_keeps_search_and_adds_the_trash(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    migrate(conn, 7)
    conn.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('Bridge', '2026-01-01', ?, 'h1', 12)",
        (TEXT,),
    )
    migrate(conn)
    assert schema_version(conn) >= 8
    matches = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'bridge'"
    assert conn.execute(matches).fetchone()[0] == 1
    conn.execute("UPDATE articles SET trashed = 'now'")
    assert conn.execute(matches).fetchone()[0] == 0
    _index_is_whole(conn)
    conn.execute("DELETE FROM articles")
    _index_is_whole(conn)
