"""Noticing what other processes write to the library: the command line importing, a note
added from a script, a second window.

A timer asks SQLite every ``POLL_MS`` whether another connection has committed
(``PRAGMA data_version`` on a connection of its own: no disk read, microseconds, so on the GUI
thread). Only then does a worker read which kinds of data changed and the state of the open
article (``core.library.changes``); the window refreshes just those, keeping the selection and
the place in the text. The window's own writes are seen too (its workers use other
connections): what they refresh is refreshed once more, in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.library.changes import (
    ArticleState,
    article_state,
    change_counts,
    changed_kinds,
    data_version,
)
from desktop.core.storage.db import connect_reader
from desktop.core.storage.engine import sqlite3
from desktop.ui.workers import run_task, thread_library

POLL_MS = 1500


class LibraryWatch(QObject):
    """Says what another connection changed: kinds of data, the open article, its notes."""

    changed = Signal(object)  # set[str]: the kinds of data changed (core.library.changes.KINDS)
    article_changed = Signal(int)  # the open article's details or text changed, or it went
    notes_changed = Signal(int)  # the open article's highlights or notes changed

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._conn: sqlite3.Connection | None = None
        self._version = 0
        self._counts: dict[str, int] = {}
        self._article_id = 0
        self._state: ArticleState | None = None
        self._reading = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Begin looking, from the library as it is now (once the window is up: opening the
        connection is no part of the first paint)."""
        try:
            self._conn = connect_reader(self._database)
            self._version = data_version(self._conn)
            self._counts = change_counts(self._conn)
        except sqlite3.Error:  # a library that cannot be read is reported where it is read
            self.close()
            return
        self._timer.start()

    def close(self) -> None:
        """Stop looking (the window is closing) and let go of the connection."""
        self._timer.stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def watch_article(self, article_id: int) -> None:
        """Follow ``article_id`` (the one just opened) from its state as it is now."""
        self._article_id, self._state = article_id, None
        run_task(
            lambda: article_state(thread_library().conn, article_id),
            lambda state: self._set_baseline(article_id, state),
            lambda _exc: None,  # a damaged library is reported by those who read it
            owner=self,
        )

    def _set_baseline(self, article_id: int, state: ArticleState) -> None:
        if article_id == self._article_id and self._state is None:
            self._state = state

    def poll(self) -> None:
        """Whether another connection committed since the last look; if so, read what."""
        if self._reading or self._conn is None:
            return  # the last look is still being read (the next tick asks again), or closed
        try:
            version = data_version(self._conn)
        except sqlite3.Error:
            return  # the file is busy or gone: the window's own reads say so
        if version == self._version:
            return
        self._version = version
        self._reading = True
        article_id = self._article_id
        run_task(
            lambda: _read(article_id),
            lambda result: self._on_read(article_id, *result),
            self._on_failed,
            owner=self,
        )

    def _on_read(self, article_id: int, counts: dict[str, int], state: ArticleState | None) -> None:
        self._reading = False
        kinds = changed_kinds(self._counts, counts)
        self._counts = counts
        if kinds:
            self.changed.emit(kinds)
        if state is None or article_id != self._article_id:
            return
        before, self._state = self._state, state
        if before is None:
            return
        if before.details != state.details:
            self.article_changed.emit(article_id)
        if before.notes != state.notes:
            self.notes_changed.emit(article_id)

    def _on_failed(self, _exc: Exception) -> None:
        self._reading = False


def _read(article_id: int) -> tuple[dict[str, int], ArticleState | None]:
    conn = thread_library().conn
    state = article_state(conn, article_id) if article_id else None
    return change_counts(conn), state
