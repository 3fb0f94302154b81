"""The Notebook's result table: one row per highlight, with its article's title."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.models import Highlight, HighlightCategory
from desktop.ui.notes.selection_popup import swatch_icon
from desktop.ui.plain_text import display_line, literal_html
from desktop.ui.theme import current_theme

COLUMNS = ("Quote", "Note", "Category", "Tags", "Article", "Created")
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole
CELL_CHARS = 200
Index = QModelIndex | QPersistentModelIndex


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


class NotebookModel(QAbstractTableModel):
    """Search results are replaced as a whole (they are one bounded page), never edited here."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Highlight] = []
        self._titles: dict[int, str] = {}
        self._categories: dict[str, HighlightCategory] = {}

    def set_results(self, rows: list[Highlight], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = dict(titles)
        self.endResetModel()

    def set_categories(self, categories: list[HighlightCategory]) -> None:
        self._categories = {c.name: c for c in categories}
        if self._rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 2))

    def highlight(self, row: int) -> Highlight:
        return self._rows[row]

    def rows(self) -> list[Highlight]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        highlight = self._rows[index.row()]
        column = index.column()
        if role == HIGHLIGHT_ROLE:
            return highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(highlight, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return literal_html(highlight.quote if column == 0 else highlight.note) or None
        if role == Qt.ItemDataRole.DecorationRole and column == 2:
            category = self._categories.get(highlight.category)
            if category is not None:
                return swatch_icon(category.dark if current_theme().dark else category.light)
        return None

    def _display(self, highlight: Highlight, column: int) -> str:
        if column == 0:
            marker = {"orphan": "⚠ orphan: ", "moved": "⚠ moved — please check: "}
            return marker.get(highlight.anchor, "") + _cell(highlight.quote)
        if column == 1:
            return _cell(highlight.note)
        if column == 2:
            category = self._categories.get(highlight.category)
            return category.label if category else highlight.category
        if column == 3:
            return " ".join(f"#{t}" for t in highlight.tags)
        if column == 4:
            return display_line(
                self._titles.get(highlight.article_id, f"Article {highlight.article_id}")
            )
        return highlight.created[:10]
