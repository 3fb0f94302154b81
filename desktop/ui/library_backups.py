"""Whole-library backups from the window: the daily one, File ▸ Back Up Library… and
File ▸ Restore Library….

Every backup and restore runs off the GUI thread (a large library takes seconds). A restore
writes the backup into the open library file (``core.backup.library_backup``), so the window's
connections stay valid; the window then closes without saving its own state over the restored
settings, and a new Dossier process starts on the restored library as a whole (``relaunch``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.backup.archive import describe_counts
from desktop.core.backup.files import SUFFIX, backup_name
from desktop.core.backup.library_backup import (
    BackupResult,
    RestoreResult,
    backup_if_due,
    backup_library,
    describe,
    restore_library,
)
from desktop.ui.messages import plain_box
from desktop.ui.relaunch import relaunch
from desktop.ui.workers import run_task

if TYPE_CHECKING:
    from desktop.core.backup.archive import Manifest
    from desktop.ui.main_window import MainWindow

FILTER = f"Dossier library backups (*{SUFFIX});;All files (*)"
SHOWN_MS = 15000


class LibraryBackups(QObject):
    """The window's whole-library backups; its slots are the File menu's entries."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.paths = window.library.paths

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, SHOWN_MS)

    def back_up_if_due(self) -> None:
        """Today's backup of the whole library, unless there is one already."""
        run_task(
            lambda: backup_if_due(self.paths),
            lambda result: result and self._say(f"Library backed up to {result.path}"),
            lambda exc: self._say(f"Library backup failed: {exc}"),
            owner=self.window,
        )

    def back_up(self) -> None:
        suggested = self.paths.backups / backup_name(datetime.now(timezone.utc), "manual")
        self.paths.backups.mkdir(parents=True, exist_ok=True)
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Back Up Library", str(suggested), FILTER
        )
        if not chosen:
            return
        self._say("Backing up the library…")
        run_task(
            lambda: backup_library(self.paths, Path(chosen)),
            self._backed_up,
            lambda exc: self._fail("The library could not be backed up", exc),
            owner=self.window,
        )

    def _backed_up(self, result: BackupResult) -> None:
        self._say(f"Library backed up to {result.path} ({describe_counts(result.manifest.counts)})")

    def _fail(self, title: str, exc: Exception) -> None:
        self._say(f"{title}: {exc}")
        plain_box(self.window, title, str(exc)).open()

    def restore(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Restore Library", str(self.paths.backups), FILTER
        )
        if chosen:
            run_task(
                lambda: describe(Path(chosen)),
                lambda manifest: self._confirm(Path(chosen), manifest),
                lambda exc: self._fail("This backup cannot be restored", exc),
                owner=self.window,
            )

    def _confirm(self, path: Path, manifest: Manifest) -> None:
        answer = QMessageBox.question(
            self.window,
            "Restore Library",
            f"Replace the library with the backup of {manifest.created[:16].replace('T', ' ')}"
            f" UTC ({describe_counts(manifest.counts)})?\n\nThe current library is kept"
            " beside it as library.before-restore-<time>.sqlite3. Dossier starts again on the"
            " restored library once it is restored.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window.imports.cancel()
        self.window.indexer.stop()
        self._say("Restoring the library…")
        run_task(
            lambda: restore_library(self.paths, path),
            self._restored,
            lambda exc: self._fail("The library could not be restored", exc),
            owner=self.window,
        )

    def _restored(self, result: RestoreResult) -> None:
        """The window closes (its connections and settings belong to the library replaced)
        and a new Dossier opens on the restored one."""
        kept = f"\n\nThe previous library was kept as {result.kept}." if result.kept else ""
        plain_box(
            self.window,
            "Library restored",
            f"Restored {describe_counts(result.manifest.counts)}.{kept}\n\nDossier starts"
            " again now on the restored library.",
            QMessageBox.Icon.Information,
        ).exec()
        self.window.save_state_on_close = False  # the restored settings stay as restored
        self.window.close()
        if not relaunch():
            plain_box(
                None,
                "Dossier could not start again",
                "Start Dossier again to work in the restored library.",
            ).exec()
