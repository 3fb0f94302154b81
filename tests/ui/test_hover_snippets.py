"""Hovering a title while searching: the tooltip comes at once, its search snippet is found in a
worker and follows, and a snippet for a list since replaced is dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QCursor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.ui.library import model as library_model
from desktop.ui.library.library_pane import LibraryPane
from desktop.ui.library.model import FINDING_SNIPPET
from tests.ui.conftest import add_article
from tests.ui.rendering import displayed

TITLE = 0


def search(qtbot, library, words: str) -> LibraryPane:
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.resize(700, 400)
    pane.show()
    qtbot.waitExposed(pane)
    pane.search.setText(words)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=10_000)
    return pane


def hover(pane: LibraryPane, index: QModelIndex) -> None:
    """What Qt does when the mouse rests on a cell: the cursor is there, a tooltip event."""
    viewport = pane.table.viewport()
    point = pane.table.visualRect(index).center()
    QCursor.setPos(viewport.mapToGlobal(point))
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)


def test_hovering_a_long_articles_title_does_not_wait_for_its_snippet(
    qtbot, library, monkeypatch
) -> None:
    # Thousands of matches in one long text: SQLite's snippet() takes most of a second here.
    add_article(library, "Budget report", "The budget of the city. " * 15_000)
    threads: list[threading.Thread] = []
    real = library_model.fetch_snippets

    def spied(*args: object) -> dict[int, str]:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(library_model, "fetch_snippets", spied)
    pane = search(qtbot, library, "budget")
    index = pane.model.index(0, TITLE)

    hover(pane, index)  # answered at once: the snippet is not there yet
    assert displayed(QToolTip.text()) == f"Budget report\n\n{FINDING_SNIPPET}"

    qtbot.waitUntil(lambda: "[budget]" in displayed(QToolTip.text()), timeout=30_000)
    assert displayed(QToolTip.text()).startswith("Budget report\n\n")
    assert threads and threading.main_thread() not in threads
    assert "[budget]" in displayed(index.data(Qt.ItemDataRole.ToolTipRole))


def test_a_snippet_for_a_replaced_list_is_dropped(qtbot, library, monkeypatch) -> None:
    add_article(library, "Zebra story", "A zebra crossed. The ferry sank.")
    release = threading.Event()

    def slow(_conn: object, match: str, ids: list[int]) -> dict[int, str]:
        release.wait(10)
        return {int(i): f"snippet for {match}" for i in ids}

    monkeypatch.setattr(library_model, "fetch_snippets", slow)
    pane = search(qtbot, library, "zebra")
    assert FINDING_SNIPPET in displayed(
        pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    )
    pane.search.setText("ferry")  # the same article, listed again for another search
    qtbot.waitUntil(lambda: pane.model._listed_match == '"ferry"', timeout=5_000)
    release.set()
    pane.model._snippet_pool.waitForDone(10_000)
    qtbot.wait(50)  # the zebra result is delivered, and must be dropped
    tip = pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "zebra" not in displayed(tip)
    qtbot.waitUntil(
        lambda: (
            "snippet for" in displayed(pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole))
        ),
        timeout=10_000,
    )
    assert displayed(pane.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)).endswith(
        'snippet for "ferry"'
    )


def test_a_snippet_arriving_after_the_mouse_left_shows_no_tooltip(
    qtbot, library, monkeypatch
) -> None:
    add_article(library, "Zebra story", "A zebra crossed.")
    release = threading.Event()

    def slow(_conn: object, match: str, ids: list[int]) -> dict[int, str]:
        release.wait(10)
        return {int(i): "[zebra]" for i in ids}

    monkeypatch.setattr(library_model, "fetch_snippets", slow)
    pane = search(qtbot, library, "zebra")
    hover(pane, pane.model.index(0, TITLE))
    assert QToolTip.isVisible()
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=5_000)
    release.set()
    pane.model._snippet_pool.waitForDone(10_000)
    qtbot.wait(50)
    assert not QToolTip.isVisible()
