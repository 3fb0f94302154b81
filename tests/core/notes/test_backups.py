from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.core.notes import backups
from desktop.core.notes.backups import (
    KEEP,
    backup_folder,
    backup_if_due,
    create_backup,
    list_backups,
    restore_backup,
)
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3


def test_backup_holds_the_notes_not_the_article_texts(notebook, add_article, library) -> None:
    article = add_article()
    h = notebook.add_quote(article, "fantasy", note="n", tags=["t"])
    notebook.delete(notebook.add_quote(article, "room").id)
    assert backup_folder(library.conn) == library.paths.backups
    backup = create_backup(library.conn, library.paths.backups, "manual")
    assert backup.path.parent == library.paths.backups and backup.kind == "manual"
    copy = sqlite3.connect(backup.path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*), sum(deleted) FROM highlights").fetchone() == (2, 1)
    assert copy.execute("SELECT id, content_hash FROM articles").fetchall() == [
        (article, library.store.get(article).content_hash)
    ]
    assert h.id in {r[0] for r in copy.execute("SELECT id FROM highlights")}
    assert not list(library.paths.backups.glob("*.partial"))


def test_daily_backup_once_a_day_and_rolling(notebook, add_article, library, monkeypatch):
    folder = library.paths.backups
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for day in range(10):
        moment = start + timedelta(days=day)
        monkeypatch.setattr(backups, "datetime", _frozen(moment))
        assert backup_if_due(library.conn, folder).created == moment
    daily = [b for b in list_backups(folder) if b.kind == "daily"]
    assert len(daily) == KEEP
    assert daily[0].created == start + timedelta(days=9)  # newest first, oldest pruned
    assert daily[-1].created == start + timedelta(days=3)
    monkeypatch.undo()
    assert backup_if_due(library.conn, folder) is not None
    assert backup_if_due(library.conn, folder) is None
    daily = [b for b in list_backups(folder) if b.kind == "daily"]
    assert len(daily) == KEEP and daily[-1].created == start + timedelta(days=4)
    for _ in range(3):
        create_backup(library.conn, folder, "manual")
    assert len([b for b in list_backups(folder) if b.kind == "manual"]) == 3
    with pytest.raises(ValueError, match="unknown backup kind"):
        create_backup(library.conn, folder, "hourly")


def _frozen(moment: datetime):
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment

    return Frozen


def test_restore_replaces_notes_keeps_articles_and_is_undoable(notebook, add_article, library):
    article = add_article()
    kept = notebook.add_quote(article, "fantasy", note="before backup")
    backup = create_backup(library.conn, library.paths.backups)
    notebook.update(kept.id, note="after backup")
    later = notebook.add_quote(article, "room")
    other = add_article("Another article added after the backup.", title="Other")

    report = restore_backup(library.conn, library.paths.backups, backup.name)
    assert report.restored == 1 and report.pre_restore.kind == "pre-restore"
    assert [(h.id, h.note) for h in notebook.iter_all()] == [(kept.id, "before backup")]
    assert library.store.get(other) is not None and library.store.count() == 2
    assert notebook.search("before") and not notebook.search("after")  # index rebuilt

    restore_backup(library.conn, library.paths.backups, report.pre_restore.path)
    assert {h.id: h.note for h in notebook.iter_all()} == {
        kept.id: "after backup",
        later.id: "",
    }
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_into_a_rebuilt_library_follows_article_text(tmp_path, notebook, add_article):
    article = add_article(url="https://x.example/a")
    h = notebook.add_quote(article, "fantasy", note="n")
    backup = create_backup(notebook.conn, tmp_path / "b")
    fresh = connect(tmp_path / "fresh" / "library.sqlite3")
    fresh.execute(
        "INSERT INTO articles (title, added, text, content_hash, words)"
        " VALUES ('filler', 'now', 'filler', 'abc', 1)"
    )
    text, digest = notebook.conn.execute("SELECT text, content_hash FROM articles").fetchone()
    fresh.execute(
        "INSERT INTO articles (title, added, text, content_hash, words) VALUES"
        " ('Budget', 'now', ?, ?, 1)",
        (text, digest),
    )
    restore_backup(fresh, tmp_path / "b", backup.path)
    restored = Notebook(fresh).get(h.id)
    assert restored.article_id == 2 and not restored.orphan and restored.note == "n"


def test_unknown_or_broken_backups_are_reported(library, tmp_path) -> None:
    with pytest.raises(BadNotesFile, match="no such backup"):
        restore_backup(library.conn, library.paths.backups, "nope.sqlite3")
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BadNotesFile, match="not a Dossier notes backup"):
        restore_backup(library.conn, library.paths.backups, str(broken))
    assert list_backups(tmp_path / "missing") == []
