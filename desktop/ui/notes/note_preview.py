"""The rendered Markdown of a note, under its editor, that loads nothing and opens nothing.

A note is the user's text, and often pasted from a page: ``![x](/dev/zero)`` or a raw
``<img>`` shown by a QLabel would make Qt read that file. Here the document answers every
resource request with nothing (no file, no network), raw HTML is shown as typed, and a link
is only shown (its address as the tooltip), never followed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QUrl
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

from desktop.ui.plain_text import literal_html

MAX_LINES = 12  # a longer note scrolls in its preview; the editor above holds all of it
MAX_CHARS = 20_000  # rendered again at every keystroke: 380 KB of Markdown took 0.26 s
_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


class InertDocument(QTextDocument):
    """A document whose images are all a blank pixel and whose style sheets are empty."""

    def loadResource(self, kind: int, url: QUrl) -> Any:
        # Never None or an empty image: Qt would then ask a resource provider, and then load
        # the image's file name itself.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return _BLANK
        return QByteArray()


_BLANK = QImage(1, 1, QImage.Format.Format_ARGB32)
_BLANK.fill(0)


class NotePreview(QTextBrowser):
    """Read-only, sized to its note (up to ``MAX_LINES``), hidden while the note is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(InertDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName("Note preview")
        self.viewport().installEventFilter(self)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.hide()

    def set_note(self, text: str) -> None:
        shown = text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "…"
        self.document().setMarkdown(shown, _FEATURES)
        self.setVisible(bool(text.strip()))

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        height = int(self.document().size().height()) + 2 * self.frameWidth()
        self.setFixedHeight(min(height, MAX_LINES * line))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A link's tooltip is its address as written; Qt's own would guess at markup."""
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            href = self.anchorAt(QPoint(event.pos()))
            if href:
                QToolTip.showText(event.globalPos(), literal_html(href), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
