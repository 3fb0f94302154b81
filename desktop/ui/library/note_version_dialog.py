"""A note on the text it was made on: the article as it read when the note was written, with
the note's passage highlighted, so a note kept through updates can be checked against its
original context. The same core function as everything else (``note_origin``), in a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
)
from shiboken6 import isValid

from desktop.core.library.version_changes import NoteOrigin, note_origin
from desktop.ui.text_positions import TextPositions
from desktop.ui.theme import current_theme
from desktop.ui.workers import run_task, thread_library


class NoteVersionDialog(QDialog):
    """Shows highlight ``highlight_id`` on the version of its article it was made on."""

    def __init__(self, highlight_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.highlight_id = highlight_id
        self.origin: NoteOrigin | None = None
        self.setWindowTitle("Note on the version it was made on")
        self.status = QLabel("Reading…", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        run_task(
            lambda: note_origin(thread_library().store, highlight_id),
            self._show,
            self._show_error,
            owner=self,
        )

    def _show(self, origin: NoteOrigin) -> None:
        if not isValid(self):
            return
        self.origin = origin
        made_on = (
            "the article's current text"
            if origin.text.number is None
            else f"version {origin.text.number} of the article"
        )
        found = "" if origin.passage else " Its passage is not in this text any more."
        note = origin.highlight.note.strip()
        self.status.setText(
            f"Made on {made_on}: {origin.text.title}.{found}" + (f"\nNote: {note}" if note else "")
        )
        self.text.setPlainText(origin.text.text)
        if origin.passage is not None:
            self._mark(*origin.passage)

    def _mark(self, start: int, end: int) -> None:
        """The passage with the accent colour behind it, selected and scrolled into view."""
        positions = TextPositions(self.origin.text.text if self.origin else "")
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        passage = QTextEdit.ExtraSelection()
        passage.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(current_theme().color("highlight-yellow")))
        fmt.setFontUnderline(True)  # colour is never the only signal
        passage.format = fmt
        self.text.setExtraSelections([passage])
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def _show_error(self, exc: Exception) -> None:
        if isValid(self):
            self.status.setText(f"Showing the note on its version: {exc}")
