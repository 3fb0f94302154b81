"""Notes are the user's text, often pasted from pages: the preview renders their Markdown but
loads no image and follows no link, and every other notes surface shows them literally."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QHelpEvent, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton, QToolTip, QWidget

from desktop.core.models import Highlight, HighlightCategory
from desktop.ui.notes.category_dialog import CategoryDialog
from desktop.ui.notes.export_dialogs import NotesImporter
from desktop.ui.notes.highlight_list_model import HighlightListModel
from desktop.ui.notes.note_preview import MAX_CHARS, NotePreview
from desktop.ui.notes.notebook_model import NotebookModel
from desktop.ui.notes.notebook_window import NotebookWindow
from desktop.ui.notes.selection_popup import SelectionPopup
from tests.ui.rendering import HOSTILE, displayed, label_shows

IMG, LINK, MARKDOWN_IMG, TAGS = HOSTILE
SIDE = 400  # pixels of the picture a note names: a preview that loaded it would be this tall


def picture(tmp_path: Path) -> Path:
    path = tmp_path / "big.png"
    image = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(path))
    return path


def preview_of(qtbot, note: str) -> NotePreview:
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.resize(500, 300)
    preview.set_note(note)
    preview.show()
    qtbot.waitExposed(preview)
    preview.grab()  # painted, as on screen
    return preview


def test_the_preview_renders_markdown_but_loads_no_picture(qtbot, tmp_path) -> None:
    path = picture(tmp_path)
    note = f'**Check** this ![chart]({path}) and <img src="{path}"> <b>not bold</b>'
    control = QTextDocument()
    control.setMarkdown(note)
    assert control.size().height() >= SIDE  # what a QLabel in Markdown mode did: read the file

    preview = preview_of(qtbot, note)
    document = preview.document()
    assert document.size().height() < SIDE / 2
    assert document.toPlainText().startswith("Check this ")  # Markdown is still rendered
    assert f'<img src="{path}"> <b>not bold</b>' in document.toPlainText()  # HTML as typed


def test_the_preview_follows_no_link_and_shows_where_it_points(qtbot) -> None:
    opened: list[str] = []

    class Catcher(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url.toString())

    catcher = Catcher()
    for scheme in ("file", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    try:
        preview = preview_of(qtbot, f"[passwd](file:///etc/passwd '{IMG}') and [web](https://a.b)")
        before = preview.document().toPlainText()
        for word in ("passwd", "web"):
            cursor = preview.document().find(word)
            cursor.setPosition(cursor.selectionStart() + 1)
            point = preview.cursorRect(cursor).center()
            assert preview.anchorAt(point)
            qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
            viewport = preview.viewport()
            QApplication.sendEvent(
                viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
            )
            assert displayed(QToolTip.text()) == preview.anchorAt(point)
        assert opened == []
        assert preview.document().toPlainText() == before
    finally:
        for scheme in ("file", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_a_very_long_note_is_previewed_in_part_without_holding_the_window(qtbot) -> None:
    note = "A **long** note. " * 25_000  # 425 KB, pasted
    preview = preview_of(qtbot, "x")
    preview.set_note(note)
    preview.grab()
    shown = preview.document().toPlainText()
    assert shown.startswith("A long note. ") and shown.endswith("…")
    assert len(shown) < MAX_CHARS


def test_an_empty_note_hides_the_preview(qtbot) -> None:
    preview = preview_of(qtbot, MARKDOWN_IMG)
    assert preview.isVisible()
    preview.set_note("  ")
    assert not preview.isVisible()


def _highlight(note: str) -> Highlight:
    return Highlight("h1", 1, 0, 5, IMG, "", "", "", "key-fact", note=note, tags=("t",))


def test_highlight_lists_and_the_notebook_show_quotes_and_notes_literally(qapp) -> None:
    notes = HighlightListModel()
    notes.set_categories({"key-fact": TAGS}, {"key-fact": "#ffff00"})
    notes.set_highlights([_highlight(LINK)])
    tip = notes.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert displayed(tip) == f"{TAGS}\n\n{LINK}"
    notebook = NotebookModel()
    notebook.set_results([_highlight(MARKDOWN_IMG)], {1: IMG})
    assert displayed(notebook.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)) == IMG
    assert displayed(notebook.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) == MARKDOWN_IMG
    assert notebook.index(0, 4).data() == IMG


def test_category_names_in_the_selection_bar_show_literally(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    popup = SelectionPopup(parent)
    popup.set_categories([HighlightCategory("mine", "R&D <b>", "#ff0", "#880")])
    button = popup.findChildren(QToolButton)[0]
    assert QKeySequence.mnemonic(button.text()).isEmpty()
    assert button.text().replace("&&", "&") == "R&D <b>"
    assert displayed(button.toolTip()) == "Highlight as “R&D <b>” (H)"


def test_notes_messages_are_plain_text(qtbot, restart, monkeypatch, tmp_path) -> None:
    dialog = CategoryDialog()
    qtbot.addWidget(dialog)
    dialog._show_error(ValueError(f"bad name {IMG}"))
    assert label_shows(dialog.message) == f"Not saved: bad name {IMG}"

    notebook = NotebookWindow()
    qtbot.addWidget(notebook)
    notebook._show_error(ValueError(IMG))
    assert label_shows(notebook.status) == f"Notebook: {IMG}"

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "show", lambda box: shown.append(box))
    bad = tmp_path / "<b>AT&T.json"
    bad.write_text("{not json")
    NotesImporter(parent).start(str(bad))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert str(bad) in shown[0].text()
