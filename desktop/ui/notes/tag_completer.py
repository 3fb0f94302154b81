"""Completion of the tag being typed in a comma-separated tag field, from the tags in use.

Reusing a tag exactly ("budget", not "Budget 2026" and "budgets") is what makes filtering the
Notebook by tag work, so the field offers what already exists.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagCompleter(QCompleter):
    """Completes only the last tag of ``"a, b, c…"`` and keeps the ones before it."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self._field = field
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        field.setCompleter(self)

    def set_tags(self, tags: Sequence[str]) -> None:
        self._model.setStringList(list(tags))

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        before = self._field.text().rsplit(",", 1)
        head = f"{before[0]}, " if len(before) == 2 else ""
        return head + str(index.data())
