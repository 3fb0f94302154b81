"""What changed between two texts of an article, drawn as one text: removed words struck
through in red, added words underlined in green, and the highlights of each text behind them.

The texts came from files and pages, so they are inserted as plain text with character
formats, never as HTML. Removed words carry the highlights of the old text, added words those
of the new text, unchanged words both. Colour is never the only signal: removed words are
struck through and added ones underlined, and every run says what it is in its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.core.library.version_changes import PlacedHighlight, VersionChanges
from desktop.core.models import HighlightCategory
from desktop.core.text.word_diff import EQUAL
from desktop.ui.text_positions import TextPositions
from desktop.ui.theme import Theme, current_theme, theme_events

REMOVED = "removed"
ADDED = "added"
KEPT = "kept"


@dataclass(frozen=True)
class Run:
    """A piece of the drawn text: ``kind`` (kept, removed, added), where it came from in the old
    (``a_start``) or new text (``b_start``; -1 when it is not in that text), and where it is
    in the document (``doc_start``: a Qt position) with its text, to map offsets inside it."""

    kind: str
    text: str
    a_start: int
    b_start: int
    doc_start: int


class ChangesView(QTextEdit):
    """A read-only "What changed" page; ``show_changes`` draws one comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.runs: list[Run] = []
        self._shown: tuple[VersionChanges, list[HighlightCategory] | None] | None = None
        theme_events().changed.connect(self._on_theme_changed)

    def show_changes(
        self, changes: VersionChanges, categories: list[HighlightCategory] | None = None
    ) -> None:
        self._shown = (changes, categories)
        theme = current_theme()
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        cursor = QTextCursor(document)
        self.runs = []
        old, new = changes.old.text, changes.new.text
        for s in changes.spans:
            if s.kind == EQUAL:
                self._insert(cursor, theme, KEPT, old[s.a_start : s.a_end], s.a_start, s.b_start)
                continue
            if s.a_end > s.a_start:
                self._insert(cursor, theme, REMOVED, old[s.a_start : s.a_end], s.a_start, -1)
            if s.b_end > s.b_start:
                self._insert(cursor, theme, ADDED, new[s.b_start : s.b_end], -1, s.b_start)
        colours = {c.name: c.dark if theme.dark else c.light for c in categories or []}
        self._mark(cursor, changes.old_highlights, colours, old_side=True)
        self._mark(cursor, changes.new_highlights, colours, old_side=False)
        self.setDocument(document)

    def clear_changes(self, message: str = "") -> None:
        self.runs = []
        self._shown = None
        self.setPlainText(message)

    def _on_theme_changed(self, _theme: Theme) -> None:
        """Drawn again in the new theme's colours (and the categories' colours for it)."""
        if self._shown is not None:
            self.show_changes(*self._shown)

    def _insert(
        self, cursor: QTextCursor, theme: Theme, kind: str, text: str, a_start: int, b_start: int
    ) -> None:
        self.runs.append(Run(kind, text, a_start, b_start, cursor.position()))
        fmt = QTextCharFormat()
        if kind == REMOVED:
            fmt.setForeground(theme.color("diff-deleted"))
            fmt.setFontStrikeOut(True)
            fmt.setToolTip("Removed")
        elif kind == ADDED:
            fmt.setForeground(theme.color("diff-inserted"))
            fmt.setFontUnderline(True)
            fmt.setToolTip("Added")
        cursor.insertText(text, fmt)

    def _mark(
        self,
        cursor: QTextCursor,
        highlights: list[PlacedHighlight],
        colours: dict[str, str],
        *,
        old_side: bool,
    ) -> None:
        """Give the passages of ``highlights`` (offsets in the old or the new text) their
        category's background wherever the drawn text shows that text."""
        for run in self.runs:
            start = run.a_start if old_side else run.b_start
            if start < 0:
                continue
            end = start + len(run.text)
            positions: TextPositions | None = None
            for h in highlights:
                lo, hi = max(h.start, start), min(h.end, end)
                if lo >= hi:
                    continue
                positions = positions or TextPositions(run.text, run.doc_start)
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(colours.get(h.category, "#fcf0a0")))
                fmt.setToolTip(f"Highlight: {h.note}" if h.note else "Highlight")
                cursor.setPosition(positions.to_qt(lo - start))
                cursor.setPosition(positions.to_qt(hi - start), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
