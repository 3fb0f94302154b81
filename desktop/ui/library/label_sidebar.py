"""The library's sidebar: every story and tag, each a filter on the article list.

Counts come from the core (``stories``/``tags``: articles not in the trash). Choosing
"All articles" clears the filter; the choice is sent as ``filter_chosen(story, tag)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.core.library import stories
from desktop.core.storage.engine import sqlite3
from desktop.ui.plain_text import display_line

KIND_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class LabelSidebar(QTreeWidget):
    """Stories and tags as a two-branch tree; a click filters the list."""

    filter_chosen = Signal(str, str)  # story, tag ('' for none)

    def __init__(self, conn: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.setHeaderHidden(True)
        self.setAccessibleName("Stories and tags")
        self.setRootIsDecorated(False)
        self.itemClicked.connect(self._on_clicked)
        self.reload()

    def reload(self) -> None:
        """Read the stories and tags again, keeping the chosen one selected."""
        chosen = self.chosen()
        self.clear()
        everything = QTreeWidgetItem(self, ["All articles"])
        everything.setData(0, KIND_ROLE, "")
        for kind, title, labels in (
            ("story", "Stories", stories.stories(self.conn)),
            ("tag", "Tags", stories.tags(self.conn)),
        ):
            branch = QTreeWidgetItem(self, [title])
            branch.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for label in labels:
                item = QTreeWidgetItem(branch, [f"{display_line(label.name)}  ({label.articles})"])
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, NAME_ROLE, label.name)
                if (kind, label.name) == chosen:
                    self.setCurrentItem(item)
        self.expandAll()

    def chosen(self) -> tuple[str, str]:
        """(kind, name) of the selected story or tag; ('', '') for all articles."""
        item = self.currentItem()
        if item is None or not item.data(0, KIND_ROLE):
            return "", ""
        return item.data(0, KIND_ROLE), item.data(0, NAME_ROLE)

    def choose(self, kind: str, name: str) -> None:
        """Select a story or tag (as a click would) and filter by it."""
        for index in range(self.topLevelItemCount()):
            branch = self.topLevelItem(index)
            for child in range(branch.childCount()):
                item = branch.child(child)
                if (item.data(0, KIND_ROLE), item.data(0, NAME_ROLE)) == (kind, name):
                    self.setCurrentItem(item)
                    self._on_clicked(item)
                    return

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind is None:
            return  # a branch heading
        name = item.data(0, NAME_ROLE) or ""
        self.filter_chosen.emit(name if kind == "story" else "", name if kind == "tag" else "")
