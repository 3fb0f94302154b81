"""File ▸ Export notes… and Import notes…: the same core functions as ``dossier notes``.

Both run on the notes worker; the export is written to a temporary file next to the target and
renamed into place, so a failed export never leaves half a file where a good one was ("one file
per article" writes each file that way into a folder, created if needed). Problems are shown in
the dialog or in a non-modal report; nothing else stops.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.export import export_notes
from desktop.core.notes.importer import ImportReport, import_notes
from desktop.core.notes.markdown_export import export_markdown_folder
from desktop.core.notes.notebook import Notebook
from desktop.ui.messages import plain_box
from desktop.ui.notes.highlight_list_model import count_of
from desktop.ui.notes.notes_tasks import run_notes_task
from desktop.ui.plain_text import plain_label

FOLDER_FORMAT = "md-folder"
FORMAT_CHOICES = (
    ("md", "Markdown (story file)", "Markdown (*.md)"),
    (FOLDER_FORMAT, "Markdown, one file per article (a folder, e.g. an Obsidian vault)", ""),
    ("json", "JSON — W3C Web Annotations (re-importable)", "JSON (*.json)"),
    ("csv", "CSV (spreadsheet)", "CSV (*.csv)"),
)
SCOPES = ("Everything", "This article", "A tag", "A category")


@dataclass(frozen=True)
class ExportRequest:
    """One export: format, target file and at most one filter."""

    fmt: str
    path: Path
    article_id: int | None = None
    tag: str | None = None
    category: str | None = None

    def run(self, notebook: Notebook) -> int:
        """Write the file atomically; returns how many highlights it holds (for a folder: how
        many files were written)."""
        filters = {"article_id": self.article_id, "tag": self.tag, "category": self.category}
        if self.fmt == FOLDER_FORMAT:
            return len(export_markdown_folder(notebook.conn, self.path, **filters))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".export-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                count = export_notes(notebook.conn, self.fmt, out, **filters)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return count


class ExportNotesDialog(QDialog):
    """Pick format, scope and file; ``exported(path, count)`` once the file is written."""

    exported = Signal(str, int)

    def __init__(self, article_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export notes")
        self._article_id = article_id
        self.format = QComboBox()
        for fmt, label, _pattern in FORMAT_CHOICES:
            self.format.addItem(label, fmt)
        self.format.currentIndexChanged.connect(lambda _i: self._fix_suffix())
        self.scope = QComboBox()
        self.scope.addItems(SCOPES)
        self.scope.model().item(1).setEnabled(article_id is not None)
        self.scope.currentIndexChanged.connect(lambda _i: self._update_scope())
        self.choice = QComboBox()
        self.path = QLineEdit(str(Path.home() / "dossier-notes.md"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.message = plain_label(wrap=True)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Notes", self.scope)
        form.addRow("", self.choice)
        form.addRow("File", file_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._tags: list[str] = []
        self._categories: list[tuple[str, str]] = []
        run_notes_task(self._read_choices, self._set_choices, self._show_error, owner=self)
        self._update_scope()

    @staticmethod
    def _read_choices(notebook: Notebook) -> tuple[list[str], list[tuple[str, str]]]:
        return notebook.tags(), [(c.label, c.name) for c in notebook.categories()]

    def _set_choices(self, choices: tuple[list[str], list[tuple[str, str]]]) -> None:
        self._tags, self._categories = choices
        self._update_scope()

    def _update_scope(self) -> None:
        scope = self.scope.currentIndex()
        self.choice.clear()
        if scope == 2:
            for tag in self._tags:
                self.choice.addItem(f"#{tag}", tag)
        elif scope == 3:
            for label, name in self._categories:
                self.choice.addItem(label, name)
        self.choice.setVisible(scope in (2, 3))

    def _fix_suffix(self) -> None:
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        if self.format.currentData() == FOLDER_FORMAT:
            self.path.setText(str(path.with_suffix("") if path.suffix else path))
        else:
            self.path.setText(str(path.with_suffix("." + self.format.currentData())))

    def _browse(self) -> None:
        if self.format.currentData() == FOLDER_FORMAT:
            chosen = QFileDialog.getExistingDirectory(self, "Export notes to", self.path.text())
            if chosen:
                self.path.setText(chosen)
            return
        pattern = FORMAT_CHOICES[self.format.currentIndex()][2]
        chosen, _ = QFileDialog.getSaveFileName(self, "Export notes", self.path.text(), pattern)
        if chosen:
            self.path.setText(chosen)

    def request(self) -> ExportRequest:
        scope = self.scope.currentIndex()
        value = self.choice.currentData()
        return ExportRequest(
            fmt=self.format.currentData(),
            path=Path(self.path.text().strip()).expanduser(),
            article_id=self._article_id if scope == 1 else None,
            tag=value if scope == 2 else None,
            category=value if scope == 3 else None,
        )

    def export(self) -> None:
        """Write the file in the background; the dialog stays open to show the outcome."""
        request = self.request()
        if not request.path.name or (
            self.scope.currentIndex() in (2, 3) and not request.tag and not request.category
        ):
            self.message.setText("Choose a file (and a tag or category) first.")
            return
        self.message.setText("Exporting…")
        run_notes_task(
            request.run,
            lambda count: self._done(request.path, count),
            self._show_error,
            owner=self,
        )

    def _done(self, path: Path, count: int) -> None:
        what = count_of(count, "file") if self.format.currentData() == FOLDER_FORMAT else None
        self.message.setText(f"Exported {what or count_of(count)} to {path}.")
        self.exported.emit(str(path), count)

    def _show_error(self, exc: Exception) -> None:
        self.message.setText(f"Not exported: {exc}")


def describe_import(path: str, report: ImportReport) -> str:
    """A short human report of an import, listing every problem."""
    lines = [
        f"Imported notes from {path}:",
        f"{len(report.added)} added, {len(report.updated)} updated,"
        f" {len(report.unchanged)} already there, {len(report.orphaned)} placed as orphans.",
    ]
    if report.problems:
        lines.append(f"{len(report.problems)} could not be imported:")
        lines.extend(f"  • {problem}" for problem in report.problems)
    lines.extend(f"  • {reason}" for reason in report.orphan_reasons)
    return "\n".join(lines)


class NotesImporter(QObject):
    """Imports Web Annotation JSON (Dossier's, Hypothesis', another tool's) in the background
    and reports without blocking."""

    finished = Signal(str, bool)  # message, whether it succeeded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent

    def ask(self) -> None:
        """File ▸ Import notes…: pick a file, then import it."""
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            "Import notes",
            str(Path.home()),
            "Web Annotations: Dossier, Hypothesis, other tools (*.json *.jsonld);;All files (*)",
        )
        if path:
            self.start(path)

    def start(self, path: str) -> None:
        run_notes_task(
            lambda notebook: import_notes(notebook.conn, path),
            lambda report: self._report(describe_import(path, report), True),
            lambda exc: self._report(f"Notes not imported: {exc}", False),
        )

    def _report(self, message: str, ok: bool) -> None:
        self.finished.emit(message, ok)
        if self._parent is not None:
            icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
            box = plain_box(self._parent, "Import notes", message, icon)
            box.setModal(False)
            box.show()
