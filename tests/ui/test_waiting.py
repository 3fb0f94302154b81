"""Slow work before the window exists runs in a thread while the event loop goes on."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from desktop.ui.waiting import run_while_waiting


def test_the_event_loop_runs_while_the_work_does(qtbot) -> None:
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    threads: list[str] = []

    def work() -> int:
        threads.append(threading.current_thread().name)
        time.sleep(0.4)
        return 42

    assert run_while_waiting("Working…", work) == 42
    timer.stop()
    assert threads == ["dossier-waiting"]
    assert len(ticks) >= 5  # the GUI thread kept serving events the whole time


def test_an_exception_of_the_work_is_raised_to_the_caller(qtbot) -> None:
    def work() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        run_while_waiting("Working…", work)
