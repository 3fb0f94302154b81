"""The window's after-write notes backup: a few seconds after the last change, on the notes
worker.

Typing a note saves it at every pause; a backup per keystroke would churn the disk, one at
start-up (as before) holds none of the day's notes. So each saved change restarts a timer and
the backup follows the last change of a burst, queued behind the writes on the one notes
worker, so it always sees them. Closing the window takes the backup at once if one is due.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.notes.notebook import Notebook
from desktop.ui.notes.notes_tasks import run_notes_task

BACKUP_DELAY_MS = 5_000


class NotesBackupTimer(QObject):
    """Debounces ``note_written()`` calls into one ``after-write`` backup of ``folder``."""

    failed = Signal(str)  # a message for the status bar

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._timer = QTimer(self, singleShot=True, interval=BACKUP_DELAY_MS)
        self._timer.timeout.connect(self.back_up)

    def note_written(self, *_: object) -> None:
        """A change was queued: back up once the changes pause."""
        self._timer.start()

    def is_due(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Take a due backup now (the window is closing)."""
        if self._timer.isActive():
            self.back_up()

    def back_up(self) -> None:
        self._timer.stop()
        folder = self._folder

        def backup(notebook: Notebook) -> object:
            from desktop.core.notes.backups import backup_after_write

            return backup_after_write(notebook.conn, folder)

        run_notes_task(backup, None, lambda exc: self.failed.emit(f"Notes backup failed: {exc}"))
