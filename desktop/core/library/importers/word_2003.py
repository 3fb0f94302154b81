"""Word 2003's own XML format ("Word XML Document" before Word 2007: WordprocessingML 2003,
one ``w:wordDocument`` file), which government and legal systems still export.

Read as a .docx is: paragraphs and headings, a table row per line with its cells apart, then
the words of text boxes, then footnotes, endnotes and reviewers' comments (with who wrote each)
under their labels; what a tracked change deleted (``w:delText``) stays out, running headers
and footers too. Title, author and date come from the document's properties.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers.building import (
    CELL_SEPARATOR,
    Block,
    comment_line,
    document_article,
    iso_date,
    notes_blocks,
)
from desktop.core.models import Article

W = "{http://schemas.microsoft.com/office/word/2003/wordml}"
ROOT = f"{W}wordDocument"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_OFFICE = "{urn:schemas-microsoft-com:office:office}"
_ANNOTATION = f"{_AML}annotation"
_COMMENT = "Word.Comment"
_APART = frozenset((f"{W}footnote", f"{W}endnote", f"{W}txbxContent", f"{W}sectPr"))
"""Read apart from the paragraph they stand in (notes, text boxes) or not at all (the
section's running headers and footers)."""


def parse_word_2003(root: object, path: Path) -> list[Article]:
    """The document of a ``w:wordDocument`` element tree (lxml)."""
    body = root.find(f"{W}body")  # type: ignore[attr-defined]
    blocks: list[Block] = []
    if body is not None:
        _collect(body, blocks)
        for box in body.iter(f"{W}txbxContent"):
            blocks += [(text, False) for p in box.iter(f"{W}p") if (text := _paragraph(p))]
    notes = {
        kind: [" ".join(map(_paragraph, note.iter(f"{W}p"))).strip() for note in _notes(body, kind)]
        for kind in ("footnote", "endnote")
    }
    comments = [
        comment_line(note.get(f"{_AML}author", ""), " ".join(map(_paragraph, note.iter(f"{W}p"))))
        for note in (body.iter(_ANNOTATION) if body is not None else ())
        if _is_comment(note)
    ]
    blocks += notes_blocks(notes["footnote"], notes["endnote"], comments)
    properties = root.find(f"{_OFFICE}DocumentProperties")  # type: ignore[attr-defined]

    def field(name: str) -> str:
        return (properties.findtext(f"{_OFFICE}{name}") or "") if properties is not None else ""

    return [
        document_article(
            path,
            blocks,
            title=field("Title"),
            kind="Word document",
            byline=field("Author"),
            published=iso_date(field("Created")),
        )
    ]


def _collect(element: object, blocks: list[Block]) -> None:
    """The body's paragraphs and table rows in order, inside sections and changes."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag == f"{W}p":
            if text := _paragraph(child):
                style = child.find(f"{W}pPr/{W}pStyle")
                name = style.get(f"{W}val", "") if style is not None else ""
                blocks.append((text, name.lower().startswith(("heading", "title"))))
        elif child.tag == f"{W}tbl":
            for row in child.findall(f"{W}tr"):  # a table inside a cell is read in its cell
                cells = [" ".join(filter(None, map(_paragraph, c.iter(f"{W}p")))) for c in row]
                if any(cells):
                    blocks.append((CELL_SEPARATOR.join(cells), False))
        elif child.tag not in _APART and not _is_comment(child):
            _collect(child, blocks)


def _paragraph(paragraph: object) -> str:
    """The words Word shows in the paragraph: its runs' text (``w:t``), tabs and breaks as
    spaces, not its notes, text boxes or comments, which are read apart."""
    pieces: list[str] = []
    _words(paragraph, pieces)
    return " ".join("".join(pieces).split())


def _words(element: object, pieces: list[str]) -> None:
    for child in element:  # type: ignore[attr-defined]
        if child.tag in _APART or _is_comment(child):
            continue
        if child.tag == f"{W}t":
            pieces.append(child.text or "")
        elif child.tag in (f"{W}tab", f"{W}br"):
            pieces.append(" ")
        else:
            _words(child, pieces)


def _is_comment(element: object) -> bool:
    """A reviewer's comment (an ``aml:annotation`` of the comment type), read apart; other
    annotations (a tracked insertion) hold text of the document."""
    return element.tag == _ANNOTATION and element.get(f"{W}type") == _COMMENT  # type: ignore[attr-defined]


def _notes(body: object, kind: str) -> list[object]:
    """The body's footnotes or endnotes, in order (not the separators the document's
    settings define, which stand outside the body)."""
    return list(body.iter(f"{W}{kind}")) if body is not None else []  # type: ignore[attr-defined]
