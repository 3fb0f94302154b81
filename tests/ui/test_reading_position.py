"""Each article reopens where it was left, at any window size; a changed text follows the
words the place began with, and one changed beyond recognition opens at the top."""

from __future__ import annotations

import pytest

from desktop.core.library.store import with_hash
from desktop.core.models import Article
from tests.ui.conftest import add_article


def _text(topic: str, count: int = 300) -> str:
    return "\n\n".join(f"Paragraph {n} on the {topic} and its delays." for n in range(count))


def _scroll_to(window, qtbot, text: str, phrase: str) -> int:
    """Scroll the reader so ``phrase`` starts the view; returns the remembered offset."""
    window.reader.scroll_to_offset(text.index(phrase))
    place = window.reader.first_visible_offset()
    assert text[place:].lstrip().startswith(phrase)
    return place


def _open(window, qtbot, article_id: int) -> None:
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.reader.article().id == article_id)


def test_each_article_reopens_at_its_own_place(window, library, qtbot) -> None:
    port, rail = _text("port budget"), _text("rail strike")
    first, second = add_article(library, "Port", port), add_article(library, "Rail", rail)
    _open(window, qtbot, first)
    port_place = _scroll_to(window, qtbot, port, "Paragraph 200")
    _open(window, qtbot, second)
    qtbot.waitUntil(lambda: window.reader.first_visible_offset() == 0)  # never read: its top
    rail_place = _scroll_to(window, qtbot, rail, "Paragraph 40")
    window.resize(window.width() - 250, window.height() - 150)  # an offset holds at any size
    _open(window, qtbot, first)
    qtbot.waitUntil(lambda: window.reader.first_visible_offset() == port_place)
    _open(window, qtbot, second)
    qtbot.waitUntil(lambda: window.reader.first_visible_offset() == rail_place)


def test_a_changed_text_keeps_the_place_by_its_words(window, library, qtbot) -> None:
    port = _text("port budget")
    article_id = add_article(library, "Port", port)
    _open(window, qtbot, article_id)
    _scroll_to(window, qtbot, port, "Paragraph 150")
    _open(window, qtbot, window.library.store.list()[-1].id)  # leave it
    updated = "An editor's note added at the top.\n\n" * 5 + port
    library.store.replace_text(article_id, with_hash(Article(0, "Port", updated, "", 0)))
    _open(window, qtbot, article_id)
    qtbot.waitUntil(
        lambda: updated[window.reader.first_visible_offset() :].lstrip().startswith("Paragraph 150")
    )
    _open(window, qtbot, window.library.store.list()[-1].id)
    other = _text("harbour dredging")
    library.store.replace_text(article_id, with_hash(Article(0, "Port", other, "", 0)))
    _open(window, qtbot, article_id)
    qtbot.waitUntil(lambda: window.reader.first_visible_offset() == 0)


def test_places_survive_a_restart(make_window, library, qtbot) -> None:
    port = _text("port budget")
    article_id = add_article(library, "Port", port)
    first = make_window()
    _open(first, qtbot, article_id)
    place = _scroll_to(first, qtbot, port, "Paragraph 120")
    seed = first.library.store.list()[-1].id
    _open(first, qtbot, seed)  # the article closed last is another one
    first.close()
    second = make_window()
    assert second.article.id == seed
    _open(second, qtbot, article_id)
    qtbot.waitUntil(lambda: second.reader.first_visible_offset() == place)


def test_settings_keep_the_most_recent_places_and_skip_damaged_ones(tmp_path, monkeypatch):
    from desktop.core.library.reading_position import ReadingPosition
    from desktop.ui import settings as settings_module

    monkeypatch.setattr(settings_module, "MAX_POSITIONS", 3)
    path = tmp_path / "settings.ini"
    stored = settings_module.WindowSettings(path)
    for article_id in (1, 2, 3, 1, 4):
        stored.set_reading_position(article_id, ReadingPosition(article_id * 10, "h", "ctx"))
    stored.sync()
    again = settings_module.WindowSettings(path)
    assert list(again.reading_positions()) == [3, 1, 4]  # 2 was left longest ago
    assert again.reading_positions()[4] == ReadingPosition(40, "h", "ctx")
    again._qs.setValue("reader/positions", '[[5, 1, "h", "c"], ["x"], 7, [6, "1", "h", "c"]')
    assert settings_module.WindowSettings(path).reading_positions() == {}  # not JSON
    again._qs.setValue("reader/positions", '[[5, 1, "h", "c"], ["x"], 7, [6, "1", "h", "c"]]')
    assert list(settings_module.WindowSettings(path).reading_positions()) == [5]


def test_a_book_still_being_laid_out_keeps_the_place_it_had(
    window, library, qtbot, monkeypatch
) -> None:
    """Until a long text is laid out, the place on screen can be read far down it (and finding
    it can take seconds): leaving it then keeps the place saved before."""
    from desktop.ui.reader import layout_pacer
    from desktop.ui.window_state import remember_place

    book = _text("harbour budget", 4_000)
    assert len(book) > layout_pacer.PACED_CHARS
    article_id = add_article(library, "Book", book)
    _open(window, qtbot, article_id)
    qtbot.waitUntil(lambda: not window.reader.is_laying_out(), timeout=60_000)
    place = _scroll_to(window, qtbot, book, "Paragraph 30")
    remember_place(window)
    assert window.settings.reading_positions()[article_id].offset == place

    monkeypatch.setattr(layout_pacer, "BUDGET_S", 0.0)  # slices stay small: many turns
    monkeypatch.setattr(layout_pacer, "FIRST_SLICE", layout_pacer.MIN_SLICE)
    window.reader.resize(window.reader.width() - 120, window.reader.height())  # re-wrapped
    qtbot.waitUntil(window.reader.is_laying_out)
    monkeypatch.setattr(
        window.reader, "first_visible_offset", lambda: pytest.fail("read during layout")
    )
    remember_place(window)
    assert window.settings.reading_positions()[article_id].offset == place
