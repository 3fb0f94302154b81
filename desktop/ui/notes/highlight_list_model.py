"""The rows of the Notes pane: one highlight per row, two lines each.

A model rather than a list of widget items, and every row the same height, so an article with
a thousand highlights is listed in a few milliseconds and the view lays out only what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from desktop.core.library.pages import Pages, cite
from desktop.core.models import Highlight
from desktop.ui.notes.selection_popup import swatch_icon
from desktop.ui.plain_text import literal_html

ID_ROLE = Qt.ItemDataRole.UserRole
QUOTE_CHARS = 200
MOVED = "⚠ moved — please check"
Index = QModelIndex | QPersistentModelIndex


def count_of(n: int, noun: str = "highlight") -> str:
    """``1 highlight``, ``2 highlights``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def one_line(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def row_text(highlight: Highlight, label: str, page: str = "") -> str:
    """The quote, then its page in a PDF (``p. 12``), the category in words, a ✎ and the note,
    and the tags: a highlight with a note is told apart by a symbol and words, not only by
    colour. A moved highlight says so first, with the quote the user highlighted."""
    details = [page, label] if page else [label]
    if highlight.moved and not highlight.orphan:
        details.insert(0, MOVED)
        if highlight.first_quote != highlight.quote:
            details.insert(1, f"was “{one_line(highlight.first_quote, 80)}”")
    if highlight.note.strip():
        details.append(f"✎ {one_line(highlight.note, 120)}")
    if highlight.tags:
        details.append(" ".join(f"#{t}" for t in highlight.tags))
    return f"“{one_line(highlight.quote)}”\n{' · '.join(details)}"


class HighlightListModel(QAbstractListModel):
    """Replaced as a whole when the article's highlights change; the view keeps the selection
    by id (see ``NotesPane``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Highlight] = []
        self._pages: Pages = ()
        self._labels: dict[str, str] = {}
        self._icons: dict[str, QIcon] = {}

    def set_categories(self, labels: dict[str, str], colours: dict[str, str]) -> None:
        """New labels or colours: the same rows redrawn (the selection stays)."""
        self._labels = dict(labels)
        self._icons = {name: swatch_icon(colour) for name, colour in colours.items()}
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_highlights(self, highlights: list[Highlight], pages: Pages = ()) -> None:
        """The rows, and the pages of their article (a PDF's) to cite each passage by."""
        self.beginResetModel()
        self._rows = list(highlights)
        self._pages = pages
        self.endResetModel()

    def highlight(self, row: int) -> Highlight:
        return self._rows[row]

    def row_of(self, highlight_id: str) -> int:
        return next((i for i, h in enumerate(self._rows) if h.id == highlight_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        highlight = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = self._labels.get(highlight.category, highlight.category)
            page = "" if highlight.orphan else cite(self._pages, highlight.start, highlight.end)
            return row_text(highlight, label, page)
        if role == ID_ROLE:
            return highlight.id
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(highlight.category)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._labels.get(highlight.category, highlight.category)
            return literal_html(f"{label}\n\n{highlight.note}" if highlight.note else label)
        return None
