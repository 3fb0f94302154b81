"""A PDF page's footnotes: the lines in small type at its foot, opening with a note's number.

PDFium reads them where they are printed, between the last line of a page and the first of
the next, so a sentence running on across the page break was cut by them ("…copied on every
page of the 1 Ministry of Water, annual report … correspondence, according to…"). They are
taken out of the page's lines here, each note whole, for the reflow to set apart.
"""

from __future__ import annotations

import re
from statistics import median

from desktop.core.library.importers.pdf_lines import BROKEN_WORD, Page, PrintedLine

_SMALLER = 0.9
"""A footnote's type is at most this share of the body's."""
_MARKER = re.compile(r"^(?:(\d{1,3})(?=\s*[^\W\d_]|\s+\S)|[*†‡§]+\s*(?=\S))")
"""A note's number or mark, then its words: "1 Ministry", "¹Ministry", "* Estimate"; not the
"19,1999." a wrapped reference goes on with."""
_MOST_OF_PAGE = 0.5
"""Notes are the foot of a page: small type filling more of it is the page's own (a form, a
table), not notes."""
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def split_footnotes(pages: list[Page]) -> tuple[list[Page], list[list[str]]]:
    """Each page's lines without its footnotes, and each page's footnotes (a note's lines
    joined). A page's notes are its last lines set smaller than the document's body type,
    the first of them opening with a note's number or mark (¹, 12, *, †), and no more than
    half the page; a note goes on until a line opens with the next number. Lines whose size
    is not known stay."""
    sizes = [line.size for lines in pages for line in lines if isinstance(line, PrintedLine)]
    if not sizes:
        return pages, [[] for _ in pages]
    body = median(sizes)
    kept, notes = [], []
    for lines in pages:
        start = len(lines)
        while start > 0 and _small(lines[start - 1], body):
            start -= 1
        foot = len(lines) - start
        if (
            start > 0
            and 0 < foot <= _MOST_OF_PAGE * len(lines)
            and _number(lines[start]) is not None
        ):
            kept.append(lines[:start])
            notes.append(_notes(lines[start:]))
        else:
            kept.append(lines)
            notes.append([])
    return kept, notes


def _small(line: str, body: float) -> bool:
    return isinstance(line, PrintedLine) and 0 < line.size <= _SMALLER * body


def _number(line: str) -> int | None:
    """The note's number a line opens with (0 for a mark such as "*"), or None."""
    match = _MARKER.match(line.translate(_SUPERSCRIPTS))
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


def _notes(lines: Page) -> list[str]:
    """The notes of a page's foot, one per number: a line opening with the number after the
    last note's (or with a mark) starts a note, any other line goes on with the last."""
    notes: list[list[str]] = []
    last = None
    for line in lines:
        number = _number(line)
        follows = number is not None and last is not None and number == last + 1
        if not notes or number == 0 or follows:
            notes.append([line])
            last = number or last
        else:
            notes[-1].append(line)
    return ["".join(_joined(line) for line in note).rstrip() for note in notes]


def _joined(line: str) -> str:
    """A note's line as it runs on into the next: after a space, unless it broke a word."""
    return line if line.endswith(BROKEN_WORD) else line + " "
