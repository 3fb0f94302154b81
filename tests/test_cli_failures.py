"""Every command fails in one line naming the operation — a locked library, a full disk, a
read-only library, a bug — and summaries and entities still print when only caching fails."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.commands import notes as notes_command
from desktop.core.library import session
from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.storage import db
from desktop.core.storage.engine import sqlite3
from tests.cli_runner import run

TEXT = (
    "The minister said the budget would rise by four percent next year. "
    "Critics in Paris said the budget was a fantasy. The minister left the room."
)


@pytest.fixture
def article() -> int:
    """An article in a library that has been opened before (sample articles added)."""
    with open_library() as library:
        return library.store.add(with_hash(Article(0, "Budget", TEXT, "", 0))).id


@pytest.fixture
def locked(article: int, dossier_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the write lock; waiting for it ends after 50 ms, not 10 s."""
    holder = db.connect(dossier_home / "data" / "library.sqlite3")
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    yield
    holder.execute("ROLLBACK")
    holder.close()


def _each_connection(monkeypatch: pytest.MonkeyPatch, prepare: Callable[[object], None]) -> None:
    """Run ``prepare(conn)`` on every library connection the commands open."""

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = db.connect(*args, **kwargs)
        prepare(conn)
        return conn

    monkeypatch.setattr(session, "connect", connect)


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.usefixtures("locked")
def test_locked_library_names_the_operation(capsys, article: int) -> None:
    code, out, err = run(capsys, "notes", "add", str(article), "--quote", "fantasy")
    assert (code, out) == (1, "")
    assert _one_line(err).startswith("dossier: cannot save the note: the library is locked")
    code, _, err = run(capsys, "mark", str(article), "--star")
    assert code == 1 and "cannot mark the article: the library is locked" in _one_line(err)


@pytest.mark.usefixtures("locked")
@pytest.mark.parametrize(
    ("argv", "action"),
    [
        (["correct", "rename", "Paris", "Paris, France"], "save the correction"),
        (["watch", "add", "budget"], "change the watchlist"),
        (["import", "IMPORT_FILE"], "store the imported articles"),
        (["notes", "import", "NOTES_FILE"], "import the notes"),
    ],
)
def test_every_writing_command_names_what_the_lock_stopped(
    capsys, argv: list[str], action: str, tmp_path: Path
) -> None:
    files = {"IMPORT_FILE": _text_file(tmp_path), "NOTES_FILE": _notes_file(tmp_path)}
    argv = [str(files.get(a, a)) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert _one_line(err).startswith(f"dossier: cannot {action}: the library is locked")


@pytest.mark.usefixtures("locked")
def test_a_backup_needs_no_write_lock(capsys) -> None:
    code, out, _ = run(capsys, "notes", "backup")
    assert code == 0 and Path(out.strip()).is_file()


def _notes_file(folder: Path) -> Path:
    path = folder / "notes.json"
    path.write_text('{"type": "AnnotationCollection", "first": {"items": []}}')
    return path


@pytest.mark.usefixtures("locked")
def test_summarize_and_entities_print_when_only_caching_fails(capsys, article: int) -> None:
    code, out, err = run(capsys, "summarize", str(article), "--json")
    assert code == 0 and json.loads(out)["sentences"]
    assert _one_line(err).startswith("dossier: warning: cannot cache the summary: the library is")
    code, out, err = run(capsys, "entities", str(article), "--json")
    assert code == 0 and "Paris" in [e["text"] for e in json.loads(out)["entities"]]
    assert "cannot store the entities in the library: the library is locked" in _one_line(err)


def test_full_disk_names_the_operation(capsys, article: int, monkeypatch, tmp_path) -> None:
    def fill(conn: sqlite3.Connection) -> None:
        """No more pages, and the free space in the last ones used up."""
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        try:
            for number in range(100_000):
                conn.execute("INSERT INTO meta VALUES (?, randomblob(100))", (f"fill{number}",))
        except sqlite3.Error:  # full (or, the next time, filled already)
            pass

    _each_connection(monkeypatch, fill)
    code, out, err = run(
        capsys, "notes", "add", str(article), "--quote", "fantasy", "--note", "x" * 9000
    )
    assert (code, out) == (1, "")
    assert (
        _one_line(err)
        == "dossier: cannot save the note: the disk is full; free some space and try again"
    )
    code, _, err = run(capsys, "import", str(_text_file(tmp_path)))
    assert code == 1 and "cannot store the imported articles: the disk is full" in _one_line(err)


def _text_file(folder: Path) -> Path:
    path = folder / "note.txt"
    path.write_text("A new article\n\n" + "Words to store in a full library. " * 300)
    return path


def test_read_only_library_names_the_operation(capsys, article: int, monkeypatch) -> None:
    # Running as root, file modes do not stop writes: SQLite's own read-only switch does.
    _each_connection(monkeypatch, lambda conn: conn.execute("PRAGMA query_only = ON"))
    code, _, err = run(capsys, "notes", "add", str(article), "--quote", "fantasy")
    assert code == 1 and "dossier: cannot save the note: the library" in _one_line(err)
    assert "is read-only" in err
    code, _, err = run(capsys, "watch", "add", "Paris")
    assert code == 1 and "cannot change the watchlist" in _one_line(err)
    code, out, err = run(capsys, "summarize", str(article))
    assert code == 0 and "fantasy" in out
    assert "warning: cannot cache the summary: the library" in _one_line(err)


def test_an_unwritable_home_is_one_line(capsys, monkeypatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DOSSIER_HOME", str(blocker / "home"))
    code, _, err = run(capsys, "list")
    assert code == 1 and "cannot open the library: cannot create" in _one_line(err)


def test_a_bug_is_an_internal_error_with_a_log(
    capsys, article: int, monkeypatch, dossier_home
) -> None:
    def broken(library: object) -> None:
        raise KeyError("highlight 'x' vanished")

    monkeypatch.setattr(notes_command, "_back_up_after_write", broken)
    code, _, err = run(capsys, "notes", "add", str(article), "--quote", "fantasy")
    assert code == 70
    line = _one_line(err)
    assert line.startswith(
        "dossier: internal error: KeyError: \"highlight 'x' vanished\" (details written to "
    )
    log = Path(line.rsplit("details written to ", 1)[1].rstrip(")"))
    assert log.parent == dossier_home / "logs"
    details = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in details and "broken" in details
