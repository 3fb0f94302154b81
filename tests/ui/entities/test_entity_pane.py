from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QTextCharFormat

from desktop.ui.entities.entity_pane import EntityPane
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import LIGHT
from tests.ui.reader import sample

pytestmark = pytest.mark.usefixtures("sync_workers", "light_theme")


class FakeCorrections:
    """Stands in for the library's stored corrections: records them, applies them on read."""

    def __init__(self) -> None:
        self.not_entities: set[str] = set()
        self.categories: dict[str, str] = {}
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, kind: str, *args: str) -> None:
        self.calls.append((kind, *args))
        if kind == "not-entity":
            self.not_entities.add(args[0])
        elif kind == "category":
            self.categories[args[0]] = args[1]

    def entities(self, _article):
        kept = [e for e in sample.ENTITIES if e.canonical not in self.not_entities]
        kept = [replace(e, category=self.categories.get(e.canonical, e.category)) for e in kept]
        return kept, sample.TERMS


@pytest.fixture
def wired(qtbot):
    store = FakeCorrections()
    reader = ReaderView(entity_source=store.entities)
    pane = EntityPane(corrector=store)
    for widget in (reader, pane):
        qtbot.addWidget(widget)
    reader.entities_shown.connect(pane.show_entities)
    pane.mention_activated.connect(reader.scroll_to)
    pane.corrections_changed.connect(reader.refresh_entities)
    reader.show_article(sample.article())
    return reader, pane, store


def _groups(pane: EntityPane) -> dict[str, list[str]]:
    tree = pane.tree
    return {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }


def test_entities_are_grouped_with_mention_counts(wired) -> None:
    _reader, pane, _store = wired
    groups = _groups(pane)
    assert groups["Leaders (1)"] == ["Volodymyr Zelenskyy — President of Ukraine"]
    assert groups["Institutions (2)"] == ["European Commission", "★ NATO"]
    assert groups["Key terms (1)"] == ["security guarantees"]
    assert pane.mention_count("leader", "Volodymyr Zelenskyy") == 2


def test_clicking_an_entity_cycles_through_its_mentions(wired, qtbot) -> None:
    reader, pane, _store = wired
    seen = []
    pane.mention_activated.connect(lambda s, e: seen.append((s, e)))
    leader = pane.tree.topLevelItem(0).child(0)
    for _ in range(3):
        pane.tree.itemClicked.emit(leader, 0)
    first, second = sample.ZELENSKYY, sample.ENTITIES[-1]
    assert seen == [(first.start, first.end), (second.start, second.end), (first.start, first.end)]
    offset = reader._positions.to_python(reader.page.textCursor().position())
    assert first.start <= offset < first.end


def test_other_articles_request(wired, qtbot) -> None:
    _reader, pane, _store = wired
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0).child(0))
    with qtbot.waitSignal(pane.filter_library_requested) as blocker:
        pane.others_button.click()
    assert blocker.args == ["Volodymyr Zelenskyy"]


def test_not_an_entity_stops_the_reader_colouring_it(wired, qtbot) -> None:
    reader, pane, store = wired
    start = sample.span("Donald Trump")[0]
    person = LIGHT.colours["entity-person"]
    assert reader.format_at(start).foreground().color().name() == person
    with qtbot.waitSignal(pane.corrections_changed):
        pane.mark_not_entity("Donald Trump")
    assert store.calls == [("not-entity", "Donald Trump")]
    assert reader.format_at(start).foreground().color().name() == LIGHT.colours["text"]
    assert "People (1)" not in _groups(pane)


def test_change_category_recolours(wired) -> None:
    reader, pane, _store = wired
    pane.change_category("Washington", "institution")
    assert "Washington" in _groups(pane)["Institutions (3)"]
    fmt = reader.format_at(sample.span("Washington")[0])
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


def test_a_failed_correction_is_reported(qtbot) -> None:
    def failing(*_args):
        raise RuntimeError("database is locked")

    pane = EntityPane(corrector=failing)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.correction_failed) as blocker:
        pane.rename("NATO", "Nato")
    assert "database is locked" in blocker.args[0]
