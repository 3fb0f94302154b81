"""Rolling backups of the notes, and restoring them into the live library.

A backup is a small SQLite file holding the highlights, categories and the identity (id, hash,
URL, title) of the articles they belong to — not the article texts, which can be re-imported.
It is taken with the SQLite backup API from a consistent snapshot, written under a temporary
name and renamed, so a crash never leaves a half-written backup with a real name.

Kinds: ``after-write`` (taken after notes are saved, so every acknowledged note is in a
backup), ``daily`` (at most one a day), ``pre-restore`` and ``pre-import`` (taken before those
operations, so each can be undone by restoring it) and ``manual``. ``backup_rotation`` decides
which old ones go; it never deletes the only backup holding a note.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.models import Highlight
from desktop.core.notes import backup_rotation
from desktop.core.notes.detached import ArticleIdentity, detach, local_article
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.table import COLUMNS, highlight_from_row, readable_columns
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

Backup = backup_rotation.Backup
KEEP = backup_rotation.KEEP
AFTER_WRITE = backup_rotation.AFTER_WRITE
KINDS = (AFTER_WRITE, "daily", "pre-restore", "pre-import", "manual")
_NAME = re.compile(r"^notes-(\d{8}T\d{6}\d{6}Z)-([a-z-]+)\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_SNAPSHOT_TABLES = {
    "highlights": f"SELECT {COLUMNS} FROM live.highlights",
    "highlight_categories": "SELECT * FROM live.highlight_categories",
    "articles": (
        "SELECT id, title, url, content_hash FROM live.articles"
        " WHERE id IN (SELECT article_id FROM live.highlights)"
    ),
    "detached_highlights": "SELECT * FROM live.detached_highlights",
}


@dataclass(frozen=True)
class RestoreReport:
    """How many highlights were restored, and the backup that undoes the restore."""

    restored: int
    pre_restore: Backup


def _database_file(conn: sqlite3.Connection) -> str | None:
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main" and row[2]:
            return str(row[2])
    return None


def backup_folder(conn: sqlite3.Connection) -> Path | None:
    """Where a library's backups live: ``backups/`` next to its database (``Paths.backups``);
    None for an in-memory library."""
    database = _database_file(conn)
    return Path(database).parent / "backups" if database else None


def create_backup(conn: sqlite3.Connection, folder: Path, kind: str = "manual") -> Backup:
    """Write a backup of every highlight (deleted ones too) into ``folder``."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}; choose one of {', '.join(KINDS)}")
    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(timezone.utc)
    final = folder / f"notes-{created.strftime(_STAMP)}-{kind}.sqlite3"
    partial = final.with_suffix(".partial")
    snapshot = sqlite3.connect(":memory:")
    try:
        database = _database_file(conn)
        if database is None:
            raise BadNotesFile("the library is in memory; there is nothing to back up")
        snapshot.execute("ATTACH DATABASE ? AS live", (database,))
        snapshot.execute("BEGIN")
        for table, select in _SNAPSHOT_TABLES.items():
            snapshot.execute(f"CREATE TABLE main.{table} AS {select}")
        snapshot.execute("COMMIT")
        snapshot.execute("DETACH DATABASE live")
        partial.unlink(missing_ok=True)
        target = sqlite3.connect(partial)
        try:
            snapshot.backup(target)
        finally:
            target.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
    finally:
        snapshot.close()
    backup_rotation.prune(list_backups(folder), created, _highlight_ids)
    backup_rotation.remove_stale_partials(folder)
    return Backup(final, kind, created)


def backup_after_write(conn: sqlite3.Connection, folder: Path) -> Backup:
    """The backup that follows saved notes: call it once the write has committed."""
    return create_backup(conn, folder, AFTER_WRITE)


