"""What the library list can do to the selected articles: move them to the trash (and undo
that), edit one's details, put them in a story, tag them, open the trash.

Each is a core call on a handful of rows, quick enough for the GUI thread; afterwards
``library_changed`` lets the list and the sidebar read the library again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from desktop.core.library import stories, trash
from desktop.core.library.store import ArticleStore
from desktop.core.storage.engine import sqlite3
from desktop.ui.library.edit_details_dialog import EditDetailsDialog
from desktop.ui.library.trash_dialog import TrashDialog


class ArticleActions(QObject):
    """Actions over the articles ``selected()`` returns (ids, in list order)."""

    library_changed = Signal()
    articles_trashed = Signal(list)
    details_edited = Signal(int)
    message = Signal(str)

    def __init__(
        self, conn: sqlite3.Connection, selected: Callable[[], list[int]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.selected = selected
        self.parent_widget = parent
        self.last_trashed: list[int] = []
        self.delete_action = self._action("Move to &Trash", self.trash_selected, "Delete")
        # Delete acts on the list only: in the reader or a note it must never trash an article.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.undo_delete_action = self._action("&Undo Move to Trash", self.undo_trash)
        self.undo_delete_action.setEnabled(False)
        self.edit_action = self._action("Edit &Details…", self.edit_details, "Ctrl+E")
        self.tag_action = self._action("&Tag…", self.ask_tag)
        self.trash_dialog_action = self._action("Show T&rash…", self.show_trash)
        self.story_menu = QMenu("Add to &Story", parent)
        self.story_menu.aboutToShow.connect(self._fill_story_menu)
        self.remove_menu = QMenu("&Remove From", parent)
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)

    def _action(self, text: str, slot: Callable[[], object], key: str = "") -> QAction:
        action = QAction(text, self.parent_widget)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def context_menu(self) -> QMenu:
        """The list's context menu, for the current selection."""
        menu = QMenu(self.parent_widget)
        menu.addAction(self.edit_action)
        menu.addMenu(self.story_menu)
        menu.addAction(self.tag_action)
        menu.addMenu(self.remove_menu)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.addAction(self.undo_delete_action)
        return menu

    # --- trash -----------------------------------------------------------------------------
    def trash_selected(self) -> list[int]:
        moved = trash.trash(self.conn, self.selected())
        if moved:
            self.last_trashed = moved
            self.undo_delete_action.setEnabled(True)
            self.message.emit(f"Moved {len(moved)} article(s) to the trash with their notes")
            self.articles_trashed.emit(moved)
            self.library_changed.emit()
        return moved

    def undo_trash(self) -> list[int]:
        restored = trash.restore(self.conn, self.last_trashed)
        self.last_trashed = []
        self.undo_delete_action.setEnabled(False)
        if restored:
            self.message.emit(f"Restored {len(restored)} article(s) with their notes")
            self.library_changed.emit()
        return restored

    def show_trash(self) -> TrashDialog:
        dialog = TrashDialog(self.conn, self.parent_widget)
        dialog.library_changed.connect(self.library_changed)
        dialog.open()
        return dialog

    # --- details, stories, tags ------------------------------------------------------------
    def edit_details(self) -> EditDetailsDialog | None:
        ids = self.selected()
        article = ArticleStore(self.conn).get(ids[0]) if ids else None
        if article is None:
            return None
        dialog = EditDetailsDialog(self.conn, article, self.parent_widget)
        dialog.accepted.connect(self.library_changed)
        dialog.accepted.connect(lambda: self.details_edited.emit(article.id))
        dialog.open()
        return dialog

    def add_to_story(self, name: str) -> int:
        return self._labelled(lambda ids: stories.attach(self.conn, name, ids))

    def tag_selected(self, tag: str) -> int:
        return self._labelled(lambda ids: stories.add_tag(self.conn, tag, ids))

    def _labelled(self, change: Callable[[list[int]], int]) -> int:
        ids = self.selected()
        if not ids:
            return 0
        try:
            count = change(ids)
        except (stories.StoryError, LookupError) as exc:
            self.message.emit(str(exc))
            return 0
        self.library_changed.emit()
        return count

    def remove_from_story(self, name: str) -> int:
        return self._labelled(lambda ids: stories.detach(self.conn, name, ids))

    def untag_selected(self, tag: str) -> int:
        return self._labelled(lambda ids: stories.remove_tag(self.conn, tag, ids))

    def _fill_remove_menu(self) -> None:
        """The stories and tags of the selected articles, each to take them out of."""
        self.remove_menu.clear()
        names: tuple[set[str], set[str]] = (set(), set())
        for tags, in_stories in stories.labels_of(self.conn, self.selected()).values():
            names[0].update(tags)
            names[1].update(in_stories)
        for name in sorted(names[1], key=str.casefold):
            action = self.remove_menu.addAction(f"Story: {name}".replace("&", "&&"))
            action.triggered.connect(lambda _=False, n=name: self.remove_from_story(n))
        for tag in sorted(names[0], key=str.casefold):
            action = self.remove_menu.addAction(f"Tag: {tag}".replace("&", "&&"))
            action.triggered.connect(lambda _=False, t=tag: self.untag_selected(t))
        if self.remove_menu.isEmpty():
            self.remove_menu.addAction("(no stories or tags)").setEnabled(False)

    def ask_tag(self) -> None:
        tag, ok = QInputDialog.getText(self.parent_widget, "Tag Articles", "Tag:")
        if ok and tag.strip():
            self.tag_selected(tag)

    def ask_new_story(self) -> None:
        name, ok = QInputDialog.getText(self.parent_widget, "New Story", "Story name:")
        if ok and name.strip():
            self.add_to_story(name)

    def _fill_story_menu(self) -> None:
        self.story_menu.clear()
        for label in stories.stories(self.conn):
            action = self.story_menu.addAction(label.name.replace("&", "&&"))
            action.triggered.connect(lambda _=False, n=label.name: self.add_to_story(n))
        self.story_menu.addSeparator()
        self.story_menu.addAction("&New Story…", self.ask_new_story)
