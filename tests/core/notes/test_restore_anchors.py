"""A notes restore brings the notes back as they were: their place, their *moved* flag and the
quote first highlighted — never re-anchored onto a wrong passage of a newer text."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.library.updating import replace_text
from desktop.core.models import Article
from desktop.core.notes.backups import create_backup, restore_backup
from desktop.core.notes.detached import reattach_to
from desktop.core.notes.notebook import Notebook
from desktop.core.paths import Paths
from desktop.core.storage.engine import sqlite3

OLD = (
    "Lieutenant Colonel Alexander Vindman testified on Tuesday about the call.\n\n"
    "The agency relied on fixed-term contracts for its analysts, officials said.\n\n"
    "Support staff were hired on short-term contracts that ended every spring.\n\n"
    "The next hearing is on Thursday; Vindman is not expected to appear again."
)
NEW = OLD.replace(
    "Lieutenant Colonel Alexander Vindman testified on Tuesday about the call.\n\n", ""
).replace("fixed-term contracts", "permanent contracts")
URL = "https://example.org/hearing"


def _article(text: str) -> Article:
    return with_hash(Article(0, "Hearing", text, "", 0, url=URL))


def _anchors(notebook: Notebook, article_id: int) -> dict[str, tuple]:
    return {
        h.original_quote: (h.anchor, h.start, h.end, h.quote, h.note)
        for h in notebook.for_article(article_id)
    }


def _noted(library) -> tuple[Notebook, int]:
    article_id = library.store.add(_article(OLD)).id
    notebook = Notebook(library.conn)
    notebook.add_quote(article_id, "Vindman", note="the deleted paragraph's")
    notebook.add_quote(article_id, "fixed-term contracts", note="check the contract type")
    notebook.add_quote(article_id, "short-term contracts", note="untouched")
    return notebook, article_id


def test_a_backup_taken_after_an_update_restores_every_note_exactly(library) -> None:
    notebook, article_id = _noted(library)
    replace_text(library.store, article_id, _article(NEW))
    after_update = _anchors(notebook, article_id)
    assert after_update["Vindman"][0] == "orphan"  # its paragraph is gone: not the later one
    assert after_update["fixed-term contracts"][:1] == ("moved",)
    assert after_update["fixed-term contracts"][3] == "permanent contracts"
    assert after_update["short-term contracts"][0] == "exact"
    backup = create_backup(library.conn, library.paths.backups, "manual")

    moved = next(h for h in notebook.for_article(article_id) if h.moved)
    notebook.accept(moved.id)
    orphan = next(h for h in notebook.for_article(article_id) if h.orphan)
    notebook.reattach(orphan.id, 0, 10)
    restore_backup(library.conn, library.paths.backups, backup.path)
    assert _anchors(notebook, article_id) == after_update


def test_a_backup_from_before_an_update_lands_where_the_update_placed_the_notes(library):
    notebook, article_id = _noted(library)
    before = create_backup(library.conn, library.paths.backups, "manual")
    replace_text(library.store, article_id, _article(NEW))
    after_update = _anchors(notebook, article_id)
    for highlight in notebook.for_article(article_id):
        notebook.delete(highlight.id)

    restore_backup(library.conn, library.paths.backups, before.path)
    # Followed through the kept version the notes were made on, as the update did.
    assert _anchors(notebook, article_id) == after_update


def test_restored_into_a_library_without_the_old_text_nothing_lands_wrong_unflagged(
    library, tmp_path
) -> None:
    _noted(library)
    backup = create_backup(library.conn, library.paths.backups, "manual")
    root = tmp_path / "fresh"
    paths = Paths(root / "data", root / "config", root / "cache", root / "logs")
    with open_library(paths, seed=False) as fresh:
        restore_backup(fresh.conn, fresh.paths.backups, backup.path)
        article_id = fresh.store.add(_article(NEW)).id
        reattach_to(fresh.conn, article_id)  # by its URL, as an import does
        placed = {h.original_quote: h for h in Notebook(fresh.conn).for_article(article_id)}
    assert placed["short-term contracts"].anchor == "exact"
    vindman = placed["Vindman"]
    assert vindman.anchor in ("moved", "orphan")  # the later Vindman is only a guess
    contracts = placed["fixed-term contracts"]
    assert contracts.anchor in ("moved", "orphan")
    assert "short-term" not in NEW[contracts.start : contracts.end] or contracts.orphan
    assert all(h.note for h in placed.values())


def test_a_backup_written_before_anchor_states_existed_still_restores(library) -> None:
    notebook, article_id = _noted(library)
    backup = create_backup(library.conn, library.paths.backups, "manual")
    old_format = sqlite3.connect(backup.path)
    old_format.execute("ALTER TABLE highlights DROP COLUMN moved")
    old_format.execute("ALTER TABLE highlights DROP COLUMN original_quote")
    old_format.commit()
    old_format.close()
    expected = _anchors(notebook, article_id)
    for highlight in notebook.for_article(article_id):
        notebook.put(replace(highlight, note="changed since"))

    restore_backup(library.conn, library.paths.backups, backup.path)
    assert _anchors(notebook, article_id) == expected
