"""The Notebook window, the category dialog, export and import, and the Notes menu."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop.core.notes.importer import import_notes
from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.category_dialog import CategoryDialog
from desktop.ui.notes.export_dialogs import ExportNotesDialog, NotesImporter
from desktop.ui.notes.notebook_window import NotebookWindow
from desktop.ui.notes.notes_menu import build_notes_menu
from desktop.ui.workers import thread_library
from tests.ui.notes.conftest import add_article
from tests.ui.notes.helpers import open_ui, select


def notebook() -> Notebook:
    return Notebook(thread_library().conn)


def test_notebook_search_finds_a_note_word_and_click_opens_it(qtbot, restart):
    budget = add_article()
    other = add_article("The sluice gates at the old mill were replaced in spring.", "Mill")
    wanted = notebook().add_quote(
        budget.id, "Critics disagreed", note="Call the sluice engineer", tags=["water"]
    )
    notebook().add_quote(other.id, "sluice gates", category="to-verify")
    notebook().add_quote(other.id, "old mill", note="unrelated")

    window = NotebookWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 3  # everything, before any search

    with qtbot.waitSignal(window.results_shown, timeout=2000):
        window.search.setText("engineer")  # a word only in a note
    assert window.model.rowCount() == 1
    assert window.model.highlight(0).id == wanted.id

    window.search.setText("sluice")  # in a note and in a quote
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.category.setCurrentIndex(window.category.findData("to-verify"))
    assert window.model.rowCount() == 1 and window.model.highlight(0).article_id == other.id
    window.category.setCurrentIndex(0)
    window.tag.setCurrentIndex(window.tag.findData("water"))
    assert [h.id for h in window.model.rows()] == [wanted.id]

    index = window.model.index(0, 0)
    with qtbot.waitSignal(window.open_highlight) as opened:
        qtbot.mouseClick(
            window.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=window.table.visualRect(index).center(),
        )
    assert opened.args == [budget.id, wanted.start, wanted.end]


def test_notebook_filters_by_article_and_date(qtbot, restart):
    budget = add_article()
    mill = add_article("The sluice gates at the old mill were replaced in spring.", "Mill")
    recent = notebook().add_quote(budget.id, "Critics disagreed")
    old = notebook().add_quote(mill.id, "old mill", note="from an earlier story")
    notebook().put(replace(old, created="2020-03-01T09:00:00+00:00"))

    window = NotebookWindow()
    qtbot.addWidget(window)
    window.show()
    assert {h.id for h in window.model.rows()} == {recent.id, old.id}
    assert window.article.findData(mill.id) > 0 and window.article.findText("Mill") > 0
    window.article.setCurrentIndex(window.article.findData(mill.id))
    assert [h.id for h in window.model.rows()] == [old.id]
    assert window.model.index(0, 4).data() == "Mill"
    window.article.setCurrentIndex(0)
    window.when.setCurrentIndex(window.when.findText("Past year"))
    assert [h.id for h in window.model.rows()] == [recent.id]
    assert window.status.text() == "1 highlight"


def test_categories_are_renamed_recoloured_and_added(qtbot, restart):
    dialog = CategoryDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 4
    with qtbot.waitSignal(dialog.categories_changed):
        dialog.rename("key-fact", "Fact")
    dialog.recolour("key-fact", "#112233", "#445566")
    dialog.add("Follow up", "#abcdef", "#123456")
    fact = notebook().category("key-fact")
    assert (fact.label, fact.light, fact.dark) == ("Fact", "#112233", "#445566")
    assert notebook().category("Follow up").light == "#abcdef"
    assert dialog.list.count() == 5 and "Follow up" in dialog.list.item(4).text()

    dialog.add("Follow up", "#000000", "#ffffff")  # a duplicate: refused, shown, nothing stops
    assert dialog.message.text().startswith("Not saved:")
    assert dialog.list.count() == 5


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_export_dialog_writes_readable_files(qtbot, restart, tmp_path, fmt):
    article = add_article()
    notebook().add_quote(article.id, "Critics disagreed", note="Ring them ✆", tags=["vote"])
    dialog = ExportNotesDialog(article.id)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(tmp_path / f"notes.{fmt}"))
    dialog.export()
    written = (tmp_path / f"notes.{fmt}").read_text(encoding="utf-8")
    assert "Critics disagreed" in written and "Ring them ✆" in written
    assert "Exported 1 highlight to" in dialog.message.text()


def test_exported_json_imports_into_an_empty_library(qtbot, restart, tmp_path, monkeypatch):
    article = add_article()
    kept = notebook().add_quote(article.id, "Critics disagreed", note="Ring them", tags=["vote"])
    notebook().add_quote(article.id, "Flood defences", category="to-verify")
    target = tmp_path / "out" / "notes.json"
    dialog = ExportNotesDialog(article.id)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.scope.setCurrentIndex(2)  # a tag
    dialog.choice.setCurrentIndex(dialog.choice.findData("vote"))
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported) as done:
        dialog.export()
    assert done.args == [str(target), 1]
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"

    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "fresh-home"))
    restart()
    again = add_article()
    importer = NotesImporter()
    with qtbot.waitSignal(importer.finished) as finished:
        importer.start(str(target))
    assert finished.args[1] is True and "1 added" in finished.args[0]
    (imported,) = notebook().for_article(again.id)
    assert (imported.id, imported.quote, imported.note, imported.tags) == (
        kept.id,
        "Critics disagreed",
        "Ring them",
        ("vote",),
    )
    assert import_notes(thread_library().conn, target).unchanged == [kept.id]


def test_import_of_a_bad_file_reports_the_file_and_goes_on(qtbot, restart, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    importer = NotesImporter()
    with qtbot.waitSignal(importer.finished) as finished:
        importer.start(str(bad))
    message, ok = finished.args
    assert not ok and "broken.json" in message


def test_notes_menu_actions_highlight_and_undo(qtbot, restart):
    article = add_article()
    ui = open_ui(qtbot, article)
    window = QMainWindow()
    qtbot.addWidget(window)
    notes = build_notes_menu(window, ui.controller)
    window.menuBar().addMenu(notes.menu)
    assert notes.highlight_action.shortcut().toString() == "H"
    texts = [a.text().replace("&", "") for a in notes.menu.actions() if a.text()]
    assert any("Notebook" in t for t in texts) and any("Export" in t for t in texts)

    select(ui.reader, "Flood defences")
    notes.highlight_action.trigger()
    assert [h.quote for h in notebook().for_article(article.id)] == ["Flood defences"]
    assert notes.undo_action.isEnabled()
    notes.undo_action.trigger()
    assert notebook().for_article(article.id) == []
    notes.redo_action.trigger()
    assert len(notebook().for_article(article.id)) == 1


def test_export_dialog_writes_one_file_per_article_into_a_new_folder(qtbot, restart, tmp_path):
    article = add_article()
    notebook().add_quote(article.id, "Critics disagreed", note="# not a heading", tags=["2019"])
    dialog = ExportNotesDialog(article.id)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "vault" / "notes.md"))
    dialog.format.setCurrentIndex(dialog.format.findData("md-folder"))
    assert dialog.path.text() == str(tmp_path / "vault" / "notes")
    with qtbot.waitSignal(dialog.exported) as done:
        dialog.export()
    [written] = (tmp_path / "vault" / "notes").glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert done.args[1] == 1 and "Exported 1 file to" in dialog.message.text()
    assert "\\# not a heading" in text and "#_2019" in text
