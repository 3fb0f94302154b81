"""The import pipeline: files and folders in (zip archives opened as folders are), articles
stored, a report of what happened.

Runs anywhere (CLI, tests, the window's worker thread): it takes a progress callback and an
optional cancel event instead of printing. Files are read and parsed before any write, and
stored in one transaction per batch, so a file that cannot be read changes nothing and a
failed write leaves no half-stored batch. A newer text of an article already stored (same URL
or origin, see ``matching``) updates that article in place, keeps the old text as a version and
re-anchors its highlights (``updating``); a text that tells less of it (a feed summary, a cut
re-save) or is dated earlier is a duplicate of it, with the reason given. A new article takes
back the notes restored while it was missing (``notes.detached``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library.collecting import (
    LIBRARY_BACKUP,
    PAGE_RESOURCES,
    UNSUPPORTED,
    collect_files,
)
from desktop.core.library.importers import UnreadableFile, read_articles, unsupported_type
from desktop.core.library.importers.formats import UNSUPPORTED_TYPE
from desktop.core.library.importers.left_out import collected
from desktop.core.library.matching import OLDER
from desktop.core.library.origins import legacy_origins
from desktop.core.library.reading_process import ChildReader
from desktop.core.library.store import with_hash
from desktop.core.library.unpacking import with_containers_opened
from desktop.core.library.updating import offer_text
from desktop.core.models import Article
from desktop.core.notes.detached import any_detached, reattach_to
from desktop.core.printable import printable
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import database_error

if TYPE_CHECKING:
    from desktop.core.library.session import Library

Progress = Callable[[int, int, str], None]
"""``progress(done, total, path)`` after each file; ``path`` is the file just handled."""

BATCH_FILES = 200
CHILD_READS_FROM = 50
"""Files from which ``import_paths`` reads in a child process by default: below this,
starting the child (about half a second) costs more than reading ahead saves."""
AHEAD_BATCH_FILES = 25
"""Files stored at once while a child reads ahead: fewer than it reads ahead
(``reading_process.AHEAD``), so it is never idle while a batch is stored."""
RESOURCES_SKIPPED = "the pictures, styles and frames of a saved page"
"""Why a folder import skips the folder a browser saves beside a page saved complete."""
BACKUP_SKIPPED = "a backup of a Dossier library: `dossier restore FILE` puts it back"


@dataclass(frozen=True)
class FileResult:
    """What became of one file: ids stored, ids it duplicated, ids it updated with a new
    version of their text, why it failed, or why a folder import skipped it; ``reasons``
    explain duplicates that are not the same text (the library holds a fuller one)."""

    path: Path
    imported: tuple[int, ...] = ()
    duplicates: tuple[int, ...] = ()
    error: str = ""
    updated: tuple[int, ...] = ()
    skipped: str = ""
    reasons: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return bool(self.error)

    @property
    def unsupported(self) -> bool:
        """Skipped for its type (not a saved page's resources, not a part left out)."""
        return self.skipped.startswith(UNSUPPORTED_TYPE)


FileRead = tuple[Path, "Read"]


@dataclass(frozen=True)
class Parts:
    """A file read, and the parts of it that became no article, each with its own result (a
    mailbox's encrypted message: ``box.mbox#12`` and why)."""

    reads: tuple[FileRead, ...]


Read = list[Article] | str | FileResult | Parts
"""A file's articles, or the message saying why it could not be read, or its result already
(a file skipped), or those of its parts."""

FileReader = Callable[[Path, str, threading.Event | None], Read | None]
"""``read(path, problem, cancel)``: what ``read_file`` gives, or None when ``cancel`` was set
while the file was being read (the window reads in a child process it can stop, see
``reading_process``)."""


@dataclass
class ImportReport:
    """Per-file results of one import, in the order the files were handled."""

    files: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> list[int]:
        return [i for f in self.files for i in f.imported]

    @property
    def duplicates(self) -> list[int]:
        return [i for f in self.files for i in f.duplicates]

    @property
    def updated(self) -> list[int]:
        return [i for f in self.files for i in f.updated]

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if f.failed]

    @property
    def skipped(self) -> list[FileResult]:
        """Files of a folder that Dossier does not import, each with the reason."""
        return [f for f in self.files if f.skipped]


