"""Applies precomputed styled segments to the reader's document.

Everything expensive (merging layers, building formats) happens once when the layers change;
``highlightBlock`` only bisects into the sorted segments, so re-colouring a long article is a
pass of cheap lookups (see ``tests/perf/bench_reader.py``).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QObject
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat


class ReaderHighlighter(QSyntaxHighlighter):
    """Owned by the reader, not by a document: the reader swaps documents per article."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._formats: list[QTextCharFormat] = []

    def set_segments(self, segments: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Replace every segment (document positions, non-overlapping, sorted) and repaint."""
        self._starts = [s for s, _, _ in segments]
        self._ends = [e for _, e, _ in segments]
        self._formats = [f for _, _, f in segments]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        begin = block.position()
        finish = begin + block.length() - 1  # UTF-16 length; ``text`` counts code points
        index = bisect_right(self._ends, begin)
        starts, ends, formats = self._starts, self._ends, self._formats
        while index < len(starts) and starts[index] < finish:
            start = max(starts[index], begin)
            self.setFormat(start - begin, min(ends[index], finish) - start, formats[index])
            index += 1
