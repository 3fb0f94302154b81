"""What the window says when the library cannot be opened, and the way out it offers.

A library from a newer Dossier, or a locked one, only needs explaining. A damaged one can be
left behind at once: the message offers to set it aside (it is kept, never deleted), start a
fresh library and restore the newest notes backup into it — what ``dossier notes restore``
does — so a journalist without a terminal gets their notes back too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.core.notes.backups import list_backups
from desktop.core.paths import user_paths
from desktop.core.storage.errors import DatabaseError, LibraryDamaged
from desktop.ui.messages import plain_box

TITLE = "Dossier cannot open its library"
RESTORE = "Start a Fresh Library With My Notes"


def explain_refused_library(exc: DatabaseError) -> bool:
    """Show why; True when the notes were restored into a fresh library (open the window)."""
    paths = user_paths()
    newest = next(iter(list_backups(paths.backups)), None)
    box = plain_box(None, TITLE, str(exc), QMessageBox.Icon.Critical)
    restore = None
    if isinstance(exc, LibraryDamaged) and newest is not None:
        box.setInformativeText(
            f"Or start a fresh library now: the damaged file is kept beside it, and the notes"
            f" of the newest backup ({newest.created:%Y-%m-%d %H:%M} UTC) are restored; they"
            " re-attach to their articles as you import them again."
        )
        restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    from desktop.core.notes.recovery import restore_notes

    try:
        recovery = restore_notes(paths, newest.name)
    except Exception as exc:  # the user is told; the window does not open on a half state
        plain_box(None, "The notes could not be restored", str(exc)).exec()
        return False
    done = plain_box(
        None,
        "Notes restored",
        f"{recovery.report.restored} highlight(s) restored into a fresh library; the damaged"
        f" library was kept as {recovery.set_aside}.",
        QMessageBox.Icon.Information,
    )
    done.exec()
    return True
