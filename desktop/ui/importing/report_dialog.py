"""The end-of-import report: what was imported and, for each file that failed or was skipped
(a type Dossier does not import), why.

Non-modal so the user can keep reading while deciding what to do about the failures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core.printable import printable
from desktop.ui.plain_text import literal_html, plain_label

if TYPE_CHECKING:
    from desktop.core.library.importing import FileResult, ImportReport

SLICE = 500  # failures listed per turn of the event loop


def report_summary(report: ImportReport) -> str:
    """One line: counts of imported, updated, duplicate, failed and skipped files."""
    from desktop.core.library.importing import RESOURCES_SKIPPED

    parts = [f"Imported {len(report.imported):,} article{'s' * (len(report.imported) != 1)}"]
    if report.updated:
        parts.append(f"{len(report.updated):,} updated to a newer version")
    if report.duplicates:
        lesser = sum(len(f.reasons) for f in report.files)
        kept = f" ({lesser:,} where it holds a fuller or newer text)" if lesser else ""
        parts.append(f"{len(report.duplicates):,} already in the library{kept}")
    failed = len(report.failures)  # each of these properties walks every file's result
    if failed:
        parts.append(f"{failed:,} file{'s' * (failed != 1)} failed")
    skipped = report.skipped
    folders = sum(f.skipped == RESOURCES_SKIPPED for f in skipped)
    types = sum(f.unsupported for f in skipped)
    others = len(skipped) - folders - types
    if types:
        parts.append(f"{types:,} file{'s' * (types != 1)} skipped (type not imported)")
    if folders:
        saved = "saved page's" if folders == 1 else "saved pages'"
        parts.append(f"{folders:,} {saved} folder{'s' * (folders != 1)} of pictures skipped")
    if others:
        parts.append(f"{others:,} other{'s' * (others != 1)} skipped (listed with the reason)")
    if report.cancelled:
        parts.append("cancelled")
    return "; ".join(parts) + "."


def failure_reason(path: str, error: str) -> str:
    """The error without the leading file name (the dialog shows the file in its own column)."""
    for prefix in (f"{path}: ", f"{path} "):
        if error.startswith(prefix):
            return error[len(prefix) :]
    return error


class ImportReportDialog(QDialog):
    """Lists each failed file, then each skipped one, with its reason."""

    def __init__(self, report: ImportReport, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = plain_label(report_summary(report), self, wrap=True)
        self.failures = QTreeWidget(self)
        self.failures.setHeaderLabels(["File", "Why it was not imported", "Folder"])
        self.failures.setRootIsDecorated(False)
        self.failures.setAlternatingRowColors(True)
        self.failures.setUniformRowHeights(True)
        self._waiting = report.failures + report.skipped
        self._add_slice()
        self.failures.resizeColumnToContents(0)  # from the first slice: all rows would take long
        self.failures.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.setVisible(self.failures.topLevelItemCount() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.failures, 1)
        layout.addWidget(buttons)
        self.resize(720, 360 if self.failures.topLevelItemCount() else 120)

    def _add_slice(self) -> None:
        """List the next ``SLICE`` failures, the rest at later turns of the event loop: a
        folder of 50,000 unreadable files held the window 0.7 s when listed at once."""
        batch, self._waiting = self._waiting[:SLICE], self._waiting[SLICE:]
        self.failures.addTopLevelItems([_failure_item(result) for result in batch])
        if self._waiting:
            QTimer.singleShot(0, self, self._add_slice)

    def failed_files(self) -> list[str]:
        """The listed file names, in order (what the user sees in the first column)."""
        return [
            self.failures.topLevelItem(i).text(0) for i in range(self.failures.topLevelItemCount())
        ]


def _failure_item(result: FileResult) -> QTreeWidgetItem:
    """A failed file with its reason, or a skipped one with ``Skipped: `` and its type."""
    reason = failure_reason(printable(result.path), result.error) or f"Skipped: {result.skipped}"
    item = QTreeWidgetItem([printable(result.path.name), reason, printable(result.path.parent)])
    item.setToolTip(1, literal_html(result.error or result.skipped))
    return item
