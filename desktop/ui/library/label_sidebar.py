"""The library's sidebar: every story and tag, each a filter on the article list.

Counts come from the core (``stories``/``tags``: articles not in the trash). Choosing
"All articles" clears the filter; the choice is sent as ``filter_chosen(story, tag)``. A
story's context menu renames or deletes it (its articles stay in the library).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QTreeWidget, QTreeWidgetItem

from desktop.core.library import stories
from desktop.core.storage.engine import sqlite3
from desktop.ui.plain_text import display_line

KIND_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class LabelSidebar(QTreeWidget):
    """Stories and tags as a two-branch tree; a click filters the list."""

    filter_chosen = Signal(str, str)  # story, tag ('' for none)
    stories_changed = Signal()
    message = Signal(str)

    def __init__(self, conn: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.setHeaderHidden(True)
        self.setAccessibleName("Stories and tags")
        self.setRootIsDecorated(False)
        self.itemClicked.connect(self._on_clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._story_menu)
        self.reload()

    def reload(self) -> None:
        """Read the stories and tags again, keeping the chosen one selected. A library with
        neither does without the sidebar, so the list keeps its width."""
        chosen = self.chosen()
        self.clear()
        everything = QTreeWidgetItem(self, ["All articles"])
        everything.setData(0, KIND_ROLE, "")
        groups = (
            ("story", "Stories", stories.stories(self.conn)),
            ("tag", "Tags", stories.tags(self.conn)),
        )
        self.setHidden(not any(labels for _, _, labels in groups))
        for kind, title, labels in groups:
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

    def _story_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(0, KIND_ROLE) != "story":
            return
        name = item.data(0, NAME_ROLE)
        menu = QMenu(self)
        menu.addAction("&Rename Story…", lambda: self._ask_rename(name))
        menu.addAction("&Delete Story", lambda: self.delete_story(name))
        menu.popup(self.viewport().mapToGlobal(pos))

    def _ask_rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, "Rename Story", "New name:", text=name)
        if ok:
            self.rename_story(name, new)

    def rename_story(self, name: str, new: str) -> None:
        """Rename the story; a filter on it follows the new name."""
        chosen = self.chosen()
        renamed = self._change(lambda: stories.rename_story(self.conn, name, new))
        if renamed and chosen == ("story", name):
            self.choose("story", renamed)

    def delete_story(self, name: str) -> None:
        """Remove the story (not its articles); the list shows everything if it was chosen."""
        self._change(lambda: stories.delete_story(self.conn, name))

    def _change(self, change: Callable[[], str | None]) -> str | None:
        """Run a story change; the story's new name ('' when deleted), None when refused."""
        chosen = self.chosen()
        try:
            result = change() or ""
        except (stories.StoryError, LookupError) as exc:
            self.message.emit(str(exc))
            return None
        self.reload()
        if self.chosen() != chosen:  # the chosen story is gone: show every article
            self.filter_chosen.emit("", "")
        self.stories_changed.emit()
        return result

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind is None:
            return  # a branch heading
        name = item.data(0, NAME_ROLE) or ""
        self.filter_chosen.emit(name if kind == "story" else "", name if kind == "tag" else "")
