"""Ctrl+F in an article: a bar under the text that finds as you type.

Every match is reported (the reader paints them) and the current one is selected and scrolled
to; Enter / Shift+Enter step through them, Escape closes the bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

MAX_MATCHES = 2000


class FindBar(QWidget):
    matches_changed = Signal(object)  # list[QTextCursor], empty when the bar closes

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = QLineEdit(placeholderText="Find in article", clearButtonEnabled=True)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        previous = QToolButton(text="↑", toolTip="Previous match (Shift+Enter)")
        following = QToolButton(text="↓", toolTip="Next match (Enter)")
        close = QToolButton(text="✕", toolTip="Close (Escape)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (QLabel("Find:"), self.field, self.count_label, previous, following, close):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next_match)
        previous.clicked.connect(self.previous_match)
        following.clicked.connect(self.next_match)
        close.clicked.connect(self.close_bar)
        back = QShortcut(QKeySequence("Shift+Return"), self.field, self.previous_match)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open_bar(self) -> None:
        """Show the bar, seeded with the selected text, and focus the field."""
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self._matches, self._current = [], -1
        self.matches_changed.emit([])
        self._editor.setFocus()

    def refresh(self) -> None:
        """Search again (the editor's document was replaced), if the bar is open."""
        if self.isVisible():
            self._search(self.field.text())

    def match_count(self) -> int:
        return len(self._matches)

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _search(self, needle: str) -> None:
        self._matches = []
        document = self._editor.document()
        if needle:
            cursor = document.find(needle, 0)
            while not cursor.isNull() and len(self._matches) < MAX_MATCHES:
                self._matches.append(cursor)
                cursor = document.find(needle, cursor.selectionEnd())
        start = self._editor.textCursor().selectionStart()
        self._current = next(
            (i for i, m in enumerate(self._matches) if m.selectionStart() >= start), 0
        )
        self._current = self._current if self._matches else -1
        self.matches_changed.emit(self._matches)
        self._show_current()

    def _step(self, delta: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + delta) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        if self._current < 0:
            self.count_label.setText("No matches" if self.field.text() else "")
            return
        self._editor.setTextCursor(self._matches[self._current])
        self._editor.ensureCursorVisible()
        self.count_label.setText(f"{self._current + 1} of {len(self._matches)}")
