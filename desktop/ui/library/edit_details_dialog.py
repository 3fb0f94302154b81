"""Edit Details…: correct an article's title, byline, source, date and URL.

The core checks and stores the edit (``editing.edit_metadata``) and remembers which fields the
user changed, so a re-import of the same document keeps them. A refused edit (an empty title,
a date that is not YYYY-MM-DD) is shown in the dialog, which stays open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from desktop.core.library.editing import EditError, edit_metadata
from desktop.core.models import Article
from desktop.core.storage.engine import sqlite3
from desktop.ui.plain_text import plain_label

FIELDS = (
    ("title", "&Title"),
    ("byline", "&Byline"),
    ("source", "&Source"),
    ("published", "&Date"),
    ("url", "&URL"),
)


class EditDetailsDialog(QDialog):
    """A form over one article's metadata; ``changed`` lists the fields stored on OK."""

    def __init__(self, conn: sqlite3.Connection, article: Article, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Details")
        self.conn = conn
        self.article_id = article.id
        self.changed: list[str] = []
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label in FIELDS:
            edit = QLineEdit(getattr(article, name), self)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.fields["published"].setPlaceholderText("YYYY-MM-DD, or empty for no date")
        self.error = plain_label("", self, wrap=True)
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        values = {name: edit.text() for name, edit in self.fields.items()}
        try:
            self.changed = edit_metadata(self.conn, self.article_id, values)
        except EditError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()
