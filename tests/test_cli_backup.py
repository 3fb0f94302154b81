"""`dossier backup` / `restore` end to end: a library with every kind of data, backed up,
the home wiped, restored into an empty home — and every export the same, byte for byte."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from desktop.core.backup.archive import MANIFEST
from desktop.core.notes import export, markdown_export
from tests.cli_runner import run
from tests.core.library.documents import long_report
from tests.core.library.stories import GONE, KEPT, V1, V2
from tests.core.storage.test_health import damage

SETTINGS = b"[reader]\narticle=2\nscroll=0.25\n[summary]\nmethod=lexrank\n"


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def build_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> tuple[int, int]:
    """Articles with a version, PDF pages, notes, a story, tags, a correction, a watchlist
    entry, a trashed article and a settings file; the ids of the updated article and the PDF."""
    story = tmp_path / "harbour-plan.txt"
    story.write_text(V1, encoding="utf-8")
    (article,) = json.loads(ok(capsys, "import", str(story), "--json"))["imported"]
    for quote in (KEPT, GONE):
        ok(capsys, "notes", "add", str(article), "--quote", quote, "--note", "n", "--tag", "t")
    story.write_text(V2, encoding="utf-8")
    ok(capsys, "import", str(story))
    (report,) = json.loads(
        ok(capsys, "import", str(long_report(tmp_path / "water.pdf", 3)), "--json")
    )["imported"]
    ok(capsys, "story", "attach", "Harbour", str(article), str(report))
    ok(capsys, "tag", "add", "council", str(article))
    ok(capsys, "correct", "rename", "Ana Lopes", "Ana M. Lopes")
    ok(capsys, "watch", "add", "harbour", "--category", "term")
    ok(capsys, "mark", str(report), "--star")
    listed = json.loads(ok(capsys, "list", "--json"))
    (seed,) = [a["id"] for a in listed if a["id"] not in (article, report)]
    ok(capsys, "delete", str(seed))
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.ini").write_bytes(SETTINGS)
    return article, report


def snapshot(capsys: pytest.CaptureFixture[str], home: Path) -> dict[str, str | bytes]:
    """Everything a user can see of the library, as the commands print it (the exports'
    generation time and collection ids are fixed: they differ on every run)."""
    listed = json.loads(ok(capsys, "list", "--json"))
    outputs: dict[str, str | bytes] = {
        "list": ok(capsys, "list", "--json"),
        "trash": ok(capsys, "trash", "list", "--json"),
        "stories": ok(capsys, "story", "list", "--json"),
        "tags": ok(capsys, "tag", "list", "--json"),
        "story filter": ok(capsys, "list", "--story", "Harbour", "--json"),
        "corrections": ok(capsys, "correct", "list", "--json"),
        "watchlist": ok(capsys, "watch", "list", "--json"),
        "notes": ok(capsys, "notes", "list", "--json"),
        "settings": (home / "config" / "settings.ini").read_bytes(),
    }
    for fmt in ("md", "json", "csv"):
        outputs[f"notes export {fmt}"] = ok(capsys, "notes", "export", "--format", fmt)
    for article in listed:
        number = str(article["id"])
        outputs[f"show {number}"] = ok(capsys, "show", number, "--json")
        outputs[f"versions {number}"] = ok(capsys, "versions", number, "--json")
    return outputs


def test_backup_wipe_restore_gives_back_the_same_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dossier_home: Path, monkeypatch
) -> None:
    article, report = build_library(capsys, tmp_path, dossier_home)
    moment = "2026-12-04T12:00:00.000+00:00"
    for module in (export, markdown_export):
        monkeypatch.setattr(module, "utc_now", lambda: moment)
    monkeypatch.setattr(export.uuid, "uuid4", lambda: uuid.UUID(int=15))
    before = snapshot(capsys, dossier_home)
    assert len(json.loads(before[f"show {report}"])["pages"]) == 3
    assert json.loads(before[f"versions {article}"]) and json.loads(before["trash"])
    backup = tmp_path / "elsewhere" / "my library.dossier.zip"
    backup.parent.mkdir()
    record = json.loads(ok(capsys, "backup", "-o", str(backup), "--json"))
    assert record["path"] == str(backup) and record["size"] == backup.stat().st_size
    assert record["counts"]["articles"] == 3 and record["counts"]["highlights"] == 2
    assert record["counts"]["article_versions"] == 1 and record["counts"]["article_pages"] == 3

    shutil.rmtree(dossier_home)  # a new machine: nothing of the old home, no source files
    for source in tmp_path.glob("*.*"):
        source.unlink()
    code, out, err = run(capsys, "restore", str(backup))  # an empty home needs no --yes
    assert code == 0, err
    assert out.startswith(f"restored {backup}: 3 articles, 1 version, 3 pages, 2 highlights")
    assert "kept" not in out
    assert snapshot(capsys, dossier_home) == before


def test_backup_prints_path_size_and_counts_and_lists_newest_first(
    capsys: pytest.CaptureFixture[str], dossier_home: Path
) -> None:
    ok(capsys, "list")
    first = ok(capsys, "backup").splitlines()
    second = ok(capsys, "backup").splitlines()
    path = Path(second[0])
    assert path.parent == dossier_home / "data" / "backups" and path.is_file()
    assert path.name.startswith("library-") and path.name.endswith("-manual.dossier.zip")
    assert "KiB; 1 article, 0 versions" in second[1]
    listed = json.loads(ok(capsys, "backups", "--json"))
    assert [r["path"] for r in listed] == [second[0], first[0]]
    assert listed[0]["kind"] == "manual" and listed[0]["problem"] is None
    assert ok(capsys, "backup", "--list").splitlines()[0].startswith(f"{path}  manual  ")


def test_restore_refuses_to_replace_content_without_yes_and_keeps_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dossier_home: Path
) -> None:
    ok(capsys, "list")
    empty = Path(ok(capsys, "backup").splitlines()[0])
    ok(capsys, "notes", "add", "1", "--quote", "Zelenskyy")
    database = dossier_home / "data" / "library.sqlite3"
    code, out, err = run(capsys, "restore", str(empty))
    assert (code, out) == (1, "") and "holds" in err and "1 highlight" in err and "--yes" in err
    assert len(json.loads(ok(capsys, "notes", "list", "--json"))) == 1

    out = ok(capsys, "restore", empty.name, "--yes")  # a name in the backups folder will do
    kept = Path(out.splitlines()[1].removeprefix("the previous library was kept as "))
    assert kept.parent == database.parent and ".before-restore-" in kept.name
    assert json.loads(ok(capsys, "notes", "list", "--json")) == []
    shutil.copy(kept, database)  # the kept library is a whole library of its own
    for companion in database.parent.glob("library.sqlite3-*"):
        companion.unlink()
    assert len(json.loads(ok(capsys, "notes", "list", "--json"))) == 1


def _forge(backup: Path, target: Path, change) -> Path:
    """A copy of ``backup`` whose manifest ``change`` edits."""
    import zipfile

    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == MANIFEST:
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
            out.writestr(item, data)
    return target


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda b, t: t.write_bytes(b"garbage, not a backup"), "not a Dossier library backup"),
        (lambda b, t: t.write_bytes(b.read_bytes()[: b.stat().st_size // 2]), "cut short"),
        (
            lambda b, t: _forge(b, t, lambda m: m.update(schema_version=999)),
            "newer Dossier (schema 999",
        ),
        (
            lambda b, t: _forge(b, t, lambda m: m.update(format_version=2)),
            "newer Dossier (backup format 2",
        ),
        (
            lambda b, t: _forge(b, t, lambda m: m["counts"].update(articles=7)),
            "damaged (its library holds",
        ),
        (
            lambda b, t: _forge(b, t, lambda m: m.update(database_sha256="0" * 64)),
            "does not match the checksum",
        ),
        (lambda b, t: _forge(b, t, lambda m: m.update(format="other")), "unknown manifest"),
    ],
    ids=["garbage", "truncated", "newer-schema", "newer-format", "counts", "checksum", "foreign"],
)
def test_a_bad_backup_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dossier_home: Path, make, expected: str
) -> None:
    ok(capsys, "notes", "add", "1", "--quote", "Zelenskyy")
    good = Path(ok(capsys, "backup").splitlines()[0])
    bad = tmp_path / "bad.dossier.zip"
    make(good, bad)
    data = dossier_home / "data"
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    code, out, err = run(capsys, "restore", str(bad), "--yes")
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
    assert err.startswith(f"dossier: {bad}: ") and expected in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    assert len(json.loads(ok(capsys, "notes", "list", "--json"))) == 1


def test_a_damaged_library_names_the_newest_good_backup_and_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dossier_home: Path
) -> None:
    ok(capsys, "notes", "add", "1", "--quote", "Zelenskyy", "--note", "keep me")
    good = Path(ok(capsys, "backup").splitlines()[0])
    newer = Path(ok(capsys, "backup").splitlines()[0])
    newer.write_bytes(b"cut")  # the newest is unreadable: the one before it is offered
    database = dossier_home / "data" / "library.sqlite3"
    damage(database)
    damaged = database.read_bytes()
    code, out, err = run(capsys, "list")
    assert (code, out) == (1, "") and len(err.strip().splitlines()) == 1
    assert "is damaged" in err and f"`dossier restore {good} --yes`" in err

    command = err.split("`")[1].split()[1:]
    code, out, err = run(capsys, *command)
    assert code == 0, err
    assert "the previous library was kept as" in out and ".damaged-" in out
    aside = next(database.parent.glob("library.damaged-*.sqlite3"))
    assert aside.read_bytes() == damaged  # kept as it was, never deleted
    (note,) = json.loads(ok(capsys, "notes", "list", "--json"))
    assert note["note"] == "keep me" and not note["orphan"]
