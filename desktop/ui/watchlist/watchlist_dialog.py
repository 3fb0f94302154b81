"""The watchlist dialog: the user's own people, institutions and terms to look out for.

Entries have a name, a category and aliases (other spellings: "Navalny", "Navalnyi"). The
core stores them and matches them in every article; this dialog only edits the list, through
worker threads, and announces ``watchlist_changed`` so the reader and library re-colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plain_text import plain_label
from desktop.ui.workers import run_task, thread_library

CATEGORIES = {
    "person": "Person",
    "leader": "Leader",
    "institution": "Institution",
    "place": "Place",
    "term": "Term",
}


@dataclass(frozen=True)
class WatchEntry:
    """One row of the watchlist as the dialog shows it; ``key`` identifies it to the store."""

    key: Any
    name: str
    category: str
    aliases: tuple[str, ...] = ()


class WatchlistStore(Protocol):
    """What the dialog needs from storage; every call runs in a worker thread."""

    def entries(self) -> list[WatchEntry]: ...
    def add(self, name: str, category: str, aliases: Sequence[str]) -> None: ...
    def remove(self, entry: WatchEntry) -> None: ...


class LibraryWatchlist:
    """The watchlist kept in the library database by the entity index."""

    def entries(self) -> list[WatchEntry]:
        from desktop.core.library.entity_index import list_watch_items

        return [
            WatchEntry(
                getattr(item, "id", item.name), item.name, item.category, tuple(item.aliases)
            )
            for item in list_watch_items(thread_library().conn)
        ]

    def add(self, name: str, category: str, aliases: Sequence[str]) -> None:
        from desktop.core.library.entity_index import add_watch_item

        add_watch_item(thread_library().conn, name, category, tuple(aliases))

    def remove(self, entry: WatchEntry) -> None:
        from desktop.core.library.entity_index import remove_watch_item

        remove_watch_item(thread_library().conn, entry.key)


class WatchlistDialog(QDialog):
    watchlist_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, store: WatchlistStore | None = None):
        super().__init__(parent)
        self.setWindowTitle("Watchlist")
        self.resize(560, 420)
        self._store: WatchlistStore = store or LibraryWatchlist()
        self._entries: list[WatchEntry] = []

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Category", "Also known as"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name_field = QLineEdit(placeholderText="e.g. Alexei Navalny")
        self.category_box = QComboBox()
        for key, label in CATEGORIES.items():
            self.category_box.addItem(label, key)
        self.aliases_field = QLineEdit(placeholderText="other spellings, separated by commas")
        self.add_button = QPushButton("Add")
        self.add_button.setDefault(True)
        self.remove_button = QPushButton("Remove selected")
        self.status = plain_label(wrap=True)

        form = QFormLayout()
        form.addRow("Name", self.name_field)
        form.addRow("Category", self.category_box)
        form.addRow("Aliases", self.aliases_field)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Names and terms to colour in every article:"))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)

        close.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add)
        self.name_field.returnPressed.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.name_field.textChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    def entries(self) -> list[WatchEntry]:
        return list(self._entries)

    def reload(self) -> None:
        run_task(self._store.entries, self._show, self._failed, owner=self)

    def add_entry(self, name: str, category: str, aliases: Sequence[str] = ()) -> None:
        """Store a new entry (in the background), then refresh and announce the change."""
        name = name.strip()
        if not name:
            return
        if category not in CATEGORIES:
            raise ValueError(f"unknown watchlist category {category!r}")
        kept = tuple(a.strip() for a in aliases if a.strip() and a.strip() != name)
        run_task(
            lambda: self._store.add(name, category, kept), self._changed, self._failed, owner=self
        )

    def remove_entries(self, entries: Sequence[WatchEntry]) -> None:
        def remove_all() -> None:
            for entry in entries:
                self._store.remove(entry)

        if entries:
            run_task(remove_all, self._changed, self._failed, owner=self)

    def _on_add(self) -> None:
        aliases = self.aliases_field.text().split(",")
        self.add_entry(self.name_field.text(), self.category_box.currentData(), aliases)
        self.name_field.clear()
        self.aliases_field.clear()
        self.name_field.setFocus()

    def _on_remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        self.remove_entries([self._entries[r] for r in rows])

    def _changed(self, _result: object = None) -> None:
        self.status.clear()
        self.watchlist_changed.emit()
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(f"The watchlist could not be changed: {exc}")

    def _show(self, entries: list[WatchEntry]) -> None:
        self._entries = sorted(entries, key=lambda e: (e.category, e.name.casefold()))
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            cells = (entry.name, CATEGORIES.get(entry.category, entry.category), entry.aliases)
            for column, value in enumerate(cells):
                text = ", ".join(value) if isinstance(value, tuple) else value
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.name_field.text().strip()))
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))
