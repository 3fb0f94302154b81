"""Highlight categories: rename, recolour (light and dark page) and add new ones.

Highlights refer to a category's style name, so renaming or recolouring never touches them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import HighlightCategory
from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.notes_tasks import run_notes_task
from desktop.ui.plain_text import plain_label
from desktop.ui.theme import DARK, LIGHT

NAME_ROLE = Qt.ItemDataRole.UserRole
NEW_CATEGORY_ROLES = ("highlight-blue", "highlight-pink", "highlight-green", "highlight-orange")


def pair_icon(light: str, dark: str, size: int = 16) -> QIcon:
    """Both colours of a category side by side: how it looks on a light and on a dark page."""
    pixmap = QPixmap(size * 2, size)
    painter = QPainter(pixmap)
    painter.fillRect(0, 0, size, size, QColor(light))
    painter.fillRect(size, 0, size, size, QColor(dark))
    painter.end()
    return QIcon(pixmap)


class CategoryDialog(QDialog):
    """Edits categories in the library; ``categories_changed`` tells the controller to reload."""

    categories_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Highlight categories")
        self._categories: list[HighlightCategory] = []
        self.list = QListWidget()
        self.list.setIconSize(pair_icon("#fff", "#000").availableSizes()[0])
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self._ask_rename())
        hint = QLabel("Each swatch shows the colour on a light page, then on a dark page.")
        hint.setWordWrap(True)
        self.message = plain_label(wrap=True)
        self.rename_button = self._button("Rename…", self._ask_rename)
        self.light_button = self._button("Light colour…", lambda: self._ask_colour(dark=False))
        self.dark_button = self._button("Dark colour…", lambda: self._ask_colour(dark=True))
        add_button = self._button("Add…", self._ask_add)
        buttons = QVBoxLayout()
        for button in (self.rename_button, self.light_button, self.dark_button, add_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def reload(self) -> None:
        run_notes_task(
            lambda notebook: notebook.categories(), self._show, self._show_error, owner=self
        )

    def _show(self, categories: list[HighlightCategory]) -> None:
        chosen = self.current_name()
        self._categories = categories
        self.list.clear()
        for category in categories:
            text = category.label + ("" if category.builtin else "  (yours)")
            item = QListWidgetItem(pair_icon(category.light, category.dark), text)
            item.setData(NAME_ROLE, category.name)
            self.list.addItem(item)
            if category.name == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and categories:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def _current(self) -> HighlightCategory | None:
        name = self.current_name()
        return next((c for c in self._categories if c.name == name), None)

    def _update_buttons(self) -> None:
        selected = self._current() is not None
        for button in (self.rename_button, self.light_button, self.dark_button):
            button.setEnabled(selected)

    # -- changes (public so they can be scripted and tested without the pickers) ---------------

    def rename(self, name: str, label: str) -> None:
        self._change(lambda notebook: notebook.rename_category(name, label))

    def recolour(self, name: str, light: str, dark: str) -> None:
        self._change(lambda notebook: notebook.recolour_category(name, light, dark))

    def add(self, label: str, light: str, dark: str) -> None:
        self._change(lambda notebook: notebook.add_category(label, light, dark))

    def _change(self, fn: Callable[[Notebook], object]) -> None:
        def done(_result: object) -> None:
            self.message.setText("Saved.")
            self.categories_changed.emit()
            self.reload()

        run_notes_task(fn, done, self._show_error, owner=self)

    def _show_error(self, exc: Exception) -> None:
        self.message.setText(f"Not saved: {exc}")

    # -- asking the user -----------------------------------------------------------------------

    def _ask_rename(self) -> None:
        current = self._current()
        if current is None:
            return
        label, ok = QInputDialog.getText(self, "Rename category", "Name:", text=current.label)
        if ok and label.strip() and label.strip() != current.label:
            self.rename(current.name, label.strip())

    def _ask_colour(self, *, dark: bool) -> None:
        current = self._current()
        if current is None:
            return
        page = "dark" if dark else "light"
        start = QColor(current.dark if dark else current.light)
        colour = QColorDialog.getColor(start, self, f"{current.label} on a {page} page")
        if colour.isValid():
            name = colour.name()
            light, dark_colour = (current.light, name) if dark else (name, current.dark)
            self.recolour(current.name, light, dark_colour)

    def _ask_add(self) -> None:
        label, ok = QInputDialog.getText(self, "New category", "Name:")
        if not ok or not label.strip():
            return
        role = NEW_CATEGORY_ROLES[len(self._categories) % len(NEW_CATEGORY_ROLES)]
        self.add(label.strip(), LIGHT.colours[role], DARK.colours[role])
