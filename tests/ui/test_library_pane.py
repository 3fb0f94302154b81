"""The Library pane: a lazy model over SQLite, live search, filters, sorting and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.library.library_pane import LibraryPane
from desktop.ui.library.model import ARTICLE_ID_ROLE, COLUMNS, PAGE_SIZE, LibraryModel
from desktop.ui.library.query import LibraryFilter
from tests.ui.conftest import add_article

TITLE, WORDS, STAR = 0, 3, 5


def fill(library, count: int) -> list[int]:
    return [
        add_article(
            library,
            f"Report {n:03d}",
            " ".join(["budget"] * (n + 1)) + (" zebra crossing" if n % 50 == 7 else ""),
            source=f"Source {n % 3}",
            published=f"2024-01-{n % 28 + 1:02d}",
        )
        for n in range(count)
    ]


def make_pane(qtbot, library) -> LibraryPane:
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def titles(model: LibraryModel) -> list[str]:
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, library, sync_workers):
    fill(library, 40)
    model = LibraryModel(library.conn)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.set_filter(LibraryFilter(search="zebra"))
    qtmodeltester.check(model, force_py=True)


def test_rows_page_in_lazily_and_cover_the_whole_library(library, sync_workers):
    ids = fill(library, PAGE_SIZE * 2 + 5)
    model = LibraryModel(library.conn)
    model.refresh()
    assert model.rowCount() == len(ids) + 1  # and the seed article
    assert model._pages == {}  # nothing fetched until a row is asked for
    last = model.rowCount() - 1
    assert model.index(last, TITLE).data()
    assert list(model._pages) == [last // PAGE_SIZE]
    shown = {model.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(model.rowCount())}
    assert set(ids) <= shown


def test_typing_in_search_filters_the_list_with_snippet_tooltips(qtbot, library, sync_workers):
    fill(library, 120)
    pane = make_pane(qtbot, library)
    pane.refresh()
    everything = pane.model.rowCount()
    qtbot.keyClicks(pane.search, "zebra")
    qtbot.waitUntil(lambda: pane.model.rowCount() < everything, timeout=2000)
    assert sorted(titles(pane.model)) == ["Report 007", "Report 057", "Report 107"]
    tip = pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "[zebra]" in tip
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == everything, timeout=2000)


def test_sorting_by_a_column_orders_rows_in_sqlite(library, sync_workers):
    fill(library, 30)
    model = LibraryModel(library.conn)
    model.sort(WORDS, Qt.SortOrder.AscendingOrder)
    words = [int(model.index(r, WORDS).data().replace(",", "")) for r in range(model.rowCount())]
    assert words == sorted(words)
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    shown = titles(model)
    assert shown == sorted(shown, key=str.lower, reverse=True)


def test_unread_and_starred_filters(qtbot, library, sync_workers):
    ids = fill(library, 10)
    library.store.set_read(ids[0])
    library.store.set_starred(ids[1])
    pane = make_pane(qtbot, library)
    pane.refresh()
    total = pane.model.rowCount()
    pane.unread.setChecked(True)
    assert pane.model.rowCount() == total - 1
    pane.unread.setChecked(False)
    pane.starred.setChecked(True)
    assert titles(pane.model) == ["Report 001"]


def test_keyboard_moves_stars_and_opens(qtbot, library, sync_workers):
    fill(library, 5)
    pane = make_pane(qtbot, library)
    pane.refresh()
    opened: list[int] = []
    pane.article_opened.connect(opened.append)
    table = pane.table
    table.setFocus()
    pane._set_current(0)
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    article_id = pane.model.article_id(2)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert library.store.get(article_id).starred
    assert pane.model.index(2, STAR).data() == "★"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened[-1] == article_id
    assert library.store.get(article_id).read
    QApplication.processEvents()


def test_a_refresh_before_the_open_delay_keeps_the_users_choice(qtbot, library, sync_workers):
    fill(library, 5)
    pane = make_pane(qtbot, library)
    pane.refresh()
    first, second = pane.model.article_id(0), pane.model.article_id(1)
    pane.show_opened(first)
    opened: list[int] = []
    pane.article_opened.connect(opened.append)
    pane.select_article(second)
    pane.refresh()  # e.g. note counts changed, before the open delay ran out
    qtbot.waitUntil(lambda: opened == [second], timeout=2000)
    assert pane.table.currentIndex().data(ARTICLE_ID_ROLE) == second


def test_columns_can_be_hidden_from_the_header_menu(qtbot, library, sync_workers):
    pane = make_pane(qtbot, library)
    pane.set_hidden_columns(["source", "watch"])
    assert pane.table.isColumnHidden(1) and pane.table.isColumnHidden(7)
    assert not pane.table.isColumnHidden(0)
    assert pane.hidden_columns() == ["source", "watch"]


def test_watchlist_filter_and_counts(qtbot, library, sync_workers):
    from desktop.core.library.watchlist import add_watch_item

    ids = fill(library, 6)
    rotterdam = add_article(library, "Port news", "Rotterdam dockers met in Rotterdam today.")
    add_watch_item(library.conn, "Rotterdam", "place")
    pane = make_pane(qtbot, library)
    pane.refresh()
    watch = len(COLUMNS) - 1
    row = pane.model.row_of(rotterdam)
    assert pane.model.index(row, watch).data() == "2"
    assert pane.model.index(pane.model.row_of(ids[0]), watch).data() == ""
    pane.watchlist.setChecked(True)
    assert titles(pane.model) == ["Port news"]


def test_mentions_filter_lists_articles_naming_an_entity(qtbot, library, sync_workers):
    from desktop.core.library.entity_index import index_pending

    other = add_article(library, "Weather", "Rain is expected across the region on Sunday.")
    while index_pending(library.conn):
        pass
    pane = make_pane(qtbot, library)
    pane.refresh()
    assert pane.model.row_of(other) >= 0
    pane.filter_mentions("Vladimir Putin")
    assert pane.mentions.isVisible() and "Vladimir Putin" in pane.mentions.text()
    shown = titles(pane.model)
    assert len(shown) == 1 and shown[0].startswith("As Ukrainian President")
    pane.mentions.click()
    assert pane.model.row_of(other) >= 0


def test_undated_articles_show_a_dash_and_sort_last_either_way(library, sync_workers):
    dated = [
        add_article(library, f"Dated {d}", f"story number {d} " * 5, published=f"2024-03-0{d}")
        for d in (1, 2)
    ]
    undated = add_article(library, "No date", "a page that declares no date at all " * 5)
    model = LibraryModel(library.conn)
    date_column = next(i for i, (key, *_) in enumerate(COLUMNS) if key == "date")
    for order, first in ((Qt.SortOrder.DescendingOrder, 1), (Qt.SortOrder.AscendingOrder, 0)):
        model.sort(date_column, order)
        shown = [model.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(model.rowCount())]
        assert shown[-1] == undated
        assert shown.index(dated[first]) < shown.index(dated[1 - first])
        row = shown.index(undated)
        assert model.index(row, date_column).data() == "—"
