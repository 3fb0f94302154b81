"""The reader's layers turned into styled segments and written into its document.

An article of ordinary length is done at once, on the GUI thread (a few milliseconds). A very
long one — hundreds of thousands of entity and term spans in a book-length text — would freeze
the window for seconds: its segments are computed in a worker, and written a slice per turn of
the event loop, so the text stays scrollable while its colours arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.core.models import Entity, SummarySentence, Term
from desktop.ui.reader.formats import FormatBook
from desktop.ui.reader.layers import Mark, Style, flatten
from desktop.ui.reader.mentions import MentionIndex
from desktop.ui.text_positions import TextPositions

KEEP = QTextCursor.MoveMode.KeepAnchor
# Up to this many marks the segments are computed on the GUI thread (a 10,000-word article
# has about 2,000); more go to a worker.
SYNC_MARKS = 20_000
# Segments written per turn of the event loop: about 20 ms.
CHUNK = 2_000

Segment = tuple[int, int, Style]


class Layers(NamedTuple):
    """Everything that colours the text, as a snapshot a worker can read."""

    positions: TextPositions
    entities: Sequence[Entity]
    terms: Sequence[Term]
    summary: Sequence[SummarySentence]
    highlights: Sequence[Any]
    hidden: frozenset[str]

    def size(self) -> int:
        spans = sum(len(t.spans) for t in self.terms)
        return len(self.entities) + spans + len(self.summary) + len(self.highlights)

    def segments(self) -> tuple[list[Segment], MentionIndex]:
        """Non-overlapping styled segments in document positions, and the hover index."""
        to_qt, hidden = self.positions.to_qt, self.hidden
        marks: list[Mark] = []
        shown_entities = [e for e in self.entities if e.category not in hidden]
        for e in self.entities:
            if e.category not in hidden:
                marks.append(Mark(to_qt(e.start), to_qt(e.end), "fg", e.category))
            if e.watchlist and "watchlist" not in hidden:
                marks.append(Mark(to_qt(e.start), to_qt(e.end), "watch"))
        shown_terms = [] if "term" in hidden else list(self.terms)
        for term in shown_terms:
            marks += [Mark(to_qt(s), to_qt(e), "fg", "term") for s, e in term.spans]
        marks += [Mark(to_qt(s.start), to_qt(s.end), "bg", "summary-tint") for s in self.summary]
        for h in self.highlights:
            marks.append(Mark(to_qt(h.start), to_qt(h.end), "bg", f"hl:{h.category}"))
            if h.note:
                marks.append(Mark(to_qt(h.start), to_qt(h.end), "note"))
            if getattr(h, "moved", False):
                marks.append(Mark(to_qt(h.start), to_qt(h.end), "moved"))
        return flatten(marks), MentionIndex(shown_entities, shown_terms)


class SegmentPainter(QObject):
    """Writes only what changed since the last paint: segments that went away turn plain, new
    ones get their format (a fresh document is all plain). ``painted`` always says what the
    document shows, even halfway through a long paint, so a newer paint starts from there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.painted: set[Segment] = set()
        self._document: QTextDocument | None = None
        self._book: FormatBook | None = None
        self._pending: list[tuple[Segment, bool]] = []  # True: the segment turns plain
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._write_chunk)

    def reset(self, document: QTextDocument) -> None:
        """A fresh document: nothing painted, nothing pending."""
        self._document = document
        self.painted = set()
        self._pending = []
        self._next.stop()

    def busy(self) -> bool:
        """Whether part of the last paint is still to be written."""
        return bool(self._pending)

    def paint(self, segments: list[Segment], book: FormatBook) -> None:
        wanted = set(segments)
        gone = [(segment, True) for segment in self.painted - wanted]
        self._pending = gone + [(segment, False) for segment in sorted(wanted - self.painted)]
        self._book = book
        if len(self._pending) <= CHUNK:
            self._write_chunk()
        else:
            self._next.start()

    def _write_chunk(self) -> None:
        batch, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        if not batch or self._document is None or self._book is None:
            return
        cursor = QTextCursor(self._document)
        move, apply = cursor.setPosition, cursor.setCharFormat
        plain = self._book.plain()
        formats = {style: self._book.format(style) for style in {s[0][2] for s in batch}}
        cursor.beginEditBlock()
        for segment, clear in batch:
            move(segment[0])
            move(segment[1], KEEP)
            if clear:
                apply(plain)
                self.painted.discard(segment)
            else:
                apply(formats[segment[2]])
                self.painted.add(segment)
        cursor.endEditBlock()
        if self._pending:
            self._next.start()
