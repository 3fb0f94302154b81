"""A PDF page's printed lines, as the importer passes them between its steps."""

from __future__ import annotations

BROKEN_WORD = "\ufffe"  # PDFium's mark for a hyphen that ended a line inside a word


class PrintedLine(str):
    """A line of a page's text that knows the size of its type, in points: footnotes are
    told from the body by it."""

    size: float

    def __new__(cls, text: str, size: float) -> PrintedLine:
        line = super().__new__(cls, text)
        line.size = size
        return line


Page = list[str]
"""A page's lines, top to bottom (``PrintedLine`` where the size is known)."""

Box = tuple[float, float, float, float]
"""A run of text on a page: left, bottom, right, top, in points from the bottom left."""
