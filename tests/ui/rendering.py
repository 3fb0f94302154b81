"""What a Qt text surface shows for a string, found the way Qt finds it, with a document that
records every resource (image, style sheet) showing it would load."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import Qt, QTextDocument

# Hostile values from files, pages and users. Images point at a harmless missing path, not at
# /dev/zero: if a surface regressed, a test must fail, not read a device until memory runs out.
PROBE = "/nonexistent/dossier-probe.png"
HOSTILE = (
    f'<img src="{PROBE}">',
    "<a href=file:///etc/passwd>passwd</a>",
    f"![x]({PROBE})",
    "<b>not bold</b> & <i>AT&T</i>",
)


class ResourceSpy(QTextDocument):
    """A document that loads nothing and remembers what it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind: int, url: QUrl) -> Any:
        self.requested.append(url.toString())
        return None


def displayed(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The text a surface of ``text_format`` shows for ``text`` (tooltips and QLabel's default
    guess with ``Qt.mightBeRichText``); fails if showing it would load any resource."""
    spy = ResourceSpy()
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if text_format == Qt.TextFormat.MarkdownText:
        spy.setMarkdown(text)
    elif rich:
        spy.setHtml(text)
    else:
        spy.setPlainText(text)
    spy.size()  # laying the text out is what loads images
    assert spy.requested == [], f"showing {text!r} would load {spy.requested}"
    return spy.toPlainText()


def label_shows(label: Any) -> str:
    """What a QLabel (or anything with ``text()`` and ``textFormat()``) shows."""
    return displayed(label.text(), label.textFormat())
