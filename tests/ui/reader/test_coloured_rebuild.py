"""A book-length article that is laid out gets many colours by a coloured copy of its document
(each change in place would re-position every paragraph after it); the copy replaces it where
the reader is, with the selection kept, and the colours land at the right offsets."""

from __future__ import annotations

import pytest

from desktop.core.models import Entity
from desktop.ui.reader import painter, reader_view
from desktop.ui.reader.layout_pacer import laid_out
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import CATEGORY_ROLES, LIGHT
from tests.ui.reader import sample

PERSON = LIGHT.colours[CATEGORY_ROLES["person"]]
PARAGRAPHS = 2_000
TEXT = "\n\n".join(
    f"Paragraph {i:04d}: Minister Okafor spoke to reporters about the harbour budget again."
    for i in range(PARAGRAPHS)
)

pytestmark = pytest.mark.usefixtures("light_theme")


def _ministers() -> list[Entity]:
    found, start = [], TEXT.find("Okafor")
    while start >= 0:
        found.append(Entity(start, start + 6, "Okafor", "person", "Okafor"))
        start = TEXT.find("Okafor", start + 1)
    return found


@pytest.fixture
def reader(qtbot, monkeypatch: pytest.MonkeyPatch) -> ReaderView:
    monkeypatch.setattr(reader_view, "BACKGROUND_CHARS", 1_000)
    monkeypatch.setattr(reader_view, "SYNC_MARKS", 10)
    monkeypatch.setattr(painter, "REBUILD_WRITES", 10)
    view = ReaderView(entity_source=lambda article: ([], []))
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    shown: list[object] = []
    view.entities_shown.connect(shown.append)
    view.show_article(sample.article(TEXT))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)  # its own fetch: nothing found
    doc = view.page.document()
    qtbot.waitUntil(lambda: laid_out(doc.lastBlock()), timeout=30_000)
    return view


def test_many_colours_come_in_a_copy_shown_where_the_reader_was(reader: ReaderView, qtbot):
    middle = TEXT.index("Paragraph 1200")
    reader.scroll_to_offset(middle)
    place = reader.first_visible_offset()
    assert abs(place - middle) < 200
    selected = (middle + 15, middle + 35)
    reader.scroll_to(*selected, flash=False)
    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(selected[0]))
    cursor.setPosition(reader._positions.to_qt(selected[1]), cursor.MoveMode.KeepAnchor)
    reader.page.setTextCursor(cursor)
    reader.scroll_to_offset(middle)
    before = reader.page.document()

    ministers = _ministers()
    reader.set_entities(ministers, [])
    qtbot.waitUntil(lambda: not reader.is_painting(), timeout=30_000)
    assert reader.page.document() is not before  # a copy, coloured before it was shown
    assert reader.selected_range() == selected
    assert abs(reader.first_visible_offset() - place) < 200
    for entity in (ministers[0], ministers[1200], ministers[-1]):
        assert reader.format_at(entity.start).foreground().color().name() == PERSON
    assert reader.format_at(ministers[0].start - 3).foreground().color().name() != PERSON


def test_a_few_changes_are_written_in_place(reader: ReaderView, qtbot) -> None:
    before = reader.page.document()
    reader.set_entities(_ministers()[:3], [])
    qtbot.waitUntil(lambda: not reader.is_painting(), timeout=30_000)
    assert reader.page.document() is before
    assert reader.format_at(_ministers()[2].start).foreground().color().name() == PERSON


def test_a_copy_waits_until_the_document_on_screen_is_laid_out(
    reader: ReaderView, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.reader import layout_pacer

    monkeypatch.setattr(layout_pacer, "BUDGET_S", 0.0)  # slices never grow: many turns
    monkeypatch.setattr(layout_pacer, "FIRST_SLICE", 2_000)
    monkeypatch.setattr(layout_pacer, "MIN_SLICE", 2_000)
    swapped_while_busy: list[bool] = []
    swap = reader._swap_document

    def watched(*args: object) -> None:
        swapped_while_busy.append(reader.page.layout_pacer.busy())
        swap(*args)

    monkeypatch.setattr(reader, "_swap_document", watched)
    reader.resize(reader.width() + 150, reader.height())  # laid out again, in small slices
    assert reader.page.layout_pacer.busy()
    reader.set_entities(_ministers(), [])
    qtbot.waitUntil(lambda: not reader.is_painting(), timeout=30_000)
    assert swapped_while_busy == [False]
    assert reader.first_visible_offset() < 200  # still at the top
