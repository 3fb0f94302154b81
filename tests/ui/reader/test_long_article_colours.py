"""A book-length article is coloured without freezing the window: its segments are computed in
a worker and written a slice per event-loop turn; a newer colouring supersedes one in flight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool, QTimer

from desktop.core.models import Entity
from desktop.ui.reader import painter, reader_view
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import CATEGORY_ROLES, LIGHT
from tests.ui.reader import sample

PERSON = LIGHT.colours[CATEGORY_ROLES["person"]]
PLAIN = LIGHT.colours["text"]
NAMES = 60
TEXT = " ".join(f"Speaker{i:02d} spoke again." for i in range(NAMES))

pytestmark = pytest.mark.usefixtures("light_theme")


def _people() -> list[Entity]:
    starts = [TEXT.index(f"Speaker{i:02d}") for i in range(NAMES)]
    return [Entity(s, s + 9, TEXT[s : s + 9], "person", TEXT[s : s + 9]) for s in starts]


def _colour(view: ReaderView, offset: int) -> str:
    return view.format_at(offset).foreground().color().name()


@pytest.fixture
def view(qtbot, monkeypatch: pytest.MonkeyPatch) -> ReaderView:
    """A reader for which 60 names are "book length": over 10 marks go to a worker, and 5
    segments are written per turn."""
    monkeypatch.setattr(reader_view, "SYNC_MARKS", 10)
    monkeypatch.setattr(painter, "CHUNK", 5)
    reader = ReaderView(entity_source=lambda article: (_people(), []))
    qtbot.addWidget(reader)
    reader.show()
    return reader


def test_colours_arrive_in_slices_while_the_event_loop_runs(view: ReaderView, qtbot) -> None:
    people = _people()
    turns: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(view._painter.busy()))
    timer.start(0)
    view.show_article(sample.article(TEXT))
    assert _colour(view, people[-1].start) == PLAIN  # the text first, colours later
    qtbot.waitUntil(lambda: all(_colour(view, p.start) == PERSON for p in people), timeout=10000)
    timer.stop()
    assert True in turns  # the timer fired while colours were still being written
    assert not view._painter.busy()


def test_a_newer_colouring_replaces_one_in_flight(view: ReaderView, qtbot) -> None:
    people = _people()
    view._painter._next.setInterval(50)  # slices far enough apart to catch one in flight
    view.show_article(sample.article(TEXT))
    qtbot.waitUntil(view._painter.busy, timeout=10000)  # halfway through writing
    view.set_category_visible("person", False)
    qtbot.waitUntil(lambda: not view._painter.busy(), timeout=10000)
    qtbot.wait(50)  # a stale result, had one been kept, would be written by now
    assert {_colour(view, p.start) for p in people} == {PLAIN}
    assert view._painter.painted == set()


def test_a_book_length_text_is_laid_out_in_a_worker_then_shown(
    view: ReaderView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_view, "BACKGROUND_CHARS", 100)
    shown: list[int] = []
    view.article_shown.connect(shown.append)
    view.show_article(sample.article(TEXT, article_id=3))
    assert shown == [] and TEXT not in view.page.toPlainText()  # not on the caller's turn
    qtbot.waitUntil(lambda: shown == [3], timeout=10000)
    assert TEXT in view.page.toPlainText()
    assert view.page.document().thread() is view.thread()  # handed over to the GUI thread
    people = _people()
    qtbot.waitUntil(lambda: all(_colour(view, p.start) == PERSON for p in people), timeout=10000)


def test_an_article_opened_while_another_is_built_wins(
    view: ReaderView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_view, "BACKGROUND_CHARS", 100)
    shown: list[int] = []
    view.article_shown.connect(shown.append)
    view.show_article(sample.article(TEXT, article_id=3))
    view.show_article(sample.article("A short note.", article_id=4))  # built at once
    assert shown == [4]
    QThreadPool.globalInstance().waitForDone(10000)  # the long one's document is built
    qtbot.wait(50)  # and its delivery handled: dropped
    assert shown == [4] and view.page.toPlainText().endswith("A short note.")
