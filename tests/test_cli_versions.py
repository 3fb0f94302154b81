"""`dossier versions` and the import report end to end, in the test's temporary DOSSIER_HOME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library.store import content_hash, count_words
from tests.cli_runner import run
from tests.core.library.stories import GONE, KEPT, V1, V2


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def updated(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[int, Path]:
    """An article imported as V1, with two notes, then updated to V2 by a re-import."""
    story = tmp_path / "harbour-plan.txt"
    story.write_text(V1, encoding="utf-8")
    (article_id,) = run_json(capsys, "import", str(story))["imported"]
    for quote in (KEPT, GONE):
        assert run(capsys, "notes", "add", str(article_id), "--quote", quote)[0] == 0
    story.write_text(V2, encoding="utf-8")
    assert run_json(capsys, "import", str(story))["updated"] == [article_id]
    return article_id, story


def test_versions_lists_shows_and_restores(capsys: pytest.CaptureFixture[str], updated) -> None:
    article_id, _ = updated
    (listed,) = run_json(capsys, "versions", str(article_id))
    assert listed["number"] == 1 and listed["content_hash"] == content_hash(V1)
    assert listed["title"] == "harbour plan" and listed["words"] == count_words(V1)
    assert listed["replaced"][:2] == "20" and "text" not in listed
    code, out, _ = run(capsys, "versions", str(article_id))
    assert code == 0 and out.startswith("   1  20") and "harbour plan" in out
    assert content_hash(V1)[:12] in out

    assert run_json(capsys, "versions", str(article_id), "--show", "1")["text"] == V1
    code, out, _ = run(capsys, "versions", str(article_id), "--show", "1")
    assert (code, out) == (0, V1 + "\n")

    restored = run_json(capsys, "versions", str(article_id), "--restore", "1")
    assert (restored["restored"], restored["kept_as"]) == (1, 2)
    assert len(restored["highlights"]["exact"]) == 2 and restored["highlights"]["orphaned"] == []
    assert run_json(capsys, "show", str(article_id))["text"] == V1
    notes = run_json(capsys, "notes", "list", "--article", str(article_id))
    assert sorted(n["quote"] for n in notes if not n["orphan"]) == sorted([KEPT, GONE])
    assert [v["number"] for v in run_json(capsys, "versions", str(article_id))] == [1, 2]

    code, out, _ = run(capsys, "versions", str(article_id), "--restore", "2")
    assert code == 0 and out.startswith("Restored version 2 of article")
    assert "is version 3" in out and "1 orphaned" in out


def test_versions_errors_are_one_line(capsys: pytest.CaptureFixture[str], updated) -> None:
    article_id, _ = updated
    code, out, err = run(capsys, "versions", "999")
    assert (code, out) == (
        1,
        "",
    ) and err == "dossier: no article with id 999 (see `dossier list`)\n"
    code, out, err = run(capsys, "versions", str(article_id), "--show", "5")
    assert (code, out) == (1, "")
    assert err == (
        f"dossier: article {article_id} has no version 5 (see `dossier versions {article_id}`)\n"
    )
    assert run(capsys, "versions", str(article_id), "--restore", "5")[0] == 1
    assert run(capsys, "versions", str(article_id), "--restore", "1")[0] == 0
    code, _, err = run(capsys, "versions", str(article_id), "--restore", "1")
    assert code == 1 and err.strip().endswith("already has the text of version 1")
    (seed,) = [a for a in run_json(capsys, "list") if a["id"] != article_id]
    assert run_json(capsys, "versions", str(seed["id"])) == []


def test_import_says_why_a_shorter_text_is_a_duplicate(
    capsys: pytest.CaptureFixture[str], updated
) -> None:
    article_id, story = updated
    story.write_text(V2.split("\n\n")[1], encoding="utf-8")  # one paragraph of it
    report = run_json(capsys, "import", str(story))
    reason = f"the library already holds a fuller text of this article (id {article_id})"
    assert report["duplicates"] == [article_id] and report["files"][0]["reasons"] == [reason]
    code, out, _ = run(capsys, "import", str(story))
    assert code == 0 and out == f"{story}: {reason}\nImported 0, duplicates 1, failed 0.\n"
    assert run_json(capsys, "show", str(article_id))["text"] == V2
    assert len(run_json(capsys, "versions", str(article_id))) == 1


def test_a_restore_the_database_refuses_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], updated, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.library import updating
    from desktop.core.storage.engine import sqlite3

    article_id, _ = updated

    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as patch:
        patch.setattr(updating, "keep_version", locked)
        code, out, err = run(capsys, "versions", str(article_id), "--restore", "1")
    assert (code, out) == (1, "")
    assert err == f"dossier: cannot restore version 1 of article {article_id}: database is locked\n"
    assert run_json(capsys, "show", str(article_id))["text"] == V2
    assert len(run_json(capsys, "versions", str(article_id))) == 1


def test_notes_list_says_how_each_note_is_anchored_and_accept_confirms_a_moved_one(
    capsys: pytest.CaptureFixture[str], updated
) -> None:
    article_id, story = updated
    story.write_text(V2.replace("the vote was", "this vote was"), encoding="utf-8")
    assert run_json(capsys, "import", str(story))["updated"] == [article_id]
    notes = {n["original_quote"]: n for n in run_json(capsys, "notes", "list")}
    moved, orphan = notes[KEPT], notes[GONE]
    assert (moved["anchor"], moved["orphan"]) == ("moved", False)
    assert moved["quote"] == "this vote was a turning point"  # the new span, beside the original
    assert (orphan["anchor"], orphan["orphan"], orphan["quote"]) == ("orphan", True, GONE)
    code, out, _ = run(capsys, "notes", "list")
    assert code == 0 and "MOVED (please check)" in out and "ORPHAN" in out

    code, out, _ = run(capsys, "notes", "accept", moved["id"])
    assert code == 0 and json.loads(out)["anchor"] == "exact"
    listed = {n["id"]: n for n in run_json(capsys, "notes", "list")}
    assert listed[moved["id"]]["anchor"] == "exact"
    assert listed[moved["id"]]["original_quote"] == KEPT

    code, out, err = run(capsys, "notes", "accept", orphan["id"])
    assert code == 1 and out == "" and "is an orphan" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "notes", "accept", "no-such-id")
    assert code == 1 and "no highlight with id no-such-id" in err


def test_versions_diff_prints_a_word_diff_and_json_spans(
    capsys: pytest.CaptureFixture[str], updated
) -> None:
    article_id, _ = updated
    code, out, _ = run(capsys, "versions", str(article_id), "--diff", "1")
    assert code == 0
    assert out.startswith("--- version 1\n+++ the current text\n")
    assert "{+Update: the council published" in out
    assert f"[-Opponents argued that the plan {GONE}." in out
    assert "\n…\n" in out and "Mayor Ana Lopes" not in out  # an unchanged paragraph

    changes = run_json(capsys, "versions", str(article_id), "--diff", "1")
    assert (changes["old"]["number"], changes["new"]["number"]) == (1, None)
    assert (changes["old"]["text"], changes["new"]["text"]) == (V1, V2)
    rebuilt = "".join(
        V1[s["a_start"] : s["a_end"]] if s["kind"] == "equal" else V2[s["b_start"] : s["b_end"]]
        for s in changes["spans"]
    )
    assert rebuilt == V2
    assert {s["kind"] for s in changes["spans"]} == {"equal", "insert", "delete"}
    assert sorted(V1[h["start"] : h["end"]] for h in changes["old_highlights"]) == sorted(
        [KEPT, GONE]
    )
    assert [V2[h["start"] : h["end"]] for h in changes["new_highlights"]] == [KEPT]


def test_versions_diff_between_two_versions_skips_unchanged_paragraphs(
    capsys: pytest.CaptureFixture[str], updated
) -> None:
    article_id, story = updated
    long_v3 = V2 + "".join(f"\n\nParagraph {i} stays as it was." for i in range(5))
    story.write_text(long_v3, encoding="utf-8")
    run_json(capsys, "import", str(story))
    story.write_text(long_v3.replace("Paragraph 4 stays", "Paragraph 4 moves"), encoding="utf-8")
    run_json(capsys, "import", str(story))
    assert run(capsys, "versions", str(article_id), "--diff", "2", "2")[1].startswith(
        "No change from version 2 to version 2."
    )
    code, out, _ = run(capsys, "versions", str(article_id), "--diff", "3")
    assert code == 0
    assert out == (
        "--- version 3\n+++ the current text\n…\nParagraph 4 [-stays-]{+moves+} as it was.\n"
    )
    code, _, err = run(capsys, "versions", str(article_id), "--diff", "1", "9")
    assert code == 1 and err.strip() == (
        f"dossier: article {article_id} has no version 9 (see `dossier versions {article_id}`)"
    )
    code, _, err = run(capsys, "versions", str(article_id), "--diff", "1", "2", "3")
    assert code == 2 and "one or two version numbers" in err


def test_notes_origin_shows_a_note_on_the_version_it_was_made_on(
    capsys: pytest.CaptureFixture[str], updated
) -> None:
    """The fixture's notes were made on V1 moments before the update (often the same second)."""
    article_id, _ = updated
    notes = {n["original_quote"]: n for n in run_json(capsys, "notes", "list")}
    origin = run_json(capsys, "notes", "origin", notes[GONE]["id"])
    assert (origin["article"], origin["made_on"], origin["passage"]) == (article_id, 1, GONE)
    assert V1[origin["start"] : origin["end"]] == GONE
    assert origin["content_hash"] == content_hash(V1)
    code, out, _ = run(capsys, "notes", "origin", notes[KEPT]["id"])
    assert code == 0 and f"version 1 of article {article_id}" in out and f"[{KEPT}]" in out

    code, out, _ = run(capsys, "notes", "add", str(article_id), "--quote", "council published")
    made_now = json.loads(out)
    origin = run_json(capsys, "notes", "origin", made_now["id"])
    assert (origin["made_on"], origin["passage"]) == (None, "council published")
    code, out, err = run(capsys, "notes", "origin", "no-such-id")
    assert (code, out) == (1, "") and "no highlight with id no-such-id" in err
