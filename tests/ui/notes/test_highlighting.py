"""Highlighting in the reader, notes in the pane, undo/redo, orphans — through real widgets and
a real library on disk."""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from shiboken6 import isValid

from desktop.core.library.updating import replace_text
from desktop.core.models import Article, Highlight
from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.notes.notes_tasks import run_notes_task, wait_for_notes_tasks
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import current_theme
from desktop.ui.workers import set_synchronous, thread_library
from tests.ui.notes.conftest import ARTICLE_TEXT, add_article
from tests.ui.notes.helpers import open_ui, rows, select, select_row

PHRASE = "budget would rise by ten percent"


def stored(article_id: int) -> list[Highlight]:
    return Notebook(thread_library().conn).for_article(article_id)


def category_colour(name: str) -> str:
    category = Notebook(thread_library().conn).category(name)
    return category.dark if current_theme().dark else category.light


def test_highlight_and_note_survive_a_restart(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    start, end = select(ui.reader, PHRASE)
    assert ARTICLE_TEXT[start:end] == PHRASE  # offsets after the emoji are Python offsets

    ui.controller.highlight_selection("quote-to-use")
    assert len(rows(ui.pane.list)) == 1
    select_row(ui.pane.list, 0)
    ui.pane.note.setPlainText("Check **the** budget papers")
    ui.pane.tags.setText("budget, vote, budget")
    ui.pane.tags.editingFinished.emit()
    # The note and the tags are saved by separate writes on the notes worker: wait for both.
    qtbot.waitUntil(
        lambda: (
            (stored(article.id)[0].note, stored(article.id)[0].tags)
            == ("Check **the** budget papers", ("budget", "vote"))
        )
    )

    ui.pane.close()
    ui.reader.close()
    restart()
    reopened = thread_library().store.get(article.id)
    again = open_ui(qtbot, reopened)

    assert len(rows(again.pane.list)) == 1
    row = rows(again.pane.list)[0]
    assert PHRASE in row and "✎ Check **the** budget papers" in row and "#budget #vote" in row
    drawn = again.reader.format_at(start)
    assert drawn.background().color().name() == category_colour("quote-to-use")
    assert drawn.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine  # "has a note"
    assert again.reader.format_at(end - 1).background() == drawn.background()
    assert again.reader.format_at(end).background().style() == Qt.BrushStyle.NoBrush
    assert again.reader.format_at(start - 1).background().style() == Qt.BrushStyle.NoBrush


def test_undo_removes_a_created_highlight_and_redo_restores_it(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    start, _ = select(ui.reader, PHRASE)
    ui.controller.highlight_selection()
    (created,) = stored(article.id)

    ui.controller.undo_stack.undo()
    assert stored(article.id) == []
    assert len(rows(ui.pane.list)) == 0
    assert ui.reader.format_at(start).background().style() == Qt.BrushStyle.NoBrush

    ui.controller.undo_stack.redo()
    (restored,) = stored(article.id)
    assert (restored.id, restored.start, restored.end) == (created.id, created.start, created.end)
    assert len(rows(ui.pane.list)) == 1
    assert ui.reader.format_at(start).background().style() != Qt.BrushStyle.NoBrush


def test_edits_merge_into_one_undo_step_and_delete_is_undoable(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    select(ui.reader, "Critics disagreed sharply")
    ui.controller.highlight_selection("disagree")
    (highlight,) = stored(article.id)

    ui.controller.edit(highlight.id, note="Ask")
    ui.controller.edit(highlight.id, note="Ask the critics")
    ui.controller.edit(highlight.id, category="to-verify")
    assert stored(article.id)[0].note == "Ask the critics"
    assert stored(article.id)[0].category == "to-verify"
    ui.controller.undo_stack.undo()
    assert stored(article.id)[0].note == ""  # typing a note is one step, not one per save
    assert stored(article.id)[0].category == "disagree"

    ui.controller.undo_stack.redo()
    ui.controller.delete(highlight.id)
    assert stored(article.id) == []
    ui.controller.undo_stack.undo()
    (back,) = stored(article.id)
    assert back.id == highlight.id and back.note == "Ask the critics"


def test_promote_a_passage_and_note_on_selection_focuses_the_editor(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    sentence = ARTICLE_TEXT.index("Nobody checked")
    ui.controller.promote(sentence, sentence + len("Nobody checked the numbers"), "to-verify")
    (promoted,) = stored(article.id)
    assert promoted.quote == "Nobody checked the numbers" and promoted.category == "to-verify"

    select(ui.reader, "Flood defences")
    ui.controller.note_on_selection()
    noted = next(h for h in stored(article.id) if h.quote == "Flood defences")
    assert ui.pane._editing_id == noted.id
    assert ui.pane.list.currentIndex().data().startswith("“Flood defences”")

    with qtbot.waitSignal(ui.pane.highlight_activated) as jumped:
        ui.pane.list.activated.emit(ui.pane.model.index(1))
    assert jumped.args == [promoted.start, promoted.end]


def test_orphan_is_listed_and_reattached_to_a_selection(qtbot, restart):
    article = add_article()
    notebook = Notebook(thread_library().conn)
    lost = notebook.add_quote(article.id, "Critics disagreed sharply", note="Call them back")
    rewritten = ARTICLE_TEXT.replace("Critics disagreed sharply with the figures. ", "")
    report = replace_text(
        thread_library().store, article.id, article.replace(text=rewritten, content_hash="")
    ).highlights
    assert report.orphaned == (lost.id,)

    ui = open_ui(qtbot, thread_library().store.get(article.id))
    assert len(rows(ui.pane.list)) == 0
    assert len(rows(ui.pane.orphans)) == 1 and ui.pane.orphans_box.isVisibleTo(ui.pane)
    assert "Critics disagreed sharply" in rows(ui.pane.orphans)[0]
    assert "Call them back" in rows(ui.pane.orphans)[0]

    select_row(ui.pane.orphans, 0)
    start, end = select(ui.reader, "Nobody checked the numbers")
    qtbot.mouseClick(ui.pane.reattach_button, Qt.MouseButton.LeftButton)

    (placed,) = stored(article.id)
    assert (placed.id, placed.orphan, placed.start, placed.end) == (lost.id, False, start, end)
    assert placed.note == "Call them back"
    assert len(rows(ui.pane.orphans)) == 0 and len(rows(ui.pane.list)) == 1
    assert ui.reader.format_at(start).background().style() != Qt.BrushStyle.NoBrush

    ui.controller.undo_stack.undo()  # an orphan again, note and all
    (again,) = stored(article.id)
    assert (again.orphan, again.quote, again.note) == (True, lost.quote, "Call them back")
    assert len(rows(ui.pane.orphans)) == 1 and len(rows(ui.pane.list)) == 0


def test_clicking_a_highlight_in_the_reader_selects_it_in_the_pane(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    ui.reader.show()
    first = ARTICLE_TEXT.index("Flood")
    ui.controller.promote(first, first + len("Flood defences"))
    second = ARTICLE_TEXT.index("Critics")
    ui.controller.promote(second, second + len("Critics disagreed"))
    assert ui.pane.list.currentIndex().row() == -1

    cursor = QTextCursor(ui.reader.page.document())
    cursor.setPosition(ui.reader.page.document().find("disagreed").selectionStart())
    ui.reader.page.setTextCursor(cursor)
    point = ui.reader.page.cursorRect().center() + QPoint(3, 0)
    qtbot.mouseClick(ui.reader.page.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert ui.pane.list.currentIndex().row() == 1
    assert ui.pane._editing_id == stored(article.id)[1].id


def test_saving_runs_in_the_background_in_the_order_the_user_acted(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    set_synchronous(False)
    select(ui.reader, PHRASE)
    ui.controller.highlight_selection()
    ui.controller.undo_stack.undo()  # queued before the create has necessarily run
    ui.controller.undo_stack.redo()
    qtbot.waitUntil(lambda: len(rows(ui.pane.list)) == 1)
    assert wait_for_notes_tasks()
    qtbot.waitUntil(lambda: len(stored(article.id)) == 1)
    ui.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: len(rows(ui.pane.list)) == 0)
    assert stored(article.id) == []


def test_notes_arriving_after_their_reader_closed_are_dropped_quietly(qtbot, restart):
    """A reader closed while its highlights or categories were still being read (a window
    closed, a test's window torn down) got them anyway: "Internal C++ object already
    deleted" from the event loop."""
    reader = ReaderView(entity_source=lambda _article: ([], []))  # closed by the test itself
    controller = HighlightController(reader)
    reader.show_article(add_article())
    assert wait_for_notes_tasks()
    set_synchronous(False)
    gate = threading.Event()
    run_notes_task(lambda notebook: gate.wait(10))  # holds the serial notes worker
    controller.reload_categories()
    controller.reload()
    reader.deleteLater()
    qtbot.waitUntil(lambda: not isValid(reader))
    gate.set()
    assert wait_for_notes_tasks()
    qtbot.wait(100)  # the results reach the event loop: none may touch the deleted widgets


def test_a_note_being_typed_is_saved_when_the_pane_is_hidden(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    ui.pane.show()
    select(ui.reader, PHRASE)
    ui.controller.note_on_selection()
    ui.pane.note.setPlainText("Typed just before switching tabs")
    ui.pane.hide()  # well before the pause that would save it
    assert stored(article.id)[0].note == "Typed just before switching tabs"


def test_delete_key_in_the_list_deletes_and_undo_restores(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    ui.pane.show()
    select(ui.reader, PHRASE)
    ui.controller.highlight_selection()
    select_row(ui.pane.list, 0)
    ui.pane.list.setFocus()
    qtbot.keyClick(ui.pane.list, Qt.Key.Key_Delete)
    assert stored(article.id) == [] and rows(ui.pane.list) == []
    ui.controller.undo_stack.undo()
    assert len(rows(ui.pane.list)) == 1


def test_a_note_being_typed_is_saved_when_another_article_opens(qtbot, restart):
    article = add_article()
    other = add_article("A different story about the harbour.", "Harbour")
    ui = open_ui(qtbot, article)
    select(ui.reader, PHRASE)
    ui.controller.note_on_selection()
    ui.pane.note.setPlainText("Written in a hurry")
    ui.reader.show_article(other)
    assert stored(article.id)[0].note == "Written in a hurry"
    assert rows(ui.pane.list) == [] and not ui.pane.editor.isEnabled()


def test_h_repeats_the_last_category_and_a_highlighted_passage_is_recategorised(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    select(ui.reader, "Flood defences")
    ui.controller.highlight_selection("to-verify")
    select(ui.reader, "Critics disagreed")
    ui.controller.highlight_selection()  # H: the category picked last
    assert [h.category for h in stored(article.id)] == ["to-verify", "to-verify"]

    select(ui.reader, "Flood defences")
    ui.controller.highlight_selection("disagree")  # the same passage again: no duplicate
    assert [(h.quote, h.category) for h in stored(article.id)] == [
        ("Flood defences", "disagree"),
        ("Critics disagreed", "to-verify"),
    ]
    ui.controller.undo_stack.undo()
    assert stored(article.id)[0].category == "to-verify"


def test_tag_field_completes_the_last_tag_from_tags_in_use(qtbot, restart):
    article = add_article()
    Notebook(thread_library().conn).add_quote(article.id, "Flood defences", tags=["Budget2026"])
    ui = open_ui(qtbot, article)
    select(ui.reader, PHRASE)
    ui.controller.note_on_selection()
    ui.pane.refresh_tags()
    completer = ui.pane.tag_completer
    ui.pane.tags.setText("vote, bud")
    assert completer.splitPath(ui.pane.tags.text()) == ["bud"]
    completer.setCompletionPrefix("bud")
    assert completer.currentIndex().data() == "Budget2026"
    assert completer.currentCompletion() == "vote, Budget2026"  # earlier tags are kept


def test_a_highlight_in_a_pdf_article_shows_its_page(qtbot, restart):
    store = thread_library().store
    second = ARTICLE_TEXT.index("The minister")
    pages = ((1, 0), (2, second), (3, ARTICLE_TEXT.index("Critics")))
    added = store.add(Article(0, "Report", ARTICLE_TEXT, "", 0, pages=pages))
    article = store.get(added.id)
    assert article is not None and article.pages == pages
    ui = open_ui(qtbot, article)
    select(ui.reader, PHRASE)
    ui.controller.highlight_selection("key-fact")
    (row,) = rows(ui.pane.list)
    assert row.splitlines()[1] == "p. 2 · Key fact"
