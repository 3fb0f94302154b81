"""The window takes the day's notes backup once it is up, on the notes worker thread."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

from desktop.app import build_main_window
from desktop.core.notes import backups
from desktop.core.notes.backups import list_backups
from desktop.ui.notes.notes_tasks import wait_for_notes_tasks


def _daily(window) -> list[backups.Backup]:
    return [b for b in list_backups(window.library.paths.backups) if b.kind == "daily"]


def test_starting_the_window_backs_the_notes_up_once_a_day(make_window) -> None:
    first = make_window()
    (backup,) = _daily(first)
    assert backup.created.date() == datetime.now(timezone.utc).date()
    second = make_window()  # a restart the same day
    assert _daily(second) == [backup]


def test_the_backup_runs_off_the_gui_thread(qtbot, monkeypatch) -> None:
    threads: list[threading.Thread] = []
    real = backups.backup_if_due

    def recording(conn, folder):
        threads.append(threading.current_thread())
        return real(conn, folder)

    monkeypatch.setattr(backups, "backup_if_due", recording)
    window = build_main_window(warm_up=False)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
        assert wait_for_notes_tasks()
        assert threads[0] is not threading.main_thread()
        assert len(_daily(window)) == 1
    finally:
        window.finish_background_work()
        window.close()
        window.library.close()
