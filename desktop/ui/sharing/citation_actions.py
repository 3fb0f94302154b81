"""*Copy with Citation*: the selection or a highlight, with where it came from, on the clipboard.

The style (plain, Markdown, APA-like) is the user's choice, kept in the settings; the text is
made by the same core function as ``dossier cite``. The reader's context menu offers it for a
selection and for the highlight under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.library.citation import STYLE_LABELS, STYLES, cite_passage
from desktop.core.models import Article, Highlight
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.settings import WindowSettings

COPY_KEYS = "Ctrl+Shift+C"


class CitationActions(QObject):
    """The copy action, the style menu, and the reader's context menu."""

    message = Signal(str)  # for the status bar

    def __init__(
        self,
        reader: ReaderView,
        highlights: HighlightController,
        settings: WindowSettings,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._highlights = highlights
        self._settings = settings
        self.copy_action = QAction("Copy with &Citation", parent)
        self.copy_action.setShortcut(QKeySequence(COPY_KEYS))
        self.copy_action.setStatusTip(
            "Copy the selection, or the highlight at the cursor, with the article's citation"
        )
        self.copy_action.triggered.connect(self.copy_current)
        self.style_menu = QMenu("Citation &Style", parent)
        group = QActionGroup(self)
        chosen = settings.citation_style()
        self.style_actions: dict[str, QAction] = {}
        for style in STYLES:
            action = self.style_menu.addAction(STYLE_LABELS[style])
            action.setCheckable(True)
            action.setChecked(style == chosen)
            action.triggered.connect(lambda _=False, s=style: settings.set_citation_style(s))
            group.addAction(action)
            self.style_actions[style] = action
        reader.page.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.page.customContextMenuRequested.connect(self._on_context_menu)

    def copy_current(self) -> None:
        """The selection; without one, the highlight at the cursor."""
        selected = self._reader.selected_range()
        if selected is not None:
            self.copy_span(*selected)
            return
        cursor = self._reader.cursor_offset()
        found = self._reader.highlight_at(cursor) if cursor is not None else None
        if found is None:
            self.message.emit("Select a passage or click a highlight to copy it with its citation")
        else:
            self.copy_highlight(found)

    def copy_span(self, start: int, end: int) -> None:
        article = self._reader.article()
        if article is not None:
            self._copy(article, article.text[start:end], (start, end))

    def copy_highlight(self, highlight_id: str) -> None:
        """A highlight of the open article (an orphan has no place, so no page)."""
        article = self._reader.article()
        highlight: Highlight | None = self._highlights.find(highlight_id)
        if article is None or highlight is None:
            return
        span = None if highlight.orphan else (highlight.start, highlight.end)
        self._copy(article, highlight.quote, span)

    def _copy(self, article: Article, quote: str, span: tuple[int, int] | None) -> None:
        style = self._settings.citation_style()
        QGuiApplication.clipboard().setText(cite_passage(article, style, quote, span))
        self.message.emit(f"Copied with a citation ({STYLE_LABELS[style]})")

    def reader_menu(self, point: QPoint) -> QMenu:
        """The reader's usual menu (Copy, Select All) with the citation entries added."""
        page = self._reader.page
        menu = page.createStandardContextMenu(point)
        menu.addSeparator()
        selected = self._reader.selected_range()
        if selected is not None:
            action = menu.addAction("Copy with Citation")
            action.triggered.connect(lambda: self.copy_span(*selected))
        offset = self._reader.offset_at(point)
        found = self._reader.highlight_at(offset) if offset is not None else None
        if found is not None:
            action = menu.addAction("Copy Highlight with Citation")
            action.triggered.connect(lambda: self.copy_highlight(found))
        menu.addMenu(self.style_menu)
        return menu

    def _on_context_menu(self, point: QPoint) -> None:
        menu = self.reader_menu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._reader.page.viewport().mapToGlobal(point))
