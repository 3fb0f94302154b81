"""The files inside the zip archives an import is given: each becomes one file of the import,
read, skipped or refused as the same file in a folder would be, and named by its archive and
its own name (``release.zip#2019/memo.pdf``). A mailbox too large to read at once becomes its
parts (``inbox.mbox#1-812``, see ``mailbox_parts``).

Only an archive's directory is read here (and the bytes of a zip inside it, to list that one
too), and of a mailbox only the lines that start its messages; each file or part is read
later, on its own, like any other file of the import, so one damaged PDF costs that PDF, a
slow one is stopped on its own, and progress counts files, not archives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.core.backup.archive import DATABASE, MANIFEST
from desktop.core.library.collecting import LIBRARY_BACKUP, PAGE_RESOURCES, UNSUPPORTED, Found
from desktop.core.library.importers import UnreadableFile
from desktop.core.library.importers.mailbox_parts import is_large_mailbox, mailbox_parts, part_path
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


def with_containers_opened(found: Iterable[Found]) -> Iterator[Found]:
    """``found`` with each zip archive (``.zip``) replaced by its files and their problems,
    and each mailbox too large to read at once by its parts."""
    for path, problem in found:
        if problem:
            yield path, problem
        elif path.suffix.lower() == ZIP_SUFFIX:
            yield from _zip_files(path)
        elif is_large_mailbox(path):
            yield from _mailbox_parts(path)
        else:
            yield path, problem


def _zip_files(path: Path) -> Iterator[Found]:
    if _library_backup(path):
        yield path, LIBRARY_BACKUP
        return
    for file in unpacked(path, str(path), with_data=False):
        yield Path(file.name), _PROBLEMS.get(file.kind, file.reason)


def _mailbox_parts(path: Path) -> Iterator[Found]:
    """The parts of a large mailbox; the file itself when no message starts in it (it is
    then read whole, and refused as too large)."""
    parts = mailbox_parts(path)
    if not parts:
        yield path, ""
    for part in parts:
        yield part_path(path, *part), ""


def _library_backup(path: Path) -> bool:
    """Whether the archive is a backup of a Dossier library (its manifest and database)."""
    try:
        with open_zip(path, path) as archive:
            return {MANIFEST, DATABASE} <= {entry.name for entry in list_entries(archive)}
    except UnreadableFile:
        return False
