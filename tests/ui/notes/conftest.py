"""Notes window tests: tasks run inline, and each test (and each "restart") gets its own
library connection on the test's DOSSIER_HOME."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from desktop.core.library.session import Library
from desktop.core.models import Article
from desktop.ui import workers
from desktop.ui.workers import set_synchronous, thread_library

ARTICLE_TEXT = (
    "Flood defences in the valley 🌊 were inspected on Monday. The minister said the budget "
    "would rise by ten percent next year. Critics disagreed sharply with the figures. "
    "Nobody checked the numbers before the vote, according to two officials."
)


def _close_thread_library() -> None:
    library: Library | None = getattr(workers._local, "library", None)
    if library is not None:
        library.close()


@pytest.fixture
def restart(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Run tasks inline; calling the fixture's value drops this thread's library connection so
    the next task opens a new one, as a restarted program would."""

    def fresh_connection() -> None:
        _close_thread_library()
        monkeypatch.setattr(workers, "_local", threading.local())

    monkeypatch.setattr(workers, "_local", threading.local())
    set_synchronous(True)
    yield fresh_connection
    set_synchronous(False)
    _close_thread_library()


def add_article(text: str = ARTICLE_TEXT, title: str = "Budget row") -> Article:
    store = thread_library().store
    result = store.add(
        Article(0, title, text, "", 0, source="Wire", url="https://example.org/budget")
    )
    article = store.get(result.id)
    assert article is not None
    return article
