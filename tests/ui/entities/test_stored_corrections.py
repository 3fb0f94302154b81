"""Corrections and the watchlist through the library's real storage, across new widgets."""

from __future__ import annotations

import pytest

from desktop.core.resources import seeds_dir
from desktop.ui import workers
from desktop.ui.entities.entity_pane import EntityPane
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import LIGHT
from desktop.ui.watchlist.watchlist_dialog import WatchlistDialog
from tests.ui.reader import sample

pytestmark = pytest.mark.usefixtures("sync_workers", "light_theme")


@pytest.fixture
def seed_article():
    text = next(seeds_dir().glob("*.txt")).read_text(encoding="utf-8")
    store = workers.thread_library().store
    return store.get(store.add(sample.article(text, article_id=0)).id)


def _open(qtbot, article):
    reader, pane = ReaderView(), EntityPane()
    for widget in (reader, pane):
        qtbot.addWidget(widget)
    reader.entities_shown.connect(pane.show_entities)
    pane.corrections_changed.connect(reader.refresh_entities)
    reader.show_article(article)
    return reader, pane


def _colour_at(reader, offset: int) -> str:
    return reader.format_at(offset).foreground().color().name()


def test_not_an_entity_is_stored_and_survives_new_widgets(qtbot, seed_article) -> None:
    reader, pane = _open(qtbot, seed_article)
    institutions = [e for e in reader._entities if e.category == "institution"]
    assert institutions, "the seed names institutions (NATO, Fox News …)"
    first = institutions[0]
    assert _colour_at(reader, first.start) == LIGHT.colours["entity-institution"]
    assert pane.mention_count("institution", first.canonical) > 0
    with qtbot.waitSignal(pane.corrections_changed):
        pane.mark_not_entity(first.canonical)
    assert _colour_at(reader, first.start) == LIGHT.colours["text"]
    assert pane.mention_count("institution", first.canonical) == 0

    again, _pane = _open(qtbot, seed_article)
    assert all(e.canonical != first.canonical for e in again._entities)
    assert _colour_at(again, first.start) == LIGHT.colours["text"]


def test_watchlist_entries_colour_the_reader(qtbot, seed_article) -> None:
    reader, _pane = _open(qtbot, seed_article)
    dialog = WatchlistDialog()
    qtbot.addWidget(dialog)
    dialog.watchlist_changed.connect(reader.refresh_entities)
    with qtbot.waitSignal(dialog.watchlist_changed):
        dialog.add_entry("Alaska summit", "term", ["Alaska"])
    assert [(e.name, e.aliases) for e in dialog.entries()] == [("Alaska summit", ("Alaska",))]
    start = seed_article.text.index("Alaska")
    fmt = reader.format_at(start)
    assert fmt.background().color().name() == LIGHT.colours["watchlist"]
    dialog.remove_entries(dialog.entries())
    assert dialog.entries() == []
    assert reader.format_at(start).background().color().name() != LIGHT.colours["watchlist"]


def test_rename_and_category_change_are_applied_from_storage(qtbot, seed_article) -> None:
    reader, pane = _open(qtbot, seed_article)
    place = next(e for e in reader._entities if e.category == "place")
    pane.rename(place.canonical, "Renamed Place")
    pane.change_category("Renamed Place", "institution")
    assert pane.mention_count("institution", "Renamed Place") > 0
    assert _colour_at(reader, place.start) == LIGHT.colours["entity-institution"]
    labels = reader._mentions.labels_at(place.start)
    assert labels == ["Renamed Place (institution)"]
