"""Reading files in a child process: the same articles as in this process; a child that dies,
hangs or is cancelled costs one file at most; nothing is left running after ``close``."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library import importing
from desktop.core.library.collecting import collect_files
from desktop.core.library.importing import FileResult, Parts, import_paths, read_file
from desktop.core.library.reading_process import AHEAD_BYTES, CHILD_NICENESS, ChildReader
from desktop.core.library.session import Library, open_library
from tests.core.library import child_boot_fails, child_readers

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def library() -> Iterator[Library]:
    with open_library(seed=False) as opened:
        yield opened


def story_files(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        paths.append(folder / name)
        paths[-1].write_text(f"{name}\n\nDockers in {name} voted to end the strike on Monday.\n")
    return paths


def gone(pid: int) -> bool:
    """Whether process ``pid`` no longer exists (reaped, not a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_child_reads_what_this_process_reads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("headline.txt", "rss.xml", "article.md", "binary.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "page.html").write_text(
        "<html><head><title>Port</title></head><body><article><p>"
        + "The port authority approved the new quay after a year of talks. " * 8
        + "</p></article></body></html>"
    )
    (folder / "empty.txt").write_text("")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    files = list(collect_files([folder, tmp_path / "missing.txt"]))
    reader = ChildReader()
    try:
        read_there = [reader.read(path, problem) for path, problem in files]
    finally:
        reader.close()
    read_here = [read_file(path, problem) for path, problem in files]
    assert read_there == read_here
    kinds = {type(r).__name__ for r in read_there}
    # articles, failures, a skipped file, and the feed with its entry of a headline only
    assert kinds == {"list", "str", "FileResult", "Parts"}
    articles = [r for r in read_there if isinstance(r, list)]
    articles += [read for r in read_there if isinstance(r, Parts) for _, read in r.reads]
    assert sum(len(r) for r in articles if isinstance(r, list)) >= 5  # the feed holds several


def test_a_child_that_dies_costs_only_its_file(tmp_path: Path, library: Library) -> None:
    paths = story_files(tmp_path, "a.txt", "crash.txt", "b.txt")
    reader = ChildReader(child_readers.crashing)
    try:
        report = import_paths(library, paths, read=reader.read)
    finally:
        reader.close()
    assert [f.path.name for f in report.files if f.imported] == ["a.txt", "b.txt"]
    (failure,) = report.failures
    assert failure.error == (
        f"{paths[1]}: could not be read: the reading process crashed (signal SIGKILL)"
    )
    assert not report.cancelled and library.store.count() == 2


def test_a_file_past_the_time_limit_is_stopped_and_the_rest_imported(
    tmp_path: Path, library: Library
) -> None:
    paths = story_files(tmp_path, "hang.txt", "b.txt")
    reader = ChildReader(child_readers.hanging, time_limit=1)
    try:
        report = import_paths(library, paths, read=reader.read)
    finally:
        reader.close()
    assert [f.error for f in report.failures] == [
        f"{paths[0]}: too slow to import (stopped after 1 s)"
    ]
    assert [f.path.name for f in report.files if f.imported] == ["b.txt"]


def test_cancel_stops_the_child_during_a_file_and_the_next_read_starts_another(
    tmp_path: Path,
) -> None:
    hang, story = story_files(tmp_path, "hang.txt", "story.txt")
    reader = ChildReader(child_readers.hanging)
    cancel = threading.Event()
    results: list[object] = []
    try:
        assert isinstance(reader.read(story, ""), list)
        first = reader.pid
        thread = threading.Thread(target=lambda: results.append(reader.read(hang, "", cancel)))
        thread.start()
        cancel.set()
        thread.join(30)
        assert results == [None] and reader.pid is None
        assert first is not None and gone(first)
        assert reader.read(story, "") == read_file(story, "")  # a new child
        assert reader.pid not in (None, first)
    finally:
        reader.close()


def test_close_stops_the_child_for_good(tmp_path: Path) -> None:
    (story,) = story_files(tmp_path, "story.txt")
    reader = ChildReader()
    assert reader.pid is None  # started on first use
    assert isinstance(reader.read(story, ""), list)
    pid = reader.pid
    assert pid is not None and pid in [p.pid for p in multiprocessing.active_children()]
    reader.close()
    assert reader.pid is None and gone(pid)
    assert reader.read(story, "") is None  # closed: nothing starts again


def test_close_during_a_read_ends_it_as_cancelled(tmp_path: Path, library: Library) -> None:
    paths = story_files(tmp_path, "a.txt", "hang.txt", "b.txt")
    reader = ChildReader(child_readers.hanging)
    reports = []

    def progress(done: int, _total: int, _path: str) -> None:
        if done == 1:  # the hanging file is next
            threading.Timer(0.2, reader.close).start()

    thread = threading.Thread(
        target=lambda: reports.append(import_paths(library, paths, progress, read=reader.read))
    )
    thread.start()
    thread.join(30)
    (report,) = reports
    assert report.cancelled
    assert [f.path.name for f in report.files] == ["a.txt"]
    assert not any(isinstance(f, FileResult) and f.failed for f in report.files)


def test_the_child_yields_the_processor_to_the_window(tmp_path: Path) -> None:
    (story,) = story_files(tmp_path, "story.txt")
    reader = ChildReader()
    try:
        reader.read(story, "")
        assert reader.pid is not None
        child = os.getpriority(os.PRIO_PROCESS, reader.pid)
    finally:
        reader.close()
    assert child == min(19, os.getpriority(os.PRIO_PROCESS, 0) + CHILD_NICENESS)


def test_no_process_to_be_had_stops_the_import_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_process: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    (story,) = story_files(tmp_path, "story.txt")
    reader = ChildReader()
    with pytest.raises(OSError) as raised:
        reader.read(story, "")
    assert str(raised.value) == (
        "cannot start the process that reads the files (Resource temporarily unavailable)"
    )
    assert reader.pid is None


def logged(folder: Path, count: int, timeout: float = 20.0) -> list[str]:
    """The names in ``folder``'s ``read.log`` once it holds ``count`` of them (or at the
    timeout: the test then fails on what it finds)."""
    log = folder / "read.log"
    deadline = time.monotonic() + timeout
    while True:
        names = log.read_text().split() if log.exists() else []
        if len(names) >= count or time.monotonic() > deadline:
            return names
        time.sleep(0.02)


def test_a_planned_import_is_read_ahead_in_order(tmp_path: Path) -> None:
    paths = story_files(tmp_path, "a.txt", "b.txt", "c.txt", "d.txt")
    reader = ChildReader(child_readers.recording)
    try:
        reader.plan([(path, "") for path in paths])
        assert reader.read(paths[0], "") == read_file(paths[0], "")
        # Nobody has asked for b, c and d yet: the child reads them while this process stores.
        assert logged(tmp_path, 4) == ["a.txt", "b.txt", "c.txt", "d.txt"]
        assert [reader.read(path, "") for path in paths[1:]] == [
            read_file(path, "") for path in paths[1:]
        ]
        assert logged(tmp_path, 5, timeout=0.3) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    finally:
        reader.close()


def test_a_read_outside_the_plan_gets_its_own_file_not_one_read_ahead(tmp_path: Path) -> None:
    paths = story_files(tmp_path, "a.txt", "b.txt", "c.txt")
    reader = ChildReader(child_readers.recording)
    try:
        reader.plan([(path, "") for path in paths])
        reader.read(paths[0], "")
        logged(tmp_path, 3)
        assert reader.read(paths[2], "") == read_file(paths[2], "")  # b's answer is waiting
        assert reader.read(paths[1], "") == read_file(paths[1], "")
    finally:
        reader.close()


def test_files_read_ahead_by_a_child_that_dies_are_read_again_by_the_next(
    tmp_path: Path, library: Library
) -> None:
    paths = story_files(tmp_path, "a.txt", "crash.txt", "b.txt", "c.txt")
    reader = ChildReader(child_readers.crashing)
    try:
        report = import_paths(library, paths, read=reader)  # a reader, so a plan
    finally:
        reader.close()
    assert [f.path.name for f in report.files if f.imported] == ["a.txt", "b.txt", "c.txt"]
    assert [f.error for f in report.failures] == [
        f"{paths[1]}: could not be read: the reading process crashed (signal SIGKILL)"
    ]
    assert reader.started == 2


def test_reading_ahead_asks_for_no_more_paths_than_the_pipe_holds(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["folder-name-of-a-long-story-archive" * 6] * 4)
    paths = story_files(deep, *(f"{i:02d}.txt" for i in range(12)))
    per_request = len(os.fsencode(paths[0])) + 64
    assert per_request * len(paths) > AHEAD_BYTES
    reader = ChildReader(child_readers.recording)
    try:
        reader.plan([(path, "") for path in paths])
        reader.read(paths[0], "")
        read_ahead = logged(deep, len(paths), timeout=1.0)
    finally:
        reader.close()
    assert 2 <= len(read_ahead) <= 1 + AHEAD_BYTES // per_request


def test_a_large_import_reads_in_a_child_and_leaves_none_running(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "CHILD_READS_FROM", 3)
    paths = story_files(tmp_path, "a.txt", "b.txt", "c.txt")
    started = []
    monkeypatch.setattr(
        ChildReader, "_start", lambda self, real=ChildReader._start: started.append(real(self))
    )
    report = import_paths(library, [tmp_path])
    assert len(report.imported) == 3 and started == [None]
    assert multiprocessing.active_children() == []
    assert import_paths(library, paths[:2]).duplicates and len(started) == 1  # two: here


def test_an_import_with_no_process_to_be_had_reads_in_its_own_thread(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_process: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(importing, "CHILD_READS_FROM", 3)
    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    story_files(tmp_path, "a.txt", "b.txt", "c.txt")
    report = import_paths(library, [tmp_path])
    assert len(report.imported) == 3 and not report.failures


def test_a_child_that_stops_before_it_is_ready_is_no_process_to_be_had(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(child_boot_fails.BOOT_FAILS, "1")
    reader = ChildReader(child_boot_fails.read)
    with pytest.raises(OSError) as raised:
        reader.start()
    assert str(raised.value) == (
        "cannot start the process that reads the files"
        " (the reading process stopped (exit status 1))"
    )
    assert reader.pid is None


class BootFails(ChildReader):
    def __init__(self, niceness: int) -> None:
        super().__init__(child_boot_fails.read, niceness=niceness)


def test_an_import_whose_child_stops_before_it_is_ready_reads_in_its_own_thread(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(child_boot_fails.BOOT_FAILS, "1")
    monkeypatch.setattr(importing, "CHILD_READS_FROM", 3)
    monkeypatch.setattr(importing, "ChildReader", BootFails)
    story_files(tmp_path, "a.txt", "b.txt", "c.txt")
    report = import_paths(library, [tmp_path])
    assert len(report.imported) == 3 and not report.failures
