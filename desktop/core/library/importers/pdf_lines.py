"""A PDF page's printed lines, as the importer passes them between its steps."""

from __future__ import annotations

BROKEN_WORD = "\ufffe"  # PDFium's mark for a hyphen that ended a line inside a word


class PrintedLine(str):
    """A line of a page's text that knows the size of its type, in points (footnotes are
    told from the body by it), and whether it is a row of a filled-in form, which ends its
    paragraph unless the next line goes on in lower case (an answer running on)."""

    size: float
    row: bool

    def __new__(cls, text: str, size: float, row: bool = False) -> PrintedLine:
        line = super().__new__(cls, text)
        line.size = size
        line.row = row
        return line


Page = list[str]
"""A page's lines, top to bottom (``PrintedLine`` where the size is known)."""

Box = tuple[float, float, float, float]
"""A run of text on a page: left, bottom, right, top, in points from the bottom left."""
