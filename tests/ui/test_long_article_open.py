"""Opening a long article never waits for its analysis: the text is in the reader at once, and
the event loop keeps turning while entities and the summary are computed in workers."""

from __future__ import annotations

import sys

from PySide6.QtCore import QThreadPool, QTimer

from desktop.app import build_main_window
from desktop.core.library.session import Library
from desktop.ui.workers import SWITCH_INTERVAL_S
from tests.perf.bench_window import seed_paragraphs, variant_text
from tests.ui.conftest import add_article

WORDS = 30_000


def test_the_text_shows_at_once_and_the_window_stays_responsive(library: Library, qtbot) -> None:
    text = variant_text(seed_paragraphs(), 11, WORDS)
    article_id = add_article(library, "A long report", text)
    window = build_main_window(warm_up=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    qtbot.waitUntil(lambda: window.summary_pane.summary() is not None, timeout=30_000)
    turns: list[int] = []
    seen: dict[str, int] = {}
    window.reader.entities_shown.connect(lambda _: seen.setdefault("colours", len(turns)))
    window.summary_pane.summary_ready.connect(lambda _: seen.setdefault("summary", len(turns)))
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(1))
    timer.start(0)

    window.open_article(article_id)
    assert text in window.reader.page.toPlainText()  # the text, before any analysis
    assert seen == {} and turns == []
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=120_000)
    timer.stop()
    # The timer fired while both were being computed: the event loop was never held up.
    assert seen["colours"] > 0 and seen["summary"] > 0
    window.finish_background_work()
    QThreadPool.globalInstance().waitForDone(30_000)


def test_the_window_takes_the_interpreter_lock_back_from_busy_workers_quickly(
    library: Library, qtbot
) -> None:
    """A worker analysing a book-length article hands the lock over within a millisecond,
    not Python's default 5 ms, each time the GUI thread runs a slot."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        window = build_main_window(warm_up=False)
        qtbot.addWidget(window)
        assert sys.getswitchinterval() <= SWITCH_INTERVAL_S <= 0.001
    finally:
        sys.setswitchinterval(before)
