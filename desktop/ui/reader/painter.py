"""The reader's layers turned into styled segments and written into its document.

An article of ordinary length is done at once, on the GUI thread (a few milliseconds). A very
long one — hundreds of thousands of entity and term spans in a book-length text — would freeze
the window for seconds: its segments, and what to write to get from the colours on screen to
them, are computed in a worker; they are written a slice of about ``SLICE_S`` per turn of the
event loop, so the text stays scrollable while its colours arrive. In a book-length document
that is laid out, every format change also re-positions every paragraph after it (about
100 ms near the top of a 2M-word text, measured), so there many changes are instead written
into a fresh copy of the document in the worker (``colour_document``), which replaces the one
on screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from desktop.core.models import Entity, SummarySentence, Term
from desktop.ui.reader.formats import FormatBook
from desktop.ui.reader.layers import Mark, Style, flatten
from desktop.ui.reader.mentions import MentionIndex
from desktop.ui.text_positions import TextPositions

KEEP = QTextCursor.MoveMode.KeepAnchor
# Up to this many marks the segments are computed on the GUI thread (a 10,000-word article
# has about 2,000); more go to a worker.
SYNC_MARKS = 20_000
# Segments written per turn of the event loop: at most this many, and no more once a turn
# took ``SLICE_S`` (writing far ahead of the layout lays the text before it out too).
CHUNK = 2_000
SLICE_S = 0.015
TIME_CHECK = 64  # segments written between looks at the clock
REBUILD_WRITES = CHUNK  # above this many changes, a book-length document is rebuilt coloured

Segment = tuple[int, int, Style]
Write = tuple[Segment, bool]  # True: the segment turns plain


def colour_document(document: QTextDocument, segments: list[Segment], book: FormatBook) -> None:
    """Write ``segments`` into a fresh document before it is shown (in a worker): with no
    layout yet, a format change costs no re-layout at all."""
    cursor = QTextCursor(document)
    move, apply = cursor.setPosition, cursor.setCharFormat
    cursor.beginEditBlock()
    for start, end, style in segments:
        move(start)
        move(end, KEEP)
        apply(book.format(style))
    cursor.endEditBlock()


def changes(painted: set[Segment], segments: list[Segment]) -> list[Write]:
    """What to write to go from ``painted`` (what the document shows) to ``segments``: the
    segments that went away turn plain, then the new ones get their format, in text order.

    Python loops, not set operations: one set operation over a million segments holds the
    interpreter lock for hundreds of milliseconds, and the GUI thread waits for it."""
    if not painted:  # a fresh document
        return [(s, False) for s in segments]
    wanted: set[Segment] = set()
    for segment in segments:
        wanted.add(segment)
    gone = [(s, True) for s in painted if s not in wanted]
    return gone + [(s, False) for s in segments if s not in painted]


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

    def repaint(
        self, painted: set[Segment], rebuild: Rebuild | None = None, book: FormatBook | None = None
    ) -> Repaint:
        """What to write over ``painted`` to show these layers; given ``rebuild`` (which makes
        a fresh copy of the document, calling its argument on it) and ``book``, a coloured
        copy instead when there is much to write."""
        segments, mentions = self.segments()
        writes = changes(painted, segments)
        if rebuild is None or book is None or len(writes) <= REBUILD_WRITES:
            return Repaint(writes, mentions)
        shown: set[Segment] = set()
        for segment in segments:
            shown.add(segment)
        document = rebuild(lambda doc: colour_document(doc, segments, book))
        return Repaint([], mentions, document, shown)


Rebuild = Callable[[Callable[[QTextDocument], None]], QTextDocument]


class Repaint(NamedTuple):
    """What a worker made of the layers: changes to write over the colours on screen, or a
    coloured copy of the document and the segments it shows; and the hover index."""

    writes: list[Write]
    mentions: MentionIndex
    document: QTextDocument | None = None
    shown: set[Segment] | None = None


class SegmentPainter(QObject):
    """Writes only what changed since the last paint: segments that went away turn plain, new
    ones get their format (a fresh document is all plain). ``painted`` always says what the
    document shows, even halfway through a long paint, so a newer paint starts from there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.painted: set[Segment] = set()
        self._document: QTextDocument | None = None
        self._book: FormatBook | None = None
        self._pending: list[Write] = []
        self._at = 0  # the next write in ``_pending``
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._write_slice)

    def reset(self, document: QTextDocument, painted: set[Segment] | None = None) -> None:
        """A fresh document (showing ``painted``, plain without): nothing pending."""
        self._document = document
        self.painted = set() if painted is None else painted
        self.hold()

    def busy(self) -> bool:
        """Whether part of the last paint is still to be written."""
        return self._at < len(self._pending)

    def hold(self) -> set[Segment]:
        """Stop writing (new changes are being made from what is shown) and return what the
        document shows; it does not change until the next ``write`` or ``reset``."""
        self._pending, self._at = [], 0
        self._next.stop()
        return self.painted

    def write(self, writes: list[Write], book: FormatBook) -> None:
        """Write ``changes`` made from ``painted``: a slice now, the rest on later turns."""
        self._pending, self._at = writes, 0
        self._book = book
        self._write_slice()

    def _write_slice(self) -> None:
        if not self.busy() or self._document is None or self._book is None:
            return
        started = time.perf_counter()
        cursor = QTextCursor(self._document)
        move, apply = cursor.setPosition, cursor.setCharFormat
        plain = self._book.plain()
        formats: dict[Style, QTextCharFormat] = {}
        done = 0
        cursor.beginEditBlock()
        for segment, clear in self._pending[self._at : self._at + CHUNK]:
            move(segment[0])
            move(segment[1], KEEP)
            if clear:
                apply(plain)
                self.painted.discard(segment)
            else:
                style = segment[2]
                fmt = formats.get(style)
                if fmt is None:
                    fmt = formats[style] = self._book.format(style)
                apply(fmt)
                self.painted.add(segment)
            done += 1
            if done % TIME_CHECK == 0 and time.perf_counter() - started > SLICE_S:
                break
        cursor.endEditBlock()
        self._at += done
        if self.busy():
            self._next.start()
