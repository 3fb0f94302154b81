"""Backups from the command line: taken after each note, on demand, and restorable when the
library itself is damaged or will not open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.storage.engine import sqlite3
from tests.cli_runner import run
from tests.core.storage.test_health import damage

TEXT = "The mayor said the bridge is safe. Engineers said the bridge is not safe. " * 20
URL = "https://city.example/bridge"


@pytest.fixture
def article() -> int:
    with open_library() as library:
        return library.store.add(with_hash(Article(0, "Bridge", TEXT, "", 0, url=URL))).id


def _database(home: Path) -> Path:
    return home / "data" / "library.sqlite3"


def test_the_first_days_backup_holds_the_first_note(capsys, article: int) -> None:
    code, out, _ = run(capsys, "notes", "add", str(article), "--quote", "Engineers")
    assert code == 0
    note = json.loads(out)["id"]
    code, out, _ = run(capsys, "notes", "backups", "--json")
    listed = json.loads(out)
    assert code == 0 and listed[0]["kind"] == "after-write" and listed[0]["highlights"] == 1
    backup = sqlite3.connect(listed[0]["path"])
    assert backup.execute("SELECT id FROM highlights").fetchall() == [(note,)]


def test_backup_on_demand_prints_its_file(capsys, article: int, dossier_home: Path) -> None:
    run(capsys, "notes", "add", str(article), "--quote", "mayor")
    code, out, _ = run(capsys, "notes", "backup")
    path = Path(out.strip())
    assert code == 0 and path.parent == dossier_home / "data" / "backups" and path.is_file()
    code, out, _ = run(capsys, "notes", "backup", "--json")
    record = json.loads(out)
    assert code == 0 and record["kind"] == "manual" and record["highlights"] == 1
    assert set(record) == {"name", "path", "kind", "created", "highlights"}


def test_a_damaged_library_is_refused_and_its_notes_restored(
    capsys, article: int, dossier_home: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "notes", "add", str(article), "--quote", "Engineers", "--note", "n")
    note = json.loads(out)
    database = _database(dossier_home)
    damage(database)
    damaged = database.read_bytes()

    for argv in (["list"], ["notes", "list"], ["notes", "add", str(article), "--quote", "x"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
        assert "is damaged" in err and "dossier notes restore BACKUP" in err
    assert database.read_bytes() == damaged  # refused, never written

    code, out, _ = run(capsys, "notes", "backups")  # works without opening the library
    assert code == 0 and "after-write" in out and "1 highlight(s)" in out
    newest = out.split()[0]
    code, out, err = run(capsys, "notes", "restore", newest)
    assert code == 0, err
    assert "the damaged library was moved to" in out and "restored 1 highlight(s)" in out
    aside = [p for p in database.parent.iterdir() if ".damaged-" in p.name]
    assert [p.suffix for p in aside if p.suffix == ".sqlite3"] == [".sqlite3"]
    assert next(p for p in aside if p.suffix == ".sqlite3").read_bytes() == damaged

    # The article is not in the fresh library: the note waits as an orphan, then comes back
    # on its own when the article is imported again (by its URL).
    listed = json.loads(run(capsys, "notes", "list", "--json")[1])
    assert [(h["id"], h["orphan"], h["note"]) for h in listed] == [(note["id"], True, "n")]
    page = tmp_path / "bridge.md"
    page.write_text(f"---\ntitle: Bridge\nurl: {URL}\n---\n\nUpdated. {TEXT}\n", encoding="utf-8")
    assert run(capsys, "import", str(page))[0] == 0
    listed = json.loads(run(capsys, "notes", "list", "--json")[1])
    assert not listed[0]["orphan"] and listed[0]["quote"] == "Engineers"


def test_a_library_from_a_newer_version_is_left_untouched(capsys, dossier_home: Path) -> None:
    database = _database(dossier_home)
    database.parent.mkdir(parents=True)
    newer = sqlite3.connect(database)
    newer.execute("CREATE TABLE future (x)")
    newer.execute("PRAGMA user_version = 999")
    newer.close()
    before = database.read_bytes()
    for argv in (["list"], ["notes", "restore", "anything"], ["notes", "backup"]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "list")
    assert "newer Dossier" in err
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["library.sqlite3"]


def test_damage_met_after_the_open_check_is_one_line(
    capsys, article: int, dossier_home, monkeypatch
):
    # A large library is checked only within a time budget at open: the damage may show later.
    from desktop.core.storage import db

    monkeypatch.setattr(db, "check_library_file", lambda path, latest: None)
    database = _database(dossier_home)
    damage(database, first=3)
    code, out, err = run(capsys, "search", "bridge")
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
    assert err.startswith("dossier: cannot ") and "is damaged" in err and "Traceback" not in err
    assert "dossier notes restore" in err
