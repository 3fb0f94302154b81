"""The summary's sentences as a list whose rows grow to show every word.

QListView's word wrap sizes rows before it knows their final width and then elides the end of
long sentences; here each row's height is measured for the width it actually gets, again
whenever the pane is resized. A summary of thousands of sentences (a share of a book-length
text) is filled and measured a slice per turn of the event loop, so the window never waits.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.core.models import SummarySentence

OFFSETS = Qt.ItemDataRole.UserRole
_PADDING = 12  # room the item style draws around the text
CHUNK = 300  # rows added or measured per turn of the event loop (about 10 ms)


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
        self._waiting: list[SummarySentence] = []  # still to be added
        self._total = 0
        self._unmeasured = 0  # rows from here on still need their height for this width
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._step)

    def set_sentences(self, sentences: Sequence[SummarySentence]) -> None:
        self.clear()
        self._waiting, self._total, self._unmeasured = list(sentences), len(sentences), 0
        self._step()

    def filling(self) -> bool:
        """Whether rows are still being added or measured."""
        return bool(self._waiting) or self._unmeasured < self.count()

    def _step(self) -> None:
        """Add the next slice of rows, then measure the next slice; again later if any remain."""
        batch, self._waiting = self._waiting[:CHUNK], self._waiting[CHUNK:]
        for sentence in batch:
            item = QListWidgetItem(" ".join(sentence.text.split()))
            item.setData(OFFSETS, (sentence.start, sentence.end))
            item.setToolTip(
                f"Rank {sentence.rank} of {self._total} · click to show it in the article"
            )
            self.addItem(item)
        self._measure(CHUNK)
        if self.filling():
            self._next.start()

    def offsets(self, row: int) -> tuple[int, int]:
        start, end = self.item(row).data(OFFSETS)
        return start, end

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._unmeasured = 0
        self._step()

    def _measure(self, rows: int) -> None:
        width = max(self.viewport().width() - 2 * self.spacing(), 60)
        metrics = self.fontMetrics()
        first, self._unmeasured = self._unmeasured, min(self._unmeasured + rows, self.count())
        for row in range(first, self._unmeasured):
            item = self.item(row)
            bounds = QRect(0, 0, width - _PADDING, 1_000_000)
            height = metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, item.text()).height()
            item.setSizeHint(QSize(width, height + _PADDING))
