"""The import progress shown in the status bar: a count, the current file and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.ui.plain_text import plain_label


class ImportProgress(QWidget):
    """Hidden when no import runs."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.label = plain_label(parent=self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(200)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop importing now; files already imported stay")
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def set_running(self, running: bool) -> None:
        self.setVisible(running)
        if running:
            self.label.setText("Importing…")
            self.bar.setRange(0, 0)

    def set_progress(self, done: int, total: int, path: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"Importing {done:,} of {total:,}: {Path(path).name}")
