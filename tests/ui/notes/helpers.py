"""Building the reader, controller and notes pane the way the main window does."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from desktop.core.models import Article
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.notes.notes_pane import NotesPane
from desktop.ui.reader.reader_view import ReaderView


@dataclass
class NotesUi:
    reader: ReaderView
    controller: HighlightController
    pane: NotesPane


def open_ui(qtbot: QtBot, article: Article) -> NotesUi:
    reader = ReaderView(entity_source=lambda _article: ([], []))
    qtbot.addWidget(reader)
    controller = HighlightController(reader)
    pane = NotesPane(controller)
    qtbot.addWidget(pane)
    reader.resize(700, 500)
    reader.show_article(article)
    return NotesUi(reader, controller, pane)


def select(reader: ReaderView, phrase: str) -> tuple[int, int]:
    """Select ``phrase`` in the reader as a user would; returns its Python offsets."""
    cursor: QTextCursor = reader.page.document().find(phrase)
    assert not cursor.isNull(), phrase
    reader.page.setTextCursor(cursor)
    selected = reader.selected_range()
    assert selected is not None
    return selected


def rows(view: QAbstractItemView) -> list[str]:
    """The text of every row a list view shows."""
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_row(view: QAbstractItemView, row: int) -> None:
    view.setCurrentIndex(view.model().index(row, 0))
