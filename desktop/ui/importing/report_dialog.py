"""The end-of-import report: what was imported and, for each file that failed, why.

Non-modal so the user can keep reading while deciding what to do about the failures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
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
    from desktop.core.library.importing import ImportReport


def report_summary(report: ImportReport) -> str:
    """One line: counts of imported, updated, duplicate and failed files."""
    parts = [f"Imported {len(report.imported):,} article{'s' * (len(report.imported) != 1)}"]
    if report.updated:
        parts.append(f"{len(report.updated):,} updated to a newer version")
    if report.duplicates:
        parts.append(f"{len(report.duplicates):,} already in the library")
    if report.failures:
        parts.append(f"{len(report.failures):,} file{'s' * (len(report.failures) != 1)} failed")
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
    """Lists each failed file with its reason."""

    def __init__(self, report: ImportReport, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = plain_label(report_summary(report), self, wrap=True)
        self.failures = QTreeWidget(self)
        self.failures.setHeaderLabels(["File", "Why it failed", "Folder"])
        self.failures.setRootIsDecorated(False)
        self.failures.setAlternatingRowColors(True)
        for result in report.failures:
            item = QTreeWidgetItem(
                [
                    printable(result.path.name),
                    failure_reason(printable(result.path), result.error),
                    printable(result.path.parent),
                ]
            )
            item.setToolTip(1, literal_html(result.error))
            self.failures.addTopLevelItem(item)
        header = self.failures.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.setVisible(bool(report.failures))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.failures, 1)
        layout.addWidget(buttons)
        self.resize(720, 360 if report.failures else 120)

    def failed_files(self) -> list[str]:
        """The listed file names, in order (what the user sees in the first column)."""
        return [
            self.failures.topLevelItem(i).text(0) for i in range(self.failures.topLevelItemCount())
        ]
