"""One click from a summary sentence or an entity mention to a highlight; writing a note shows
the Notes tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.notes.notebook import Notebook
from desktop.ui.main_window import SIDE_TABS
from tests.ui.notes.helpers import select


def _spans(window) -> set[tuple[int, int]]:
    notebook = Notebook(window.library.conn)
    return {(h.start, h.end) for h in notebook.for_article(window.article.id) if not h.orphan}


def test_a_summary_sentence_becomes_a_highlight_in_one_click(window, qtbot) -> None:
    summary = window.summary_pane
    qtbot.waitUntil(lambda: summary.summary() is not None and summary.list.count() >= 2)
    first, second = summary.summary().sentences[:2]
    assert not summary.highlight_button.isEnabled()  # nothing chosen yet
    summary.list.setCurrentRow(0)
    qtbot.mouseClick(summary.highlight_button, Qt.MouseButton.LeftButton)
    assert (first.start, first.end) in _spans(window)

    menu = summary.sentence_menu(1)
    (action,) = [a for a in menu.actions() if a.text() == "Highlight this sentence"]
    action.trigger()
    assert _spans(window) >= {(first.start, first.end), (second.start, second.end)}
    shown = {(h.start, h.end) for h in window.highlights.highlights()}
    assert (second.start, second.end) in shown  # and drawn in the reader's article


def test_an_entity_mention_becomes_a_highlight(window, qtbot) -> None:
    entities = window.entity_pane
    window.reader.refresh_entities()  # inline workers: the pane was cleared after the article
    qtbot.waitUntil(lambda: entities.tree.topLevelItemCount() > 0)
    rows = [
        group.child(i)
        for group in map(entities.tree.topLevelItem, range(entities.tree.topLevelItemCount()))
        for i in range(group.childCount())
    ]
    row = next(r for r in rows if entities.mention_count(*r.data(0, Qt.ItemDataRole.UserRole)) > 1)
    entities.tree.setCurrentItem(row)
    category, name = row.data(0, Qt.ItemDataRole.UserRole)
    entities.activate(category, name)  # the reader shows its first mention
    span = entities.current_mention(category, name)
    text = window.article.text
    assert span is not None and text[span[0] : span[1]].strip()
    qtbot.mouseClick(entities.highlight_button, Qt.MouseButton.LeftButton)
    assert span in _spans(window)

    entities.activate(category, name)  # the next mention, highlighted from the menu
    following = entities.current_mention(category, name)
    menu = entities.entity_menu(category, name)
    (action,) = [a for a in menu.actions() if a.text() == "Highlight this mention"]
    action.trigger()
    assert following != span and following in _spans(window)


def test_asking_for_a_note_shows_the_notes_tab(window, qtbot) -> None:
    window.show_side_tab(SIDE_TABS.index("Summary"))
    line = max(window.article.text.splitlines(), key=len)
    select(window.reader, " ".join(line.split()[3:8]))
    window.highlights.note_on_selection()
    assert window.side_tabs.currentWidget() is window.notes_pane
    assert SIDE_TABS[window.side_tabs.currentIndex()] == "Notes"
