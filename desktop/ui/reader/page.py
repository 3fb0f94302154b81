"""The read-only text surface of the reader: a column of comfortable width, hover and click.

Lines much longer than ~70 characters are tiring to read, so the text is kept in a centred
column by viewport margins that follow the widget's width. Hover and click positions are
reported as document positions; the reader decides what they mean. A long document is laid
out a short slice per turn of the event loop whenever it is set or re-wrapped
(``layout_pacer.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QMouseEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from desktop.ui.plain_text import literal_html
from desktop.ui.reader.layout_pacer import LayoutPacer

COLUMN_CHARACTERS = 72


class ReaderPage(QTextBrowser):
    clicked = Signal(int)  # document position of a click that selected nothing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setAccessibleName("Article text")
        self.tooltip_for: Callable[[int], str] = lambda _position: ""
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)
        self.layout_pacer = LayoutPacer(self)

    def show_document(self, document: QTextDocument) -> None:
        """Show ``document`` (not owned by the page), laid out a slice per turn if long."""
        self.setDocument(document)
        self.layout_pacer.start(document)

    def column_width(self) -> int:
        """The widest text column, from the body font's average character width."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return int(metrics.averageCharWidth() * COLUMN_CHARACTERS) + 2 * 24

    def update_margins(self) -> None:
        spare = self.width() - self.verticalScrollBar().sizeHint().width() - self.column_width()
        side = max(spare // 2, 0)
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.update_margins()
        super().resizeEvent(event)  # a new width lays the whole document out again
        self.layout_pacer.start(self.document())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy plain text: a quote pasted elsewhere must not carry the reader's colours."""
        data = QMimeData()
        data.setText(self.textCursor().selectedText().replace("\u2029", "\n"))
        return data

    def visible_span(self) -> tuple[float, float]:
        """The part of the document in view, as fractions of its height.

        From the scroll bar, not by hit-testing the view's corners: right after a new
        document is set, a hit test at the top of the view can answer a position far down it.
        """
        bar = self.verticalScrollBar()
        height = max(bar.maximum() + bar.pageStep(), 1)
        return bar.value() / height, (bar.value() + bar.pageStep()) / height

    def position_at(self, point: QPointF) -> int | None:
        """Document position under a viewport point, or None off the text."""
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        layout = self.document().documentLayout()
        position = layout.hitTest(point + scroll, Qt.HitTestAccuracy.ExactHit)
        return None if position < 0 else position

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.ToolTip:
                assert isinstance(event, QHelpEvent)
                position = self.position_at(QPointF(event.pos()))
                text = self.tooltip_for(position) if position is not None else ""
                if text:
                    QToolTip.showText(event.globalPos(), literal_html(text), self.viewport())
                else:
                    QToolTip.hideText()
                return True
            if event.type() == QEvent.Type.MouseButtonRelease and not (
                self.textCursor().hasSelection()
            ):
                assert isinstance(event, QMouseEvent)
                position = self.position_at(event.position())
                if position is not None:
                    self.clicked.emit(position)
        return super().eventFilter(watched, event)
