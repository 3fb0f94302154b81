"""The library's surroundings fail: a full disk, a read-only home, a lock held by another
program, a damaged database file. Every command ends with one line and a non-zero status (or
succeeds), and what was stored before is still there afterwards.

A full disk and a read-only home are real: a small tmpfs mounted for the test (root only, as CI
runs; skipped elsewhere with the reason).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.paths import user_paths
from desktop.core.storage import db
from desktop.core.storage.engine import sqlite3
from tests.hostile.cli import Run, assert_clean, dossier, dossier_in_process, problems
from tests.hostile.conftest import library_contents
from tests.hostile.hostile_files import STORY, write_all


@pytest.fixture
def library_with_a_note(dossier_home: Path, tmp_path: Path) -> dict[str, object]:
    """A library holding one imported article and one note; what must survive."""
    (path,) = write_all(tmp_path / "in", {"kept.md": f"# Kept\n\n{STORY}\n".encode()})
    imported = json.loads(dossier_in_process("import", "--json", str(path)).out)["imported"]
    note = dossier_in_process("notes", "add", str(imported[0]), "--quote=council", "--note=keep")
    assert note.code == 0, note.describe()
    return {"article": imported[0], "note": json.loads(note.out)["id"], "file": path}


def _says(run: Run, pattern: str) -> bool:
    """Whether stderr gives ``pattern`` as the reason (not merely in a path: the test's
    temporary folders are named after the test, "test_disk_full…")."""
    return re.search(pattern, run.err.replace(str(user_paths().data), "LIBRARY")) is not None


WRITES = ("import", "notes-add", "summarize", "entities", "watch-add", "correct", "mark")
"""Commands that write to the library (summaries and entities are cached there)."""


def _writes(state: dict[str, object], tmp_path: Path) -> dict[str, list[str]]:
    new = write_all(tmp_path / "new", {"new.md": f"# New\n\n{STORY} New.\n".encode() * 2000})[0]
    article = str(state["article"])
    return {
        "import": ["import", str(new)],
        "notes-add": ["notes", "add", article, "--quote=budget", "--note=new"],
        "summarize": ["summarize", article],
        "entities": ["entities", article],
        "watch-add": ["watch", "add", "Ana Ruiz"],
        "correct": ["correct", "rename", "Ana Ruiz", "Ana R."],
        "mark": ["mark", article, "--star"],
    }


# --- a lock held by another program ---------------------------------------------------------


@pytest.fixture
def held_lock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another connection holds the write lock; Dossier waits 0.3 s instead of its 10 s."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(str(user_paths().database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta (key, value) VALUES ('lock-holder', 'x')")
    yield
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize("command", WRITES)
def test_locked_database(command: str, library_with_a_note, held_lock, tmp_path: Path) -> None:
    run = dossier_in_process(*_writes(library_with_a_note, tmp_path)[command])
    assert_clean(run)
    if run.code != 0:
        assert _says(run, "locked"), run.describe()
    assert dossier_in_process("list").code == 0, "reading goes on while another program writes"


@pytest.mark.fuzz
def test_lock_held_past_the_busy_timeout_in_a_real_process(
    library_with_a_note, dossier_home: Path
) -> None:
    other = sqlite3.connect(str(user_paths().database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        article = str(library_with_a_note["article"])
        for argv in (["notes", "add", article, "--quote=budget"], ["summarize", article]):
            run = dossier(dossier_home, *argv, timeout=db.BUSY_TIMEOUT_MS / 1000 + 15)
            assert_clean(run)
            assert _says(run, "locked"), run.describe()  # a summary is shown, its cache skipped
            assert run.code == (1 if argv[0] == "notes" else 0), run.describe()
    finally:
        other.execute("ROLLBACK")
        other.close()


# --- a full disk and a read-only home (a real small file system) ----------------------------


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """DOSSIER_HOME on an 8 MB tmpfs of its own."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    monkeypatch.setenv("DOSSIER_HOME", str(mount_point / "home"))
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> None:
    """Write until the file system is full (ENOSPC)."""
    try:
        # Closing raises ENOSPC again when the buffer still holds the rest of the last write
        # (as it does for most sizes of what the library left free): the disk is full then too.
        with (folder / "filler").open("wb") as out:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
    except OSError:
        pass