def backup_if_due(conn: sqlite3.Connection, folder: Path) -> Backup | None:
    """The daily backup: taken when none exists from today (UTC); call it on start or write."""
    today = datetime.now(timezone.utc).date()
    if any(b.kind == "daily" and b.created.date() == today for b in list_backups(folder)):
        return None
    return create_backup(conn, folder, "daily")


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first."""
    return backup_rotation.list_named(folder, _NAME, _STAMP)


def find_backup(folder: Path, name: str) -> Path:
    """A backup by file name (as ``list_backups`` shows it) or by path."""
    for candidate in (folder / name, Path(name)):
        if candidate.is_file():
            return candidate
    raise BadNotesFile(f"{name}: no such backup (see `dossier notes backups`)")


@contextmanager
def _open_backup(path: Path) -> Iterator[sqlite3.Connection]:
    """A backup opened read-only; anything unreadable is reported naming the file."""
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        source.row_factory = sqlite3.Row
        try:
            yield source
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise BadNotesFile(f"{path}: not a Dossier notes backup ({exc})") from exc


def count_highlights(path: Path) -> int:
    """How many (not deleted) highlights a backup holds, to help choose one to restore."""
    with _open_backup(path) as source:
        return int(
            source.execute("SELECT count(*) FROM highlights WHERE deleted = 0").fetchone()[0]
        )


def _highlight_ids(path: Path) -> set[str] | None:
    """The ids of every highlight a backup holds; None when it cannot be read."""
    try:
        with _open_backup(path) as source:
            return {r[0] for r in source.execute("SELECT id FROM highlights")}
    except (BadNotesFile, sqlite3.Error):
        return None


def read_backup(
    path: Path,
) -> tuple[list[Highlight], list[sqlite3.Row], dict[str, ArticleIdentity]]:
    """Highlights, category rows, and the identity of the article of each highlight."""
    with _open_backup(path) as source:
        highlights = [
            highlight_from_row(r)
            for r in source.execute(f"SELECT {readable_columns(source)} FROM highlights")
        ]
        categories = source.execute("SELECT * FROM highlight_categories").fetchall()
        articles = {
            r["id"]: ArticleIdentity(r["content_hash"], r["url"], r["title"])
            for r in source.execute("SELECT * FROM articles")
        }
        has_detached = source.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'detached_highlights'"
        ).fetchone()
        detached = {
            r["highlight_id"]: ArticleIdentity(r["content_hash"], r["url"], r["title"])
            for r in (source.execute("SELECT * FROM detached_highlights") if has_detached else ())
        }
    identities = {
        h.id: articles.get(h.article_id)
        or detached.get(h.id)
        or ArticleIdentity(h.content_hash, "", "")
        for h in highlights
    }
    return highlights, categories, identities


def restore_backup(conn: sqlite3.Connection, folder: Path, backup: Path | str) -> RestoreReport:
    """Replace the live library's highlights with those of ``backup``; articles are untouched.

    Each highlight goes to the live article with its article's text (content hash), else its
    URL — never to a bare old id, which may belong to another article here. One with no such
    article is kept as an orphan with its article's identity, re-attached when that article is
    imported (``detached``). A ``pre-restore`` backup is taken first: restoring it undoes this.
    """
    path = find_backup(folder, str(backup))
    highlights, categories, identities = read_backup(path)
    pre_restore = create_backup(conn, folder, "pre-restore")
    notebook = Notebook(conn)
    with transaction(conn):
        for row in categories:
            conn.execute(
                "INSERT INTO highlight_categories (name, label, light, dark, builtin, position)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " label = excluded.label, light = excluded.light, dark = excluded.dark",
                (
                    row["name"],
                    row["label"],
                    row["light"],
                    row["dark"],
                    row["builtin"],
                    row["position"],
                ),
            )
        conn.execute("DELETE FROM detached_highlights")
        conn.execute("DELETE FROM highlights")
        for highlight in highlights:
            identity = identities[highlight.id]
            local = local_article(conn, identity, highlight.content_hash)
            if local is None:
                detach(notebook, highlight, identity)
            else:
                notebook.put(replace(highlight, article_id=local))
    return RestoreReport(len(highlights), pre_restore)
