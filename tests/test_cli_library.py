"""The library commands end to end, in the temporary DOSSIER_HOME every test gets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run

FIXTURES = Path(__file__).parent / "core" / "library" / "fixtures"
LISTED = {"id", "title", "source", "published", "words", "read", "starred"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0
    return json.loads(out)


def test_fresh_library_lists_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    (seed,) = run_json(capsys, "list")
    assert seed.keys() >= LISTED
    assert seed["published"] == "2025-08-18"
    assert seed["read"] is False and seed["starred"] is False
    assert "text" not in seed


def test_import_list_search_show(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "feeds").mkdir(parents=True)
    shutil.copy(FIXTURES / "headline.txt", folder)
    shutil.copy(FIXTURES / "article.html", folder)
    shutil.copy(FIXTURES / "rss.xml", folder / "feeds")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    assert out.strip() == "Imported 4, duplicates 0, failed 0, skipped 1."
    feed = folder / "feeds" / "rss.xml"
    assert err.startswith(f"dossier: skipped {feed}#3: entry 3 (Headline only, no text): ")
    assert "[" not in err  # no progress bar when output is not a terminal

    listed = run_json(capsys, "list", "--sort", "title", "--ascending")
    titles = [a["title"] for a in listed]
    assert "Flood defences fail in river town" in titles
    assert titles == sorted(titles, key=str.lower)
    assert len(listed) == 5

    hits = run_json(capsys, "search", "flood", "barriers")
    assert [h["title"] for h in hits] == ["Flood defences fail in river town"]
    assert LISTED | {"snippet", "score"} <= hits[0].keys()
    assert "[barriers]" in hits[0]["snippet"]

    shown = run_json(capsys, "show", str(hits[0]["id"]))
    assert shown["byline"] == "Maria Lopez"
    assert shown["text"].startswith("Flood defences in the river town")

    code, out, _ = run(capsys, "show", str(hits[0]["id"]))
    assert code == 0
    assert out.startswith("Flood defences fail in river town\nMaria Lopez · The Valley Courier")

    code, out, _ = run(capsys, "search", "ferry")
    assert "New ferry route announced" in out


def test_reimport_reports_duplicates(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", str(FIXTURES / "headline.txt"))
    report = run_json(capsys, "import", str(FIXTURES / "headline.txt"))
    assert report["imported"] == [] and len(report["duplicates"]) == 1
    assert len(run_json(capsys, "list")) == 2


def test_failed_file_makes_import_exit_non_zero_but_others_import(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "import", str(FIXTURES / "binary.txt"), str(FIXTURES / "atom.xml"), "nowhere.txt"
    )
    assert code == 1
    assert out.strip() == "Imported 1, duplicates 0, failed 2."
    assert f"dossier: {FIXTURES / 'binary.txt'}: binary file, not text" in err
    assert "nowhere.txt: no such file or folder" in err
    code, out, _ = run(capsys, "import", "--json", str(FIXTURES / "empty.txt"))
    assert code == 1
    (failed,) = json.loads(out)["failed"]
    assert failed["path"] == str(FIXTURES / "empty.txt")
    assert "file is empty" in failed["reason"]


def test_mark_read_and_starred_then_filter(capsys: pytest.CaptureFixture[str]) -> None:
    (seed,) = run_json(capsys, "list")
    assert run(capsys, "mark", str(seed["id"]), "--star")[0] == 0
    assert run(capsys, "mark", str(seed["id"]), "--read")[0] == 0
    assert run_json(capsys, "list", "--unread") == []
    (starred,) = run_json(capsys, "list", "--starred")
    assert starred["starred"] is True and starred["read"] is True


def test_unknown_article_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "999")
    assert code == 1 and out == ""
    assert err.strip() == "dossier: no article with id 999 (see `dossier list`)"
    assert run(capsys, "mark", "999", "--read")[0] == 1


def test_search_with_fts_syntax_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", '"unclosed', "AND", "(", "--json")
    assert (code, out) == (1, "")
    assert err.startswith("dossier: cannot search for '\"unclosed AND (': unbalanced quote")
    assert err.count("\n") == 1


def test_python_dash_m_desktop_runs_the_cli(tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIER_HOME": str(tmp_path.parent / f"{tmp_path.name}-home")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "search", "--json", "security", "guarantees"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (hit,) = json.loads(done.stdout)
    assert "[security] [guarantees]" in hit["snippet"].lower()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_import_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    for name in ("headline.txt", "atom.xml", "article.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    leader, follower = os.openpty()
    env = {**os.environ, "DOSSIER_HOME": str(tmp_path.parent / f"{tmp_path.name}-home")}
    with subprocess.Popen(
        [sys.executable, "-m", "desktop", "import", str(tmp_path)],
        stdout=follower,
        stderr=follower,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the process exits
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=120) == 0
    os.close(leader)
    shown = b"".join(chunks).decode()
    assert "\r[##########" in shown
    assert "] 3/3 " in shown
    assert "Imported 3, duplicates 0, failed 0." in shown


def test_reimport_of_a_changed_file_reports_it_updated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    story = tmp_path / "harbour.txt"
    story.write_text("The council approved the harbour plan.\n\nWork starts in spring.\n")
    (article_id,) = run_json(capsys, "import", str(story))["imported"]
    story.write_text("The council approved the harbour plan.\n\nWork starts in May.\n")
    report = run_json(capsys, "import", str(story))
    assert report["updated"] == [article_id] == report["files"][0]["updated"]
    assert report["imported"] == [] and report["duplicates"] == []
    story.write_text("The council approved the harbour plan.\n\nWork starts in June.\n")
    code, out, _ = run(capsys, "import", str(story))
    assert code == 0 and out.strip() == "Imported 0, updated 1, duplicates 0, failed 0."
    shown = run_json(capsys, "show", str(article_id))
    assert "June" in shown["text"]


def test_an_unexpected_error_reading_a_file_is_one_line_without_traceback(tmp_path: Path) -> None:
    """Regression (issue 11): the exception ended the import with a traceback. In a process
    of its own: pytest's log capture would hide a traceback that logging prints by default."""
    story = tmp_path / "story.txt"
    story.write_text("Harbour vote\n\nThe council met today.\n", encoding="utf-8")
    script = f"""
from desktop.core.library import importers
from desktop.cli import main
parse_text = importers._TEXT_FORMATS["text"]
def buggy(text, path):
    if path.name == "story.txt":
        raise IndexError("list index out of range")
    return parse_text(text, path)
importers._TEXT_FORMATS["text"] = buggy
raise SystemExit(main(["import", {str(story)!r}, {str(FIXTURES / "article.md")!r}]))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        env={**os.environ, "DOSSIER_HOME": str(tmp_path / "home")},
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "Imported 1, duplicates 0, failed 1.\n")
    assert done.stderr == f"dossier: {story}: could not be read: list index out of range\n"


def test_an_undated_article_is_listed_undated_and_last(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "undated.html"
    page.write_text(
        "<html><head><title>Harbour bridge closed</title></head><body><article><p>"
        + "The council closed the old harbour bridge to heavy lorries on engineers' advice. " * 6
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(page))
    assert code == 0, err
    for order in ([], ["--ascending"]):
        listed = run_json(capsys, "list", "--sort", "published", *order)
        assert listed[-1]["title"] == "Harbour bridge closed"
        assert listed[-1]["published"] == ""
        assert listed[0]["published"] == "2025-08-18"  # the dated seed, first either way
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert any("—" in line and "Harbour bridge closed" in line for line in out.splitlines())
    shown = run_json(capsys, "show", str(listed[-1]["id"]))
    assert shown["published"] == ""
    code, out, _ = run(capsys, "show", str(listed[-1]["id"]))
    assert "undated" in out.splitlines()[1]
