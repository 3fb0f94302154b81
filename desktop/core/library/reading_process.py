"""Reading files to import in a child process, one file at a time.

The parsers (lxml, html5lib, trafilatura, charset detection, regexes over a long line) spend
long stretches in C holding the interpreter lock; in a thread of the window's process, every
one of them freezes the window (measured: 115–286 ms stalls over the hostile corpora). In a
child process they hold only the child's lock. The child is also expendable: a parser that
crashes it or runs past ``TIME_LIMIT_S`` costs one file (a one-line failure naming it), and a
cancelled import stops it at once instead of after the current file.

The child is started with ``spawn`` (never ``fork``: the window's process has Qt and other
threads), on first use, and started again after it was stopped. The frozen bundle's entry
point calls ``multiprocessing.freeze_support()`` so the bundle can be its own child.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.printable import printable

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from desktop.core.library.importing import FileReader, Read

TIME_LIMIT_S = 60.0
"""Longest a file may take to read (the largest accepted file, 20 MiB, reads in ~3 s)."""
POLL_S = 0.05
"""How often a wait for the child looks at the cancel flag."""
CHILD_NICENESS = 10
"""Added to the child's niceness: on a busy machine the window's thread, not the import,
gets the processor first (measured: with the child at the window's priority, the window's
thread waited up to ~45 ms for a processor during an import on a loaded two-core machine)."""
_CONTEXT = multiprocessing.get_context("spawn")


class ChildReader:
    """Reads files in a child process; ``read`` has the signature of ``read_file`` and is
    called from one thread at a time (the import worker); ``close`` from any thread."""

    def __init__(self, reader: FileReader | None = None, time_limit: float = TIME_LIMIT_S) -> None:
        # ``reader`` (default ``read_file``) runs in the child: a module-level function, as
        # the child imports it by name (tests pass one that crashes). Nothing is imported or
        # started before the first ``read``: the window builds this before it shows.
        self._reader = reader
        self._time_limit = time_limit
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._closed = False
        self.started = 0
        """How many children were started (a new one after each stop)."""

    @property
    def pid(self) -> int | None:
        """The running child's process id (None when there is none)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def read(self, path: Path, problem: str, cancel: threading.Event | None = None) -> Read | None:
        """``read_file(path, problem)`` done in the child; a one-line failure when the child
        dies or runs out of time on it (and is stopped); None when ``cancel`` is set meanwhile,
        or the reader was closed."""
        conn = self._connection(path, problem)
        if conn is None:
            return None
        deadline = time.monotonic() + self._time_limit
        try:
            while not conn.poll(POLL_S):
                if self._closed or (cancel is not None and cancel.is_set()):
                    self._stop()
                    return None
                if time.monotonic() > deadline:
                    self._stop()
                    limit = f"{self._time_limit:g} s"
                    return printable(f"{path}: too slow to import (stopped after {limit})")
            return conn.recv()
        except Exception:  # EOF, a message cut short, the pipe closed: the child is gone
            how = self._stop()
            return None if self._closed else printable(f"{path}: could not be read: {how}")

    def stop(self) -> None:
        """Stop the child until the next ``read`` (no import is waiting: the ~80 MB it holds
        once the parsers are loaded go back to the system)."""
        self._stop()

    def close(self) -> None:
        """Stop the child for good (the window is closing); a ``read`` under way returns
        None."""
        with self._lock:
            self._closed = True
        self._stop()  # a read under way finds its pipe closed

    def _connection(self, path: Path, problem: str) -> Connection | None:
        """The child's end of the pipe, with the request sent (a child found dead, say
        killed between files, is replaced once); None once closed."""
        for _attempt in range(2):
            with self._lock:
                if self._closed:
                    return None
                if self._conn is None:
                    self._start()
                conn = self._conn
            assert conn is not None
            try:
                conn.send((path, problem))
                return conn
            except OSError:
                self._stop()
        return None

    def _start(self) -> None:
        if self._reader is None:
            from desktop.core.library.importing import read_file

            self._reader = read_file
        parent_end, child_end = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=_serve, args=(child_end, self._reader), name="dossier-reader", daemon=True
        )
        try:
            process.start()
        except OSError as exc:  # no process to be had (a limit reached): the import stops
            parent_end.close()
            reason = exc.strerror or str(exc)
            raise OSError(f"cannot start the process that reads the files ({reason})") from exc
        finally:
            child_end.close()
        self._process, self._conn = process, parent_end
        self.started += 1

    def _stop(self) -> str:
        """Kill the child (if still running) and say how it ended."""
        with self._lock:
            process, conn = self._process, self._conn
            self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is None:
            return "the reading process had stopped"
        if process.is_alive():
            process.kill()
        process.join()
        how = _ending(process.exitcode)
        process.close()
        return how


def _ending(exitcode: int | None) -> str:
    """``the reading process crashed (signal SIGSEGV)`` and the like."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"the reading process crashed (signal {name})"
    return f"the reading process stopped (exit status {exitcode})"


def _serve(conn: Connection, reader: FileReader) -> None:
    """The child: read each file asked for and send back what ``reader`` gives, until the
    window closes its end of the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the window
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)
    while True:
        try:
            path, problem = conn.recv()
        except EOFError:
            return
        conn.send(reader(path, problem, None))
