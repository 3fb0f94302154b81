"""The reader: one article as readable prose, its entities and key terms coloured.

The text appears at once; entities and terms are fetched in the background and coloured when
they arrive (``entity_fetch.py``: the lines on screen first while an article is not indexed
yet; a result for an article the user has already left is dropped). Colouring is
layered — entities, terms, watchlist, summary tint, the user's highlights — and flattened into
non-overlapping segments (``layers.py``) whose formats are built once per theme
(``formats.py``) and written in one edit block; that measured several times faster than a
QSyntaxHighlighter on long articles (``tests/perf/bench_reader.py``). A book-length article's
segments are computed in a worker and written a slice per event-loop turn, or into a coloured
copy of its document that replaces it (``painter.py``); its layout is done a slice per turn too
(``layout_pacer.py``).
Search matches and the brief flash after a jump are extra selections on top. Offsets in and
out of this widget are Python string offsets into the article text; ``TextPositions`` is the
only conversion.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.core.models import Article, Entity, SummarySentence, Term
from desktop.core.text.language import detect_language, is_modelled, unmodelled_notice
from desktop.ui.reader.colouring import Colouring, colouring
from desktop.ui.reader.document import BACKGROUND_CHARS, prepare_document
from desktop.ui.reader.entity_fetch import (
    EntityFetch,
    EntitySource,
    FirstSource,
    load_article_entities,
    load_first_pass,
)
from desktop.ui.reader.find_bar import FindBar
from desktop.ui.reader.formats import FormatBook, HighlightStyles
from desktop.ui.reader.legend import Legend
from desktop.ui.reader.mentions import MentionIndex
from desktop.ui.reader.page import ReaderPage
from desktop.ui.reader.painter import (
    SYNC_MARKS,
    Layers,
    Rebuild,
    Repaint,
    Segment,
    SegmentPainter,
)
from desktop.ui.text_positions import TextPositions
from desktop.ui.theme import CATEGORY_ROLES, Theme, current_theme, theme_events
from desktop.ui.workers import run_task

FLASH_MS = 900
SWAP_RETRY_MS = 50
KEEP = QTextCursor.MoveMode.KeepAnchor
MIN_FONT, MAX_FONT, DEFAULT_FONT = 8.0, 32.0, 13.0
SCREENS_AROUND = 2  # screens of text the first pass covers on each side of the visible one
MIN_SCREEN_CHARS = 1_000  # the least counted as a screen (a hidden page has a tiny view)


class ReaderView(QWidget):
    selection_changed = Signal(int, int)  # Python offsets; start == end when nothing selected
    article_shown = Signal(int)  # article id, once its text is on screen
    entities_shown = Signal(object)  # (list[Entity], list[Term]), complete, now coloured
    first_colours_shown = Signal(object)  # list[Entity] around the screen, coloured first
    highlight_clicked = Signal(object)  # id of the user highlight clicked (no selection)
    entities_failed = Signal(str)  # why entities could not be loaded
    link_activated = Signal(str)  # the address of a link clicked in the header

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        entity_source: EntitySource | None = None,
        first_source: FirstSource | None = None,
    ) -> None:
        """``entity_source`` gives an article's complete entities and terms, ``first_source``
        the quick first pass (without one, the default when ``entity_source`` is given, the
        article is coloured in one pass)."""
        super().__init__(parent)
        self._fetch = EntityFetch(
            entity_source or load_article_entities,
            first_source or (None if entity_source else load_first_pass),
            self,
        )
        self._fetch.first_ready.connect(self._on_first_entities)
        self._fetch.complete_ready.connect(lambda result: self.set_entities(*result))
        self._fetch.failed.connect(self.entities_failed)
        self._article: Article | None = None
        self._positions = TextPositions("")
        self._entities: list[Entity] = []
        self._terms: list[Term] = []
        self._summary: list[SummarySentence] = []
        self._highlights: list[Any] = []
        self._hidden: set[str] = set()
        self._mentions = MentionIndex()
        self._painter = SegmentPainter(self)
        self._apply_token = 0
        self._entities_token = 0
        self._coloured_token = 0  # the last complete result coloured
        self._written_token = 0  # the last paint whose changes are being (or were) written
        self._render_token = 0
        self._building = False  # a book-length article's document is being built
        self._announce = False  # article_shown is due once the document is shown
        self._book = FormatBook(current_theme())
        self._font = QFont(self.font())
        self._font.setPointSizeF(DEFAULT_FONT)
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._flash_selections: list[QTextEdit.ExtraSelection] = []
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)

        self.legend = Legend(self)
        self.page = ReaderPage(self)
        self._document = self.page.document()
        self.find_bar = FindBar(self.page, self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.legend, self.page, self.find_bar):
            layout.addWidget(widget)
        layout.setStretch(1, 1)

        self.find_action = self._action(
            "Find in Article…", QKeySequence.StandardKey.Find, self.find
        )
        self.zoom_in_action = self._action(
            "Larger Text", QKeySequence.StandardKey.ZoomIn, self._zoom_in
        )
        self.zoom_out_action = self._action(
            "Smaller Text", QKeySequence.StandardKey.ZoomOut, self._zoom_out
        )
        self.legend.category_toggled.connect(self.set_category_visible)
        self.find_bar.matches_changed.connect(self._on_matches)
        self.page.selectionChanged.connect(self._on_selection)
        self.page.clicked.connect(self._on_click)
        self.page.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.page.tooltip_for = self._tooltip_for
        theme_events().changed.connect(self._on_theme_changed)

    # --- showing an article -------------------------------------------------------------
    def show_article(self, article: Article) -> None:
        """Show the text now; colour it when the background fetch of entities returns."""
        self._article = article
        self._entities, self._terms, self._summary, self._highlights = [], [], [], []
        self._entities_token += 1  # a complete result of the previous article is dropped
        self._mentions = MentionIndex()
        self.legend.set_counts({})  # until the complete result: never partial counts
        language = article.language or detect_language(article.text)
        self.legend.set_notice("" if is_modelled(language) else unmodelled_notice(language))
        self._announce = True
        self._render()

    def _announce_article(self) -> None:
        """The new article's text is on screen: say so, and fetch its entities."""
        if self._article is not None and self._announce:
            self._announce = False
            self.set_scroll_fraction(0.0)
            self.article_shown.emit(self._article.id)
            self.refresh_entities()

    def article(self) -> Article | None:
        return self._article

    def is_building(self) -> bool:
        """Whether the article's document is still being built (the previous one shows)."""
        return self._building

    def is_laying_out(self) -> bool:
        """Whether a long document is still being laid out: until it is, a place found by
        position on screen can be far off, and finding it can take seconds."""
        return self.page.layout_pacer.busy()

    def refresh_entities(self) -> None:
        """Fetch entities again (after a correction or a watchlist change)."""
        if self._article is not None:
            self._fetch.start(self._article, self._around_screen())

    def _around_screen(self) -> tuple[int, int]:
        """Python offsets of about the text on screen, widened by ``SCREENS_AROUND`` screens
        (an estimate in proportion to the text's length is close enough with that margin)."""
        top, bottom = self.page.visible_span()
        length = self._positions.length
        start, end = round(top * length), round(bottom * length)
        margin = max(end - start, MIN_SCREEN_CHARS) * SCREENS_AROUND
        return start - margin, end + margin

    def _on_first_entities(self, entities: list[Entity]) -> None:
        """Colour the first pass's entities; the legend counts wait for the complete ones."""
        self._entities = entities
        self._apply()
        self.first_colours_shown.emit(entities)

    def set_entities(self, entities: Sequence[Entity], terms: Sequence[Term]) -> None:
        """Colour these entities and terms, the complete result, in the open article (a
        book-length article's are sorted out in a worker first)."""
        self._fetch.settle()
        self._entities_token += 1
        token = self._entities_token
        if len(entities) <= SYNC_MARKS:
            self._show_colouring(token, colouring(entities, terms))
            return
        run_task(
            lambda: colouring(entities, terms),
            lambda result: self._show_colouring(token, result),
            pause_collector=True,
            owner=self,
        )

    def _show_colouring(self, token: int, result: Colouring) -> None:
        if not isValid(self) or token != self._entities_token:
            return  # another article (or a newer result) came meanwhile
        self._coloured_token = token
        self._entities, self._terms = result.entities, result.terms
        self._apply()
        self.legend.set_counts(result.counts)
        self.entities_shown.emit((self._entities, result.all_terms))

    def _render(self) -> None:
        """(Re)build the document for the current article, font and theme: at once for an
        article of ordinary length, in a worker for a book-length one (the previous document
        stays on screen until it is ready)."""
        fraction = self.scroll_fraction()
        if self._article is None:
            return
        self._render_token += 1
        token, article, font = self._render_token, self._article, QFont(self._font)
        theme = self._book.theme
        if len(article.text) < BACKGROUND_CHARS:
            self._show_document(token, fraction, prepare_document(article, font, theme))
            return
        self._building = True
        run_task(
            lambda: prepare_document(article, font, theme, for_thread=self.thread()),
            lambda prepared: self._show_document(token, fraction, prepared),
            pause_collector=True,
            owner=self,
        )

    def _show_document(
        self, token: int, fraction: float, prepared: tuple[QTextDocument, TextPositions]
    ) -> None:
        if not isValid(self) or token != self._render_token:
            return  # another article, font or theme was asked for meanwhile
        self._building = False
        doc, self._positions = prepared
        self.page.setFont(self._font)
        self._set_document(doc)
        self._apply()
        self.set_scroll_fraction(fraction)
        self._announce_article()

    def _set_document(self, doc: QTextDocument, painted: set[Segment] | None = None) -> None:
        """Show ``doc`` (coloured with ``painted``); search matches and the flash, which
        pointed into the previous document, go."""
        self.page.show_document(doc)
        self._document = doc  # the page does not own documents it did not create
        self._painter.reset(doc, painted)
        self.page.update_margins()
        self._flash_selections = []
        self._find_selections = []
        self._update_extra_selections()
        self.find_bar.refresh()

    def _swap_document(self, doc: QTextDocument, painted: set[Segment]) -> None:
        """Replace the document on screen by a coloured copy of it, where the reader is, with
        the selection kept (the text and its layout are the same)."""
        place, selected = self.first_visible_offset(), self.selected_range()
        self._set_document(doc, painted)
        self.scroll_to_offset(place)
        if selected is not None:
            cursor = QTextCursor(doc)
            cursor.setPosition(self._positions.to_qt(selected[0]))
            cursor.setPosition(self._positions.to_qt(selected[1]), KEEP)
            self.page.setTextCursor(cursor)

    # --- layers ---------------------------------------------------------------------------
    def set_category_visible(self, category: str, visible: bool) -> None:
        """Show or hide one colouring category (leader … term, watchlist)."""
        if category not in CATEGORY_ROLES:
            raise ValueError(f"unknown category {category!r}")
        if self.legend.is_checked(category) != visible:
            self.legend.buttons[category].setChecked(visible)  # re-enters through the signal
            return
        (self._hidden.discard if visible else self._hidden.add)(category)
        self._apply()

    def set_summary_tint(self, sentences: Sequence[SummarySentence] | None) -> None:
        """Tint these sentences (the summary shown in the text); None removes the tint."""
        self._summary = list(sentences or [])
        self._apply()

    def set_highlights(self, highlights: Sequence[Any], styles: HighlightStyles) -> None:
        """The user's highlights (``id, start, end, category, note``); ``styles`` maps a
        category to its (light, dark) background colour."""
        self._highlights = [h for h in highlights if not getattr(h, "orphan", False)]
        self._book = FormatBook(self._book.theme, styles)
        self._apply()

    def highlight_at(self, pos: int) -> Any | None:
        """Id of the user highlight covering Python offset ``pos`` (the innermost), or None."""
        covering = [h for h in self._highlights if h.start <= pos < h.end]
        return min(covering, key=lambda h: h.end - h.start).id if covering else None

    def _apply(self) -> None:
        """Flatten every visible layer into styled segments and paint what changed; a very
        long article's changes are computed in a worker and painted a slice at a time, or, in
        a book-length one, written into a coloured copy that replaces the document."""
        if self._building:
            return  # the new document paints every layer once it is shown
        self._apply_token += 1
        token = self._apply_token
        layers = Layers(
            self._positions,
            list(self._entities),
            list(self._terms),
            list(self._summary),
            list(self._highlights),
            frozenset(self._hidden),
        )
        painted = self._painter.hold()  # unchanged until these changes are written
        if layers.size() <= SYNC_MARKS:
            self._show_changes(token, layers.repaint(painted))
            return
        rebuild, book = None, None
        if self._article is not None and len(self._article.text) >= BACKGROUND_CHARS:
            rebuild, book = (
                self._rebuild(),
                FormatBook(self._book.theme, self._book.highlight_styles),
            )
        run_task(
            lambda: layers.repaint(painted, rebuild, book),
            lambda result: self._show_changes(token, result),
            pause_collector=True,
            owner=self,
        )

    def _rebuild(self) -> Rebuild:
        """Makes a fresh copy of the document on screen (in a worker), for the GUI thread."""
        article, font, theme = self._article, QFont(self._font), self._book.theme
        for_thread = self.thread()
        assert article is not None

        def rebuild(colours: Callable[[QTextDocument], None]) -> QTextDocument:
            return prepare_document(article, font, theme, for_thread, colours)[0]

        return rebuild

    def _show_changes(self, token: int, result: Repaint) -> None:
        if not isValid(self) or token != self._apply_token or self._building:
            return  # layers or the document changed since; a newer paint is on its way
        self._mentions = result.mentions
        if result.document is None or result.shown is None:
            self._written_token = token
            self._painter.write(result.writes, self._book)
        elif self.page.layout_pacer.busy():
            # Where the reader is can only be told in a laid-out document (a hit test in one
            # still being laid out can answer a place far down it): the copy waits.
            QTimer.singleShot(SWAP_RETRY_MS, self, lambda: self._show_changes(token, result))
        else:
            self._written_token = token
            self._swap_document(result.document, result.shown)

    def is_painting(self) -> bool:
        """Whether the article's complete colours are still to come, or being written."""
        return (
            self._coloured_token != self._entities_token
            or self._written_token != self._apply_token
            or self._painter.busy()
        )

    def format_at(self, offset: int) -> QTextCharFormat:
        """The format of the character at Python offset ``offset`` (what a user sees)."""
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(self._positions.to_qt(offset) + 1)  # charFormat looks left
        return cursor.charFormat()

    # --- navigation -------------------------------------------------------------------------
    def scroll_to(self, start: int, end: int, flash: bool = True) -> None:
        """Put the cursor at the start of ``[start, end)``, scroll it into view, flash it."""
        qs, qe = self._positions.span_to_qt(start, end)
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(qs)
        self.page.setTextCursor(cursor)
        top = self.page.cursorRect(cursor).top()
        bar = self.page.verticalScrollBar()
        bar.setValue(bar.value() + top - self.page.viewport().height() // 4)
        if flash and qe > qs:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.page.document())
            selection.cursor.setPosition(qs)
            selection.cursor.setPosition(qe, KEEP)
            selection.format.setBackground(self._book.theme.color("flash"))
            self._flash_selections = [selection]
            self._update_extra_selections()
            self._flash_timer.start()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as Python offsets into the text (header excluded), or None."""
        cursor = self.page.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._positions.to_python(cursor.selectionStart())
        end = self._positions.to_python(cursor.selectionEnd())
        return (start, end) if end > start else None

    def cursor_offset(self) -> int | None:
        """Python offset of the text cursor, or None when it is in the header."""
        return self._text_offset(self.page.textCursor().position())

    def offset_at(self, point: QPoint) -> int | None:
        """Python offset of the text under a point of the page's viewport, or None."""
        position = self.page.position_at(QPointF(point))
        return None if position is None else self._text_offset(position)

    def _text_offset(self, position: int) -> int | None:
        if not self._positions.contains_qt(position):
            return None
        return self._positions.to_python(position)

    def find(self) -> None:
        """Open the find bar (Ctrl+F)."""
        self.find_bar.open_bar()

    def font_size(self) -> float:
        return self._font.pointSizeF()

    def set_font_size(self, pt: float) -> None:
        pt = min(max(float(pt), MIN_FONT), MAX_FONT)
        if pt != self._font.pointSizeF():
            self._font.setPointSizeF(pt)
            self._render()

    def first_visible_offset(self) -> int:
        """Python offset of the first character at the top of the view (0 in the header):
        a place that holds at any window or text size."""
        cursor = self.page.cursorForPosition(QPoint(0, 0))
        if self.page.cursorRect(cursor).top() < 0:  # a line cut by the top edge: the next one
            cursor.movePosition(QTextCursor.MoveOperation.Down)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        return self._text_offset(cursor.position()) or 0

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding Python ``offset`` is at the top of the view."""
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(self._positions.to_qt(offset))
        bar = self.page.verticalScrollBar()
        bar.setValue(bar.value() + self.page.cursorRect(cursor).top())

    def scroll_fraction(self) -> float:
        bar = self.page.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.page.verticalScrollBar()
        bar.setValue(round(min(max(fraction, 0.0), 1.0) * bar.maximum()))

    # --- private slots ------------------------------------------------------------------------
    def _action(
        self, text: str, keys: QKeySequence.StandardKey, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self, shortcut=QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _zoom_in(self) -> None:
        self.set_font_size(self.font_size() + 1)

    def _zoom_out(self) -> None:
        self.set_font_size(self.font_size() - 1)

    def _tooltip_for(self, position: int) -> str:
        if not self._positions.contains_qt(position):
            return ""
        offset = self._positions.to_python(position)
        lines = self._mentions.labels_at(offset)
        lines += [
            f"Note: {h.note}" for h in self._highlights if h.note and h.start <= offset < h.end
        ]
        return "\n".join(lines)

    def _on_selection(self) -> None:
        selected = self.selected_range()
        if selected is None:
            offset = self._positions.to_python(self.page.textCursor().position())
            selected = (offset, offset)
        self.selection_changed.emit(*selected)

    def _on_click(self, position: int) -> None:
        offset = self._text_offset(position)
        found = None if offset is None else self.highlight_at(offset)
        if found is not None:
            self.highlight_clicked.emit(found)

    def _on_matches(self, cursors: list[QTextCursor]) -> None:
        colour = self._book.theme.color("find-match")
        self._find_selections = []
        for cursor in cursors:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(colour)
            self._find_selections.append(selection)
        self._update_extra_selections()

    def _end_flash(self) -> None:
        self._flash_selections = []
        self._update_extra_selections()

    def _update_extra_selections(self) -> None:
        self.page.setExtraSelections(self._find_selections + self._flash_selections)

    def _on_theme_changed(self, theme: Theme) -> None:
        self._book = FormatBook(theme, self._book.highlight_styles)
        self._render()
