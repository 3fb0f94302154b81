"""Undo and redo for highlight edits, headless so the window only wires menu items to it.

Each step remembers the highlight before and after the change; undo writes the "before"
state back (for a creation: the highlight deleted), redo writes the "after" state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from desktop.core.models import Highlight
from desktop.core.notes.notebook import DEFAULT_CATEGORY, Notebook


@dataclass(frozen=True)
class Change:
    """One undoable step; ``before`` is None for a creation."""

    label: str
    before: Highlight | None
    after: Highlight


class NoteHistory:
    """A bounded undo/redo stack over a ``Notebook``'s create, edit, delete and re-attach."""

    def __init__(self, notebook: Notebook, limit: int = 200) -> None:
        self.notebook = notebook
        self.limit = limit
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        category: str = DEFAULT_CATEGORY,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        created = self.notebook.add(article_id, start, end, category=category, note=note, tags=tags)
        return self._record("Add highlight", None, created)

    def update(
        self,
        highlight_id: str,
        *,
        note: str | None = None,
        category: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        before = self.notebook.get(highlight_id)
        after = self.notebook.update(highlight_id, note=note, category=category, tags=tags)
        return after if after == before else self._record("Edit highlight", before, after)

    def delete(self, highlight_id: str) -> Highlight:
        before = self.notebook.get(highlight_id)
        after = self.notebook.delete(highlight_id)
        return after if after == before else self._record("Delete highlight", before, after)

    def reattach(self, highlight_id: str, start: int, end: int) -> Highlight:
        before = self.notebook.get(highlight_id)
        return self._record(
            "Re-attach highlight", before, self.notebook.reattach(highlight_id, start, end)
        )

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> Highlight | None:
        """Revert the last change; returns the highlight as it now is (None: nothing to undo)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        target = change.before or replace(change.after, deleted=True)
        restored = self.notebook.put(target)
        self._redo.append(change)
        return restored

    def redo(self) -> Highlight | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        restored = self.notebook.put(change.after)
        self._undo.append(change)
        return restored

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _record(self, label: str, before: Highlight | None, after: Highlight) -> Highlight:
        self._undo.append(Change(label, before, after))
        del self._undo[: -self.limit]
        self._redo.clear()
        return after
