"""A long document is laid out a slice per turn of the event loop, not in Qt's growing steps,
and a short one is left to Qt; offsets still map to the right text once it is laid out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from desktop.ui.reader import layout_pacer
from desktop.ui.reader.layout_pacer import LayoutPacer, laid_out
from desktop.ui.reader.reader_view import ReaderView
from tests.ui.reader import sample

PARAGRAPH = "Ministers met again on Tuesday to discuss the budget and the harbour. "
LONG_TEXT = "\n\n".join(f"{i:05d} " + PARAGRAPH * 3 for i in range(3_000))


@pytest.fixture
def reader(qtbot, monkeypatch: pytest.MonkeyPatch) -> ReaderView:
    monkeypatch.setattr(layout_pacer, "FIRST_SLICE", 5_000)
    monkeypatch.setattr(layout_pacer, "MIN_SLICE", 5_000)
    monkeypatch.setattr(layout_pacer, "BUDGET_S", 0.0)  # slices never grow: many turns
    view = ReaderView(entity_source=lambda article: ([], []))
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view


def test_a_long_document_is_laid_out_over_many_turns(reader: ReaderView, qtbot) -> None:
    turns: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(reader.page.layout_pacer.busy()))
    timer.start(0)
    reader.show_article(sample.article(LONG_TEXT))
    doc = reader.page.document()
    assert doc.characterCount() > layout_pacer.PACED_CHARS
    assert not laid_out(doc.lastBlock())  # not all on the turn that showed it
    qtbot.waitUntil(lambda: laid_out(doc.lastBlock()), timeout=30_000)
    timer.stop()
    assert turns.count(True) > 10  # the event loop turned while it was being laid out
    qtbot.waitUntil(lambda: not reader.page.layout_pacer.busy(), timeout=5_000)
    last = LONG_TEXT.rindex("02999")
    reader.scroll_to(last, last + 5, flash=False)
    assert reader.cursor_offset() == last


def test_a_short_document_is_left_to_qt(reader: ReaderView) -> None:
    reader.show_article(sample.article())
    assert not reader.page.layout_pacer.busy()


def test_a_new_width_lays_the_long_document_out_again_in_slices(reader: ReaderView, qtbot) -> None:
    reader.show_article(sample.article(LONG_TEXT))
    doc = reader.page.document()
    qtbot.waitUntil(lambda: not reader.page.layout_pacer.busy(), timeout=30_000)
    reader.resize(reader.width() + 200, reader.height())
    qtbot.waitUntil(reader.page.layout_pacer.busy, timeout=5_000)
    qtbot.waitUntil(lambda: laid_out(doc.lastBlock()), timeout=30_000)


def test_the_pacer_stops_when_its_document_goes(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    pacer = LayoutPacer()
    doc = QTextDocument()
    doc.setPlainText(LONG_TEXT)
    pacer.start(doc)
    assert pacer.busy()
    doc.deleteLater()
    qtbot.waitUntil(lambda: not pacer.busy(), timeout=5_000)
