"""Text from files, pages and users reaches the screen literally: in tooltips, labels, message
boxes, menus and dialogs, markup is shown as typed and no image or file is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QToolTip

from desktop.core.library.importing import FileResult, ImportReport
from desktop.core.models import Entity
from desktop.ui.entities.entity_pane import EntityPane
from desktop.ui.importing.progress_bar import ImportProgress
from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.library.library_pane import LibraryPane
from desktop.ui.plain_text import (
    DISPLAY_CHARS,
    MAX_CHARS,
    MAX_LINES,
    literal_ampersands,
    literal_html,
)
from desktop.ui.summary.summary_pane import SummaryPane
from tests.ui.conftest import add_article
from tests.ui.notes.helpers import select
from tests.ui.rendering import HOSTILE, displayed, label_shows

IMG, LINK, MARKDOWN_IMG, TAGS = HOSTILE


@pytest.mark.parametrize("text", [*HOSTILE, '<img src="/dev/zero">', "a\n\n  b\tc", "&lt;b&gt;"])
def test_literal_html_shows_any_text_as_written_and_loads_nothing(qapp, text: str) -> None:
    shown = literal_html(text)
    assert QtGui.Qt.mightBeRichText(shown)  # so a tooltip cannot guess plain and then guess again
    assert displayed(shown) == text


def test_the_resource_check_catches_markup_that_loads(qapp) -> None:
    with pytest.raises(AssertionError, match="would load"):
        displayed(IMG)  # as a tooltip showed a feed title before
    assert literal_html("") == ""


def test_a_tooltip_longer_than_a_screen_is_cut(qapp) -> None:
    long_note = "<b>word</b> " * 20_000
    assert displayed(literal_html(long_note)) == long_note[:MAX_CHARS].rstrip() + "…"
    many_lines = "\n".join(f"line {n}" for n in range(500))
    assert displayed(literal_html(many_lines)).splitlines()[-1] == f"line {MAX_LINES - 1}…"


def test_menu_and_button_texts_keep_their_ampersands() -> None:
    assert QKeySequence.mnemonic("AT&T").toString() == "Alt+T"  # what the raw text would do
    assert QKeySequence.mnemonic(literal_ampersands("AT&T")).isEmpty()


def test_library_titles_bylines_and_sources_show_literally(qtbot, library, sync_workers) -> None:
    add_article(library, IMG, "A zebra crossed the road.", byline=LINK, source=TAGS)
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.search.setText("zebra")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    title, source = pane.model.index(0, 0), pane.model.index(0, 1)
    tip = displayed(title.data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(f"{IMG}\n{LINK}\n\n") and "[zebra]" in tip
    assert displayed(source.data(Qt.ItemDataRole.ToolTipRole)) == TAGS
    assert title.data(Qt.ItemDataRole.AccessibleTextRole).startswith(IMG)  # plain for readers

    pane.resize(600, 300)
    pane.show()
    qtbot.waitExposed(pane)
    viewport = pane.table.viewport()
    point = pane.table.visualRect(title).center()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert displayed(QToolTip.text()).startswith(f"{IMG}\n{LINK}\n\n")

    pane.filter_mentions("AT&T")
    assert QKeySequence.mnemonic(pane.mentions.text()).isEmpty()


def test_reader_tooltips_and_the_notes_pane_show_notes_literally(window, qtbot) -> None:
    reader = window.reader
    select(reader, " ".join(window.article.text.split()[30:33]))
    window.highlights.highlight_selection()
    qtbot.waitUntil(lambda: len(window.highlights.highlights()) == 1)
    (highlight,) = window.highlights.highlights()
    window.highlights.edit(highlight.id, note=TAGS)
    qtbot.waitUntil(lambda: window.highlights.highlights()[0].note == TAGS)

    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(highlight.start + 1))
    point = reader.page.cursorRect(cursor).center()
    viewport = reader.page.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert displayed(QToolTip.text()).endswith(f"Note: {TAGS}")
    note_row = window.notes_pane.model.index(0, 0)
    assert displayed(note_row.data(Qt.ItemDataRole.ToolTipRole)).endswith(f"\n\n{TAGS}")


def test_the_import_progress_shows_a_file_name_literally(qtbot) -> None:
    progress = ImportProgress()
    qtbot.addWidget(progress)
    name = '<img src="probe.png">.txt'
    progress.set_progress(1, 2, f"/tmp/{name}")
    progress.show()
    assert label_shows(progress.label) == f"Importing 1 of 2: {name}"


def test_the_import_report_shows_names_and_reasons_literally(qtbot) -> None:
    path = Path("/tmp") / f"{TAGS}.txt"
    report = ImportReport([FileResult(path, error=f"{path}: {IMG} is not a feed")])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    item = dialog.failures.topLevelItem(0)
    assert item.text(0) == path.name
    assert displayed(item.toolTip(1)) == f"{path}: {IMG} is not a feed"
    assert label_shows(dialog.summary) == "Imported 0 articles; 1 file failed."


def test_an_import_that_stops_says_why_in_plain_text(window, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    window._on_import_failed(f"cannot store {IMG}")
    (box,) = shown
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == f"cannot store {IMG}"
    assert window.statusBar().currentMessage() == f"Import stopped: cannot store {IMG}"


def test_entity_names_show_literally(qtbot, monkeypatch, sync_workers) -> None:
    name = f"{TAGS} {IMG}"
    pane = EntityPane(corrector=lambda *_args: None)
    qtbot.addWidget(pane)
    pane.show_entities(([Entity(0, 5, "x", "person", name, role=LINK)], []))
    row = pane.tree.topLevelItem(0).child(0)
    assert displayed(row.toolTip(0)) == f"{name} — {LINK}: click to step through its mentions"
    pane.activate("person", name)
    assert label_shows(pane.status) == f"{name}: mention 1 of 1"
    menu = pane.entity_menu("person", name)
    others = menu.actions()[1]
    assert QKeySequence.mnemonic(others.text()).isEmpty()
    assert others.text().replace("&&", "&") == f"Other articles mentioning {name}"

    asked: list[str] = []

    def get_text(_parent, _title, label, **_kwargs):
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    pane._ask_rename(name)
    assert displayed(asked[0]) == f"New name for {name}:"


def test_a_failed_summary_names_the_reason_literally(qtbot, sync_workers) -> None:
    pane = SummaryPane(summarizer=lambda *_args: None)
    qtbot.addWidget(pane)
    pane._on_failed(pane._token, ValueError(f"cannot summarise {IMG}"))
    assert label_shows(pane.status) == f"No summary: cannot summarise {IMG}"


def test_the_window_title_shows_an_article_title_literally(window, qtbot) -> None:
    title = f"Budget [*] {TAGS}"
    article_id = add_article(window.library, title, "The budget of the city rose.")
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.article is not None and window.article.id == article_id)
    qtbot.waitUntil(lambda: window.windowHandle().title() == f"{title} — Dossier")


def test_a_megabyte_title_is_cut_for_the_list_and_keeps_it_fast(qtbot, library, sync_workers):
    title = "word " * 200_000
    add_article(library, title, "A short text.", source="s" * 100_000)
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.resize(800, 400)
    pane.show()
    pane.refresh()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)  # and the seed article
    row = pane.model.row_of(max(pane.model.article_id(r) for r in range(2)))
    shown = pane.model.index(row, 0).data()
    assert len(shown) == DISPLAY_CHARS and title.startswith(shown[:-1]) and shown[-1] == "…"
    pane.table.viewport().repaint()  # eliding the whole title took 0.5 s a paint
