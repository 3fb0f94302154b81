"""The files inside the zip archives an import is given: each becomes one file of the import,
read, skipped or refused as the same file in a folder would be, and named by its archive and
its own name (``release.zip#2019/memo.pdf``).

Only an archive's directory is read here (and the bytes of a zip inside it, to list that one
too); each file is read later, on its own, like any other file of the import, so one damaged
PDF costs that PDF, a slow one is stopped on its own, and progress counts files, not archives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.core.backup.archive import DATABASE, MANIFEST
from desktop.core.library.collecting import LIBRARY_BACKUP, PAGE_RESOURCES, UNSUPPORTED, Found
from desktop.core.library.importers import UnreadableFile
from desktop.core.library.importers.zip_archive import (
    FILE,
    RESOURCES,
    ZIP_SUFFIX,
    list_entries,
    open_zip,
    unpacked,
)
from desktop.core.library.importers.zip_archive import UNSUPPORTED as UNSUPPORTED_ENTRY

_PROBLEMS = {UNSUPPORTED_ENTRY: UNSUPPORTED, RESOURCES: PAGE_RESOURCES, FILE: ""}


def with_archives_opened(found: Iterable[Found]) -> Iterator[Found]:
    """``found`` with each zip archive (``.zip``) replaced by its files and their problems."""
    for path, problem in found:
        if problem or path.suffix.lower() != ZIP_SUFFIX:
            yield path, problem
        elif _library_backup(path):
            yield path, LIBRARY_BACKUP
        else:
            for file in unpacked(path, str(path), with_data=False):
                yield Path(file.name), _PROBLEMS.get(file.kind, file.reason)


def _library_backup(path: Path) -> bool:
    """Whether the archive is a backup of a Dossier library (its manifest and database)."""
    try:
        with open_zip(path, path) as archive:
            return {MANIFEST, DATABASE} <= {entry.name for entry in list_entries(archive)}
    except UnreadableFile:
        return False
