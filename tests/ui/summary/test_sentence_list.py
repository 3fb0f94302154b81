"""A summary of thousands of sentences fills the list a slice per event-loop turn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from desktop.core.models import SummarySentence
from desktop.ui.summary import sentence_list
from desktop.ui.summary.sentence_list import SentenceList


def _sentences(count: int) -> list[SummarySentence]:
    text = "The council approved the budget after a long debate about roads and schools."
    return [SummarySentence(i * 100, i * 100 + len(text), text, i + 1, 1.0) for i in range(count)]


def test_a_long_summary_fills_in_slices_while_the_event_loop_runs(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sentence_list, "CHUNK", 5)
    widget = SentenceList()
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    turns: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(widget.count()))
    timer.start(0)
    widget.set_sentences(_sentences(23))
    assert widget.count() == 5 and widget.filling()  # the first slice only
    qtbot.waitUntil(lambda: not widget.filling())
    timer.stop()
    assert widget.count() == 23 and any(0 < n < 23 for n in turns)
    assert all(widget.item(row).sizeHint().height() > 12 for row in range(23))
    assert widget.offsets(22) == (2200, 2200 + len(widget.item(22).text()))
    assert widget.item(22).toolTip().startswith("Rank 23 of 23")
