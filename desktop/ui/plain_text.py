"""Text from a file, a page or a user, shown exactly as written and never as markup.

Qt guesses: a tooltip, a QLabel, a message box or an input dialog's label shows any string that
looks like HTML (``Qt.mightBeRichText``) as rich text, and rich text loads the images it names,
so a feed title ``<img src="/dev/zero">`` reads that device until memory runs out. Every such
surface goes through one of these helpers (message boxes through ``messages.plain_box``); rich
text is left for what the program writes itself.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

MAX_CHARS = 2000
MAX_LINES = 40
DISPLAY_CHARS = 300


def literal_html(text: str) -> str:
    """Rich text that shows ``text`` literally, line breaks and spaces kept.

    For surfaces that guess or take only rich text (tooltips, input dialog labels): every
    character that could open markup is escaped, so nothing in ``text`` is a tag and nothing is
    loaded. Plain text cannot be passed instead: a tooltip would guess again. A text longer than
    a screen is cut (with "…"): nobody can read it in a tooltip, and laying out 100 KB of it
    takes Qt half a second on the GUI thread.
    """
    if not text:
        return ""  # an empty tooltip is no tooltip
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text[: MAX_CHARS + 1].split("\n")
    shown = "\n".join(lines[:MAX_LINES])[:MAX_CHARS]
    if shown != text:
        shown = shown.rstrip() + "…"
    return f'<p style="white-space:pre-wrap">{html.escape(shown, quote=False)}</p>'


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that shows whatever it is given as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def literal_ampersands(text: str) -> str:
    """``text`` for a button or menu entry, where ``&`` would mark a shortcut key and vanish
    (``AT&T`` would read ``ATT``)."""
    return text.replace("&", "&&")


def display_line(text: str, limit: int = DISPLAY_CHARS) -> str:
    """``text`` cut for a list cell, a menu entry or a title bar: a feed can give a title of a
    megabyte, and eliding it to a column's width at every repaint held the window 0.5 s."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def literal_title(text: str) -> str:
    """``text`` for a window title, where ``[*]`` marks where "modified" goes and vanishes."""
    return text.replace("[*]", "[*][*]")
