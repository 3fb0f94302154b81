"""`dossier backup`, `dossier backups`, `dossier restore`: the whole library in one file.

Listing and restoring read only the backups folder and the backup file, never require the
library to open: they are wanted exactly when it will not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.common import CommandError, path_argument, print_json, printable

if TYPE_CHECKING:
    from desktop.core.backup.archive import Manifest

NO_CONTENT = {"highlight_categories"}  # the built-in categories are in every library


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up the whole library and settings into one file",
        description="Writes the articles, their versions and pages, notes, stories, tags,"
        " entity corrections, watchlist and settings into one file, checked by reading it"
        " back. Restore it with `dossier restore FILE`, on this machine or another.",
    )
    backup.add_argument(
        "-o",
        "--output",
        type=path_argument,
        metavar="FILE",
        help="where to write it (default: a timestamped file in the backups folder)",
    )
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.add_argument("--json", action="store_true", help="print JSON")
    backup.set_defaults(run=_backup)

    backups = commands.add_parser("backups", help="list the whole-library backups, newest first")
    backups.add_argument("--json", action="store_true", help="print JSON")
    backups.set_defaults(run=_list)

    restore = commands.add_parser(
        "restore",
        help="replace the library and settings with a backup (the current ones are kept)",
        description="Checks the backup completely, keeps the current library as"
        " library.before-restore-<time>.sqlite3 (a damaged one as library.damaged-<time>),"
        " installs the backup and upgrades it if an older Dossier wrote it.",
    )
    restore.add_argument(
        "file",
        type=path_argument,
        metavar="FILE",
        help="the backup file (a path, or a name in the backups folder)",
    )
    restore.add_argument(
        "--yes", action="store_true", help="replace a library that holds articles or notes"
    )
    restore.add_argument("--json", action="store_true", help="print JSON")
    restore.set_defaults(run=_restore)


def _backup(args: argparse.Namespace) -> int:
    if args.list:
        if args.output:
            raise CommandError("--list does not write a backup; leave out -o")
        return _list(args)
    from desktop.core.backup.archive import BadBackup
    from desktop.core.backup.library_backup import backup_library
    from desktop.core.paths import user_paths

    paths = user_paths()
    dest = Path(args.output) if args.output else None
    try:
        result = backup_library(paths, dest)
    except BadBackup as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        where = printable(str(dest or paths.backups))
        raise CommandError(f"{where}: cannot write the backup: {exc.strerror or exc}") from exc
    record = _record(result.path, result.manifest, result.size)
    if args.json:
        print_json(record)
    else:
        print(result.path)
        print(f"  {_size(result.size)}; {record['summary']}")
    return 0


def _record(path: Path, manifest: Manifest, size: int) -> dict[str, Any]:
    from desktop.core.backup.archive import describe_counts

    return {
        "path": str(path),
        "name": path.name,
        "size": size,
        "created": manifest.created,
        "app_version": manifest.app_version,
        "schema_version": manifest.schema_version,
        "counts": manifest.counts,
        "summary": describe_counts(manifest.counts),
    }


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:,.1f} {unit}"
        value /= 1024
    return f"{value:,.1f} GiB"


def _list(args: argparse.Namespace) -> int:
    from desktop.core.backup.archive import BadBackup
    from desktop.core.backup.files import list_library_backups
    from desktop.core.backup.library_backup import describe
    from desktop.core.paths import user_paths

    records = []
    for backup in list_library_backups(user_paths().backups):
        size = backup.path.stat().st_size
        try:
            record = {**_record(backup.path, describe(backup.path), size), "problem": None}
        except BadBackup as exc:
            record = {"path": str(backup.path), "name": backup.name, "size": size}
            record |= {"created": backup.created.isoformat(), "problem": str(exc)}
        records.append({**record, "kind": backup.kind})
    if args.json:
        print_json(records)
        return 0
    if not records:
        print("no library backups yet (make one with `dossier backup`)", file=sys.stderr)
    for r in records:
        held = f"unreadable: {r['problem']}" if r["problem"] else r["summary"]
        print(f"{r['path']}  {r['kind']}  {_size(r['size'])}  {held}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.core.backup.archive import BadBackup, describe_counts
    from desktop.core.backup.library_backup import library_content, restore_library
    from desktop.core.paths import user_paths
    from desktop.core.storage.errors import DatabaseError

    paths = user_paths()
    source = Path(args.file)
    if not source.exists() and (paths.backups / source).is_file():
        source = paths.backups / source  # a name as `dossier backups` lists them
    if not args.yes:
        try:
            content = library_content(paths)
        except DatabaseError as exc:
            raise CommandError(
                f"the current library cannot be read ({exc}); add --yes to restore"
                f" {printable(str(source))} over it (the old file is kept)"
            ) from exc
        if content and any(n for t, n in content.items() if t not in NO_CONTENT):
            raise CommandError(
                f"the current library holds {describe_counts(content)}; add --yes to replace"
                f" it with {printable(str(source))} (it is kept as"
                " library.before-restore-<time>.sqlite3)"
            )
    try:
        result = restore_library(paths, source)
    except BadBackup as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        reason = exc.strerror or exc
        raise CommandError(f"cannot restore {printable(str(source))}: {reason}") from exc
    if args.json:
        print_json(
            {
                **_record(source, result.manifest, source.stat().st_size),
                "kept": None if result.kept is None else str(result.kept),
                "settings_kept": [str(p) for p in result.settings_kept],
            }
        )
        return 0
    print(f"restored {printable(str(source))}: {describe_counts(result.manifest.counts)}")
    if result.kept is not None:
        print(f"the previous library was kept as {result.kept}")
    for path in result.settings_kept:
        print(f"the previous settings were kept as {path}")
    return 0
