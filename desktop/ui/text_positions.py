"""The one place that converts Python string offsets to Qt document positions and back.

The core counts code points; a QTextDocument counts UTF-16 code units, so every character
outside the Basic Multilingual Plane (emoji, some CJK, flags) takes two positions and shifts
everything after it. Qt also turns a "\\r\\n" pair into a single paragraph separator, which
shifts the other way. Only the characters that differ are recorded, so building the map for a
long article costs one regex pass and each lookup is a bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

_IRREGULAR = re.compile("[\U00010000-\U0010ffff]|\r(?=\n)")
# A scan of a long text goes a slice at a time: one regex search holds the interpreter lock
# throughout, and over a 12 MB text that froze the window for 80 ms.
SLICE = 500_000


def slices(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """``[start, end)`` slices of ``text`` of about ``size`` characters that never part a
    CR LF pair (Qt reads the pair as one paragraph break only when it sees both)."""
    size = size or SLICE
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if text[end - 1] == "\r" and text.startswith("\n", end):
            end += 1
        yield start, end
        start = end


class TextPositions:
    """Maps offsets in ``text`` to positions in a document where ``text`` starts at ``base``."""

    def __init__(self, text: str, base: int = 0) -> None:
        self.base = base
        self.length = len(text)
        self._marks: list[int] = []  # Python index of each irregular character
        self._qt_marks: list[int] = []  # its position in the document (relative to base)
        self._shifts: list[int] = []  # total shift after this character and all before it
        self._wide: list[bool] = []  # True for a surrogate pair, False for a swallowed "\r"
        shift = 0
        matches = (m for a, b in slices(text) for m in _IRREGULAR.finditer(text, a, b))
        for match in matches:
            index = match.start()
            wide = match.group() != "\r"
            self._marks.append(index)
            self._qt_marks.append(index + shift)
            shift += 1 if wide else -1
            self._shifts.append(shift)
            self._wide.append(wide)
        self.qt_length = self.length + shift

    def to_qt(self, index: int) -> int:
        """Document position of Python offset ``index`` (clamped to the text)."""
        index = min(max(index, 0), self.length)
        k = bisect_left(self._marks, index)
        return self.base + index + (self._shifts[k - 1] if k else 0)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def to_python(self, position: int) -> int:
        """Python offset of document ``position``; the middle of a surrogate pair rounds down."""
        rel = min(max(position - self.base, 0), self.qt_length)
        k = bisect_left(self._qt_marks, rel)  # marks that start strictly before rel
        if k and self._wide[k - 1] and rel == self._qt_marks[k - 1] + 1:
            return self._marks[k - 1]
        return rel - (self._shifts[k - 1] if k else 0)

    def contains_qt(self, position: int) -> bool:
        """Whether a document position falls inside the text (not the header before it)."""
        return self.base <= position <= self.base + self.qt_length
