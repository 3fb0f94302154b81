"""Where whole-library backups live and how they are named, so they can be listed newest first
without opening any of them.

``library-<UTC time>-<kind>.dossier.zip`` in the ``backups/`` folder beside the database (the
notes backups share the folder under their own ``notes-`` names). A backup written elsewhere
with ``-o`` keeps the name the user gave it.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from desktop.core.notes.backup_rotation import Backup, list_named

SUFFIX = ".dossier.zip"
KINDS = ("daily", "manual")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^library-(\d{8}T\d{12}Z)-([a-z-]+)\.dossier\.zip$")


LibraryBackup = Backup  # the listing and its type are shared with the notes backups


def backup_name(created: datetime, kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}; choose one of {', '.join(KINDS)}")
    return f"library-{created.strftime(_STAMP)}-{kind}{SUFFIX}"


def list_library_backups(folder: Path) -> list[LibraryBackup]:
    """Every whole-library backup in ``folder``, newest first."""
    return list_named(folder, _NAME, _STAMP)