def import_paths(
    library: Library,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    *,
    cancel: threading.Event | None = None,
    batch_files: int = BATCH_FILES,
    read: FileReader | None = None,
) -> ImportReport:
    """Import every file under ``paths`` into ``library``; one bad file never stops the rest.

    Each file is read with ``read``; by default with ``read_file`` in this thread, or, from
    ``CHILD_READS_FROM`` files on, in a child process that reads ahead while this thread
    stores (and costs one file, not the import, when a parser crashes or hangs); when no
    child can be had, or it stops before it is ready (``spawn`` stops the child of a script
    that calls this without ``if __name__ == "__main__":``), this thread reads. Raises
    ``DatabaseError`` only when the library itself cannot be written; batches committed
    before that stay stored.
    """
    files = list(with_containers_opened(collect_files(paths)))
    if read is None and len(files) >= CHILD_READS_FROM:
        with closing(ChildReader(niceness=0)) as reader:
            try:
                reader.start()
            except OSError:  # no child to be had: this thread reads, as for a few files
                pass
            else:
                batch_files = min(batch_files, AHEAD_BATCH_FILES)
                return _import_files(library, files, progress, cancel, batch_files, reader)
    return _import_files(library, files, progress, cancel, batch_files, read or read_file)


def _import_files(
    library: Library,
    files: list[tuple[Path, str]],
    progress: Progress | None,
    cancel: threading.Event | None,
    batch_files: int,
    read: FileReader,
) -> ImportReport:
    if isinstance(read, ChildReader):
        read.plan(files)
    report = ImportReport()
    pending: list[FileRead] = []
    for done, (path, problem) in enumerate(files, start=1):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        result = read(path, problem, cancel)
        if result is None:
            report.cancelled = True
            break
        pending.extend(result.reads if isinstance(result, Parts) else [(path, result)])
        if len(pending) >= batch_files:
            report.files.extend(store_batch(library, pending))
            pending = []
        if progress is not None:
            progress(done, len(files), printable(path))
    report.files.extend(store_batch(library, pending))
    return report


def read_file(path: Path, problem: str, cancel: threading.Event | None = None) -> Read:
    """The file's articles, or why it cannot be read, or the result of a file skipped;
    ``problem`` is what ``collect_files`` found wrong with it. (Reading in this thread cannot
    be stopped half-way: ``cancel`` is checked between files.)"""
    if problem == UNSUPPORTED:
        return FileResult(path, skipped=unsupported_type(path))
    if problem == PAGE_RESOURCES:
        return FileResult(path, skipped=RESOURCES_SKIPPED)
    if problem == LIBRARY_BACKUP:
        return FileResult(path, skipped=BACKUP_SKIPPED)
    if problem:
        return printable(f"{path}: {problem}")
    with collected() as left_out:
        try:
            read: Read = read_articles(path)
        except UnreadableFile as exc:
            read = str(exc)
    if not left_out:
        return read
    parts: list[FileRead] = [
        (
            Path(name),
            printable(f"{name}: {reason}") if failed else FileResult(Path(name), skipped=reason),
        )
        for name, reason, failed in left_out
    ]
    return Parts(((path, read), *parts))


def store_batch(library: Library, batch: list[FileRead]) -> list[FileResult]:
    """Store the articles of several files in one transaction, all of them or none; a file
    given as an error message is passed through as a failure."""
    results = []
    try:
        with transaction(library.conn):  # the write lock: no notes are detached meanwhile
            detached = any_detached(library.conn)
            for path, read in batch:
                if isinstance(read, FileResult):
                    results.append(read)
                    continue
                if isinstance(read, str):
                    results.append(FileResult(path, error=read))
                    continue
                outcomes: dict[str, list[int]] = {"imported": [], "duplicates": [], "updated": []}
                reasons = []
                for article in read:
                    kind, article_id, reason = _store_article(library, article, path, detached)
                    outcomes[kind].append(article_id)
                    if reason:
                        reasons.append(reason)
                results.append(
                    FileResult(
                        path, reasons=tuple(reasons), **{k: tuple(v) for k, v in outcomes.items()}
                    )
                )
    except sqlite3.Error as exc:
        raise database_error(exc, "store the imported articles", library.paths.database) from exc
    return results


def _store_article(
    library: Library, article: Article, path: Path, detached: bool
) -> tuple[str, int, str]:
    """Store one article read from ``path``: ``("imported" | "duplicates" | "updated", id,
    reason)``; ``detached``: whether the library holds notes whose article is missing."""
    article = with_hash(article)
    known = library.conn.execute(
        "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
    ).fetchone()
    offer = (
        None if known else offer_text(library.store, article, legacy_origins(article.origin, path))
    )
    if offer is not None and offer.updated:
        return "updated", offer.article_id, ""
    if offer is not None:
        held = "a newer" if offer.verdict == OLDER else "a fuller"
        reason = f"the library already holds {held} text of this article (id {offer.article_id})"
        return "duplicates", offer.article_id, reason
    added = library.store.add(article)
    if added.duplicate:
        return "duplicates", added.id, ""
    if detached:
        reattach_to(library.conn, added.id)  # notes restored before their article was back
    return "imported", added.id, ""
