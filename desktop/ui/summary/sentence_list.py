"""The summary's sentences as a list whose rows grow to show every word.

QListView's word wrap sizes rows before it knows their final width and then elides the end of
long sentences; here each row's height is measured for the width it actually gets, again
whenever the pane is resized.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.core.models import SummarySentence

OFFSETS = Qt.ItemDataRole.UserRole
_PADDING = 12  # room the item style draws around the text


class SentenceList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(3)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Summary sentences")

    def set_sentences(self, sentences: Sequence[SummarySentence]) -> None:
        self.clear()
        for sentence in sentences:
            item = QListWidgetItem(" ".join(sentence.text.split()))
            item.setData(OFFSETS, (sentence.start, sentence.end))
            item.setToolTip(
                f"Rank {sentence.rank} of {len(sentences)} · click to show it in the article"
            )
            self.addItem(item)
        self._fit_rows()

    def offsets(self, row: int) -> tuple[int, int]:
        start, end = self.item(row).data(OFFSETS)
        return start, end

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        width = max(self.viewport().width() - 2 * self.spacing(), 60)
        metrics = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            bounds = QRect(0, 0, width - _PADDING, 1_000_000)
            height = metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, item.text()).height()
            item.setSizeHint(QSize(width, height + _PADDING))
