"""The one place that builds and wires the GUI.

Start-up order matters for how fast the window appears: Qt and the library first, the window
shown, and only then the heavy language libraries (nltk, sumy, numpy) imported in a background
thread, so they are warm by the time the first summary is asked for.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import APP_ID

if TYPE_CHECKING:
    from desktop.core.library.session import Library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import WindowSettings

NO_DISPLAY_MESSAGE = """\
dossier: no display found, so the window cannot open.
  - On a desktop session, run it from a terminal inside that session.
  - Headless (CI, SSH): QT_QPA_PLATFORM=offscreen dossier   (renders without a screen)
  - Or use the command line: dossier list | search | show | summarize | entities | notes"""

# Imported after the window is up; names that are missing are skipped.
WARM_UP_MODULES = ("numpy", "nltk", "sumy", "desktop.core.text.summarize", "desktop.core.text.ner")
_STARTED = time.perf_counter()


def display_available() -> bool:
    """Whether Qt can open a window here; checked before Qt would abort the process."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def warm_up_in_background(modules: Sequence[str] = WARM_UP_MODULES) -> threading.Thread:
    """Import the slow language libraries off the GUI thread (after the window is shown),
    then freeze what is loaded out of the garbage collector's sight.

    Without the freeze, each full collection walks every object of Qt, numpy, nltk and the
    entity model (~50 ms, several times that on a busy machine), and one happens every few
    thousand allocations — in the middle of an import, say — freezing the window.

    Not a daemon: a window closed at once waits for the import to end, since a thread stopped
    by the interpreter's exit inside native code can abort the process.
    """

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except ImportError:
                continue
        gc.freeze()

    thread = threading.Thread(target=run, name="dossier-warm-up", daemon=False)
    thread.start()
    return thread


def build_main_window(
    library: Library | None = None,
    settings: WindowSettings | None = None,
    *,
    warm_up: bool = True,
) -> MainWindow:
    """The wired main window over ``library`` (default: the user's, seeded on first use).

    A ``QApplication`` must exist. Used by ``main``, the tests, the screenshots and the
    packaged app's self-test. ``warm_up`` (off in tests: it freezes the garbage collector)
    imports the language libraries in the background once the window is painted.
    """
    from PySide6.QtWidgets import QApplication

    from desktop.core.allocator import share_one_arena
    from desktop.core.library.session import open_library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import WindowSettings
    from desktop.ui.theme import current_theme, theme_events
    from desktop.ui.workers import hand_over_quickly

    share_one_arena()  # before the window's worker threads start
    hand_over_quickly()
    # Fusion honours the theme's palette everywhere. theme_events() follows the system colour
    # scheme from now on (and repaints with the new palette); this sets the first one.
    QApplication.setStyle("Fusion")
    theme_events()
    QApplication.setPalette(current_theme().palette())
    window = MainWindow(library or open_library(), settings or WindowSettings())
    if warm_up:
        window.first_painted.connect(lambda: warm_up_in_background())
    return window


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dossier", add_help=False)
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help=argparse.SUPPRESS,  # start-up benchmark: print seconds to first paint, then quit
    )
    args, _ = parser.parse_known_args(list(argv))
    # A dossier://… link to open (the desktop file passes it as %u); any other word is Qt's.
    args.link = next((a for a in argv if a.startswith("dossier:")), None)
    return args


def open_link(window: MainWindow, link: str) -> int | None:
    """Open the article and passage a ``dossier://`` link names (by text hash, URL, then id);
    the article's id, or None (said on the status bar) when this library has no such article.
    """
    from desktop.core.notes.locators import find_article, parse_locator

    locator = parse_locator(link)
    article_id = find_article(window.library.conn, locator)
    if article_id is None:
        window.statusBar().showMessage("No article in this library matches the link.", 15000)
        print(f"dossier: {link!r}: no article in this library matches the link", file=sys.stderr)
        return None
    window.open_passage(article_id, locator.start, locator.end)
    return article_id


def main(argv: Sequence[str] | None = None) -> int:
    """The window; ``argv`` (default: the command line, as ``dossier-gui`` is started) may
    hold a ``dossier://`` link to open at its passage."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # offscreen end-to-end check of this installation
        from desktop.selftest import run

        return run()
    args = _parse(argv)
    if args.link is not None:
        from desktop.core.notes.locators import BadLocator, parse_locator

        try:
            parse_locator(args.link)
        except BadLocator as exc:
            print(f"dossier: {exc}", file=sys.stderr)
            return 2
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from desktop.core.allocator import share_one_arena

    share_one_arena()  # before Qt starts any thread
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Dossier")
    app.setOrganizationName("Dossier")
    app.setApplicationDisplayName("Dossier")
    app.setDesktopFileName(APP_ID)  # ties windows to org.dossierapp.Dossier.desktop
    from desktop.core.storage.db import DatabaseError
    from desktop.ui.crash_handler import install_crash_handler

    install_crash_handler()
    try:
        # A start-up measurement quits at the first paint, before the warm-up would begin; left
        # out, its thread cannot race the report of what was loaded by then.
        window = build_main_window(warm_up=not args.exit_after_paint)
    except DatabaseError as exc:  # locked, damaged or newer: the user can act on the message
        from desktop.ui.library_refused import explain_refused_library

        print(f"dossier: {exc}", file=sys.stderr)
        if not explain_refused_library(exc):
            return 1
        window = build_main_window(warm_up=not args.exit_after_paint)
    if args.exit_after_paint:
        _exit_after_first_paint(window)
    if args.link is not None:
        open_link(window, args.link)  # opened once painted, instead of the last article read
    window.show()
    status = app.exec()
    window.finish_background_work()
    return int(status)


def _exit_after_first_paint(window: MainWindow) -> None:
    """For start-up measurements: once the window is painted, print the seconds since this
    module was imported and which heavy libraries were already loaded, then quit."""
    from PySide6.QtWidgets import QApplication

    def report() -> None:
        heavy = [m for m in ("nltk", "sumy", "numpy") if m in sys.modules]
        print(
            f"painted {time.perf_counter() - _STARTED:.3f} s after app import;"
            f" heavy modules loaded: {', '.join(heavy) or 'none'}",
            flush=True,
        )
        QApplication.quit()

    window.first_painted.connect(report)