FULL_CASES = [f"{command}@{window}" for window in ("closed", "open") for command in WRITES]
"""Each write with Dossier closed (its journal files are created by the command) and with its
window open (they exist already)."""


@pytest.mark.parametrize("case", FULL_CASES)
def test_disk_full(case: str, small_disk: Path, tmp_path: Path, request) -> None:
    command, window = case.split("@")
    state = request.getfixturevalue("library_with_a_note")
    before = library_contents()
    reader = sqlite3.connect(str(user_paths().database)) if window == "open" else None
    if reader is not None:
        reader.execute("SELECT count(*) FROM articles").fetchone()
    _fill(small_disk)
    run = dossier_in_process(*_writes(state, tmp_path)[command])
    (small_disk / "filler").unlink()
    if reader is not None:
        reader.close()
    assert_clean(run)
    if run.code != 0:
        assert _says(run, "full"), run.describe()
    if case == "import@open":  # the disk really was full: else the cases prove nothing
        assert run.code == 1 and len(run.err.rstrip("\n").split("\n")) == 1, run.describe()
    after = library_contents()
    assert before[0] <= after[0] and before[1] <= after[1], "something stored was lost"


@pytest.mark.parametrize("command", ["list", *WRITES])
def test_read_only_home(command: str, small_disk: Path, tmp_path: Path, request) -> None:
    state = request.getfixturevalue("library_with_a_note")
    before = library_contents()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        argv = ["list"] if command == "list" else _writes(state, tmp_path)[command]
        run = dossier_in_process(*argv)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert_clean(run)
    if run.code == 0:
        assert command != "list" or "Kept" in run.out, run.describe()
    else:
        assert _says(run, "read-?only|writable"), run.describe()
    assert library_contents() == before


# --- a damaged database ---------------------------------------------------------------------


def _damage(how: str) -> None:
    path = user_paths().database
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:100] = os.urandom(100)
    elif how == "pages":
        middle = len(data) // 2
        data[middle : middle + 16384] = b"\xa5" * 16384
    else:
        data = data[: len(data) // 3]
    path.write_bytes(bytes(data))


def _digest() -> str:
    """The library's stored bytes: the database and its write-ahead log (an empty log is no
    log; the ``-shm`` index any reader creates holds no data)."""
    database = user_paths().database
    wal = database.with_name(database.name + "-wal")
    logged = wal.read_bytes() if wal.exists() else b""
    return hashlib.sha256(database.read_bytes() + b"\0wal\0" + logged).hexdigest()


@pytest.mark.parametrize(
    "how",
    ["header", "pages", "truncated"],
)  # fmt: skip
def test_damaged_database_is_reported_and_never_written(
    how: str, library_with_a_note, tmp_path: Path
) -> None:
    _damage(how)
    before = _digest()
    runs: list[Run] = [
        dossier_in_process("list"),
        dossier_in_process("search", "council"),
        *[dossier_in_process(*argv) for argv in _writes(library_with_a_note, tmp_path).values()],
        dossier_in_process("notes", "list"),
    ]
    found = [f"{p}: {r.describe()}" for r in runs for p in problems(r)]
    assert not found, "\n".join(found)
    silent = [r.describe() for r in runs if r.code == 0 or "database" not in r.err]
    assert not silent, "a damaged library must be named, not shown empty:\n" + "\n".join(silent)
    assert _digest() == before, "a library that cannot be opened is never written to"


def test_notes_backups_are_listed_when_the_database_is_damaged(library_with_a_note) -> None:
    dossier_in_process("notes", "backups")
    _damage("header")
    run = dossier_in_process("notes", "backups")
    assert_clean(run)
    assert run.code == 0 and "highlight" in run.out, run.describe()
