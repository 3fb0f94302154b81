"""Notes that moved when their article changed: listed apart as "moved — please check", drawn
hatched (never as a normal highlight), accepted or re-attached in one click, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from desktop.core.library.updating import replace_text
from desktop.core.models import Article, Highlight
from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.notebook_model import NotebookModel
from desktop.ui.workers import thread_library
from tests.ui.notes.conftest import ARTICLE_TEXT, add_article
from tests.ui.notes.helpers import NotesUi, open_ui, rows, select, select_row

EDITED = ARTICLE_TEXT.replace("Critics disagreed sharply", "Opponents disagreed sharply")


def stored(article_id: int) -> list[Highlight]:
    return Notebook(thread_library().conn).for_article(article_id)


def _moved_ui(qtbot) -> tuple[NotesUi, Article, Highlight, Highlight]:
    """An article with one highlight whose first word the update replaced (moved) and one
    it left alone (exact), opened in the reader and the pane."""
    article = add_article()
    notebook = Notebook(thread_library().conn)
    edited = notebook.add_quote(article.id, "Critics disagreed sharply", note="Call them back")
    kept = notebook.add_quote(article.id, "Flood defences")
    update = article.replace(text=EDITED, content_hash="")
    report = replace_text(thread_library().store, article.id, update).highlights
    assert report.moved == (edited.id,) and report.exact == (kept.id,)
    return open_ui(qtbot, thread_library().store.get(article.id)), article, edited, kept


def test_a_moved_note_is_listed_apart_and_drawn_hatched(qtbot, restart):
    ui = _moved_ui(qtbot)[0]
    assert ui.pane.moved_box.isVisibleTo(ui.pane) and not ui.pane.orphans_box.isVisibleTo(ui.pane)
    (row,) = rows(ui.pane.moved)
    assert row.startswith("“Opponents disagreed sharply”")
    assert "⚠ moved — please check" in row and "was “Critics disagreed sharply”" in row
    assert "Call them back" in row
    assert [r.split("\n")[0] for r in rows(ui.pane.list)] == ["“Flood defences”"]
    assert "Moved — please check (1)" in ui.pane.moved_label.text()

    start = EDITED.index("Opponents")
    moved_format = ui.reader.format_at(start)
    assert moved_format.background().style() == Qt.BrushStyle.BDiagPattern  # not a fill
    assert moved_format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashDotLine
    normal = ui.reader.format_at(EDITED.index("Flood"))
    assert normal.background().style() == Qt.BrushStyle.SolidPattern

    with qtbot.waitSignal(ui.pane.highlight_activated) as jumped:
        ui.pane.moved.activated.emit(ui.pane.moved_model.index(0))
    assert jumped.args == [start, start + len("Opponents disagreed sharply")]


def test_one_click_accepts_a_moved_note_and_undo_brings_the_flag_back(qtbot, restart):
    ui, article, edited, _ = _moved_ui(qtbot)
    assert not ui.pane.accept_button.isEnabled()  # nothing chosen yet
    select_row(ui.pane.moved, 0)
    qtbot.mouseClick(ui.pane.accept_button, Qt.MouseButton.LeftButton)

    accepted = next(h for h in stored(article.id) if h.id == edited.id)
    assert accepted.anchor == "exact" and accepted.quote == "Opponents disagreed sharply"
    assert accepted.original_quote == "Critics disagreed sharply"
    assert not ui.pane.moved_box.isVisibleTo(ui.pane) and len(rows(ui.pane.list)) == 2
    start = EDITED.index("Opponents")
    assert ui.reader.format_at(start).background().style() == Qt.BrushStyle.SolidPattern

    ui.controller.undo_stack.undo()
    again = next(h for h in stored(article.id) if h.id == edited.id)
    assert again.anchor == "moved" and len(rows(ui.pane.moved)) == 1


def test_a_moved_note_is_reattached_to_the_selection(qtbot, restart):
    ui, article, edited, _ = _moved_ui(qtbot)
    select_row(ui.pane.moved, 0)
    start, end = select(ui.reader, "Nobody checked the numbers")
    qtbot.mouseClick(ui.pane.move_button, Qt.MouseButton.LeftButton)

    placed = next(h for h in stored(article.id) if h.id == edited.id)
    assert (placed.anchor, placed.start, placed.end) == ("exact", start, end)
    assert placed.note == "Call them back"
    assert placed.original_quote == "Critics disagreed sharply"  # what the note was written on
    assert not ui.pane.moved_box.isVisibleTo(ui.pane)


def test_the_notebook_marks_moved_notes_as_it_marks_orphans(qtbot, restart):
    _, article, edited, kept = _moved_ui(qtbot)
    model = NotebookModel()
    model.set_results(stored(article.id), {article.id: article.title})
    quotes = {model.highlight(r).id: model.index(r, 0).data() for r in range(model.rowCount())}
    assert quotes[edited.id] == "⚠ moved — please check: Opponents disagreed sharply"
    assert quotes[kept.id] == "Flood defences"
