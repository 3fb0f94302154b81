"""Lay an article out as a readable document: title, byline, source and date, then the text.

The header is part of the same document (so it scrolls with the text); ``base`` tells where
the article text starts, which is what offset conversion needs. A book-length text takes a few
hundred milliseconds to lay into a document; the reader has that done in a worker
(``prepare_document`` with ``for_thread``), which hands the document over to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from desktop.core.library.citation import web_address
from desktop.core.models import Article
from desktop.ui.text_positions import TextPositions, slices
from desktop.ui.theme import Theme

LINE_HEIGHT_PERCENT = 150
ORIGINAL_LINK = "Open original ↗"
# From this many characters (about 25 ms of building) a document is built in a worker.
BACKGROUND_CHARS = 1_000_000
QUOTE_INDENT = 1.5
"""A quoted line is set in by this many times the font size per level of quoting."""
MAX_QUOTE_INDENTS = 6


def prepare_document(
    article: Article,
    font: QFont,
    theme: Theme,
    for_thread: QThread | None = None,
    colours: Callable[[QTextDocument], None] | None = None,
) -> tuple[QTextDocument, TextPositions]:
    """The document for ``article`` and its offset map; ``colours`` writes the reader's colours
    into it. Built in a worker, the document is moved to ``for_thread`` (the GUI thread that
    will show it)."""
    doc, base = build_document(article, font, theme)
    if colours is not None:
        colours(doc)
    if for_thread is not None:
        doc.moveToThread(for_thread)
    return doc, TextPositions(article.text, base)


def build_document(article: Article, font: QFont, theme: Theme) -> tuple[QTextDocument, int]:
    """A new document for ``article`` and the position where its text starts."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(24)
    doc.setUndoRedoEnabled(False)
    size = font.pointSizeF()
    cursor = QTextCursor(doc)

    title = QTextCharFormat()
    title.setFontPointSize(size * 1.6)
    title.setFontWeight(QFont.Weight.Bold)
    title.setForeground(theme.color("text"))
    heading = QTextBlockFormat()
    heading.setBottomMargin(size * 0.5)
    heading.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.setBlockFormat(heading)
    cursor.insertText(article.title or "Untitled", title)

    meta = [part for part in (article.byline, article.source, _date(article.published)) if part]
    address = web_address(article.url)
    if meta or address:
        muted = QTextCharFormat()
        muted.setFontPointSize(size * 0.9)
        muted.setForeground(theme.color("muted-text"))
        line = QTextBlockFormat()
        line.setBottomMargin(size * 1.2)
        cursor.insertBlock(line, muted)
        cursor.insertText(" · ".join(meta) + (" · " if meta and address else ""))
    if address:  # only a web address is ever a link (see ReaderView.link_activated)
        link = QTextCharFormat(muted)
        link.setForeground(theme.color("accent"))
        link.setFontUnderline(True)
        link.setAnchor(True)
        link.setAnchorHref(address)
        link.setToolTip(address)
        cursor.insertText(ORIGINAL_LINK, link)

    body = QTextBlockFormat()
    body.setBottomMargin(size * 0.8)
    body.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    plain = QTextCharFormat()
    plain.setForeground(theme.color("text"))
    cursor.insertBlock(body, plain)
    base = cursor.position()
    for start, end in slices(article.text):  # each a short hold of the interpreter lock
        cursor.insertText(article.text[start:end])
    _shape_blocks(doc, base, size)
    return doc, base


def _shape_blocks(doc: QTextDocument, base: int, size: float) -> None:
    """Texts that separate paragraphs with a blank line would show a double gap; paragraph
    spacing already separates them, so blank lines (quoted ones too: "> ") shrink to a sliver.
    A reply's quoted lines ("> …", ">> …") are set in by their depth, as a mail reader shows
    them. The text is unchanged, so offsets still hold."""
    sliver = QTextBlockFormat()
    sliver.setLineHeight(max(size * 0.25, 1.0), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    unseen = QTextCharFormat()
    unseen.setForeground(QColor(Qt.GlobalColor.transparent))
    cursor = QTextCursor(doc)
    block = doc.findBlock(base)
    while block.isValid():
        line = block.text() if doc.characterAt(block.position()) == ">" else ""
        if block.length() == 1 or (line and not line.strip("> ")):
            cursor.setPosition(block.position())
            cursor.setBlockFormat(sliver)
            if line:  # its marks would be drawn over the next line
                cursor.setPosition(block.position() + len(line), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(unseen)
        elif line:
            quoted = block.blockFormat()
            quoted.setLeftMargin(size * QUOTE_INDENT * min(_quote_depth(line), MAX_QUOTE_INDENTS))
            cursor.setPosition(block.position())
            cursor.setBlockFormat(quoted)
        block = block.next()


def _quote_depth(line: str) -> int:
    """How many quote marks open ``line`` ("> > x" and ">> x" are both 2)."""
    marks = line[: len(line) - len(line.lstrip("> "))]
    return marks.count(">")


def _date(published: str) -> str:
    """The date part of an ISO timestamp; other forms are shown as stored."""
    return published[:10] if len(published) >= 10 and published[4:5] == "-" else published
