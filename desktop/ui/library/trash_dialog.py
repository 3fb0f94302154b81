"""The Trash: articles deleted from the library, to restore with their notes or remove for
good (after a confirmation that says how many notes go with them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.library.trash import empty_trash, restore, trash_contents
from desktop.core.storage.engine import sqlite3
from desktop.ui.messages import plain_box
from desktop.ui.plain_text import display_line


class TrashDialog(QDialog):
    """Lists the trash; Restore brings the selected back, Empty Trash removes all for good."""

    library_changed = Signal()

    def __init__(self, conn: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.conn = conn
        self.items = QListWidget(self)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setAccessibleName("Articles in the trash")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton("&Restore", self)
        self.empty_button = QPushButton("&Empty Trash…", self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.confirm_empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        self.contents = trash_contents(self.conn)
        for entry in self.contents:
            notes = f" — {entry.notes} note{'s' if entry.notes != 1 else ''}" if entry.notes else ""
            item = QListWidgetItem(f"{display_line(entry.title)}{notes}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.items.addItem(item)
        self.empty_button.setEnabled(bool(self.contents))
        self.restore_button.setEnabled(bool(self.contents))

    def restore_selected(self) -> None:
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.items.selectedItems()]
        if ids and restore(self.conn, ids):
            self.reload()
            self.library_changed.emit()

    def empty_question(self) -> str:
        notes = sum(entry.notes for entry in self.contents)
        return (
            f"Remove {len(self.contents)} article(s) and the {notes} note(s) on them for good?"
            " This cannot be undone."
        )

    def confirm_empty(self) -> None:
        box = plain_box(self, "Empty Trash", self.empty_question(), QMessageBox.Icon.Question)
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Discard).setText("Remove for Good")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).clicked.connect(self.empty)
        box.open()

    def empty(self) -> None:
        empty_trash(self.conn)
        self.reload()
        self.library_changed.emit()
