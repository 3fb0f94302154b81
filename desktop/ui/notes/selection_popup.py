"""The small toolbar that appears at a selection in the reader: one button per category.

It is a child of the reader, not a popup window, so it never steals keyboard focus or grabs the
mouse: the user can ignore it and keep selecting, and H still works.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from desktop.core.models import HighlightCategory
from desktop.ui.plain_text import literal_ampersands, literal_html

SWATCH_SIZE = 12


def swatch_icon(colour: str, size: int = SWATCH_SIZE) -> QIcon:
    """A filled square of a category colour, used wherever a category is listed."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class SelectionPopup(QFrame):
    """Category buttons plus "Note…"; emits what the user picked and hides itself."""

    category_chosen = Signal(str)
    note_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("selectionPopup")
        # Palette roles, so it stands off the page in the light and the dark theme alike.
        self.setStyleSheet(
            "QFrame#selectionPopup { background: palette(window); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(3, 3, 3, 3)
        self._layout.setSpacing(2)
        self._dark = False
        self._categories: list[HighlightCategory] = []
        self.hide()

    def set_categories(self, categories: Sequence[HighlightCategory], dark: bool = False) -> None:
        self._categories = list(categories)
        self._dark = dark
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for category in self._categories:
            button = self._button(
                literal_ampersands(category.label),
                literal_html(f"Highlight as “{category.label}” (H)"),
            )
            button.setIcon(swatch_icon(category.dark if dark else category.light))
            button.clicked.connect(lambda _=False, n=category.name: self._choose(n))
        note = self._button("Note…", "Highlight and write a note")
        note.clicked.connect(self._ask_note)
        self.adjustSize()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._layout.addWidget(button)
        return button

    def show_at(self, anchor: QPoint) -> None:
        """Show just below ``anchor`` (parent coordinates), kept inside the parent."""
        self.adjustSize()
        parent = self.parentWidget()
        x = max(0, min(anchor.x() - self.width() // 2, parent.width() - self.width()))
        y = anchor.y() + 6
        if y + self.height() > parent.height():
            y = max(0, anchor.y() - self.height() - 24)
        self.move(x, y)
        self.show()
        self.raise_()

    def _choose(self, name: str) -> None:
        self.hide()
        self.category_chosen.emit(name)

    def _ask_note(self) -> None:
        self.hide()
        self.note_requested.emit()
