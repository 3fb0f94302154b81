"""The Library pane: a live search box, filters and the article list.

Moving through the list opens articles (after a short pause so holding ↓ does not open every
row on the way); Enter opens at once and hands focus to the reader; Space stars.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.storage.engine import sqlite3
from desktop.ui.library.article_actions import ArticleActions
from desktop.ui.library.label_sidebar import LabelSidebar
from desktop.ui.library.model import COLUMNS, LibraryModel
from desktop.ui.library.query import LibraryFilter, Listing
from desktop.ui.plain_text import literal_ampersands

SEARCH_DELAY_MS = 200
OPEN_DELAY_MS = 120
_MOVES = {Qt.Key.Key_J: 1, Qt.Key.Key_K: -1}


def search_note(search: str, rows: int, listing: Listing) -> str:
    """The line under the search box: why nothing is listed, or which other spellings of a
    known name were searched too; '' when there is nothing to say."""
    if listing.problem:
        return f"Cannot search for this: {listing.problem}"
    if search.strip() and not rows:
        return f"No matches for “{' '.join(search.split())}”"
    return "; ".join(
        f"{term} also found as {', '.join(also[1:])}" for term, also in listing.expansions
    )


class LibraryTable(QTableView):
    """The article list with reader-style keys: j/k move, Space stars, Enter opens."""

    open_requested = Signal(int)
    star_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        row = self.currentIndex().row()
        if plain and key in _MOVES:
            target = max(0, min(self.model().rowCount() - 1, row + _MOVES[key]))
            self.setCurrentIndex(self.model().index(target, 0))
        elif plain and key == Qt.Key.Key_Space and row >= 0:
            self.star_requested.emit(row)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.open_requested.emit(row)
        else:
            super().keyPressEvent(event)


class LibraryPane(QWidget):
    """Search, filter and pick articles; emits ``article_opened(id)``."""

    article_opened = Signal(int)
    reader_focus_requested = Signal()

    def __init__(self, conn: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(conn, self)
        self._opened = 0
        self._pending = 0
        self._next_row = -1  # the row to open after the open article left the list
        self._reselect: list[int] = []  # selected before an action re-read the list

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the library")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.search.setAcceptDrops(False)  # dropped files are imported by the window
        self.unread = self._toggle("Unread", "Only unread articles")
        self.starred = self._toggle("Starred", "Only starred articles")
        self.watchlist = self._toggle("Watchlist", "Only articles that match your watchlist")
        self.mentions = QToolButton(self)
        self.mentions.setToolTip("Showing articles that mention this entity; click to clear")
        self.mentions.setVisible(False)
        self.count = QLabel(self)
        # What the search found out: no matches, a query it cannot read, other spellings.
        self.search_note = QLabel(self)
        self.search_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.search_note.setWordWrap(True)
        self.search_note.setVisible(False)

        self.table = LibraryTable(self)
        self.table.setModel(self.model)
        self._set_up_table()
        self.sidebar = LabelSidebar(conn, self)
        self.actions = ArticleActions(conn, self.selected_ids, self)
        self.table.addActions([self.actions.delete_action, self.actions.edit_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.actions.context_menu().popup(self.table.viewport().mapToGlobal(pos))
        )
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.sidebar)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([140, 400])

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for button in (self.unread, self.starred, self.watchlist, self.mentions):
            filters.addWidget(button)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.search_note)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

        self._search_timer = self._single_shot(SEARCH_DELAY_MS, self._apply_filters)
        self._open_timer = self._single_shot(OPEN_DELAY_MS, self._open_pending)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.table.setFocus)
        for key, slot in (
            (QKeySequence.StandardKey.Cancel, self.search.clear),
            ("Down", self.table.setFocus),
        ):
            QShortcut(
                QKeySequence(key), self.search, slot, context=Qt.ShortcutContext.WidgetShortcut
            )
        for button in (self.unread, self.starred, self.watchlist):
            button.toggled.connect(self._apply_filters)
        self.mentions.clicked.connect(lambda: self.filter_mentions(""))
        self.model.refreshed.connect(self._on_refreshed)
        self.model.snippets_ready.connect(self._on_snippets_ready)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.open_requested.connect(self._on_open_requested)
        self.table.star_requested.connect(self.model.toggle_star)
        self.table.clicked.connect(self._on_clicked)
        self.sidebar.filter_chosen.connect(self.filter_label)
        self.sidebar.message.connect(self.actions.message)
        self.actions.library_changed.connect(self._on_library_changed)
        self.actions.articles_trashed.connect(self._on_trashed)

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def _column_toggle(self, column: int, meaning: str) -> QAction:
        """A header context-menu entry that shows or hides one column."""
        action = QAction(f"Show {meaning.lower()}", self)
        action.setCheckable(True)
        action.setChecked(True)
        action.toggled.connect(lambda shown: self.table.setColumnHidden(column, not shown))
        return action

    def _single_shot(self, delay: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        bold = QFont(table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # unread rows are bold: their dates must fit too
        widths = {
            "source": metrics.horizontalAdvance("Source nam"),
            "date": metrics.horizontalAdvance("2025-08-18") + 12,
            "words": metrics.horizontalAdvance("00,000") + 10,
        }
        symbol = metrics.horizontalAdvance("0") + 16
        header.setMinimumSectionSize(symbol)
        for column, (key, _, _) in enumerate(COLUMNS):
            if key != "title":
                header.resizeSection(column, widths.get(key, symbol))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions = {
            key: self._column_toggle(column, meaning)
            for column, (key, _, meaning) in enumerate(COLUMNS)
            if key != "title"
        }
        header.addActions(list(self.column_actions.values()))
        table.setSortingEnabled(True)

    # --- filters -------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self.model.set_filter(
            dataclasses.replace(
                self.model.filter,
                search=self.search.text(),
                unread_only=self.unread.isChecked(),
                starred_only=self.starred.isChecked(),
                watchlist_only=self.watchlist.isChecked(),
            )
        )

    def filter_mentions(self, canonical: str) -> None:
        """Show only articles mentioning ``canonical`` ('' shows every article again)."""
        self.mentions.setText(literal_ampersands(f"Mentions: {canonical}  ✕") if canonical else "")
        self.mentions.setVisible(bool(canonical))
        self.model.set_filter(dataclasses.replace(self.model.filter, mentions=canonical))

    def filter_label(self, story: str, tag: str) -> None:
        """Show only the articles of a story or with a tag (both '' shows them all)."""
        self.model.set_filter(dataclasses.replace(self.model.filter, story=story, tag=tag))

    def selected_ids(self) -> list[int]:
        """The selected articles in list order; the current one when none is selected."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [i for i in (self.model.article_id(r) for r in rows) if i]

    def _on_trashed(self, ids: list[int]) -> None:
        """The open article went to the trash: the one taking its row opens instead."""
        if self._opened in ids:
            self._next_row = self.model.row_of(self._opened)
            self._opened = self._pending = 0

    def _on_library_changed(self) -> None:
        """Articles trashed, restored, edited or labelled: list and sidebar read again."""
        self._reselect = self.selected_ids()
        self.sidebar.reload()
        self.model.refresh()

    def current_filter(self) -> LibraryFilter:
        return self.model.filter

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- selection and opening -----------------------------------------------------------
    def select_article(self, article_id: int) -> bool:
        """Make ``article_id`` the current row (opening it); False when it is not listed."""
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        self._set_current(row)
        return True

    def current_article_id(self) -> int:
        return self._opened

    def show_opened(self, article_id: int) -> None:
        """Record an article opened from elsewhere (start-up) so the list selects its row."""
        self._opened = self._pending = article_id
        self.model.mark_read(article_id)
        self.select_article(article_id)

    def sort_column(self) -> tuple[int, bool]:
        header = self.table.horizontalHeader()
        return header.sortIndicatorSection(), (
            header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        )

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) article in the list."""
        rows = self.model.rowCount()
        if rows:
            current = self.table.currentIndex().row()
            self._set_current(max(0, min(rows - 1, current + delta)))

    def toggle_star_current(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.toggle_star(row)

    def _set_current(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a list refresh; ``_on_refreshed`` puts the selection back
        self._pending = self.model.article_id(current.row())
        if self._pending != self._opened:
            self._open_timer.start()

    def _open_pending(self) -> None:
        if self._pending and self._pending != self._opened:
            self._open(self._pending)

    def _on_open_requested(self, row: int) -> None:
        self._open_timer.stop()
        article_id = self.model.article_id(row)
        if article_id and article_id != self._opened:
            self._open(article_id)
        self.reader_focus_requested.emit()

    def _on_clicked(self, index: QModelIndex) -> None:
        if COLUMNS[index.column()][0] == "starred":
            self.model.toggle_star(index.row())

    def _open(self, article_id: int) -> None:
        self._opened = article_id
        self.model.mark_read(article_id)
        self.article_opened.emit(article_id)

    def _on_refreshed(self) -> None:
        rows = self.model.rowCount()
        listing = self.model.listing
        if listing.library:  # a search: "23 of 1,234 articles"
            plural = "s" if listing.library != 1 else ""
            self.count.setText(f"{rows:,} of {listing.library:,} article{plural}")
        else:
            self.count.setText(f"{rows:,} article{'s' if rows != 1 else ''}")
        note = search_note(self.model.filter.search, rows, listing)
        self.search_note.setText(note)
        self.search_note.setVisible(bool(note))
        selected = self._pending or self._opened
        row = self.model.row_of(selected) if selected else -1
        if row < 0 <= self._next_row and rows:
            row = min(self._next_row, rows - 1)
        self._next_row = -1
        if row >= 0:
            self._set_current(row)
        self._select_again()

    def _select_again(self) -> None:
        """Select again the articles selected before an action re-read the list."""
        selection = self.table.selectionModel()
        rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for article_id in self._reselect:
            row = self.model.row_of(article_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), rows)
        self._reselect = []

    def _on_snippets_ready(self, first: int, last: int) -> None:
        """A title tooltip shown while its search snippet was being found gets the snippet."""
        if not QToolTip.isVisible():
            return  # the user has moved on; the next hover shows the snippet
        viewport = self.table.viewport()
        index = self.table.indexAt(viewport.mapFromGlobal(QCursor.pos()))
        if index.isValid() and index.column() == 0 and first <= index.row() <= last:
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            QToolTip.showText(QCursor.pos(), tip, viewport, self.table.visualRect(index))

    def refresh(self) -> None:
        self.model.refresh()

    def hidden_columns(self) -> list[str]:
        return [key for key, action in self.column_actions.items() if not action.isChecked()]

    def set_hidden_columns(self, keys: list[str]) -> None:
        for key, action in self.column_actions.items():
            action.setChecked(key not in keys)

    def shortcut_hints(self) -> list[tuple[str, str]]:
        """The list's own keys, for Help ▸ Keyboard shortcuts."""
        return [
            ("↓ / J", "Next article"),
            ("↑ / K", "Previous article"),
            ("Enter", "Open the article and move to the reader"),
            ("Space", "Star or unstar the article"),
            (QKeySequence("Escape").toString(), "Clear the search (in the search box)"),
        ]
