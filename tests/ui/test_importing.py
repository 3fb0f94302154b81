"""Importing from the window: in a worker, with progress, a cancel, and a report of failures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library.reading_process import ChildReader
from desktop.ui.importing.controller import ImportController
from desktop.ui.importing.report_dialog import ImportReportDialog, failure_reason, report_summary
from tests.core.library import child_readers


@pytest.fixture
def controller() -> Iterator[ImportController]:
    """An import controller whose reading process is stopped after the test."""
    made = ImportController()
    yield made
    made.close()


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"report-{n:03d}.txt"
        path.write_text(f"Report {n}\n\nHarbour workers met on day {n} to discuss wages.\n")
        paths.append(path)
    return paths


def test_import_runs_in_a_worker_with_progress(qtbot, library, tmp_path, controller):
    write_articles(tmp_path / "in", 40)
    (tmp_path / "in" / "empty.txt").write_text("")
    progress: list[tuple[int, int]] = []
    controller.progress.connect(lambda done, total, _path: progress.append((done, total)))
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        controller.start([tmp_path / "in"])
        assert controller.is_running()
    report = finished.args[0]
    assert len(report.imported) == 40
    assert [f.path.name for f in report.failures] == ["empty.txt"]
    assert progress and progress[-1] == (41, 41)  # the last file is always reported
    assert not controller.is_running()
    assert library.store.count() == 41  # the seed and the 40 reports


def test_cancel_stops_the_import_and_the_next_one_runs(qtbot, library, tmp_path, controller):
    paths = write_articles(tmp_path / "in", 50)
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        controller.start(paths)
        controller.cancel()  # the worker checks between files
    cancelled = finished.args[0]
    assert cancelled.cancelled and len(cancelled.files) < 50
    assert library.store.count() == 1 + len(cancelled.imported)  # the seed and what got in
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        controller.start(paths)
    assert not finished.args[0].cancelled
    assert len(finished.args[0].imported) == 50 - len(cancelled.imported)
    assert library.store.count() == 51


def test_report_names_each_failed_file_and_why(qtbot, tmp_path):
    from desktop.core.library.importing import FileResult, ImportReport

    bad = tmp_path / "bad.html"
    report = ImportReport(
        [
            FileResult(tmp_path / "a.txt", imported=(5,)),
            FileResult(tmp_path / "b.txt", duplicates=(5,)),
            FileResult(bad, error=f"{bad}: binary file, not text"),
            FileResult(tmp_path / "page.php", skipped="unsupported file type (.php)"),
        ]
    )
    assert report_summary(report) == (
        "Imported 1 article; 1 already in the library; 1 file failed; "
        "1 file skipped (type not imported)."
    )
    assert failure_reason(str(bad), f"{bad}: binary file, not text") == "binary file, not text"
    report.files.append(FileResult(tmp_path / "c.txt", duplicates=(5,), reasons=("fuller",)))
    assert report_summary(report) == (
        "Imported 1 article; 2 already in the library (1 where it holds a fuller or newer text);"
        " 1 file failed; 1 file skipped (type not imported)."
    )
    entry = "entry 3 (Mayor resigns): a headline but no text: save its page"
    report.files.append(FileResult(tmp_path / "news.xml#3", skipped=entry))
    assert report_summary(report).endswith(
        " 1 file failed; 1 file skipped (type not imported); 1 other skipped (listed with the"
        " reason)."
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.failed_files() == ["bad.html", "page.php", "news.xml#3"]
    assert dialog.failures.topLevelItem(0).text(1) == "binary file, not text"
    assert dialog.failures.topLevelItem(1).text(1) == "Skipped: unsupported file type (.php)"
    assert not dialog.isModal()


def test_a_hostile_file_is_one_named_failure_and_the_rest_import(
    qtbot, library, tmp_path, controller
):
    """Regression (issue 11): a feed in Shift_JIS or a page declaring ``charset=rot13`` raised
    in the worker, so nothing of the batch was stored and the window named no file."""
    import os

    folder = tmp_path / "in"
    write_articles(folder, 2)
    story = "東京の記者が報告した。市場は今日大きく下落した。"
    (folder / "tokyo.xml").write_bytes(
        (
            '<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>T'
            f"</title><item><title>Tokyo</title><description>{story}</description></item>"
            "</channel></rss>"
        ).encode("shift_jis")
    )
    bad = os.fsencode(folder) + b"/caf\xe9.xml"
    with open(bad, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="rot13"?><rss>' + bytes(range(128, 256)) * 9)
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        controller.start([folder])
    report = finished.args[0]
    assert len(report.imported) == 3
    assert library.store.count() == 4  # the seed, two reports and the Tokyo story
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.failed_files() == ["caf\\xe9.xml"]
    assert dialog.failures.topLevelItem(0).text(1).startswith("cannot tell the text encoding")


def test_a_hostile_folder_imports_what_it_can_and_reports_the_rest(window, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    os.mkfifo(folder / "feed.xml")  # opening it would block the import for good
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    hostile = folder / '<img src="probe.png">.txt'
    hostile.write_text('<img src="probe.png">\n\nA story whose title is markup.\n')
    window.import_paths([folder])
    window.imports.wait(20_000)
    report = window.import_report
    assert report.failed_files() == ["feed.xml", "passwd.txt"]
    reasons = [report.failures.topLevelItem(i).text(1) for i in range(2)]
    assert reasons == [
        "not a regular file",
        "symbolic link to /etc/passwd, outside the folder: not followed",
    ]
    titles = [a.title for a in window.library.store.list()]
    assert '<img src="probe.png">' in titles and "root:x:0:0" not in " ".join(titles)


def test_cancel_stops_a_file_that_never_finishes_reading(qtbot, library, tmp_path):
    """Cancel used to wait for the file being read: a parser that never returned kept the
    import running for good. Now the reading process is stopped."""
    first, hang, last = write_articles(tmp_path / "in", 3)
    hang = hang.rename(hang.with_name("hang.txt"))
    controller = ImportController(reader=ChildReader(child_readers.hanging))
    try:
        with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
            with qtbot.waitSignal(controller.progress, timeout=20000):  # the first file is in
                controller.start([first, hang, last])
            controller.cancel()
    finally:
        controller.close()
    report = finished.args[0]
    assert report.cancelled and [f.path for f in report.files] == [first]
    assert library.store.count() == 2  # the seed and the first file


def test_the_window_reads_in_a_child_process_that_stops_when_no_import_is_left(window, tmp_path):
    import multiprocessing

    first, second = write_articles(tmp_path / "in", 2)
    reader = window.imports.reader
    assert reader.started == 0  # nothing runs before the first import
    window.import_paths([first])
    window.imports.wait(20_000)
    assert "Report 0" in [a.title for a in window.library.store.list()]
    assert reader.started == 1 and reader.pid is None
    assert not [p for p in multiprocessing.active_children() if p.name == "dossier-reader"]
    window.import_paths([second])
    window.imports.wait(20_000)
    assert reader.started == 2 and "Report 1" in [a.title for a in window.library.store.list()]
    window.close()
    assert reader.read(first, "") is None and reader.started == 2  # closed for good


def test_a_long_failure_list_is_filled_a_slice_at_a_time(qtbot, tmp_path):
    from desktop.core.library.importing import FileResult, ImportReport
    from desktop.ui.importing.report_dialog import SLICE

    paths = [tmp_path / f"f{n:05d}.txt" for n in range(SLICE * 3 + 7)]
    report = ImportReport([FileResult(p, error=f"{p}: not a regular file") for p in paths])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.failures.topLevelItemCount() == SLICE  # the window turns before the rest
    assert report_summary(report) == f"Imported 0 articles; {len(paths):,} files failed."
    qtbot.waitUntil(lambda: dialog.failures.topLevelItemCount() == len(paths))
    assert dialog.failed_files() == [p.name for p in paths]


def test_the_file_dialog_offers_every_suffix_dossier_imports():
    import re

    from desktop.core.library.importers import SUPPORTED_SUFFIXES
    from desktop.ui.main_window import IMPORT_FILTER

    articles, everything = IMPORT_FILTER.split(";;")
    # every suffix, and gzip-compressed copies of them ("page.html.gz")
    assert set(re.findall(r"\*(\.\w+)", articles)) == SUPPORTED_SUFFIXES | {".gz"}
    assert everything == "All files (*)"


def test_files_of_other_types_in_a_folder_are_listed_in_the_report(window, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "story.txt").write_text("Harbour strike\n\nDockers walked out on Monday.\n")
    (folder / "page.php").write_text("<?php echo 'not an article'; ?>")
    window.import_paths([folder])
    window.imports.wait(20_000)
    report = window.import_report
    assert report.failed_files() == ["page.php"]
    assert report.failures.topLevelItem(0).text(1) == "Skipped: unsupported file type (.php)"
    assert "1 file skipped (type not imported)" in report.summary.text()


def test_a_saved_page_s_resources_are_skipped_and_its_article_imported(window, tmp_path):
    folder = tmp_path / "saved"
    (folder / "Harbour strike_files").mkdir(parents=True)
    (folder / "Harbour strike.html").write_text(
        "<html><head><title>Harbour strike</title></head><body><article><p>"
        + "Dockers walked out on Monday over pay and the new shift rota at the port. " * 4
        + "</p></article></body></html>"
    )
    frame = folder / "Harbour strike_files" / "saved_resource.html"
    frame.write_text("<html><body><p>Advertisement</p></body></html>")
    window.import_paths([folder])
    window.imports.wait(20_000)
    report = window.import_report
    assert report.failed_files() == ["Harbour strike_files"]
    assert report.failures.topLevelItem(0).text(1) == (
        "Skipped: the pictures, styles and frames of a saved page"
    )
    assert report.summary.text() == (
        "Imported 1 article; 1 saved page's folder of pictures skipped."
    )


def test_a_zip_archive_s_files_are_imported_and_listed_by_name(window, tmp_path):
    import zipfile

    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("2019/story.txt", "Harbour strike\n\nDockers walked out on Monday.\n")
        writer.writestr("2019/minutes.txt", "")
        writer.writestr("2019/photo.jpg", b"\xff\xd8\xff")
    window.import_paths([archive])
    window.imports.wait(20_000)
    report = window.import_report
    assert report.failed_files() == ["minutes.txt", "photo.jpg"]
    assert report.failures.topLevelItem(0).text(1) == "file is empty"
    assert report.failures.topLevelItem(1).text(2) == f"{archive}#2019"
    (stored,) = [a for a in window.library.store.list() if a.title == "Harbour strike"]
    assert stored.origin == f"{os.path.realpath(archive)}#2019/story.txt"
