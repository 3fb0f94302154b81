"""What the window says when the library cannot be opened, and the way out it offers.

A library from a newer Dossier, or a locked one, only needs explaining. A damaged one can be
left behind at once: the message offers the newest whole-library backup (the damaged file is
kept beside the restored one, never deleted) — what ``dossier restore`` does — or, when there
is none, a fresh library with the newest notes backup restored into it, so a journalist
without a terminal gets their work back too. The backups folder can be opened from the same
message, to pick another backup by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.core.backup.archive import describe_counts
from desktop.core.backup.library_backup import newest_good_backup, restore_library
from desktop.core.notes.backups import list_backups
from desktop.core.paths import Paths, user_paths
from desktop.core.storage.errors import DatabaseError, LibraryDamaged
from desktop.ui.messages import plain_box
from desktop.ui.waiting import run_while_waiting

TITLE = "Dossier cannot open its library"
RESTORE = "Start a Fresh Library With My Notes"
RESTORE_LIBRARY = "Restore the Backup"
OPEN_FOLDER = "Open Backups Folder"
QUIT = "Quit"


def explain_refused_library(exc: DatabaseError) -> bool:
    """Show why; True when a backup was restored (open the window)."""
    paths = user_paths()
    box = plain_box(None, TITLE, str(exc), QMessageBox.Icon.Critical)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # shown again after "open"
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    restore, recover = None, None
    if isinstance(exc, LibraryDamaged):
        restore, recover = _offer_restore(box, paths)
    folder = None
    if isinstance(exc, LibraryDamaged) and paths.backups.is_dir():
        folder = box.addButton(OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    box.setEscapeButton(box.addButton(QUIT, QMessageBox.ButtonRole.RejectRole))
    while True:
        box.exec()
        if folder is None or box.clickedButton() is not folder:
            break
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.backups)))
    chosen = restore is not None and box.clickedButton() is restore
    box.deleteLater()
    return recover() if chosen and recover is not None else False


def _offer_restore(box: QMessageBox, paths: Paths) -> tuple[object, Callable[[], bool] | None]:
    """The restore button the damage allows (the library backup, else the notes), and what
    pressing it does."""
    backup = newest_good_backup(paths.backups)
    if backup is not None:
        box.setInformativeText(
            f"Restore the newest library backup ({backup.created:%Y-%m-%d %H:%M} UTC): your"
            " articles, notes, stories, tags and settings as they were then. The damaged file"
            " is kept beside the restored library."
        )
        button = box.addButton(RESTORE_LIBRARY, QMessageBox.ButtonRole.AcceptRole)
        return button, lambda: _restore_library(paths, backup.path)
    notes = next(iter(list_backups(paths.backups)), None)
    if notes is None:
        return None, None
    box.setInformativeText(
        f"Or start a fresh library now: the damaged file is kept beside it, and the notes"
        f" of the newest backup ({notes.created:%Y-%m-%d %H:%M} UTC) are restored; they"
        " re-attach to their articles as you import them again."
    )
    button = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    return button, lambda: _restore_notes(paths, notes.name)


def _restore_library(paths: Paths, backup: Path) -> bool:
    try:
        result = run_while_waiting(
            "Restoring the library backup…", lambda: restore_library(paths, backup)
        )
    except Exception as exc:  # the user is told; the window does not open on a half state
        plain_box(None, "The backup could not be restored", str(exc)).exec()
        return False
    kept = f" The damaged library was kept as {result.kept}." if result.kept else ""
    plain_box(
        None,
        "Library restored",
        f"Restored {describe_counts(result.manifest.counts)} from {backup}.{kept}",
        QMessageBox.Icon.Information,
    ).exec()
    return True


def _restore_notes(paths: Paths, name: str) -> bool:
    from desktop.core.notes.recovery import restore_notes

    try:
        recovery = run_while_waiting("Restoring the notes…", lambda: restore_notes(paths, name))
    except Exception as exc:  # the user is told; the window does not open on a half state
        plain_box(None, "The notes could not be restored", str(exc)).exec()
        return False
    plain_box(
        None,
        "Notes restored",
        f"{recovery.report.restored} highlight(s) restored into a fresh library; the damaged"
        f" library was kept as {recovery.set_aside}.",
        QMessageBox.Icon.Information,
    ).exec()
    return True
