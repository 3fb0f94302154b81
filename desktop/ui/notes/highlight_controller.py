"""Highlighting in the reader: create, note, tag, delete, undo, and keep the reader's layer in sync.

The controller owns no widgets but the selection popup; it turns user intentions into undoable
commands, runs them on the serial notes worker (saved at once, no Save button), then reloads the
article's highlights and hands them to the reader and to anyone listening (the Notes pane).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.core.library.pages import Pages
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.notebook import Notebook
from desktop.ui.crash_handler import library_problem
from desktop.ui.notes.notes_tasks import run_notes_task
from desktop.ui.notes.selection_popup import SelectionPopup
from desktop.ui.notes.undo_commands import (
    AcceptMovedCommand,
    CreateHighlightCommand,
    DeleteHighlightCommand,
    EditHighlightCommand,
    HighlightFields,
    NewHighlight,
    ReattachHighlightCommand,
)
from desktop.ui.theme import current_theme, theme_events

POPUP_DELAY_MS = 250


def text_order(highlights: list[Highlight]) -> list[Highlight]:
    """Placed highlights by position, then orphans (which have no trustworthy position)."""
    return sorted(highlights, key=lambda h: (h.orphan, h.start, h.end, h.created))


class HighlightController(QObject):
    """Highlights of the article shown in ``reader``; see the module docstring."""

    highlights_changed = Signal(object)  # list[Highlight]: the article's, text order, orphans last
    categories_changed = Signal(object)  # list[HighlightCategory], in display order
    note_edit_requested = Signal(str)  # id of a highlight whose note the user wants to write
    highlight_selected = Signal(str)  # id of a highlight the user clicked in the reader
    article_leaving = Signal()  # last call for edits of the article's highlights in progress
    failed = Signal(str)  # a message for the status bar; other work goes on
    written = Signal()  # a change was queued on the notes worker (create, edit, delete, undo)

    def __init__(self, reader: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or reader)  # lives and dies with the reader it serves
        self.undo_stack = QUndoStack(self)
        self._reader = reader
        self._article_id: int | None = None
        self._highlights: list[Highlight] = []
        self._drawn = False
        self._categories: list[HighlightCategory] = []
        self._last_category = ""
        self._popup = SelectionPopup(reader)
        self._popup_timer = QTimer(self, singleShot=True, interval=POPUP_DELAY_MS)
        self._popup_timer.timeout.connect(self._show_popup)
        self._popup.category_chosen.connect(self.highlight_selection)
        self._popup.note_requested.connect(self.note_on_selection)
        reader.article_shown.connect(self.set_article)
        reader.selection_changed.connect(self._on_selection_changed)
        # Bound methods, not lambdas: Qt drops these connections when the controller goes.
        reader.highlight_clicked.connect(self._on_highlight_clicked)
        theme_events().changed.connect(self._on_theme_changed)
        self.reload_categories()

    # -- state ---------------------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self._article_id

    def pages(self) -> Pages:
        """Where each page of the article shown starts, when it is a PDF; else empty."""
        article = self._reader.article()
        return article.pages if article is not None and article.id == self._article_id else ()

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def categories(self) -> list[HighlightCategory]:
        return list(self._categories)

    def find(self, highlight_id: str) -> Highlight | None:
        return next((h for h in self._highlights if h.id == highlight_id), None)

    def styles(self) -> dict[str, tuple[str, str]]:
        """Category style name → (light colour, dark colour), as the reader wants them."""
        return {c.name: (c.light, c.dark) for c in self._categories}

    def selected_range(self) -> tuple[int, int] | None:
        selected = self._reader.selected_range()
        if selected is None or selected[1] <= selected[0]:
            return None
        return selected

    # -- loading -------------------------------------------------------------------------------

    @Slot(int)
    def set_article(self, article_id: int) -> None:
        """Show ``article_id``'s highlights (connected to the reader's ``article_shown``)."""
        self.article_leaving.emit()
        self._article_id = article_id
        self._highlights = []
        self._drawn = False  # the reader clears its highlights when it shows an article
        self._popup.hide()
        self.reload()

    def reload(self) -> None:
        """Re-read the article's highlights; a result for an article already left is dropped."""
        article_id = self._article_id
        if article_id is None:
            return
        run_notes_task(
            lambda notebook: notebook.for_article(article_id),
            lambda found: self._show(article_id, found),
            self._on_error,
            owner=self,
        )

    def reload_categories(self) -> None:
        run_notes_task(
            lambda notebook: notebook.categories(), self._set_categories, self._on_error, owner=self
        )

    def _show(self, article_id: int, found: list[Highlight]) -> None:
        if article_id != self._article_id:
            return
        self._highlights = text_order(found)
        placed = [h for h in self._highlights if not h.orphan]
        if placed or self._drawn:  # an article shown afresh has no highlights drawn yet
            self._reader.set_highlights(placed, self.styles())
        self._drawn = bool(placed)
        self.highlights_changed.emit(self.highlights())

    def _set_categories(self, categories: list[HighlightCategory]) -> None:
        self._categories = sorted(categories, key=lambda c: c.position)
        self._popup.set_categories(self._categories, current_theme().dark)
        self.categories_changed.emit(self.categories())
        if self._drawn:
            placed = [h for h in self._highlights if not h.orphan]
            self._reader.set_highlights(placed, self.styles())

    # -- user actions --------------------------------------------------------------------------

    @Slot()
    @Slot(str)
    def highlight_selection(self, category: str = "") -> None:
        """Highlight the reader's selection (shortcut H, or a popup button)."""
        selected = self.selected_range()
        if selected is None:
            self.failed.emit("Select some text in the article to highlight it.")
            return
        self.promote(selected[0], selected[1], category)

    @Slot(int, int)
    @Slot(int, int, str)
    def promote(self, start: int, end: int, category: str = "") -> None:
        """Make ``[start, end)`` of the current article a highlight in one click (also used for
        summary sentences and entity mentions). The exact passage of an existing highlight is
        re-categorised instead of highlighted twice."""
        same = next(
            (h for h in self._highlights if not h.orphan and (h.start, h.end) == (start, end)),
            None,
        )
        if same is not None:
            self._popup.hide()
            self.edit(same.id, category=category or same.category)
        else:
            self._create(start, end, category)

    @Slot()
    def note_on_selection(self) -> None:
        """Write a note on the selection: on the highlight already there, or on a new one."""
        selected = self.selected_range()
        if selected is None:
            self.failed.emit("Select some text (or a highlight) to write a note on it.")
            return
        existing = self._covering(*selected)
        if existing is not None:
            self.note_edit_requested.emit(existing.id)
        else:
            self._create(*selected, "", on_created=lambda h: self.note_edit_requested.emit(h.id))

    def edit(
        self,
        highlight_id: str,
        *,
        note: str | None = None,
        tags: tuple[str, ...] | None = None,
        category: str | None = None,
    ) -> None:
        """Change a highlight's note, tags or category (undoable, saved at once)."""
        current = self.find(highlight_id)
        if current is None:
            return
        before = HighlightFields.of(current)
        after = replace(
            before,
            note=before.note if note is None else note,
            tags=before.tags if tags is None else tuple(tags),
            category=before.category if category is None else category,
        )
        if after == before:
            return
        # Show the change at once; the reload after the write confirms it.
        self._highlights = [
            replace(h, note=after.note, tags=after.tags, category=after.category)
            if h.id == highlight_id
            else h
            for h in self._highlights
        ]
        self.undo_stack.push(EditHighlightCommand(highlight_id, before, after, self._write))

    def delete(self, highlight_id: str) -> None:
        """Delete a highlight and its note (undoable: Ctrl+Z brings both back)."""
        self.undo_stack.push(DeleteHighlightCommand(highlight_id, self._write))

    def accept(self, highlight_id: str) -> None:
        """Confirm a moved highlight where it was placed (undoable)."""
        current = self.find(highlight_id)
        if current is not None and current.moved and not current.orphan:
            self.undo_stack.push(AcceptMovedCommand(current, self._write))

    def reattach(self, highlight_id: str, start: int, end: int) -> None:
        """Place an orphan or a moved highlight on the passage ``[start, end)`` the user
        selected (undoable)."""
        current = self.find(highlight_id)
        if current is not None:
            self.undo_stack.push(ReattachHighlightCommand(current, start, end, self._write))

    def reattach_to_selection(self, highlight_id: str) -> bool:
        selected = self.selected_range()
        if selected is None:
            self.failed.emit("Select the passage in the article to re-attach the note to.")
            return False
        self.reattach(highlight_id, *selected)
        return True

    # -- plumbing ------------------------------------------------------------------------------

    def _create(
        self,
        start: int,
        end: int,
        category: str,
        on_created: Callable[[Highlight], None] | None = None,
    ) -> None:
        if self._article_id is None or end <= start:
            return
        if category:
            self._last_category = category  # H then repeats the category picked last
        new = NewHighlight(self._article_id, start, end, category or self._default_category())
        self._popup.hide()
        self.undo_stack.push(CreateHighlightCommand(new, self._write, on_created))

    def _default_category(self) -> str:
        names = [c.name for c in self._categories]
        if self._last_category in names:
            return self._last_category
        return names[0] if names else ""

    def _covering(self, start: int, end: int) -> Highlight | None:
        for highlight in self._highlights:
            if not highlight.orphan and highlight.start <= start and end <= highlight.end:
                return highlight
        return None

    def _write(
        self, fn: Callable[[Notebook], object], on_done: Callable[[object], None] | None = None
    ) -> None:
        """Queue one change, then a reload that shows its result (both on the serial worker)."""
        run_notes_task(fn, on_done, self._on_error, owner=self)
        self.written.emit()
        self.reload()

    def _on_error(self, exc: Exception) -> None:
        self.failed.emit(f"Notes: {library_problem(exc) or exc}")

    def _on_highlight_clicked(self, highlight_id: object) -> None:
        self.highlight_selected.emit(str(highlight_id))

    def _on_theme_changed(self, _theme: object) -> None:
        self._set_categories(self._categories)  # swatches in the popup follow the theme

    def _on_selection_changed(self, start: int, end: int) -> None:
        if end > start and self._article_id is not None and self._categories:
            self._popup_timer.start()
        else:
            self._popup_timer.stop()
            self._popup.hide()

    def _show_popup(self) -> None:
        if self.selected_range() is None:
            return
        self._popup.show_at(self._selection_anchor())

    def _selection_anchor(self) -> QPoint:
        """Bottom of the selection's end, in the reader's coordinates."""
        reader = self._reader
        text_edit = reader if isinstance(reader, QTextEdit) else reader.findChild(QTextEdit)
        if text_edit is None:
            return QPoint(reader.width() // 2, reader.height() // 2)
        rect = text_edit.cursorRect()
        return text_edit.viewport().mapTo(reader, rect.bottomLeft())
