"""An article's earlier texts: every text an import or a restore replaced, read, compared with
the current text ("What changed", with the highlights on each) and restored.

The same core functions as `dossier versions`, run in worker threads. Texts are shown as plain
text (they came from files and pages). Restoring is safe to offer without a confirmation: the
text it replaces is kept as a version in turn, so it can be undone by restoring that one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)
from shiboken6 import isValid

from desktop.core.library.updating import Update, restore_version
from desktop.core.library.version_changes import VersionChanges, version_changes
from desktop.core.library.versions import ArticleVersion, get_version, list_versions
from desktop.core.models import HighlightCategory
from desktop.core.notes.notebook import Notebook
from desktop.ui.library.changes_view import ChangesView
from desktop.ui.workers import run_task, thread_library

TEXT_TAB, CHANGES_TAB = 0, 1


def _changes_with_categories(
    article_id: int, number: int
) -> tuple[VersionChanges, list[HighlightCategory]]:
    library = thread_library()
    changes = version_changes(library.store, article_id, number)
    return changes, Notebook(library.conn).categories()


class VersionsDialog(QDialog):
    """Lists the versions of one article; the selected one is shown and can be restored.

    ``on_restored(article_id)`` is called once its text has changed, even if the dialog was
    closed meanwhile (the window must still show the new text); results for a closed dialog
    are otherwise dropped. With ``open_changes`` it opens on What Changed for the latest
    version (the text the last update replaced).
    """

    def __init__(
        self,
        article_id: int,
        title: str,
        on_restored: Callable[[int], None] | None = None,
        parent: Any = None,
        *,
        open_changes: bool = False,
    ) -> None:
        super().__init__(parent)
        self.article_id = article_id
        self._open_changes = open_changes
        self.on_restored = on_restored
        self._text_job = 0
        self.setWindowTitle(f"Earlier versions — {title}")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(["Version", "Replaced", "Words", "Title"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._on_selection)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.changes = ChangesView(self)
        self.changes.setToolTip(
            "Removed words are struck through in red, added words underlined in green;"
            " highlights are shown on the text they are on"
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.text, "&Text")
        self.tabs.addTab(self.changes, "What &Changed")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton("&Restore This Version", self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        article_id = self.article_id
        run_task(
            lambda: list_versions(thread_library().conn, article_id),
            self._show_versions,
            self._show_error,
            owner=self,
        )

    def selected_number(self) -> int | None:
        items = self.list.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def restore_selected(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        article_id = self.article_id
        self.restore_button.setEnabled(False)
        run_task(
            lambda: restore_version(thread_library().store, article_id, number),
            lambda update: self._on_restored(number, update),
            self._show_error,
        )  # no owner: a restore ending after the dialog closed still reaches the window

    def _show_versions(self, versions: list[ArticleVersion]) -> None:
        if not isValid(self):
            return
        self.list.clear()
        self.text.clear()
        self.changes.clear_changes()
        for v in versions:
            item = QTreeWidgetItem(
                [str(v.number), v.replaced[:16].replace("T", " "), f"{v.words:,}", v.title]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, v.number)
            self.list.addTopLevelItem(item)
        if not versions:
            self.status.setText("This article has no earlier versions.")
        elif not self.status.text():
            self.status.setText(
                "Texts this article had before an update. Restoring one keeps the current text"
                " as a version too."
            )
        self.restore_button.setEnabled(False)
        if versions and self._open_changes:
            self._open_changes = False
            self.tabs.setCurrentIndex(CHANGES_TAB)
            self.list.setCurrentItem(self.list.topLevelItem(len(versions) - 1))

    def _on_selection(self) -> None:
        number = self.selected_number()
        self.restore_button.setEnabled(number is not None)
        if number is None:
            return
        article_id = self.article_id
        self._text_job += 1
        job = self._text_job  # a text that arrives after another row was picked is dropped
        run_task(
            lambda: get_version(thread_library().conn, article_id, number),
            lambda version, job=job: self._show_text(job, version),
            self._show_error,
            owner=self,
        )
        run_task(
            lambda: _changes_with_categories(article_id, number),
            lambda found, job=job: self._show_changes(job, *found),
            self._show_error,
            owner=self,
        )

    def _show_text(self, job: int, version: ArticleVersion | None) -> None:
        if isValid(self) and job == self._text_job and version is not None:
            self.text.setPlainText(version.text)

    def _show_changes(
        self, job: int, changes: VersionChanges, categories: list[HighlightCategory]
    ) -> None:
        if isValid(self) and job == self._text_job:
            self.changes.show_changes(changes, categories)

    def _on_restored(self, number: int, update: Update) -> None:
        if self.on_restored is not None:
            self.on_restored(update.article_id)
        if not isValid(self):
            return
        orphaned, moved = len(update.highlights.orphaned), len(update.highlights.moved)
        lost = f" {orphaned} highlight(s) could not be placed: see Orphans." if orphaned else ""
        check = f" {moved} highlight(s) moved — please check them in Notes." if moved else ""
        self.status.setText(
            f"Restored version {number}; the text it replaced is now version {update.version}."
            + lost
            + check
        )
        self.reload()

    def _show_error(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self.status.setText(f"Versions of this article: {exc}")
        self.restore_button.setEnabled(self.selected_number() is not None)
