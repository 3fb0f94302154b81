"""Run core functions off the GUI thread: ``run_task(fn, on_done, on_error)``.

Every slow call (database, summaries, entities, imports) goes through here so the window never
freezes. Results come back on the GUI thread through a queued signal. Each worker thread keeps
its own library connection (SQLite connections are thread-confined), opened on first use.
Tests can call ``set_synchronous(True)`` to run tasks inline.

A task that builds a large structure (the analysis of a book-length article) can hold off
Python's cyclic garbage collector while it runs (``pause_collector=True``): a full collection
walks every live object with the interpreter lock held, and the GUI thread waits for each one.

The GUI thread takes the interpreter lock back for every Python slot it runs, and a busy worker
hands it over only when the interpreter's switch interval has run out (5 ms by default): a
turn of the event loop that calls Python a few dozen times waited a few hundred milliseconds
beside a worker analysing a book-length article. ``hand_over_quickly`` shortens the interval.
"""

from __future__ import annotations

import gc
import itertools
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from desktop.core.library.session import Library, open_library
from desktop.core.paths import user_paths
from desktop.core.storage.engine import sqlite3
from desktop.ui.crash_handler import report_exception
from desktop.ui.library_damage import damage_message, report_damage

LEAN_CACHE_KIB = 4096
# Young objects (net of those freed) left by paused tasks above which they are frozen: walking
# 50,000 takes about 25 ms, 983,000 took 632 ms on a busy machine (measured).
FREEZE_AFTER = 50_000
SWITCH_INTERVAL_S = 0.001
"""How long a worker may hold the interpreter lock while the GUI thread waits for it. Opening a
2-million-word article beside its analysis (the window child of ``make bench ONLY=long``, three
runs each): longest stall 738 to 1,355 ms at Python's 5 ms, 320 to 345 ms at 1 ms; 209 to 370 ms
at 0.2 and 0.5 ms, where the background summary took longer (24 to 33 s against 16 to 23 s)."""
_local = threading.local()
_ids = itertools.count(1)
_synchronous = False
_keep_alive: set[_Relay] = set()
_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = True


def thread_library() -> Library:
    """The calling thread's own open library (created on first use, reused after; reopened
    when ``DOSSIER_HOME`` points elsewhere, as it does for every test), made ``lean``."""
    library = getattr(_local, "library", None)
    if library is None or library.paths != user_paths():
        library = open_library(seed=False)
        lean(library.conn)
        _local.library = library
    return library


def lean(conn: sqlite3.Connection) -> sqlite3.Connection:
    """``conn`` with no memory map and a small page cache, for the window's own connections.

    They scan the whole library (sorting, indexing) or fetch a page of rows at a time: neither
    gains from a map or a large cache, and both would keep every page touched as the window's
    memory (~300 MiB for 100,000 articles).
    """
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute(f"PRAGMA cache_size = -{LEAN_CACHE_KIB}")
    return conn


def hand_over_quickly() -> None:
    """Let the GUI thread take the interpreter lock from a busy worker within
    ``SWITCH_INTERVAL_S``; called before the window starts its workers."""
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))


def set_synchronous(value: bool) -> None:
    """Run tasks inline on the calling thread (for deterministic tests)."""
    global _synchronous
    _synchronous = value


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off until the last such block ends.

    Analysing a 2M-word article triggers a dozen full collections of up to half a second each
    (measured), every one freezing the window; nothing the analysis builds is garbage before it
    returns. The collector's state from before the first block is restored after the last.

    When the paused tasks left more than ``FREEZE_AFTER`` young objects, what is alive then is
    moved out of the collector's sight (``gc.freeze``): the next collection, on whichever thread
    allocates next, would otherwise walk all of it with the interpreter lock held (185–632 ms
    after a 2M-word article's analysis, measured), and later full ones again. Those objects are
    results the window keeps; they are still freed by reference counting when dropped, only a
    reference cycle among them would stay.
    """
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0:
                if gc.get_count()[0] > FREEZE_AFTER:
                    gc.freeze()
                if _collector_was_enabled:
                    gc.enable()


class _Relay(QObject):
    """Carries a result from the worker thread to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to on_error; never lost in a worker thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            report_damage(exc)
            self._deliver("failed", exc)
        else:
            self._deliver("done", result)

    def _deliver(self, signal: str, value: Any) -> None:
        """Emit, unless the program is closing and the relay is already gone: a task that
        outlived the shutdown wait has no one left to tell (its writes are committed)."""
        if isValid(self._relay):
            getattr(self._relay, signal).emit(value)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    pool: QThreadPool | None = None,
    priority: int = 0,
    pause_collector: bool = False,
    owner: QObject | None = None,
) -> int:
    """Run ``fn()`` in the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the
    GUI thread. Returns a job id so callers can drop results for work the user has left.
    A task of higher ``priority`` takes the next free thread before queued ones; one with
    ``pause_collector`` runs inside :func:`collector_paused`. A result whose ``owner`` (the
    widget or model the callbacks touch) was deleted meanwhile — its window closed — is
    dropped: there is nothing left to update."""
    job_id = next(_ids)
    if pause_collector:
        fn = _with_collector_paused(fn)
    if _synchronous:
        try:
            result = fn()
        except Exception as exc:
            report_damage(exc)
            if on_error:
                on_error(exc)
            else:
                raise
        else:
            if on_done:
                on_done(result)
        return job_id
    relay = _Relay()
    _keep_alive.add(relay)

    def owner_gone() -> bool:
        return owner is not None and not isValid(owner)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _keep_alive.discard(relay)
        if callback:
            callback(value)

    relay.done.connect(lambda result: finish(None if owner_gone() else on_done, result))
    on_failed = on_error or _report_unhandled
    relay.failed.connect(lambda exc: finish(_report_unhandled if owner_gone() else on_failed, exc))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay), priority)
    return job_id


def _with_collector_paused(fn: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        with collector_paused():
            return fn()

    return run


def _report_unhandled(exc: Exception) -> None:
    """A failed task nobody waited for: a damaged library was signalled already; anything
    else is a bug, logged and shown by the crash handler."""
    if damage_message(exc) is None:
        report_exception(exc)
