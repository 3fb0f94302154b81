"""Every notes read and write runs here, one at a time, off the GUI thread.

A single worker thread (like a bank's single ledger clerk) means writes happen in the order the
user made them: an undo queued right after a create always sees the created highlight, and a
reload queued after a write always sees its result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from desktop.core.notes.notebook import Notebook
from desktop.ui.workers import run_task, thread_library

T = TypeVar("T")
_pool: QThreadPool | None = None


def _serial_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # keep the one thread, and so its library connection
        app = QCoreApplication.instance()
        if app is not None:  # a note typed just before quitting is written before the exit
            app.aboutToQuit.connect(wait_for_notes_tasks)
    return _pool


def run_notes_task(
    fn: Callable[[Notebook], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    owner: QObject | None = None,
) -> int:
    """Run ``fn(notebook)`` after every notes task queued before it; results on the GUI thread,
    not handed to an ``owner`` that is gone by then (a reader closed meanwhile)."""

    def call() -> Any:
        return fn(Notebook(thread_library().conn))

    return run_task(call, on_done, on_error, pool=_serial_pool(), owner=owner)


def wait_for_notes_tasks(msecs: int = 30_000) -> bool:
    """Block until queued notes work has finished (at quit, and in tests)."""
    return _pool is None or _pool.waitForDone(msecs)
