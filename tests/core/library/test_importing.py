from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from desktop.core.library.collecting import UNSUPPORTED, collect_files
from desktop.core.library.importing import import_paths
from desktop.core.library.session import Library, open_library
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.engine import sqlite3

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def library() -> Library:
    with open_library(seed=False) as opened:
        yield opened


def make_folder(root: Path) -> Path:
    """good/ (three readable files, one nested), a hidden folder, an unsupported file, a bad one."""
    folder = root / "good"
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(FIXTURES / "headline.txt", folder / "headline.txt")
    shutil.copy(FIXTURES / "rss.xml", folder / "nested" / "feed.rss")
    shutil.copy(FIXTURES / "article.md", folder / "nested" / "deeper" / "drought.md")
    shutil.copy(FIXTURES / "article.md", folder / ".hidden" / "skipped.md")
    shutil.copy(FIXTURES / "binary.txt", folder / "nested" / "broken.txt")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    return folder


def test_collect_files_walks_folders_and_keeps_named_files(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    found = list(collect_files([folder, folder / "photo.jpg", tmp_path / "missing"]))
    named = [(p.relative_to(tmp_path).as_posix(), problem) for p, problem in found]
    assert named == [
        ("good/headline.txt", ""),
        ("good/photo.jpg", UNSUPPORTED),  # in a folder: listed as skipped, never read
        ("good/nested/broken.txt", ""),
        ("good/nested/feed.rss", ""),
        ("good/nested/deeper/drought.md", ""),
        ("good/photo.jpg", ""),  # named: tried, and refused by its type
        ("missing", "no such file or folder"),
    ]


def test_import_folder_reports_imported_duplicates_and_failures(
    library: Library, tmp_path: Path
) -> None:
    folder = make_folder(tmp_path)
    calls: list[tuple[int, int, str]] = []
    report = import_paths(library, [folder], lambda *a: calls.append(a))
    assert len(report.imported) == 4  # headline, two feed entries, drought
    assert report.duplicates == []
    (failure,) = report.failures
    assert failure.path == folder / "nested" / "broken.txt"
    assert failure.error == f"{folder / 'nested' / 'broken.txt'}: binary file, not text"
    skipped, entry = report.skipped
    assert skipped.path == folder / "photo.jpg"
    assert skipped.skipped == "unsupported file type (.jpg)"
    assert not skipped.failed
    assert entry.path == Path(f"{folder / 'nested' / 'feed.rss'}#3")  # a headline, no text
    assert entry.skipped.startswith("entry 3 (Headline only, no text): a headline but no text")
    assert [c[:2] for c in calls] == [(i, 5) for i in range(1, 6)]
    assert library.store.count() == 4

    again = import_paths(library, [folder, FIXTURES / "headline.txt"])
    assert again.imported == []
    assert sorted(again.duplicates) == sorted([*report.imported, report.files[0].imported[0]])
    assert library.store.count() == 4


def test_failing_files_leave_the_library_unchanged(library: Library) -> None:
    (kept,) = import_paths(library, [FIXTURES / "headline.txt"]).imported
    before = library.store.get(kept)
    hostile = ["empty.txt", "binary.txt", "truncated.xml", "billion-laughs.xml", "undecodable.txt"]
    report = import_paths(library, [FIXTURES / name for name in hostile])
    assert len(report.failures) == len(hostile)
    assert report.imported == []
    assert library.store.count() == 1
    assert library.store.get(kept) == before


def test_same_file_twice_in_one_batch_is_stored_once(library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(FIXTURES / "headline.txt", copy)
    report = import_paths(library, [FIXTURES / "headline.txt", copy])
    assert len(report.imported) == 1
    assert report.duplicates == report.imported


def test_a_write_failing_midway_rolls_back_its_whole_batch(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}\n\nBody of story number {i}.\n")
    real_add = library.store.add
    calls = []

    def failing_add(article):
        calls.append(article)
        if len(calls) == 5:
            raise sqlite3.OperationalError("disk I/O error")
        return real_add(article)

    monkeypatch.setattr(library.store, "add", failing_add)
    with pytest.raises(DatabaseError, match="disk I/O error"):
        import_paths(library, [tmp_path], batch_files=3)
    assert library.store.count() == 3  # the first batch committed, the second rolled back
    assert {a.title for a in library.store.list()} == {"Story 0", "Story 1", "Story 2"}


def test_cancel_stops_between_files_and_keeps_what_was_stored(
    library: Library, tmp_path: Path
) -> None:
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}\n\nBody of story number {i}.\n")
    cancel = threading.Event()

    def progress(done: int, total: int, path: str) -> None:
        if done == 2:
            cancel.set()

    report = import_paths(library, [tmp_path], progress, cancel=cancel)
    assert report.cancelled
    assert len(report.imported) == 2
    assert library.store.count() == 2


def test_import_runs_in_a_worker_thread_with_its_own_library(tmp_path: Path) -> None:
    results = []

    def work() -> None:
        with open_library(seed=False) as own:
            results.append(import_paths(own, [FIXTURES / "atom.xml"]))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert len(results[0].imported) == 1
    with open_library(seed=False) as library:
        assert library.store.get(results[0].imported[0]).title == "Telescope spots distant comet"


def test_an_unexpected_error_reading_one_file_is_that_files_failure(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    """Regression (issue 11): an exception no importer expected aborted the whole batch."""
    from desktop.core.library import importers

    (kept,) = import_paths(library, [FIXTURES / "headline.txt"]).imported
    before = library.conn.execute("SELECT id, text FROM articles").fetchall()
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("A file that trips a bug\n\nsomewhere deep in a parser.\n")
    parse_text = importers._TEXT_FORMATS["text"]

    def buggy(text: str, path: Path):
        if path == hostile:
            raise RecursionError("maximum recursion depth exceeded\nwhile parsing")
        return parse_text(text, path)

    monkeypatch.setitem(importers._TEXT_FORMATS, "text", buggy)
    report = import_paths(library, [hostile, FIXTURES / "seed-format.txt"])
    (failure,) = report.failures
    assert failure.error == (
        f"{hostile}: could not be read: maximum recursion depth exceeded while parsing"
    )
    assert len(report.imported) == 1
    assert "Traceback" in caplog.text and "RecursionError" in caplog.text
    after = library.conn.execute("SELECT id, text FROM articles WHERE id = ?", (kept,)).fetchall()
    assert after == [row for row in before if row[0] == kept]
