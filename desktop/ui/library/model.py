"""The library list as a lazy table model: ids in order, rows paged in from SQLite on demand.

Sorting and filtering recompute the ordered ids in a worker (``compute_listing``); ``data()``
fetches one page of rows by id from the GUI thread's own connection (a single indexed lookup,
well under a millisecond) and keeps a bounded cache of pages. Search snippets for the title
tooltips are found in a worker too: a snippet of a long article can take seconds, so a hovered
title shows its tooltip at once and the snippet follows (``snippets_ready``).
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.core.storage.engine import sqlite3
from desktop.core.text.cjk import CHARACTERS
from desktop.ui.library.query import (
    EMPTY_LISTING,
    LibraryFilter,
    Listing,
    ListRow,
    compute_listing,
    fetch_rows,
    fetch_snippets,
    watchlist_counts,
)
from desktop.ui.plain_text import display_line, literal_html
from desktop.ui.workers import run_task, thread_library

PAGE_SIZE = 128
MAX_PAGES = 32
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS: tuple[tuple[str, str, str], ...] = (  # key, header, what the header means
    ("title", "Title", "Title"),
    ("source", "Source", "Source"),
    ("date", "Date", "Date published (— when the article has none)"),
    ("words", "Words", "Word count"),
    ("read", "●", "Unread"),
    ("starred", "★", "Starred"),
    ("notes", "✎", "Highlights and notes"),
    ("watch", "◉", "Watchlist matches"),
)
_NUMERIC = {"words", "notes", "watch"}
_CENTRED = {"read", "starred"}
FINDING_SNIPPET = "Finding where it matches…"
_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Every article the filter admits, one row each; never holds article texts."""

    refreshed = Signal()
    star_toggled = Signal(int, bool)
    snippets_ready = Signal(int, int)  # first and last row whose title tooltips now have one

    def __init__(self, conn: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._listing: Listing = EMPTY_LISTING
        self._pages: OrderedDict[int, dict[int, ListRow]] = OrderedDict()
        self._snippets: dict[int, dict[int, str]] = {}
        self._finding: set[int] = set()  # pages whose snippets a worker is finding
        self._filter = LibraryFilter()
        self._listed_match = ""  # the search the shown listing was computed for
        self._sort = "date"
        self._descending = True
        self._generation = 0
        self._unread_font = QFont()
        self._unread_font.setBold(True)  # unread rows are bold, as in a mail client
        # Listings run in a thread of their own: one at a time, never behind slow work;
        # snippets in another, so a slow one never holds up the list.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._snippet_pool = QThreadPool(self)
        self._snippet_pool.setMaxThreadCount(1)

    @property
    def pools(self) -> tuple[QThreadPool, QThreadPool]:
        """The threads listings and snippets run in: the window waits for them before the
        program ends, since a Qt thread still running Python then aborts the process."""
        return self._pool, self._snippet_pool

    # --- what is shown -------------------------------------------------------------------
    @property
    def filter(self) -> LibraryFilter:
        return self._filter

    def set_filter(self, filt: LibraryFilter) -> None:
        if filt != self._filter:
            self._filter = filt
            self.refresh()

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def refresh(self) -> None:
        """Recompute the list in a worker; a result overtaken by a newer request is dropped."""
        self._generation += 1
        generation = self._generation
        filt, sort, descending = self._filter, self._sort, self._descending
        run_task(
            lambda: compute_listing(thread_library().conn, filt, sort, descending),
            lambda listing: self._apply(generation, listing),
            pool=self._pool,
            owner=self,
        )

    def reread_rows(self) -> None:
        """Articles were marked read or unread elsewhere: the rows are read again as they are
        shown (one page query each), or the whole list when it is filtered or sorted by it."""
        if self._filter.unread_only or self._sort == "read":
            self.refresh()
            return
        self._pages.clear()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1)
            )

    @property
    def listing(self) -> Listing:
        """The list shown, with what its search found out (counts, widenings, a problem)."""
        return self._listing

    def _apply(self, generation: int, listing: Listing) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._listing = listing
        self._listed_match = listing.match
        self._pages.clear()
        self._snippets.clear()
        self._finding.clear()
        self.endResetModel()
        self.refreshed.emit()
        if not listing.watch_counted:
            run_task(
                lambda: watchlist_counts(thread_library().conn),
                lambda counts: self._apply_watch_counts(generation, counts),
                pool=self._pool,
                owner=self,
            )

    def _apply_watch_counts(self, generation: int, counts: dict[int, int]) -> None:
        if generation != self._generation or not counts:
            return
        self._listing = dataclasses.replace(self._listing, watch=counts, watch_counted=True)
        column = len(COLUMNS) - 1
        self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    # --- lookups -------------------------------------------------------------------------
    def article_id(self, row: int) -> int:
        return int(self._listing.ids[row]) if 0 <= row < len(self._listing.ids) else 0

    def row_of(self, article_id: int) -> int:
        """The row showing ``article_id``, or -1 (a C-speed scan of the id array)."""
        try:
            return self._listing.ids.index(article_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> ListRow | None:
        if not 0 <= row < len(self._listing.ids):
            return None
        page = self._page(row // PAGE_SIZE)
        return page.get(int(self._listing.ids[row]))

    def _page(self, number: int) -> dict[int, ListRow]:
        page = self._pages.get(number)
        if page is None:
            ids = self._listing.ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            page = fetch_rows(self._conn, ids)
            self._pages[number] = page
            if len(self._pages) > MAX_PAGES:
                old, _ = self._pages.popitem(last=False)
                self._snippets.pop(old, None)
        else:
            self._pages.move_to_end(number)
        return page

    def _snippet(self, row: int) -> str | None:
        """The row's search snippet ('' for none), or None while a worker finds its page's."""
        number = row // PAGE_SIZE
        if number not in self._snippets and number not in self._finding:
            self._find_snippets(number)  # inline when workers are synchronous (tests)
        snippets = self._snippets.get(number)
        return None if snippets is None else snippets.get(self.article_id(row), "")

    def _find_snippets(self, number: int) -> None:
        """Find one page's snippets in a worker; a result for a listing since replaced (a new
        search, sort or filter) is dropped."""
        listing, match = self._listing, self._listed_match
        ids = listing.ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        self._finding.add(number)

        def store(snippets: dict[int, str]) -> None:
            if listing is not self._listing:
                return
            self._finding.discard(number)
            self._snippets[number] = snippets
            first = number * PAGE_SIZE
            self.snippets_ready.emit(first, first + len(ids) - 1)

        run_task(
            lambda: fetch_snippets(thread_library().conn, match, ids),
            store,
            lambda _exc: store({}),  # no snippet is no loss: the tooltip goes without one
            pool=self._snippet_pool,
            owner=self,
        )

    # --- changes made from the list ------------------------------------------------------
    def update_row(self, article_id: int, **changes: Any) -> None:
        """Show a change (read, starred) at once; the caller stores it in the background."""
        row = self.row_of(article_id)
        if row < 0:
            return
        page = self._pages.get(row // PAGE_SIZE)
        if page and article_id in page:
            page[article_id] = dataclasses.replace(page[article_id], **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def toggle_star(self, row: int) -> None:
        data = self.row_data(row)
        if data is None:
            return
        starred = not data.starred
        self.update_row(data.id, starred=starred)
        article_id = data.id
        run_task(lambda: thread_library().store.set_starred(article_id, starred))
        self.star_toggled.emit(article_id, starred)

    def mark_read(self, article_id: int, read: bool = True) -> None:
        row = self.row_of(article_id)
        data = self.row_data(row) if row >= 0 else None
        if data is not None and data.read == read:
            return
        self.update_row(article_id, read=read)
        run_task(lambda: thread_library().store.set_read(article_id, read))

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._listing.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][1]
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{COLUMNS[section][2]} (click to sort)"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_html(self._tooltip(index.row(), row, key))
        if role == Qt.ItemDataRole.FontRole and not row.read:
            return self._unread_font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key in _CENTRED:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(index.row(), row, key)
        return None

    def _display(self, row: ListRow, key: str) -> str:
        if key == "title":
            return display_line(row.title) or "(untitled)"
        if key == "source":
            return display_line(row.source)
        if key == "date":
            return row.date
        if key == "words":
            # 字: the unit Chinese and Japanese writers count their texts in
            return f"{row.words:,} 字" if row.length_unit == CHARACTERS else f"{row.words:,}"
        if key == "read":
            return "" if row.read else "●"
        if key == "starred":
            return "★" if row.starred else ""
        count = (self._listing.notes if key == "notes" else self._listing.watch).get(row.id, 0)
        return str(count) if count else ""

    def _tooltip(self, row_number: int, row: ListRow, key: str) -> str:
        if key == "title":
            heading = row.title + (f"\n{row.byline}" if row.byline else "")
            snippet = self._snippet(row_number) if self._listed_match else ""
            if snippet == "":
                return heading
            return f"{heading}\n\n{FINDING_SNIPPET if snippet is None else snippet}"
        if key == "read":
            return "Read" if row.read else "Unread"
        if key == "starred":
            return "Starred (Space to unstar)" if row.starred else "Not starred (Space to star)"
        if key == "notes":
            return f"{self._listing.notes.get(row.id, 0)} notes"
        if key == "watch":
            return f"{self._listing.watch.get(row.id, 0)} watchlist matches"
        if key == "words":
            return f"{row.words:,} {row.length_unit}"
        return self._display(row, key)
