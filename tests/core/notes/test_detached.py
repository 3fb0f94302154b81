"""Restored notes find their article by its text, then its URL — never by an old id — and those
whose article is missing wait, with its identity, until it is imported."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importing import import_paths
from desktop.core.library.session import open_library
from desktop.core.notes.backups import create_backup, restore_backup
from desktop.core.notes.detached import NO_ARTICLE
from desktop.core.notes.notebook import Notebook
from desktop.core.paths import Paths
from tests.core.notes.conftest import TEXT


def _other_home(tmp_path: Path) -> Paths:
    root = tmp_path / "other"
    return Paths(root / "data", root / "config", root / "cache", root / "logs")


def _markdown(folder: Path, name: str, text: str, url: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: Budget\nurl: {url}\n---\n\n{text}\n", encoding="utf-8")
    return path


def test_restored_notes_wait_for_their_article_then_reattach(tmp_path, library) -> None:
    # The notes are written on an article that came from a Markdown file with a URL.
    source = _markdown(tmp_path / "in", "budget.md", TEXT, "https://news.example/budget")
    article = import_paths(library, [source]).imported[0]
    notebook = Notebook(library.conn)
    quote = notebook.add_quote(article, "a fantasy", note="ask the critics", tags=["budget"])
    backup = create_backup(library.conn, library.paths.backups, "manual")

    with open_library(_other_home(tmp_path), seed=False) as fresh:
        # Another article takes the old id in the fresh library: the note must not go to it.
        other = _markdown(tmp_path / "x", "other.md", "A story about fish. " * 10, "https://o")
        assert import_paths(fresh, [other]).imported == [article]
        restore_backup(fresh.conn, fresh.paths.backups, backup.path)
        waiting = Notebook(fresh.conn).get(quote.id)
        assert waiting.article_id == NO_ARTICLE and waiting.orphan
        assert (waiting.quote, waiting.note, waiting.tags) == (
            "a fantasy",
            "ask the critics",
            ("budget",),
        )
        assert Notebook(fresh.conn).for_article(article) == []

        # The article comes back, its text edited since: found by its URL, note re-anchored.
        edited = "Update: the vote is on Friday. " + TEXT
        back = _markdown(tmp_path / "later", "budget.md", edited, "https://news.example/budget")
        new_id = import_paths(fresh, [back]).imported[0]
        attached = Notebook(fresh.conn).get(quote.id)
        assert attached.article_id == new_id and not attached.orphan
        assert edited[attached.start : attached.end] == "a fantasy"
        detached = fresh.conn.execute("SELECT count(*) FROM detached_highlights").fetchone()[0]
        assert detached == 0


def test_same_text_reattaches_and_a_backup_keeps_the_waiting_identity(tmp_path, library) -> None:
    article = import_paths(library, [_markdown(tmp_path / "in", "a.md", TEXT, "")]).imported[0]
    quote = Notebook(library.conn).add_quote(article, "left the room")
    first = create_backup(library.conn, library.paths.backups, "manual")
    with open_library(_other_home(tmp_path), seed=False) as fresh:
        restore_backup(fresh.conn, fresh.paths.backups, first.path)
        # A backup of the fresh library, restored into a third: the identity travels along.
        second = create_backup(fresh.conn, fresh.paths.backups, "manual")
    third_home = Paths(*(tmp_path / "third" / n for n in ("data", "config", "cache", "logs")))
    with open_library(third_home, seed=False) as third:
        restore_backup(third.conn, third.paths.backups, second.path)
        assert Notebook(third.conn).get(quote.id).article_id == NO_ARTICLE
        # Same text, no URL, another file name: matched by the text's hash.
        again = import_paths(third, [_markdown(tmp_path / "b", "b.md", TEXT, "")]).imported[0]
        placed = Notebook(third.conn).get(quote.id)
        assert placed.article_id == again and not placed.orphan
        assert (placed.start, placed.end) == (quote.start, quote.end)
