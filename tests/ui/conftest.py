"""Fixtures for window tests: a real main window over a fresh library, workers run inline."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.app import build_main_window
from desktop.core.library.session import Library, open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.ui import workers
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import set_theme


@pytest.fixture
def sync_workers() -> Iterator[None]:
    """Background tasks run inline, so a test sees their results without waiting."""
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)


@pytest.fixture
def light_theme() -> Iterator[None]:
    """The light theme forced, so colours asserted do not follow the system's scheme."""
    set_theme("light")
    yield
    set_theme(None)


@pytest.fixture
def library(dossier_home: object) -> Iterator[Library]:
    """The test's own library (seeded, as on a first launch)."""
    lib = open_library()
    yield lib
    lib.close()


def add_article(library: Library, title: str, text: str, **fields: object) -> int:
    """Store an article and return its id."""
    article = with_hash(Article(id=0, title=title, text=text, content_hash="", words=0, **fields))
    return library.store.add(article).id


@pytest.fixture
def make_window(qtbot, sync_workers: None) -> Iterator[Callable[[], MainWindow]]:
    """Build main windows the way the app does (each one a fresh "launch")."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = build_main_window(warm_up=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        # The first article opens once the window has been painted.
        qtbot.waitUntil(lambda: window.article is not None)
        return window

    yield make
    for window in windows:
        window.close()
        window.library.close()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()
