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


def test_changes_turn_gone_segments_plain_and_write_new_ones_in_text_order() -> None:
    from desktop.ui.reader.layers import Style

    person, place = Style("person"), Style("place")
    painted = {(0, 5, person), (10, 15, person)}
    wanted = [(0, 5, person), (10, 15, place), (20, 25, person)]
    assert painter.changes(painted, wanted) == [
        ((10, 15, person), True),
        ((10, 15, place), False),
        ((20, 25, person), False),
    ]
    assert painter.changes(set(), wanted) == [(s, False) for s in wanted]


def test_a_slice_stops_when_its_time_is_up(
    view: ReaderView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(painter, "CHUNK", 1_000)
    monkeypatch.setattr(painter, "TIME_CHECK", 1)
    monkeypatch.setattr(painter, "SLICE_S", 0.0)  # every slice is over after one segment
    written: list[int] = []
    view._painter._next.timeout.connect(lambda: written.append(len(view._painter.painted)))
    people = _people()
    view.show_article(sample.article(TEXT))
    qtbot.waitUntil(lambda: all(_colour(view, p.start) == PERSON for p in people), timeout=10000)
    assert written[:3] == [2, 3, 4]  # one segment per turn (the first was written at once)


@pytest.fixture
def quiet(qtbot, monkeypatch: pytest.MonkeyPatch) -> ReaderView:
    """A reader whose own fetches find nothing, for results handed to it directly; over two
    entities are book length."""
    monkeypatch.setattr(reader_view, "SYNC_MARKS", 2)
    reader = ReaderView(entity_source=lambda article: ([], []))
    qtbot.addWidget(reader)
    reader.show()
    return reader


def _found(shown: list[tuple[list[Entity], list[object]]]) -> list[object]:
    return [result for result in shown if result[0]]


def test_a_book_length_result_is_sorted_out_in_a_worker_then_coloured(
    quiet: ReaderView, qtbot
) -> None:
    from desktop.core.models import Term

    view = quiet
    people = _people()
    name_term = Term("Speaker00", 1.0, ((people[0].start, people[0].end),))
    plain_term = Term("spoke again", 1.0, ((10, 21), (35, 46)))
    shown: list[object] = []
    view.entities_shown.connect(shown.append)
    view.show_article(sample.article(TEXT))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)  # its own fetch: nothing found
    view.set_entities(people, [plain_term, name_term])
    assert _found(shown) == []  # not on the caller's turn
    qtbot.waitUntil(lambda: bool(_found(shown)), timeout=10000)
    assert _found(shown) == [(people, [plain_term, name_term])]
    assert view.legend.buttons["term"].text() == "Key terms 2"  # the name is not counted
    qtbot.waitUntil(lambda: not view.is_painting(), timeout=10000)
    assert {_colour(view, p.start) for p in people} == {PERSON}


def test_a_result_for_an_article_left_meanwhile_is_dropped(quiet: ReaderView, qtbot) -> None:
    view = quiet
    shown: list[object] = []
    view.entities_shown.connect(shown.append)
    view.show_article(sample.article(TEXT))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    view.set_entities(_people(), [])
    view.show_article(sample.article("Another text entirely.", article_id=8))
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)
    assert _found(shown) == []
    assert {_colour(view, 0)} == {PLAIN}
