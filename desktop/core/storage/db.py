"""The one module that opens the library database.

SQLite in WAL mode so the window can read while an import writes; ``synchronous=FULL`` because a
journalist's notes must survive a power cut, not only a crash. Schema changes are numbered SQL
files in ``migrations/`` applied in order and recorded in ``PRAGMA user_version``, so a library
created by any earlier version upgrades in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.frozen import Frozen
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import DatabaseError, LibraryTooNew, database_error
from desktop.core.storage.health import check_library_file

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024
MMAP_BYTES = 256 * 1024 * 1024
MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class Migration(Frozen):
    """One numbered schema step. Its SQL is read when the step is applied: a library already
    up to date (every start but the first after an update) reads no script."""

    _fields = ("version", "path")
    __slots__ = _fields
    version: int
    path: Path

    def __init__(self, version: int, path: Path) -> None:
        self._set_fields(version, path)

    @property
    def name(self) -> str:
        return self.path.name

    def sql(self) -> str:
        return self.path.read_text("utf-8")


def migrations() -> list[Migration]:
    """All schema migrations shipped with this version, in order.

    Found in the folder beside this module (a checkout, a wheel and a frozen bundle all have
    it there): ``importlib.resources`` would load zipfile and tempfile on every command.
    """
    found = []
    for entry in MIGRATIONS.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise DatabaseError(f"migration numbering has a gap at {migration.name}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: latest); each step is its own transaction."""
    steps = migrations()
    latest = steps[-1].version if steps else 0
    target = latest if target is None else target
    current = schema_version(conn)
    if current > latest:
        raise LibraryTooNew(
            f"the library was written by a newer Dossier (schema {current}, this knows {latest})"
            " — update Dossier to open it"
        )
    for step in steps:
        if current < step.version <= target:
            with transaction(conn):
                # Another connection (a window's worker thread, a second process opening a new
                # library at the same moment) may have applied this step since the version was
                # read: under the write lock, the version read now decides.
                if schema_version(conn) < step.version:
                    _execute_script(conn, step.sql())
                    conn.execute(f"PRAGMA user_version = {step.version}")
            current = step.version
    return current


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the open transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def connect(path: Path | str, *, migrate_schema: bool = True) -> sqlite3.Connection:
    """Open (and upgrade) the library database at ``path``.

    A file that is damaged or from a newer Dossier is refused before anything writes to it
    (``health.check_library_file``): setting the journal mode below rewrites the header.
    """
    if str(path) != ":memory:":
        check_library_file(Path(path), migrations()[-1].version)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Search reads large FTS doclists and imports merge index segments: a 32 MiB page
        # cache and memory-mapped reads keep both off the read() system call.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if migrate_schema:
            migrate(conn)
    except sqlite3.Error as exc:
        raise database_error(exc, "open the library", path) from exc
    return conn


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing library (for work spread over threads): it can
    never write, so it needs no migration and cannot take the write lock."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro",
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: everything inside commits together or not at all.

    ``BEGIN IMMEDIATE`` takes the write lock up front so two processes never deadlock halfway.
    Nested use joins the outer transaction.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        # Inside the try: a COMMIT that fails (locked, disk full) leaves the transaction open,
        # and every later write of this connection would join it and never be committed.
        conn.execute("COMMIT")
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk, for one); a second
        # ROLLBACK would replace the real error with "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
