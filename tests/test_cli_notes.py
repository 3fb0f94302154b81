"""`dossier notes …` end to end, through the real argument parser and a real library."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from tests.cli_runner import run as cli_run

TEXT = "The mayor said the bridge is safe. Engineers said the bridge is not safe."


@pytest.fixture
def article() -> int:
    with open_library(seed=False) as library:
        return library.store.add(with_hash(Article(0, "Bridge", TEXT, "", 0, url="u"))).id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    return cli_run(capsys, "notes", *argv)


def test_add_list_and_errors(capsys, article: int) -> None:
    code, out, _ = run(
        capsys, "add", str(article), "--quote", "the bridge is", "--occurrence", "2",
        "--note", "contradiction 🚧", "--category", "To verify", "--tag", "infra", "--tag", "x",
    )  # fmt: skip
    assert code == 0
    added = json.loads(out)
    assert added["start"] == TEXT.index("the bridge is", 20) and added["quote"] == "the bridge is"
    assert (added["category"], added["tags"], added["note"]) == (
        "to-verify",
        ["infra", "x"],
        "contradiction 🚧",
    )
    code, out, _ = run(capsys, "add", str(article), "--start", "4", "--end", "9")
    assert code == 0 and json.loads(out)["quote"] == "mayor"

    code, out, _ = run(capsys, "list", "--article", str(article), "--json")
    listed = json.loads(out)
    assert [h["quote"] for h in listed] == ["mayor", "the bridge is"]
    keys = {"id", "article", "quote", "note", "category", "tags", "start", "end", "orphan"}
    assert all(keys <= set(h) for h in listed) and listed[1]["id"] == added["id"]
    code, out, _ = run(capsys, "list")
    assert code == 0 and added["id"] in out and "contradiction 🚧" in out and "#infra" in out

    for argv, message in [
        (["--quote", "tunnel"], "quote not found"),
        (["--quote", "safe", "--occurrence", "3"], "occurrence 3 is out of range"),
        (["--start", "9", "--end", "4"], "bad offsets 9-4"),
        (["--start", "9"], "--start needs --end"),
        (["--start", "1", "--end", "2", "--occurrence", "2"], "--occurrence goes with --quote"),
        (["--quote", "mayor", "--category", "gossip"], "unknown category 'gossip'"),
    ]:
        code, out, err = run(capsys, "add", str(article), *argv)
        assert (code, out) == (1, "") and message in err
    for argv in (["add", "999", "--quote", "x"], ["list", "--article", "999"],
                 ["export", "--format", "csv", "--article", "999"]):  # fmt: skip
        code, _, err = run(capsys, *argv)
        assert code == 1 and "unknown article 999" in err
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 2  # failed adds stored nothing


def test_export_import_backups_restore(capsys, article: int, tmp_path: Path) -> None:
    run(capsys, "add", str(article), "--quote", "mayor", "--tag", "people", "--note", "n")
    run(capsys, "add", str(article), "--quote", "Engineers", "--category", "disagree")

    code, out, _ = run(capsys, "export", "--format", "csv", "--tag", "people")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["quote"] for r in rows] == ["mayor"]
    code, out, _ = run(capsys, "export", "--format", "md", "--category", "disagree")
    assert out.startswith('---\ntitle: "Dossier notes"') and "\n# Bridge\n" in out
    assert "> Engineers" in out and "mayor" not in out
    target = tmp_path / "notes.json"
    code, out, _ = run(capsys, "export", "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["total"] == 2
    folder = tmp_path / "vault"
    folder.mkdir()
    assert run(capsys, "export", "--format", "md", "-o", str(folder))[0] == 0
    assert len(list(folder.glob("*.md"))) == 1

    code, out, _ = run(capsys, "import", str(target))
    assert code == 0 and "added 0, updated 0, unchanged 2" in out
    code, out, _ = run(capsys, "backups")
    names = [line.split()[0] for line in out.splitlines()]
    kinds = [line.split()[1] for line in out.splitlines()]
    assert sorted(kinds) == ["after-write", "after-write", "pre-import"]  # one per add
    assert out.splitlines()[kinds.index("pre-import")].endswith("  2 highlight(s)")
    assert out.splitlines()[0].endswith("  2 highlight(s)")  # the newest holds every note

    first = names[len(names) - 1]  # taken after the first note was written
    code, out, _ = run(capsys, "restore", first)
    assert code == 0 and "restored 1 highlight(s)" in out
    assert [h["quote"] for h in json.loads(run(capsys, "list", "--json")[1])] == ["mayor"]
    undo = out.rsplit("dossier notes restore ", 1)[1].strip()
    assert run(capsys, "restore", undo)[0] == 0
    assert len(json.loads(run(capsys, "list", "--json")[1])) == 2

    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1 and str(bad) in err
    code, _, err = run(capsys, "restore", "nope")
    assert code == 1 and "no such backup" in err
    with pytest.raises(SystemExit):
        main(["notes", "export", "--format", "pdf"])


def test_export_to_a_new_folder_and_again_after_a_title_change(capsys, article, tmp_path) -> None:
    run(capsys, "add", str(article), "--quote", "mayor", "--tag", "C++")
    vault = tmp_path / "vault" / "notes"
    code, _, err = run(capsys, "export", "--format", "md", "-o", f"{vault}/")
    assert code == 0 and "wrote 1 Markdown file(s)" in err
    [first] = vault.glob("*.md")
    assert first.name.startswith("bridge-") and "#Cplusplus" in first.read_text(encoding="utf-8")
    keep = vault / "my own notes.md"
    keep.write_text("---\ntitle: mine\n---\n", encoding="utf-8")
    with open_library(seed=False) as library:
        library.conn.execute(
            "UPDATE articles SET title = 'Bridge, updated' WHERE id = ?", (article,)
        )
    assert run(capsys, "export", "--format", "md", "-o", str(vault))[0] == 0
    [second] = vault.glob("bridge-*.md")
    assert second.name.startswith("bridge-updated-") and second.name.endswith(first.name[-16:])
    assert not first.exists() and keep.exists()  # the old title's file went, nothing else
    code, _, err = run(capsys, "export", "--format", "csv", "-o", f"{tmp_path}/new/")
    assert code == 1 and "only --format md writes one" in err


def test_import_says_why_a_note_became_an_orphan(capsys, article, tmp_path) -> None:
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://tool.example/anno/7",
        "type": "Annotation",
        "bodyValue": "kept",
        "target": {"source": "u", "selector": {"type": "TextQuoteSelector", "exact": "tunnel"}},
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(annotation), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and "added 1, updated 0, unchanged 0, orphans 1, skipped 0" in out
    assert f"dossier: {path}: annotation 1: kept as an orphan: the quote 'tunnel'" in err
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "added 0, updated 0, unchanged 1" in out


def test_export_help_documents_the_safety_rules(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["notes", "export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "= + - @, TAB or CR gets a leading apostrophe" in text
    assert "'tags' is a JSON array" in text and "C++ -> Cplusplus" in text
