"""Undoable notes changes: create, edit, delete, re-attach a highlight and accept a moved one.

Each command only queues core calls on the serial notes worker, so an undo pressed before a
create has reached the database still runs after it. The created highlight's id is read when
the queued call runs, not when it is queued, for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from desktop.core.models import Highlight
from desktop.core.notes.notebook import Notebook

# write(fn, on_done=None): queue ``fn(notebook)``; ``on_done(result)`` runs on the GUI thread.
Write = Callable[..., None]
_EDIT_MERGE_ID = 6001


@dataclass(frozen=True)
class NewHighlight:
    """What the user asked to highlight, before the core gives it an id."""

    article_id: int
    start: int
    end: int
    category: str
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class HighlightFields:
    """The user-editable part of a highlight, captured before and after an edit."""

    note: str
    tags: tuple[str, ...]
    category: str

    @classmethod
    def of(cls, highlight: Highlight) -> HighlightFields:
        return cls(highlight.note, tuple(highlight.tags), highlight.category)


class CreateHighlightCommand(QUndoCommand):
    """Redo adds (first time) or restores the highlight; undo soft-deletes it."""

    def __init__(
        self, new: NewHighlight, write: Write, on_created: Callable[[object], None] | None = None
    ) -> None:
        super().__init__("Highlight")
        self._new = new
        self._write = write
        self._on_created = on_created
        self.highlight_id: str | None = None

    def redo(self) -> None:
        first_time = self.highlight_id is None
        self._write(self._add_or_restore, self._on_created if first_time else None)

    def undo(self) -> None:
        self._write(self._remove)

    def _add_or_restore(self, notebook: Notebook) -> object:
        if self.highlight_id is None:
            new = self._new
            added = notebook.add(
                new.article_id,
                new.start,
                new.end,
                category=new.category,
                note=new.note,
                tags=new.tags,
            )
            self.highlight_id = added.id
            return added
        return notebook.undelete(self.highlight_id)

    def _remove(self, notebook: Notebook) -> object:
        if self.highlight_id is None:  # the add failed: nothing to take back
            return None
        return notebook.delete(self.highlight_id)


class EditHighlightCommand(QUndoCommand):
    """Changes note, tags or category; consecutive edits of one highlight merge into one step,
    so undo after typing a note restores the note as it was, not one keystroke back."""

    def __init__(
        self, highlight_id: str, before: HighlightFields, after: HighlightFields, write: Write
    ) -> None:
        super().__init__("Edit note")
        self.highlight_id = highlight_id
        self._before = before
        self._after = after
        self._write = write

    def id(self) -> int:
        return _EDIT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditHighlightCommand) or other.highlight_id != self.highlight_id:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, fields: HighlightFields) -> None:
        highlight_id = self.highlight_id
        self._write(
            lambda notebook: notebook.update(
                highlight_id, note=fields.note, tags=fields.tags, category=fields.category
            )
        )


class DeleteHighlightCommand(QUndoCommand):
    """Soft delete, so undo brings back the very same highlight with its note."""

    def __init__(self, highlight_id: str, write: Write) -> None:
        super().__init__("Delete highlight")
        self.highlight_id = highlight_id
        self._write = write

    def redo(self) -> None:
        highlight_id = self.highlight_id
        self._write(lambda notebook: notebook.delete(highlight_id))

    def undo(self) -> None:
        highlight_id = self.highlight_id
        self._write(lambda notebook: notebook.undelete(highlight_id))


class ReattachHighlightCommand(QUndoCommand):
    """Places an orphan (or a moved highlight) on a passage; undo writes the highlight back
    exactly as it was, which the core re-anchors against the current text if it changed."""

    def __init__(self, before: Highlight, start: int, end: int, write: Write) -> None:
        super().__init__("Re-attach note")
        self._before = before
        self._span = (start, end)
        self._write = write

    def redo(self) -> None:
        highlight_id, (start, end) = self._before.id, self._span
        self._write(lambda notebook: notebook.reattach(highlight_id, start, end))

    def undo(self) -> None:
        before = self._before
        self._write(lambda notebook: notebook.put(before))


class AcceptMovedCommand(QUndoCommand):
    """Confirms a moved highlight where it was placed; undo makes it moved again."""

    def __init__(self, before: Highlight, write: Write) -> None:
        super().__init__("Accept moved note")
        self._before = before
        self._write = write

    def redo(self) -> None:
        highlight_id = self._before.id
        self._write(lambda notebook: notebook.accept(highlight_id))

    def undo(self) -> None:
        before = self._before
        self._write(lambda notebook: notebook.put(before))
