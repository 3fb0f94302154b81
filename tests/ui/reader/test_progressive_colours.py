"""A long article the library has not indexed: the lines on screen are coloured first, then
everything; an indexed article is coloured in one pass; results for a left article are dropped."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QTextCharFormat

from desktop.core.library.entity_index import article_entities, is_indexed
from desktop.core.models import Article
from desktop.core.resources import seeds_dir
from desktop.ui import workers
from desktop.ui.reader.entity_fetch import FirstPass
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import LIGHT
from tests.ui.conftest import add_article
from tests.ui.reader import sample

PLAIN = LIGHT.colours["text"]
LEADER = LIGHT.colours["entity-leader"]
TOP = "Keir Starmer told reporters in London that the talks would go on."
END = "Giorgia Meloni flew home to Rome after the meeting in Brussels."


def _colour(fmt: QTextCharFormat) -> str:
    return fmt.foreground().color().name() if fmt.hasProperty(fmt.Property.ForegroundBrush) else ""


def _long_article(article_id: int) -> Article:
    """The sample article followed by enough filler to make the first pass worth it."""
    return sample.article(sample.TEXT + "\nMore words follow here." * 2_000, article_id)


def _long_text() -> str:
    """The seed's paragraphs six times over (about 2,300 words) between two known lines."""
    seed = (seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    return "\n\n".join([TOP, *paragraphs * 6, END])


def _passes(reader: ReaderView) -> tuple[list[object], list[object]]:
    """Lists that collect what each pass delivers: first colours, complete colours."""
    first: list[object] = []
    complete: list[object] = []
    reader.first_colours_shown.connect(first.append)
    reader.entities_shown.connect(complete.append)
    return first, complete


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()  # the library's own sources: the index, or the language pass
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


@pytest.mark.usefixtures("sync_workers", "light_theme")
def test_a_new_long_article_is_coloured_on_screen_first_then_completely(
    library, reader: ReaderView
) -> None:
    article = library.store.get(add_article(library, "Long", _long_text()))
    assert article is not None and not is_indexed(library.conn, article)
    top, end = article.text.index("Starmer"), article.text.rindex("Meloni")
    seen: list[tuple[str, str, str, str]] = []
    complete: list[object] = []

    def look(stage: str) -> None:
        legend = reader.legend.buttons["leader"].text()
        seen.append((stage, _colour(reader.format_at(top)), _colour(reader.format_at(end)), legend))

    reader.first_colours_shown.connect(lambda _entities: look("first"))
    reader.entities_shown.connect(lambda result: (complete.append(result), look("complete")))
    reader.show_article(article)

    # First the lines around the screen: the top is coloured, the end not yet, and the legend
    # does not count a part as if it were the whole.
    assert seen[0] == ("first", LEADER, PLAIN, "Leaders")
    assert seen[1][:3] == ("complete", LEADER, LEADER)
    assert seen[1][3].startswith("Leaders ") and len(seen) == 2
    assert is_indexed(library.conn, article)
    entities, terms = article_entities(library.conn, article)  # read back from the index
    assert complete == [(entities, terms)] and terms


@pytest.mark.usefixtures("sync_workers", "light_theme")
def test_an_indexed_article_is_coloured_in_one_pass(library, reader: ReaderView) -> None:
    article = library.store.get(add_article(library, "Long", _long_text()))
    assert article is not None
    article_entities(library.conn, article)  # indexes it
    first, complete = _passes(reader)
    reader.show_article(article)
    assert first == [] and len(complete) == 1
    assert _colour(reader.format_at(article.text.rindex("Meloni"))) == LEADER


@pytest.mark.usefixtures("sync_workers", "light_theme")
def test_a_short_new_article_is_analysed_in_one_pass(library, reader: ReaderView) -> None:
    article = library.store.get(add_article(library, "Short", "\n\n".join([TOP, END])))
    assert article is not None
    first, complete = _passes(reader)
    reader.show_article(article)
    assert first == [] and len(complete) == 1
    assert is_indexed(library.conn, article)


@pytest.mark.usefixtures("light_theme")
def test_results_of_either_pass_for_a_left_article_are_dropped(qtbot) -> None:
    """Article 1's complete pass is still running and article 2's first pass is on its way
    when the user opens article 3: neither result may colour article 3."""
    workers.set_synchronous(False)
    release = threading.Event()
    complete_calls: list[int] = []
    finished: list[int] = []
    everything = {1: sample.ENTITIES, 3: [sample.ZELENSKYY]}

    def window(article, start: int, end: int) -> FirstPass:
        return FirstPass(False, everything.get(article.id, sample.ENTITIES)[:1])

    def complete(article):
        complete_calls.append(article.id)
        if article.id == 1:
            release.wait(10)
        finished.append(article.id)
        return everything[article.id], []

    view = ReaderView(entity_source=complete, first_source=window)
    qtbot.addWidget(view)
    firsts: list[object] = []
    completes: list[object] = []
    view.first_colours_shown.connect(firsts.append)
    view.entities_shown.connect(completes.append)
    try:
        view.show_article(_long_article(1))
        qtbot.waitUntil(lambda: complete_calls == [1])  # after its first colours
        view.show_article(_long_article(2))
        view.show_article(_long_article(3))  # before 2's first result is back
        qtbot.waitUntil(lambda: len(completes) == 1)
    finally:
        release.set()
    qtbot.waitUntil(lambda: 1 in finished)
    qtbot.wait(50)  # time for article 1's stale result to be delivered (and dropped)
    assert complete_calls == [1, 3]  # article 2's complete pass never started
    assert len(firsts) == 2 and completes == [([sample.ZELENSKYY], [])]
    assert _colour(view.format_at(sample.span("Donald Trump")[0])) == PLAIN
    assert _colour(view.format_at(sample.ZELENSKYY.start)) == LEADER


@pytest.mark.usefixtures("light_theme")
def test_a_first_result_after_the_complete_one_is_ignored(qtbot) -> None:
    workers.set_synchronous(False)
    release = threading.Event()
    returned: list[int] = []

    def window(article, start: int, end: int) -> FirstPass:
        release.wait(10)
        returned.append(article.id)
        return FirstPass(False, sample.ENTITIES)

    view = ReaderView(entity_source=lambda article: ([], []), first_source=window)
    qtbot.addWidget(view)
    firsts: list[object] = []
    view.first_colours_shown.connect(firsts.append)
    try:
        view.show_article(_long_article(7))
        view.set_entities([sample.ZELENSKYY], [])  # the complete result, before the first
    finally:
        release.set()
    qtbot.waitUntil(lambda: returned == [7])
    qtbot.wait(50)  # time for the first result to be delivered (and dropped)
    assert firsts == []
    assert _colour(view.format_at(sample.span("Donald Trump")[0])) == PLAIN
    assert _colour(view.format_at(sample.ZELENSKYY.start)) == LEADER
