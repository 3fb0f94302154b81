"""Slow work that must finish before anything else can happen, with the app still alive.

Restoring a library before the window exists, say, takes seconds on a large one: run on the
GUI thread it would freeze the message on screen (and the desktop would offer to kill a
"not responding" app). Here the work runs in a thread while a busy dialog turns and the
event loop keeps serving paint and input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 30


def run_while_waiting(label: str, work: Callable[[], T], parent: QWidget | None = None) -> T:
    """``work()``'s result (or its exception, raised here) once it has run in a thread, the
    event loop running meanwhile under a busy dialog that cannot be cancelled."""
    outcome: list[object] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # raised again in the caller's thread
            failure.append(exc)

    dialog = QProgressDialog(label, "", 0, 0, parent)  # a range of 0..0: busy, no percentage
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    worker = threading.Thread(target=run, name="dossier-waiting", daemon=True)
    loop = QEventLoop()
    timer = QTimer(interval=POLL_MS)
    timer.timeout.connect(lambda: worker.is_alive() or loop.quit())
    worker.start()
    dialog.show()
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
    return cast(T, outcome[0])
