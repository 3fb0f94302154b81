"""Where whole-library backups live and how they are named, so they can be listed newest first
without opening any of them.

``library-<UTC time>-<kind>.dossier.zip`` in the ``backups/`` folder beside the database (the
notes backups share the folder under their own ``notes-`` names). A backup written elsewhere
with ``-o`` keeps the name the user gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SUFFIX = ".dossier.zip"
KINDS = ("daily", "manual", "pre-restore")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^library-(\d{8}T\d{12}Z)-([a-z-]+)\.dossier\.zip$")


@dataclass(frozen=True)
class LibraryBackup:
    path: Path
    kind: str
    created: datetime

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(created: datetime, kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}; choose one of {', '.join(KINDS)}")
    return f"library-{created.strftime(_STAMP)}-{kind}{SUFFIX}"


def list_library_backups(folder: Path) -> list[LibraryBackup]:
    """Every whole-library backup in ``folder``, newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match and entry.is_file():
            created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
            found.append(LibraryBackup(entry, match.group(2), created))
    found.sort(key=lambda b: (b.created, b.name), reverse=True)
    return found
