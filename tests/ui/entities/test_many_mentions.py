"""A book-length article's mentions are grouped in a worker; the list fills once they are, and
the groups of entities shown before newer ones are dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from desktop.core.models import Entity
from desktop.ui.entities import entity_pane
from desktop.ui.entities.entity_pane import EntityPane


def _mentions(name: str, count: int) -> list[Entity]:
    return [Entity(i * 10, i * 10 + 4, name, "person", name) for i in range(count)]


def _rows(pane: EntityPane) -> list[tuple[str, str]]:
    top = pane.tree.topLevelItem(0)
    if top is None:
        return []
    return [(top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())]


@pytest.fixture
def pane(qtbot, monkeypatch: pytest.MonkeyPatch) -> EntityPane:
    monkeypatch.setattr(entity_pane, "SYNC_MENTIONS", 5)  # more than 5 go to a worker
    widget = EntityPane()
    qtbot.addWidget(widget)
    return widget


def test_many_mentions_are_grouped_in_a_worker(pane: EntityPane, qtbot) -> None:
    pane.show_entities((_mentions("Anna Berg", 8) + _mentions("Otto Lind", 6), []))
    assert _rows(pane) == []  # not on the caller's turn
    qtbot.waitUntil(lambda: _rows(pane) == [("Anna Berg", "8"), ("Otto Lind", "6")])
    assert pane.mention_count("person", "Anna Berg") == 8


def test_groups_of_entities_shown_before_newer_ones_are_dropped(pane: EntityPane, qtbot) -> None:
    pane.show_entities((_mentions("Anna Berg", 8), []))
    pane.show_entities((_mentions("Otto Lind", 2), []))  # few: shown at once
    assert _rows(pane) == [("Otto Lind", "2")]
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)  # the older groups arrive now and are dropped
    assert _rows(pane) == [("Otto Lind", "2")]


def _names(count: int) -> list[Entity]:
    """``count`` people, the first mentioned most."""
    return [
        Entity(i * 10, i * 10 + 4, f"Person {n:03}", "person", f"Person {n:03}")
        for n in range(count)
        for i in range(count - n)
    ]


def test_a_long_list_of_names_fills_over_turns_most_mentioned_first(
    pane: EntityPane, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity_pane, "SYNC_MENTIONS", 100_000)  # grouped at once
    monkeypatch.setattr(entity_pane, "ROWS_PER_TURN", 7)
    pane.show_entities((_names(30), []))
    assert [name for name, _ in _rows(pane)] == [f"Person {n:03}" for n in range(7)]
    assert pane.tree.topLevelItem(0).isExpanded()
    assert pane.tree.topLevelItem(0).text(0) == "People (30)"
    qtbot.waitUntil(lambda: len(_rows(pane)) == 30)
    assert _rows(pane)[-1] == ("Person 029", "1")


def test_a_list_still_filling_stops_when_another_article_is_shown(
    pane: EntityPane, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity_pane, "SYNC_MENTIONS", 100_000)
    monkeypatch.setattr(entity_pane, "ROWS_PER_TURN", 7)
    pane.show_entities((_names(30), []))
    pane.show_entities((_mentions("Otto Lind", 2), []))
    qtbot.wait(50)  # the first list's next slices come now and are dropped
    assert _rows(pane) == [("Otto Lind", "2")]
