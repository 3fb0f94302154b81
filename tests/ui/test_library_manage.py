"""The window's trash, Edit Details, stories and tags: each action against the library."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.library.stories import add_tag, attach
from desktop.core.notes.notebook import Notebook
from desktop.ui.library.edit_details_dialog import EditDetailsDialog
from desktop.ui.library.label_sidebar import NAME_ROLE
from desktop.ui.library.library_pane import LibraryPane
from desktop.ui.library.trash_dialog import TrashDialog
from tests.ui.conftest import add_article

TEXT = "The harbour bridge opened on Monday after three years of work and a budget overrun."


def _pane(qtbot, library) -> tuple[LibraryPane, list[int]]:
    ids = [add_article(library, f"Report {n}", f"{TEXT} Number {n}.") for n in range(3)]
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    return pane, ids


def _listed(pane: LibraryPane) -> set[int]:
    return {pane.model.article_id(r) for r in range(pane.model.rowCount())}


def _select(pane: LibraryPane, ids: list[int]) -> None:
    selection = pane.table.selectionModel()
    selection.clear()
    for article_id in ids:
        index = pane.model.index(pane.model.row_of(article_id), 0)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(index, flags)
    assert sorted(pane.selected_ids()) == sorted(ids)


def test_delete_two_then_undo_brings_them_and_their_notes_back(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    notebook = Notebook(library.conn)
    notebook.add(ids[0], 4, 18, note="which bridge?")
    _select(pane, ids[:2])
    assert pane.actions.trash_selected() == ids[:2]
    assert _listed(pane).isdisjoint(ids[:2]) and ids[2] in _listed(pane)
    assert notebook.search() == [] and library.store.search("harbour")[0].article.id == ids[2]
    assert pane.actions.undo_delete_action.isEnabled()
    assert pane.actions.undo_trash() == ids[:2]
    assert set(ids) <= _listed(pane)
    (note,) = notebook.search()
    assert (note.article_id, note.note) == (ids[0], "which bridge?")
    assert not pane.actions.undo_delete_action.isEnabled()


def test_delete_key_in_the_list_trashes_the_current_article(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    pane.select_article(ids[1])
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert ids[1] not in _listed(pane) and library.store.get(ids[1]) is None


def test_the_trash_dialog_restores_and_empties_saying_how_many_notes_go(
    qtbot, library, sync_workers
):
    pane, ids = _pane(qtbot, library)
    Notebook(library.conn).add(ids[0], 4, 18)
    _select(pane, ids[:2])
    pane.actions.trash_selected()
    dialog = TrashDialog(library.conn)
    qtbot.addWidget(dialog)
    assert dialog.items.count() == 2
    assert "2 article(s) and the 1 note(s)" in dialog.empty_question()
    restored = next(
        dialog.items.item(r)
        for r in range(dialog.items.count())
        if dialog.items.item(r).data(Qt.ItemDataRole.UserRole) == ids[1]
    )
    restored.setSelected(True)
    dialog.restore_selected()
    assert dialog.items.count() == 1 and library.store.get(ids[1]) is not None
    dialog.confirm_empty()
    box = next(w for w in dialog.findChildren(QMessageBox) if w.isVisible())
    assert "cannot be undone" in box.text()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert dialog.items.count() == 0 and not dialog.empty_button.isEnabled()
    assert library.store.get(ids[0], trashed=True) is None
    assert Notebook(library.conn).search() == []


def test_edit_details_stores_the_fields_and_refuses_a_bad_date(qtbot, library):
    article_id = add_article(library, "Report", TEXT, source="Wire")
    dialog = EditDetailsDialog(library.conn, library.store.get(article_id))
    qtbot.addWidget(dialog)
    dialog.fields["title"].setText("Bridge opens at last")
    dialog.fields["published"].setText("2026-02-30")
    dialog.accept()
    assert not dialog.error.isHidden() and "not a date" in dialog.error.text()
    assert library.store.get(article_id).title == "Report"  # nothing stored
    dialog.fields["published"].setText("2026-02-03")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.changed == ["title", "published"]
    stored = library.store.get(article_id)
    assert (stored.title, stored.published, stored.source) == (
        "Bridge opens at last",
        "2026-02-03",
        "Wire",
    )


def test_sidebar_filters_by_story_and_tag_and_the_menu_adds_to_them(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    attach(library.conn, "Bridges", [ids[0]])
    add_tag(library.conn, "budget", [ids[2]])
    _select(pane, [ids[1]])
    assert pane.actions.add_to_story("Bridges") == 1
    assert pane.actions.tag_selected("follow-up") == 1
    stories_branch = pane.sidebar.topLevelItem(1)
    names = [stories_branch.child(i).data(0, NAME_ROLE) for i in range(stories_branch.childCount())]
    assert names == ["Bridges"] and "(2)" in stories_branch.child(0).text(0)

    pane.sidebar.choose("story", "Bridges")
    assert _listed(pane) == {ids[0], ids[1]}
    pane.sidebar.choose("tag", "budget")
    assert _listed(pane) == {ids[2]}
    pane.sidebar.choose("tag", "follow-up")
    assert _listed(pane) == {ids[1]}
    pane.sidebar.setCurrentItem(pane.sidebar.topLevelItem(0))
    pane.sidebar.itemClicked.emit(pane.sidebar.topLevelItem(0), 0)
    assert set(ids) <= _listed(pane)


def test_trashing_the_open_article_opens_the_next_one(qtbot, window):
    pane = window.library_pane
    first = add_article(window.library, "First", TEXT)
    second = add_article(window.library, "Second", TEXT + " Another one.")
    pane.refresh()
    pane.select_article(first)
    pane._open_pending()
    assert window.article.id == first
    pane.actions.trash_selected()
    assert first not in _listed(pane) and second in _listed(pane)
    qtbot.waitUntil(lambda: window.article.id != first)
    assert window.article.id == pane.current_article_id() != 0


def test_editing_the_open_article_shows_its_new_title(qtbot, window):
    pane = window.library_pane
    article_id = window.article.id
    pane.select_article(article_id)
    dialog = pane.actions.edit_details()
    dialog.fields["title"].setText("A corrected headline")
    dialog.accept()
    assert window.article.title == "A corrected headline"
    assert "A corrected headline" in window.windowTitle()


def test_renaming_or_deleting_the_chosen_story_keeps_the_list_right(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    attach(library.conn, "Bridges", ids[:2])
    attach(library.conn, "Tolls", [ids[2]])
    pane.sidebar.reload()
    pane.sidebar.choose("story", "Bridges")
    assert _listed(pane) == set(ids[:2])
    with qtbot.waitSignal(pane.actions.message) as refused:
        pane.sidebar.rename_story("Bridges", "tolls")
    assert "already exists" in refused.args[0]
    pane.sidebar.rename_story("Bridges", "Harbour bridges")
    assert pane.sidebar.chosen() == ("story", "Harbour bridges")
    assert _listed(pane) == set(ids[:2])
    pane.sidebar.delete_story("Harbour bridges")
    assert pane.sidebar.chosen() == ("", "")
    assert set(ids) <= _listed(pane)
    assert library.store.get(ids[0]) is not None  # a story's articles stay


def test_an_imported_feeds_categories_appear_in_the_sidebar_and_filter(qtbot, window, tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Budget vote</title><category>Politics</category>"
        f"<description>{TEXT}</description></item></channel></rss>",
        encoding="utf-8",
    )
    window.import_paths([feed])
    window.imports.wait(20_000)
    qtbot.waitUntil(lambda: window.library_pane.sidebar.topLevelItem(2).childCount() == 1)
    pane = window.library_pane
    assert pane.sidebar.topLevelItem(2).child(0).data(0, NAME_ROLE) == "Politics"
    pane.sidebar.choose("tag", "Politics")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert pane.model.index(0, 0).data() == "Budget vote"


def test_the_remove_menu_offers_the_selections_stories_and_tags(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    attach(library.conn, "Bridges", ids[:2])
    add_tag(library.conn, "budget", [ids[1]])
    _select(pane, [ids[1]])
    pane.actions.remove_menu.aboutToShow.emit()
    entries = [a.text() for a in pane.actions.remove_menu.actions()]
    assert entries == ["Story: Bridges", "Tag: budget"]
    pane.actions.remove_menu.actions()[0].trigger()
    pane.actions.remove_menu.actions()[1].trigger()
    pane.sidebar.choose("story", "Bridges")
    assert _listed(pane) == {ids[0]}
    assert library.conn.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 0
    pane.filter_label("", "")
    _select(pane, [ids[2]])
    pane.actions.remove_menu.aboutToShow.emit()
    (empty,) = pane.actions.remove_menu.actions()
    assert not empty.isEnabled()


def test_the_sidebar_shows_once_the_library_has_a_story_or_tag(qtbot, library, sync_workers):
    pane, ids = _pane(qtbot, library)
    assert pane.sidebar.isHidden()  # nothing to filter by: the list keeps the width
    add_tag(library.conn, "budget", [ids[0]])
    pane.sidebar.reload()  # as after any tagging in the window
    assert not pane.sidebar.isHidden()
