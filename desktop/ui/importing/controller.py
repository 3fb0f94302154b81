"""Imports run in their own single-thread pool so the window keeps responding.

One import at a time, in order (a second drop waits for the first); progress is sent to the GUI
thread at most every 50 ms so a 1,000-file import does not flood the event loop. Files are read
in a child process (``core.library.reading_process``): the parsers hold the interpreter lock
for long stretches, which in this process would freeze the window; the worker thread only
stores what the child read. The child starts with an import and stops when no import is left.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.core.library.reading_process import ChildReader
from desktop.ui.workers import run_task, thread_library

if TYPE_CHECKING:
    from desktop.core.library.importing import ImportReport

PROGRESS_INTERVAL_S = 0.05


class ImportController(QObject):
    """Starts imports off the GUI thread and reports their progress and outcome."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: Any = None, reader: ChildReader | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.reader = reader or ChildReader()
        self._cancel = threading.Event()
        self._queued = 0

    def is_running(self) -> bool:
        return self._queued > 0

    def start(self, paths: Sequence[Path | str]) -> None:
        """Import ``paths`` (files or folders) into the library."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        if not self._queued:
            self._cancel.clear()
            self.running_changed.emit(True)
        self._queued += 1
        # One file at a time, no reading ahead (``ChildReader.plan``, for the command line):
        # the child always ahead, the import's thread would store without pause, holding the
        # interpreter lock the window's thread needs for every event.
        cancel, read = self._cancel, self.reader.read
        progress = self._throttled()

        def run() -> ImportReport:
            from desktop.core.library.importing import import_paths

            return import_paths(thread_library(), paths, progress, cancel=cancel, read=read)

        run_task(
            run,
            self._on_done,
            self._on_error,
            pool=self.pool,
            owner=self,
        )

    def cancel(self) -> None:
        """Stop now (the file being read is dropped); files already stored stay stored."""
        self._cancel.set()

    def close(self) -> None:
        """Cancel, and stop the reading process for good (the window is closing)."""
        self.cancel()
        self.reader.close()

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued imports finish (for tests and shutdown)."""
        return self.pool.waitForDone(msecs)

    def _throttled(self) -> Any:
        last = [0.0]

        def progress(done: int, total: int, path: str) -> None:
            now = time.monotonic()
            if done == total or now - last[0] >= PROGRESS_INTERVAL_S:
                last[0] = now
                self.progress.emit(done, total, path)

        return progress

    def _settle(self) -> None:
        self._queued -= 1
        if not self._queued:
            self.reader.stop()  # started again by the next import
            self.running_changed.emit(False)

    def _on_done(self, report: ImportReport) -> None:
        self._settle()
        self.finished.emit(report)

    def _on_error(self, exc: Exception) -> None:
        self._settle()
        self.failed.emit(str(exc))
