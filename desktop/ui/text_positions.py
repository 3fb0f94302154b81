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

_IRREGULAR = re.compile("[\U00010000-\U0010ffff]|\r(?=\n)")


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
        for match in _IRREGULAR.finditer(text):
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
