"""Lays a long document out in short slices, so re-wrapping it never holds up the window.

A QTextEdit lays a new or re-wrapped document out lazily, on a 10 ms timer, in steps that
double from 1,000 characters up to 200,000. On a book-length text that is 100–200 ms of layout
on one turn of the event loop, again and again for seconds (measured on a 2M-word article:
every tick of a 10 ms timer came 100–200 ms late for 9 s after it was shown). The pacer lays
the document out itself, a slice per turn sized to take about ``BUDGET_S``
(``blockBoundingRect`` lays out up to the block asked for), and after each slice marks one
character of it dirty, which sends Qt's own step back to its 1,000-character start. An article
of ordinary length is left to Qt: its steps never grow large.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument
from shiboken6 import isValid

PACED_CHARS = 100_000  # below this, Qt's largest step stays well under the budget
BUDGET_S = 0.02
FIRST_SLICE = 20_000
MIN_SLICE = 2_000


def laid_out(block: QTextBlock) -> bool:
    """Whether ``block`` has its lines (a re-wrap clears every block's; an empty block laid out
    has one line)."""
    return block.layout().lineCount() > 0


class LayoutPacer(QObject):
    """``start(document)`` after the document is set or re-wrapped; idle once laid out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: QTextDocument | None = None
        self._done_to = 0  # the document is laid out at least up to here
        self._slice = FIRST_SLICE
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._step)

    def start(self, document: QTextDocument) -> None:
        if document.characterCount() < PACED_CHARS:
            self._document = None
            self._next.stop()
            return
        self._document, self._done_to, self._slice = document, 0, FIRST_SLICE
        self._next.start()

    def busy(self) -> bool:
        """Whether part of the document is still to be laid out by the pacer."""
        return self._next.isActive()

    def _step(self) -> None:
        doc = self._document
        if doc is None or not isValid(doc) or laid_out(doc.lastBlock()):
            return
        started = time.perf_counter()
        block = doc.findBlock(min(self._done_to + self._slice, doc.characterCount() - 1))
        doc.documentLayout().blockBoundingRect(block)
        doc.markContentsDirty(block.position(), 1)
        took = time.perf_counter() - started
        self._done_to = block.position() + block.length()
        wanted = int(self._slice * BUDGET_S / max(took, 1e-4))
        self._slice = max(MIN_SLICE, min(wanted, 2 * self._slice))
        self._next.start()
