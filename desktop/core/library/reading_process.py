"""Reading files to import in a child process, one file at a time, a few files ahead.

The parsers (lxml, html5lib, trafilatura, charset detection, regexes over a long line) spend
long stretches in C holding the interpreter lock; in a thread of the window's process, every
one of them freezes the window (measured: 115–286 ms stalls over the hostile corpora). In a
child process they hold only the child's lock. The child is also expendable: a parser that
crashes it or runs past ``TIME_LIMIT_S`` costs one file (a one-line failure naming it), and a
cancelled import stops it at once instead of after the current file. Told the files an import
will ask for (``plan``), the child reads the next ones while the importer stores the last: on
two processors an import takes about the longer of reading and storing, not their sum.

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
from collections.abc import Sequence
from itertools import accumulate
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
AHEAD = 32
"""Files the child is asked for before their turn: more than an import stores at once
(``importing.AHEAD_BATCH_FILES``), so it reads while a batch is stored; few enough that a
cancelled import throws little reading away."""
AHEAD_BYTES = 4096
"""Most bytes of paths asked for and not yet answered: they wait in the pipe, and were they to
fill it, this process would block asking while the child blocks answering (a pipe holds 8 KiB
on macOS)."""
_CONTEXT = multiprocessing.get_context("spawn")
_READY = "\0ready"
"""The child's first message: it started and will read (no file's answer is this string)."""


class ChildReader:
    """Reads files in a child process; ``read`` (or the reader itself, called) has the
    signature of ``read_file``. ``read``, ``plan`` and ``start`` are called from one thread at
    a time (the importing one); ``close`` from any thread."""

    def __init__(
        self,
        reader: FileReader | None = None,
        time_limit: float = TIME_LIMIT_S,
        niceness: int = CHILD_NICENESS,
    ) -> None:
        # ``reader`` (default ``read_file``) runs in the child: a module-level function, as
        # the child imports it by name (tests pass one that crashes). Nothing is imported or
        # started before the first ``read``: the window builds this before it shows.
        self._reader = reader
        self._time_limit = time_limit
        self._niceness = niceness
        self._plan: list[tuple[Path, str]] = []
        self._bytes_to: list[int] = [0]  # what asking for the plan's first n files puts in the pipe
        self._next = 0  # the plan's file the next answer is for
        self._asked = 0  # the plan's files asked of the running child
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

    def plan(self, files: Sequence[tuple[Path, str]]) -> None:
        """The ``(path, problem)`` pairs the next reads will ask for, in this order: the child
        reads up to ``AHEAD`` of them before they are asked for. A read of another file drops
        the plan (and the child, if it was reading ahead)."""
        self._drop_plan()
        self._plan = list(files)
        self._bytes_to = [0, *accumulate(map(_request_bytes, self._plan))]

    def read(self, path: Path, problem: str, cancel: threading.Event | None = None) -> Read | None:
        """``read_file(path, problem)`` done in the child; a one-line failure when the child
        dies or runs out of time on it (and is stopped); None when ``cancel`` is set meanwhile,
        or the reader was closed. The time limit counts from this call: a file read ahead
        is given at least its time."""
        planned = self._next < len(self._plan) and self._plan[self._next] == (path, problem)
        if not planned:
            self._drop_plan()
        conn = self._connection(path, problem, planned)
        if conn is None:
            return None
        self._next += planned
        deadline = time.monotonic() + self._time_limit
        try:
            while True:
                while not conn.poll(POLL_S):
                    if self._closed or (cancel is not None and cancel.is_set()):
                        self._stop()
                        return None
                    if time.monotonic() > deadline:
                        self._stop()
                        limit = f"{self._time_limit:g} s"
                        return printable(f"{path}: too slow to import (stopped after {limit})")
                answer = conn.recv()
                if not _is_ready(answer):
                    return answer
        except Exception:  # EOF, a message cut short, the pipe closed: the child is gone
            how = self._stop()
            return None if self._closed else printable(f"{path}: could not be read: {how}")

    __call__ = read

    def start(self) -> None:
        """Start the child now, not at the first read, and wait until it is ready to read.
        Raises ``OSError`` when no process can be had, or the one started stopped before it
        was ready (a program that imports without ``if __name__ == "__main__":`` makes its
        child run it again, and ``spawn`` stops that child): the caller may read in its own
        thread instead."""
        with self._lock:
            if self._conn is not None or self._closed:
                return
            self._start()
            conn = self._conn
        assert conn is not None
        try:
            if not conn.poll(self._time_limit):
                raise EOFError
            if _is_ready(conn.recv()):
                return
        except (EOFError, OSError):  # it closed the pipe: let it finish, to say how it ended
            process = self._process
            if process is not None:
                process.join(POLL_S * 20)
        how = self._stop()
        raise OSError(f"cannot start the process that reads the files ({how})")

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

    def _drop_plan(self) -> None:
        """Forget the plan; a child reading ahead for it is stopped, or its answers would be
        taken for other files'."""
        if self._asked > self._next:
            self._stop()
        self._plan, self._bytes_to, self._next, self._asked = [], [0], 0, 0

    def _connection(self, path: Path, problem: str, planned: bool) -> Connection | None:
        """The child's end of the pipe, with the request sent — and, for a ``planned`` file,
        the plan's next ones up to ``AHEAD`` — (a child found dead, say killed between files,
        is replaced once); None once closed."""
        for _attempt in range(2):
            with self._lock:
                if self._closed:
                    return None
                if self._conn is None:
                    self._start()
                conn = self._conn
            assert conn is not None
            try:
                if not planned:
                    conn.send((path, problem))
                    return conn
                while self._asked < min(self._next + 1 + AHEAD, len(self._plan)):
                    waiting = self._bytes_to[self._asked + 1] - self._bytes_to[self._next]
                    if waiting > AHEAD_BYTES and self._asked > self._next:
                        break
                    conn.send(self._plan[self._asked])
                    self._asked += 1
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
            target=_serve,
            args=(child_end, self._reader, self._niceness),
            name="dossier-reader",
            daemon=True,
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
        self._asked = self._next  # a new child was asked nothing
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


def _is_ready(message: object) -> bool:
    """Whether a message from the child is its first, ``_READY``, not a file's answer."""
    return isinstance(message, str) and message == _READY


def _request_bytes(request: tuple[Path, str]) -> int:
    """About what asking for a file puts in the pipe (its pickled path and problem)."""
    path, problem = request
    return len(os.fsencode(path)) + len(problem.encode("utf-8", "replace")) + 64


def _ending(exitcode: int | None) -> str:
    """``the reading process crashed (signal SIGSEGV)`` and the like."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"the reading process crashed (signal {name})"
    return f"the reading process stopped (exit status {exitcode})"


def _serve(conn: Connection, reader: FileReader, niceness: int) -> None:
    """The child: say it is ready, then read each file asked for and send back what
    ``reader`` gives, until the importer closes its end of the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the importer
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)
    conn.send(_READY)
    while True:
        try:
            path, problem = conn.recv()
        except EOFError:
            return
        conn.send(reader(path, problem, None))
