"""The window never shows a traceback: a damaged library is said plainly (at start or when a
task meets it) and refuses imports; a bug in a slot or a thread is logged and shown, and the
window keeps running."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.core.library.session import open_library
from desktop.core.storage.engine import sqlite3
from desktop.ui import crash_handler, workers
from desktop.ui.crash_handler import install_crash_handler
from tests.core.storage.test_health import damage


def _boxes() -> list[QMessageBox]:
    from PySide6.QtWidgets import QApplication

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _keep_hooks(monkeypatch) -> None:
    """``main`` installs the crash handler: give the test run its own hooks back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_a_damaged_library_is_reported_at_start_and_left_alone(dossier_home, monkeypatch, capsys):
    from desktop.app import main

    with open_library() as library:
        database = library.paths.database
    damage(database)
    before = database.read_bytes()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    _keep_hooks(monkeypatch)
    assert main([]) == 1
    text = shown[0].text()
    assert "is damaged" in text and "dossier notes restore BACKUP" in text
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert "is damaged" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_damage_met_by_a_task_is_said_once_and_refuses_imports(window, qtbot, tmp_path: Path):
    def read_damaged_page() -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    failures: list[Exception] = []
    for _ in range(2):
        workers.run_task(read_damaged_page, on_error=failures.append)
    assert len(failures) == 2
    qtbot.waitUntil(lambda: bool(window.library_damaged))
    boxes = [b for b in _boxes() if b.windowTitle() == "The library is damaged"]
    # The window took today's library backup at start: the message names it.
    assert len(boxes) == 1 and "`dossier restore " in boxes[0].text()
    assert "-daily.dossier.zip --yes`" in boxes[0].text()
    count = window.library.store.count()
    article = tmp_path / "new.txt"
    article.write_text("A new article\n\nIt must not be written into a damaged library.")
    window.import_paths([str(article)])
    assert not window.imports.is_running() and window.library.store.count() == count
    assert any(b.windowTitle() == "Import refused" for b in _boxes())
    for box in _boxes():
        box.close()


@pytest.fixture
def crash_reporter(monkeypatch, qapp):
    _keep_hooks(monkeypatch)
    reporter = install_crash_handler()
    yield reporter
    if reporter.is_showing():
        reporter.box.close()


def _log_of(text: str) -> Path:
    return Path(text.split("details written to ", 1)[1].split(")", 1)[0])


def test_an_error_in_a_slot_is_logged_and_shown(crash_reporter, qtbot, dossier_home) -> None:
    def broken_slot() -> None:
        raise RuntimeError("the slot failed <img src='/dev/zero'>")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(crash_reporter.is_showing)
    text = crash_reporter.box.text()
    assert "internal error: RuntimeError: the slot failed" in text and "Traceback" not in text
    assert crash_reporter.box.textFormat() == Qt.TextFormat.PlainText
    log = _log_of(text)
    assert log.parent == dossier_home / "logs"
    assert "broken_slot" in log.read_text(encoding="utf-8")
    QTimer.singleShot(0, broken_slot)  # a second error while the message is open: logged only
    qtbot.waitUntil(lambda: len(list(log.parent.glob("crash-*.log"))) == 2)
    assert len([b for b in _boxes() if b.windowTitle() == crash_handler.TITLE]) == 1


def test_an_error_in_a_thread_is_logged_and_shown(crash_reporter, qtbot, dossier_home) -> None:
    def broken_thread() -> None:
        raise ValueError("the thread failed")

    thread = threading.Thread(target=broken_thread)
    thread.start()
    thread.join()
    qtbot.waitUntil(crash_reporter.is_showing)
    text = crash_reporter.box.text()
    assert "internal error: ValueError: the thread failed" in text
    assert "broken_thread" in _log_of(text).read_text(encoding="utf-8")


RESTORING_START = """
import sys
from PySide6.QtWidgets import QMessageBox
from desktop.app import main
from desktop.ui.library_refused import RESTORE

def answer(box):
    print("BOX:", " ".join(box.text().split()), flush=True)
    for button in box.buttons():
        if button.text() == RESTORE:
            button.click()
    return 0

QMessageBox.exec = answer
raise SystemExit(main(["--exit-after-paint"]))
"""


def test_a_damaged_library_can_be_left_for_a_fresh_one_with_the_notes(dossier_home) -> None:
    from desktop.core.notes.backups import backup_after_write
    from desktop.core.notes.notebook import Notebook

    with open_library() as library:
        note = Notebook(library.conn).add(1, 0, 12, note="keep me")
        backup_after_write(library.conn, library.paths.backups)
        database = library.paths.database
    damage(database)
    damaged = database.read_bytes()
    # Its own process: the window it opens quits the application at the first paint.
    done = subprocess.run(
        [sys.executable, "-c", RESTORING_START],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        env={**os.environ, "DOSSIER_HOME": str(dossier_home)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # the window opened on the fresh library
    boxes = [line for line in done.stdout.splitlines() if line.startswith("BOX:")]
    assert "is damaged" in boxes[0] and "1 highlight(s) restored" in boxes[1]
    (aside,) = database.parent.glob("library.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged
    with open_library() as library:
        restored = Notebook(library.conn).get(note.id)
        assert restored.note == "keep me" and not restored.orphan  # the sample article is back


def test_a_locked_library_in_a_task_is_a_message_not_a_crash(crash_reporter, qtbot, dossier_home):
    crash_handler.report_exception(sqlite3.OperationalError("database is locked"))
    qtbot.waitUntil(crash_reporter.is_showing)
    text = crash_reporter.box.text()
    assert text.startswith("cannot save the change: the library is locked by another program")
    assert not (dossier_home / "logs").exists()  # the environment, not a bug: nothing logged
