"""What changed between versions, with the highlights on each text, and the version a note
was made on (the text the article had when the note was created)."""

from __future__ import annotations

import pytest

from desktop.core.library.session import Library, open_library
from desktop.core.library.updating import replace_text
from desktop.core.library.version_changes import (
    NoVersion,
    made_on,
    note_origin,
    version_changes,
)
from desktop.core.notes.notebook import Notebook
from desktop.core.text.word_diff import DELETE, EQUAL, INSERT, apply_diff
from tests.core.library.stories import GONE, KEPT, V1, V2
from tests.ui.conftest import add_article


@pytest.fixture
def library() -> Library:
    with open_library(seed=False) as opened:
        yield opened


def _update(library: Library, article_id: int, text: str) -> None:
    article = library.store.get(article_id)
    replace_text(library.store, article_id, article.replace(text=text, content_hash=""))


def test_changes_of_a_version_against_the_current_text(library: Library) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    notes = Notebook(library.conn)
    kept = notes.add_quote(article_id, KEPT)
    gone = notes.add_quote(article_id, GONE)
    _update(library, article_id, V2)
    changes = version_changes(library.store, article_id, 1)
    assert (changes.old.text, changes.new.text) == (V1, V2)
    assert apply_diff(V1, V2, changes.spans) == V2
    kinds = [s.kind for s in changes.spans if s.kind != EQUAL]
    assert kinds == [INSERT, DELETE]
    deleted = next(s for s in changes.spans if s.kind == DELETE)
    assert GONE in V1[deleted.a_start : deleted.a_end]
    # The highlight still in the text is on both; the one on the removed passage (an orphan
    # now) is on the old text only, where it was made.
    old = {h.id: V1[h.start : h.end] for h in changes.old_highlights}
    new = {h.id: V2[h.start : h.end] for h in changes.new_highlights}
    assert old == {kept.id: KEPT, gone.id: GONE}
    assert new == {kept.id: KEPT}


def test_a_version_against_another_version(library: Library) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    _update(library, article_id, V2)
    _update(library, article_id, V2 + "\n\nA late paragraph.")
    changes = version_changes(library.store, article_id, 1, against=2)
    assert (changes.old.number, changes.new.number) == (1, 2)
    assert apply_diff(V1, V2, changes.spans) == V2
    with pytest.raises(NoVersion, match="no version 7"):
        version_changes(library.store, article_id, 7)
    with pytest.raises(NoVersion, match="no article with id 99"):
        version_changes(library.store, 99, 1)


def _created(library: Library, highlight_id: str, stamp: str) -> None:
    library.conn.execute("UPDATE highlights SET created = ? WHERE id = ?", (stamp, highlight_id))


def _replaced(library: Library, number: int, stamp: str) -> None:
    library.conn.execute(
        "UPDATE article_versions SET replaced = ? WHERE number = ?", (stamp, number)
    )


def test_a_note_is_shown_on_the_text_it_was_made_on(library: Library) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    notes = Notebook(library.conn)
    first = notes.add_quote(article_id, KEPT, note="on V1")
    _created(library, first.id, "2026-01-01T10:00:00.250+00:00")
    _update(library, article_id, V2)
    _replaced(library, 1, "2026-01-02T10:00:00+00:00")
    second = notes.add_quote(article_id, "final budget", note="on V2")
    _created(library, second.id, "2026-01-03T10:00:00.250+00:00")
    _update(library, article_id, V2.replace("the final budget", "a draft"))
    _replaced(library, 2, "2026-01-04T10:00:00+00:00")

    assert made_on(library.store, notes.get(first.id)) == 1
    assert made_on(library.store, notes.get(second.id)) == 2
    origin = note_origin(library.store, first.id)
    assert origin.text.number == 1 and origin.text.text == V1
    assert V1[slice(*origin.passage)] == KEPT
    origin = note_origin(library.store, second.id)
    assert origin.text.number == 2 and origin.text.text == V2
    assert origin.highlight.note == "on V2"
    assert "budget" in V2[slice(*origin.passage)]


def test_a_note_made_after_the_last_update_is_on_the_current_text(library: Library) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    _update(library, article_id, V2)
    note = Notebook(library.conn).add_quote(article_id, KEPT)
    origin = note_origin(library.store, note.id)
    assert origin.text.number is None and origin.text.text == V2
    assert V2[slice(*origin.passage)] == KEPT


def test_a_note_in_the_second_of_an_update_is_on_the_new_text(library: Library) -> None:
    """Versions keep seconds, notes milliseconds (or a ``Z`` when imported): same second, the
    new text; a moment before the update, the version it replaced."""
    article_id = add_article(library, "Harbour plan", V1)
    _update(library, article_id, V2)
    note = Notebook(library.conn).add_quote(article_id, KEPT)
    _replaced(library, 1, "2026-01-02T10:00:01+00:00")
    _created(library, note.id, "2026-01-02T10:00:00.900+00:00")
    assert made_on(library.store, Notebook(library.conn).get(note.id)) == 1
    _created(library, note.id, "2026-01-02T10:00:01.250+00:00")
    assert made_on(library.store, Notebook(library.conn).get(note.id)) is None
    _created(library, note.id, "2026-01-02T10:00:01Z")
    assert made_on(library.store, Notebook(library.conn).get(note.id)) is None
