"""Backup benchmark (issue 15): `dossier backup` and `dossier restore` of a 100,000-article
library — time and file size.

Baselines measured in the same run on the same database: a plain copy of the file,
synced (what a user's file manager would do, without consistency or checks) and
the same copy zipped at the backup's compression level (the packing alone). A backup also
snapshots through SQLite's backup API and reads the written file back (checksum, quick check,
counts); a restore unpacks and checks it, and — over an existing library — first copies that
library aside. Articles come from ../shared/eval (as in ``bench_library``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from desktop.core.backup.archive import COMPRESS_LEVEL, DATABASE
from desktop.core.backup.library_backup import backup_library, restore_library
from desktop.core.paths import Paths
from tests.perf.bench_library import (
    ADD_BATCH,
    EVAL,
    LARGE_COUNT,
    SOURCES,
    articles,
    fresh_library,
    load_bases,
)

MIB = 1048576


def _timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def durable_copy(source: Path, target: Path) -> None:
    """The baseline: the file copied and synced, as a backup must be before it counts."""
    shutil.copyfile(source, target)
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def main() -> int:
    if not all((EVAL / name).exists() for name in SOURCES):
        print(f"skipped: {EVAL} is missing (the benchmark builds its articles from it)")
        return 0
    bases = load_bases()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-backup-") as tmp:
        root = Path(tmp)
        with fresh_library(root, "library") as library:
            paths = library.paths
            elapsed, _ = _timed(
                lambda: [
                    library.store.add_many(articles(bases, start, start + ADD_BATCH))
                    for start in range(0, LARGE_COUNT, ADD_BATCH)
                ]
            )
            count = library.store.count()
            library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database_size = paths.database.stat().st_size
        print(f"library of {count:,} articles built in {elapsed:.1f} s;"
              f" database {database_size / MIB:,.0f} MiB")  # fmt: skip

        copy = root / "copy.sqlite3"
        copy_s, _ = _timed(lambda: durable_copy(paths.database, copy))
        zipped = root / "copy.zip"

        def zip_copy() -> None:
            with zipfile.ZipFile(
                zipped, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
            ) as z:
                z.write(copy, DATABASE)

        zip_s, _ = _timed(zip_copy)
        backup_s, result = _timed(lambda: backup_library(paths, root / "library.dossier.zip"))
        size = result.size
        print(f"baseline file copy             {copy_s:6.2f} s")
        print(f"baseline copy zipped (level {COMPRESS_LEVEL})  {zip_s:6.2f} s"
              f"  {zipped.stat().st_size / MIB:,.0f} MiB")  # fmt: skip
        print(f"dossier backup (verified)      {backup_s:6.2f} s  {size / MIB:,.0f} MiB"
              f" ({size / database_size:.0%} of the database);"
              f" {backup_s / copy_s:.1f}× the file copy")  # fmt: skip

        home = root / "new-machine"
        fresh_paths = Paths(home / "data", home / "config", home / "cache", home / "logs")
        empty_s, restored = _timed(lambda: restore_library(fresh_paths, result.path))
        assert restored.manifest.counts["articles"] == count
        ratio = empty_s / copy_s
        print(f"dossier restore, empty home    {empty_s:6.2f} s  {ratio:.1f}× the file copy")
        over_s, restored = _timed(lambda: restore_library(paths, result.path))
        assert restored.kept is not None and restored.kept.exists()
        print(f"dossier restore over a library {over_s:6.2f} s  {over_s / copy_s:.1f}× the file"
              " copy (the current library is copied aside first)")  # fmt: skip
        print(f"(load average {', '.join(f'{x:.2f}' for x in os.getloadavg())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
