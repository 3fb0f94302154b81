"""The whole-library backup file: a zip holding ``manifest.json``, the database and the
settings files.

A zip (not a bare database) so one file carries the settings too, every member has a CRC, and a
person can open it with any archive tool. The manifest says what the file is (format and its
version), which Dossier and schema wrote it, how many rows each table held, and the SHA-256 and
size of the database, so a restore can refuse a cut-short, damaged or foreign file before it
touches the library. The file is written under a temporary name, synced and renamed: a crash
never leaves a half-written backup under a real name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO

from desktop.core.storage.engine import sqlite3

FORMAT = "dossier-library-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "library.sqlite3"
SETTINGS = "settings/"
COMPRESS_LEVEL = 1  # measured on 10,000 articles: level 6 takes twice as long for 8 % less
CHUNK = 1 << 20
ZIP_MAGIC = b"PK\x03\x04"
SQLITE_MAGIC = b"SQLite format 3\x00"
COUNTED = (
    "articles",
    "article_versions",
    "article_pages",
    "highlights",
    "detached_highlights",
    "highlight_categories",
    "stories",
    "story_articles",
    "article_tags",
    "entity_corrections",
    "watch_items",
)
"""The tables whose row counts a backup records and a restore checks (those the schema has)."""
SHOWN = {
    "articles": ("article", "articles"),
    "article_versions": ("version", "versions"),
    "article_pages": ("page", "pages"),
    "highlights": ("highlight", "highlights"),
    "stories": ("story", "stories"),
    "article_tags": ("article tag", "article tags"),
    "entity_corrections": ("correction", "corrections"),
    "watch_items": ("watchlist entry", "watchlist entries"),
}


class BadBackup(Exception):
    """A file that cannot be restored; the message names it and says why."""


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_version: int
    created: str
    counts: dict[str, int]
    database_sha256: str
    database_bytes: int
    settings: list[str] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of each counted table present in this schema (an older one lacks some)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in COUNTED
        if table in present
    }


def describe_counts(counts: dict[str, int]) -> str:
    """ "12 articles, 3 versions, …": what a backup holds, for people."""
    return ", ".join(
        f"{counts[t]:,} {labels[counts[t] != 1]}" for t, labels in SHOWN.items() if t in counts
    )


def write_archive(dest: Path, database: Path, settings: list[Path], manifest: Manifest) -> Manifest:
    """Write ``dest`` whole or not at all; returns the manifest with the database's hash."""
    partial = dest.with_name(dest.name + ".partial")
    try:
        with zipfile.ZipFile(
            partial, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        ) as archive:
            with (
                database.open("rb") as source,
                archive.open(DATABASE, "w", force_zip64=True) as out,
            ):
                digest, size = _copy_hashing(source, out)
            for path in settings:
                archive.write(path, SETTINGS + path.name)
            manifest = Manifest(
                **{
                    **asdict(manifest),
                    "database_sha256": digest,
                    "database_bytes": size,
                    "settings": [p.name for p in settings],
                }
            )
            archive.writestr(MANIFEST, json.dumps(asdict(manifest), indent=2, sort_keys=True))
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    sync_folder(dest.parent)
    return manifest


def _copy_hashing(source: BinaryIO, out: BinaryIO) -> tuple[str, int]:
    """Copy in chunks (a library may be gigabytes); the SHA-256 and size of what went by."""
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        out.write(chunk)
    return digest.hexdigest(), size


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def read_manifest(path: Path, latest_schema: int) -> Manifest:
    """The manifest of a backup this Dossier can restore; ``BadBackup`` for anything else.
    Cheap (the database is not read): for listing and choosing a backup."""
    with _open_zip(path) as archive:
        return _manifest(path, archive, latest_schema)


def extract_database(path: Path, target: Path, latest_schema: int) -> Manifest:
    """Unpack the backup's database to ``target`` and check it: size and SHA-256 as recorded,
    the schema version, SQLite's quick check, and every table's row count."""
    with _open_zip(path) as archive:
        manifest = _manifest(path, archive, latest_schema)
        try:
            with archive.open(DATABASE) as source, target.open("wb") as out:
                digest, size = _copy_hashing(source, out)
                out.flush()
                os.fsync(out.fileno())
        except KeyError as exc:
            raise BadBackup(f"{path}: not a Dossier library backup (it holds no library)") from exc
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise BadBackup(f"{path}: the backup is damaged or cut short ({exc})") from exc
    if size != manifest.database_bytes or digest != manifest.database_sha256:
        raise BadBackup(
            f"{path}: the backup is damaged (its library does not match the checksum it was"
            " written with)"
        )
    _check_database(path, target, manifest)
    return manifest


def read_settings(path: Path) -> dict[str, bytes]:
    """The settings files a backup holds, by file name."""
    with _open_zip(path) as archive:
        found = {}
        for name in archive.namelist():
            base = name[len(SETTINGS) :]
            if name.startswith(SETTINGS) and base and "/" not in base and base not in (".", ".."):
                found[base] = archive.read(name)
        return found


def copy_file(source: Path, target: Path) -> None:
    """Copy with the data synced before the name appears (settings set aside, say)."""
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError as exc:
        raise BadBackup(f"{path}: no such file") from exc
    except OSError as exc:
        raise BadBackup(f"{path}: cannot read the backup: {exc.strerror or exc}") from exc
    if head.startswith(SQLITE_MAGIC):
        raise BadBackup(
            f"{path}: this is a database, not a whole-library backup (a notes backup is"
            " restored with `dossier notes restore`)"
        )
    if not head.startswith(ZIP_MAGIC):
        raise BadBackup(f"{path}: not a Dossier library backup")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BadBackup(f"{path}: the backup is cut short or damaged ({exc})") from exc


def _manifest(path: Path, archive: zipfile.ZipFile, latest_schema: int) -> Manifest:
    try:
        raw = json.loads(archive.read(MANIFEST))
    except KeyError as exc:
        raise BadBackup(f"{path}: not a Dossier library backup (no manifest)") from exc
    except (ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BadBackup(f"{path}: the backup's manifest is damaged ({exc})") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BadBackup(f"{path}: not a Dossier library backup (unknown manifest)")
    version = raw.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BadBackup(
            f"{path}: written by a newer Dossier (backup format {version}, this version reads"
            f" {FORMAT_VERSION}); update Dossier to restore it"
        )
    try:
        manifest = Manifest(**raw)
        schema = int(manifest.schema_version)
    except (TypeError, ValueError) as exc:
        raise BadBackup(f"{path}: the backup's manifest is damaged ({exc})") from exc
    if schema > latest_schema:
        raise BadBackup(
            f"{path}: written by a newer Dossier (schema {schema}, this version knows"
            f" {latest_schema}); update Dossier to restore it"
        )
    return manifest


def _check_database(path: Path, database: Path, manifest: Manifest) -> None:
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BadBackup(f"{path}: the backup's library cannot be opened ({exc})") from exc
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found != manifest.schema_version:
            raise BadBackup(
                f"{path}: the backup is damaged (its library has schema {found}, its manifest"
                f" says {manifest.schema_version})"
            )
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if problem != "ok":
            raise BadBackup(f"{path}: the backup's library is damaged ({problem})")
        counts = table_counts(conn)
    except sqlite3.Error as exc:
        raise BadBackup(f"{path}: the backup's library is damaged ({exc})") from exc
    finally:
        conn.close()
    if counts != manifest.counts:
        raise BadBackup(
            f"{path}: the backup is damaged (its library holds {counts}, its manifest says"
            f" {manifest.counts})"
        )
