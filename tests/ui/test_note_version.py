"""A note shown on the text it was made on: from the note's detail or the notes list's context
menu, the article's text as it was then, with the note's passage marked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.library.updating import replace_text
from desktop.core.notes.notebook import Notebook
from desktop.ui.library.note_version_dialog import NoteVersionDialog
from tests.core.library.stories import GONE, KEPT, V1, V2
from tests.ui.conftest import add_article


def _marked(dialog: NoteVersionDialog) -> str:
    (passage,) = dialog.text.extraSelections()
    return passage.cursor.selectedText()


def _article_updated_after_notes(library) -> tuple[int, str, str]:
    article_id = add_article(library, "Harbour plan", "🙂 " + V1)
    notes = Notebook(library.conn)
    kept, gone = notes.add_quote(article_id, KEPT), notes.add_quote(article_id, GONE)
    library.conn.execute("UPDATE highlights SET created = '2026-01-01T10:00:00.000+00:00'")
    article = library.store.get(article_id)
    replace_text(library.store, article_id, article.replace(text=V2, content_hash=""))
    return article_id, kept.id, gone.id


def test_the_note_detail_shows_the_note_on_the_version_it_was_made_on(
    window, library, qtbot
) -> None:
    article_id, kept_id, _ = _article_updated_after_notes(library)
    window.open_article(article_id)
    pane = window.notes_pane
    row = pane.model.row_of(kept_id)
    pane.list.setCurrentIndex(pane.model.index(row))
    assert pane.version_button.isEnabled()
    pane.version_button.click()
    dialog = window.note_version_dialog
    assert dialog.origin.text.number == 1
    assert dialog.text.toPlainText() == "🙂 " + V1  # the text it was made on, not the current
    assert _marked(dialog) == KEPT  # after an emoji: Qt positions, not Python offsets
    assert "version 1" in dialog.status.text()


def test_an_orphan_is_shown_from_the_context_menu_on_the_text_it_was_made_on(
    window, library, qtbot
) -> None:
    article_id, _, gone_id = _article_updated_after_notes(library)
    window.open_article(article_id)
    pane = window.notes_pane
    assert pane.orphan_model.row_of(gone_id) == 0  # its passage is gone from the current text
    view = pane.orphans
    view.setCurrentIndex(pane.orphan_model.index(0))  # a right click makes the row current
    requested: list[str] = []
    pane.version_view_requested.connect(requested.append)
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    (action,) = [a for a in view.actions() if a.text() == "Show on the Version It Was Made On"]
    action.trigger()
    assert requested == [gone_id]
    dialog = window.note_version_dialog
    assert _marked(dialog) == GONE and dialog.text.toPlainText() == "🙂 " + V1


def test_a_note_made_on_the_current_text_is_shown_there(qtbot, library, sync_workers) -> None:
    article_id = add_article(library, "Harbour plan", V2)
    note = Notebook(library.conn).add_quote(article_id, KEPT, note="<b>check</b>")
    dialog = NoteVersionDialog(note.id)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == V2 and _marked(dialog) == KEPT
    assert "current text" in dialog.status.text() and "<b>check</b>" in dialog.status.text()


def test_an_unknown_note_is_a_one_line_message(qtbot, library, sync_workers) -> None:
    dialog = NoteVersionDialog("no-such-id")
    qtbot.addWidget(dialog)
    assert dialog.status.text() == (
        "Showing the note on its version: no highlight with id no-such-id"
    )
    assert dialog.text.toPlainText() == ""
