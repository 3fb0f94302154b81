"""The Notebook: every highlight in the library, searchable and filterable, one click from its
article.

Searching runs on the notes worker after the user pauses typing; only the newest search's
result is shown, so fast typing never shows results for an older query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.highlight_list_model import count_of
from desktop.ui.notes.notebook_model import HIGHLIGHT_ROLE, NotebookModel
from desktop.ui.notes.notes_tasks import run_notes_task
from desktop.ui.plain_text import display_line, plain_label

SEARCH_DELAY_MS = 200
RESULT_LIMIT = 500
DATE_PRESETS: tuple[tuple[str, int | None], ...] = (
    ("Any time", None),
    ("Today", 0),
    ("Past 7 days", 7),
    ("Past 30 days", 30),
    ("Past year", 365),
)


@dataclass(frozen=True)
class NotebookQuery:
    """What the user asked the notebook for; ``None`` filters are off."""

    text: str = ""
    category: str | None = None
    tag: str | None = None
    article_id: int | None = None
    since: date | None = None

    def run(self, notebook: Notebook) -> tuple[list[Highlight], dict[int, str]]:
        rows = notebook.search(
            self.text,
            category=self.category,
            tag=self.tag,
            article_id=self.article_id,
            since=self.since,
            limit=RESULT_LIMIT,
        )
        return rows, notebook.article_titles(h.article_id for h in rows)


@dataclass(frozen=True)
class FilterChoices:
    """What the filter menus offer, read from the library when the window is shown."""

    categories: list[HighlightCategory]
    tags: list[str]
    articles: dict[int, str]

    @classmethod
    def read(cls, notebook: Notebook) -> FilterChoices:
        counts = notebook.count_by_article()
        return cls(notebook.categories(), notebook.tags(), notebook.article_titles(counts))


class NotebookWindow(QMainWindow):
    """See the module docstring. ``open_highlight(article_id, start, end)`` asks the main window
    to open the article at the passage."""

    open_highlight = Signal(int, int, int)
    results_shown = Signal(int)  # how many rows the newest search produced

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Notebook — Dossier")
        self.resize(980, 620)
        self._latest_search = 0
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.model = NotebookModel(self)
        self._build()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search quotes, notes and tags…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.category = self._filter_box("All categories")
        self.tag = self._filter_box("All tags")
        self.article = self._filter_box("All articles")
        self.article.setMaximumWidth(260)
        self.when = QComboBox()
        for label, days in DATE_PRESETS:
            self.when.addItem(label, days)
        self.when.currentIndexChanged.connect(lambda _i: self.run_search())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for box in (self.category, self.tag, self.article, self.when):
            filters.addWidget(box, 1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((2, 120), (3, 120), (4, 180), (5, 90)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.status = plain_label()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)

    def _filter_box(self, everything: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        box.currentIndexChanged.connect(lambda _i: self.run_search())
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the filter choices and the results (the library may have changed)."""
        run_notes_task(FilterChoices.read, self._set_choices, self._show_error, owner=self)
        self.run_search()

    def _set_choices(self, choices: FilterChoices) -> None:
        self.model.set_categories(choices.categories)
        self._refill(self.category, [(c.label, c.name) for c in choices.categories])
        self._refill(self.tag, [(f"#{t}", t) for t in choices.tags])
        by_title = sorted(choices.articles.items(), key=lambda item: item[1].casefold())
        titles = [(display_line(title) or f"Article {i}", i) for i, title in by_title]
        self._refill(self.article, titles)

    def _refill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        """Replace a filter's choices, keeping the user's pick when it still exists."""
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)
        if box.currentData() != chosen:
            self.run_search()

    def query(self) -> NotebookQuery:
        days = self.when.currentData()
        return NotebookQuery(
            text=self.search.text().strip(),
            category=self.category.currentData(),
            tag=self.tag.currentData(),
            article_id=self.article.currentData(),
            since=None if days is None else date.today() - timedelta(days=days),
        )

    def run_search(self) -> None:
        """Search now (the debounce timer calls this after typing pauses)."""
        self._timer.stop()
        self._latest_search += 1
        search = self._latest_search
        run_notes_task(
            self.query().run,
            lambda found: self._show(search, found),
            self._show_error,
            owner=self,
        )

    def _show(self, search: int, found: tuple[list[Highlight], dict[int, str]]) -> None:
        if search != self._latest_search:
            return  # an older search finishing late
        rows, titles = found
        self.model.set_results(rows, titles)
        more = " — the first ones; narrow the search to see others" * (len(rows) >= RESULT_LIMIT)
        self.status.setText(f"{count_of(len(rows))}{more}")
        self.results_shown.emit(len(rows))

    def _show_error(self, exc: Exception) -> None:
        self.status.setText(f"Notebook: {exc}")

    def _open(self, index: QModelIndex) -> None:
        highlight: Highlight | None = index.data(HIGHLIGHT_ROLE)
        if highlight is not None:
            self.open_highlight.emit(highlight.article_id, highlight.start, highlight.end)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
