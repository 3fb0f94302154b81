from __future__ import annotations

import itertools

import pytest

from desktop.ui import workers
from desktop.ui.watchlist.watchlist_dialog import WatchEntry, WatchlistDialog
from tests.ui.rendering import label_shows


@pytest.fixture(autouse=True)
def synchronous():
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)


class MemoryWatchlist:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.items: dict[int, WatchEntry] = {}

    def entries(self) -> list[WatchEntry]:
        return list(self.items.values())

    def add(self, name, category, aliases) -> None:
        key = next(self._ids)
        self.items[key] = WatchEntry(key, name, category, tuple(aliases))

    def remove(self, entry: WatchEntry) -> None:
        del self.items[entry.key]


def test_add_with_aliases_and_remove(qtbot) -> None:
    store = MemoryWatchlist()
    dialog = WatchlistDialog(store=store)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    qtbot.keyClicks(dialog.name_field, "Volodymyr Zelenskyy")
    dialog.category_box.setCurrentIndex(dialog.category_box.findData("leader"))
    qtbot.keyClicks(dialog.aliases_field, "Zelensky, Zelenskiy, ")
    with qtbot.waitSignal(dialog.watchlist_changed):
        dialog.add_button.click()
    assert [(e.name, e.category, e.aliases) for e in store.entries()] == [
        ("Volodymyr Zelenskyy", "leader", ("Zelensky", "Zelenskiy"))
    ]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "Zelensky, Zelenskiy"
    assert dialog.name_field.text() == ""

    dialog.add_entry("security guarantees", "term")
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.watchlist_changed):
        dialog.remove_button.click()
    assert [e.name for e in store.entries()] == ["security guarantees"]


def test_a_blank_name_adds_nothing_and_failures_are_shown(qtbot) -> None:
    store = MemoryWatchlist()

    def broken(*_args):
        raise RuntimeError('database is read-only <img src="probe.png">')

    dialog = WatchlistDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.add_entry("   ", "person")
    assert store.entries() == []
    store.add = broken
    dialog.add_entry("NATO", "institution")
    assert label_shows(dialog.status) == (
        'The watchlist could not be changed: database is read-only <img src="probe.png">'
    )
    with pytest.raises(ValueError, match="unknown watchlist category"):
        dialog.add_entry("NATO", "planet")
