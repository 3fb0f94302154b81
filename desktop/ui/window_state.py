"""Restoring and saving what the window remembers: layout, open article, the place in each
article, font, method.

Separate from ``main_window`` so the window module stays about layout and wiring; this reads
and writes ``WindowSettings`` through the panes' public methods only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from desktop.core.library.reading_position import place_in, position_in
from desktop.ui.library.query import initial_article_id

if TYPE_CHECKING:
    from desktop.core.models import Article
    from desktop.ui.main_window import MainWindow

DEFAULT_SIZE = (1360, 860)
DEFAULT_SPLIT = [470, 640, 330]
SETTLE_MS = 1500  # how long a restored place is kept through the first re-layouts


def restore_layout(window: MainWindow) -> None:
    """Geometry, splitter, side tab, list order, reader font and summary method."""
    settings = window.settings
    geometry = settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)
    state = settings.window_state()
    if state is not None:
        window.restoreState(state)
    sizes = settings.splitter_sizes("main")
    window.splitter.setSizes(sizes if len(sizes) == 3 and all(sizes) else DEFAULT_SPLIT)
    window.side_tabs.setCurrentIndex(settings.side_tab())
    column, descending = settings.library_sort()
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    window.library_pane.table.sortByColumn(column, order)
    window.library_pane.set_hidden_columns(settings.hidden_columns())
    if settings.font_size():
        window.reader.set_font_size(settings.font_size())
    if settings.summary_method():
        window.summary_pane.set_method(settings.summary_method())


def first_article(window: MainWindow) -> int:
    """The article to open at start: the one open at the last close, if it is still there."""
    return initial_article_id(window.library.conn, window.settings.open_article())


def remember_place(window: MainWindow) -> None:
    """Keep where the open article is being read, for when it is opened again (the place kept
    before stays while the text is still being built or laid out)."""
    reader = window.reader
    article = reader.article()
    if article is not None and not reader.is_building() and not reader.is_laying_out():
        offset = reader.first_visible_offset()
        place = position_in(article.text, article.content_hash, offset)
        window.settings.set_reading_position(article.id, place)


def saved_place(window: MainWindow, article: Article) -> int:
    """Where ``article`` was left (0: its top, or a text changed too much to tell)."""
    place = window.settings.reading_positions().get(article.id)
    return place_in(place, article.text, article.content_hash) if place else 0


def restore_place(
    window: MainWindow, article: Article, jump: tuple[int, int] | None, place: int
) -> None:
    """Show the passage ``jump`` of the article just shown, else its ``place``."""
    if window.article is not article:
        return  # another article, or this one again with a newer text, is shown now
    reader = window.reader
    if jump:
        reader.scroll_to(*jump)
        return
    reader.scroll_to_offset(place)
    # The text may be laid out again once the window has its final size: keep the place
    # through those first re-layouts.
    bar = reader.page.verticalScrollBar()

    def keep(*_: int) -> None:
        if window.article is article:
            reader.scroll_to_offset(place)

    bar.rangeChanged.connect(keep)
    QTimer.singleShot(SETTLE_MS, bar, lambda: bar.rangeChanged.disconnect(keep))


def save_state(window: MainWindow) -> None:
    settings = window.settings
    settings.set_geometry(window.saveGeometry())
    settings.set_window_state(window.saveState())
    settings.set_splitter_sizes("main", window.splitter.sizes())
    settings.set_side_tab(window.side_tabs.currentIndex())
    settings.set_library_sort(*window.library_pane.sort_column())
    settings.set_hidden_columns(window.library_pane.hidden_columns())
    settings.set_font_size(window.reader.font_size())
    settings.set_summary_method(window.summary_pane.method())
    if window.article is not None:
        settings.set_open_article(window.article.id)
        remember_place(window)
    settings.sync()
