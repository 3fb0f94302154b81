"""No traceback reaches a user of the window: unexpected errors are logged and told plainly.

``sys.excepthook`` (an error in a slot, a timer, an event handler: PySide hands it there and
the window keeps running) and ``threading.excepthook`` (a plain thread) write the details to a
log file (``crash_log``) and show a plain-text message naming the file. A library that is
locked, full, read-only or damaged is no bug: its one-line message is shown, nothing logged.
Messages from other threads reach the GUI thread through a queued signal; while one message is
open, later errors are logged but not shown again, so a failing timer cannot bury the window in
dialogs.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from desktop.core.crash_log import internal_error_message, write_crash_log
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import DatabaseError, database_error
from desktop.ui.messages import plain_box

TITLE = "Dossier ran into a problem"


class CrashReporter(QObject):
    """Lives on the GUI thread; ``report`` may be called from any thread."""

    reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.reported.connect(self._show)

    def report(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        problem = library_problem(exc)
        if problem is not None:  # the environment, not a bug: nothing to log
            self.reported.emit(problem)
            return
        log = write_crash_log(exc, tb, context="the window")
        self.reported.emit(
            f"Dossier hit an {internal_error_message(exc, log)}.\n\n"
            "Your notes and articles saved so far are safe; the window keeps running."
        )

    def _on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def is_showing(self) -> bool:
        """Whether a message is open (a closed one is deleted)."""
        return self.box is not None and isValid(self.box) and self.box.isVisible()

    def _show(self, message: str) -> None:
        if self.is_showing():
            return
        self.box = plain_box(QApplication.activeWindow(), TITLE, message)
        self.box.open()


def library_problem(exc: BaseException) -> str | None:
    """The one-line message of a library failure (locked, full, read-only, damaged), or None
    when ``exc`` is something else."""
    if isinstance(exc, DatabaseError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        error = database_error(exc, "save the change")
        return str(error) if type(error) is not DatabaseError else None
    return None


_reporter: CrashReporter | None = None


def install_crash_handler() -> CrashReporter:
    """Route every unexpected exception of the window to the log and a plain message."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(QApplication.instance())
    sys.excepthook = _reporter.report
    threading.excepthook = _reporter._on_thread_error
    return _reporter


def report_exception(exc: BaseException) -> None:
    """Report an exception caught elsewhere (a background task nobody waited for)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)
