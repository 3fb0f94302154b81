"""Entity indexing of new articles, a few at a time, in a low-priority background thread.

The reader indexes an article on demand when it is opened; this fills in the rest of the
library (after start-up and after each import) so "mentions <entity>" and watchlist counts
cover every article. One small batch per task keeps each write transaction short.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal

from desktop.ui.workers import run_task, thread_library

BATCH = 20


def _index_batch() -> int:
    from desktop.core.library.entity_index import index_pending  # heavy: NER model, numpy

    return index_pending(thread_library().conn, BATCH)


class BackgroundIndexer(QObject):
    """``start()`` indexes until nothing is pending; ``finished(count)`` when done."""

    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setThreadPriority(QThread.Priority.LowPriority)
        self._running = False
        self._again = False
        self._count = 0
        self._stopped = False

    def start(self) -> None:
        if self._stopped:
            return
        if self._running:
            self._again = True  # new articles arrived mid-run: go round once more
            return
        self._running, self._count = True, 0
        self._step()

    @property
    def indexed(self) -> int:
        """Articles indexed in the current (or last) run."""
        return self._count

    def stop(self) -> None:
        """Schedule no further batch (the program is closing); the one running finishes."""
        self._stopped = True

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _step(self) -> None:
        run_task(_index_batch, self._on_batch, self._on_error, pool=self.pool, owner=self)

    def _on_batch(self, done: int) -> None:
        self._count += done
        if done and not self._stopped:
            self._step()
            return
        self._running = False
        if self._again:
            self._again = False
            self.start()
        else:
            self.finished.emit(self._count)

    def _on_error(self, exc: Exception) -> None:
        self._running = False
        self.failed.emit(f"Indexing entities stopped: {exc}")
