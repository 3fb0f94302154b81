from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.models import Summary
from desktop.ui import workers
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.summary.summary_pane import SummaryPane
from tests.ui.reader import sample


@pytest.fixture(autouse=True)
def synchronous():
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)


def _fake_summarizer(calls):
    def summarize(article, method, sentences, ratio):
        calls.append((article.id, method, sentences, ratio))
        return Summary(method, tuple(sample.sentences()[: sentences or 1]))

    return summarize


def test_every_core_method_is_offered_with_news_first(qtbot) -> None:
    from desktop.core.text.summarize import METHODS

    pane = SummaryPane(summarizer=_fake_summarizer([]))
    qtbot.addWidget(pane)
    offered = [pane.method_box.itemData(i) for i in range(pane.method_box.count())]
    assert offered == list(METHODS)
    assert pane.method() == "news"


def test_clicking_the_second_sentence_scrolls_the_reader_inside_it(qtbot) -> None:
    pane = SummaryPane(summarizer=_fake_summarizer([]))
    reader = ReaderView(entity_source=lambda article: ([], []))
    qtbot.addWidget(pane)
    qtbot.addWidget(reader)
    pane.sentence_activated.connect(reader.scroll_to)
    article = sample.article()
    reader.show_article(article)
    with qtbot.waitSignal(pane.summary_ready):
        pane.show_article(article)
    assert pane.list.count() == 3
    second = sample.sentences()[1]
    with qtbot.waitSignal(pane.sentence_activated) as blocker:
        item = pane.list.item(1)
        pane.list.itemClicked.emit(item)
    assert blocker.args == [second.start, second.end]
    offset = reader._positions.to_python(reader.page.textCursor().position())
    assert second.start <= offset < second.end


def test_method_length_and_stale_results(qtbot) -> None:
    calls = []
    pane = SummaryPane(summarizer=_fake_summarizer(calls))
    qtbot.addWidget(pane)
    changed = []
    pane.method_changed.connect(changed.append)
    pane.show_article(sample.article())
    pane.set_method("lexrank")
    assert pane.method() == "lexrank" and changed == ["lexrank"]
    pane.length_box.setValue(2)
    pane.unit_box.setCurrentText("% of the text")
    assert calls[-3:] == [
        (7, "lexrank", 3, None),
        (7, "lexrank", 2, None),
        (7, "lexrank", None, 0.2),
    ]
    ready = []
    pane.summary_ready.connect(ready.append)
    pane._on_summary(pane._token - 1, Summary("news", ()))  # a result for an earlier request
    assert ready == []


def test_show_in_text_and_tint(qtbot) -> None:
    pane = SummaryPane(summarizer=_fake_summarizer([]))
    qtbot.addWidget(pane)
    tints = []
    pane.tint_changed.connect(tints.append)
    pane.show_article(sample.article())
    assert tints[-1] is None
    with qtbot.waitSignal(pane.show_in_text_toggled) as blocker:
        pane.show_in_text.setChecked(True)
    assert blocker.args == [True]
    assert [s.start for s in tints[-1]] == [s.start for s in sample.sentences()]


def test_errors_are_shown_not_raised(qtbot) -> None:
    def failing(*_args):
        raise ValueError("text is not English")

    pane = SummaryPane(summarizer=failing)
    qtbot.addWidget(pane)
    pane.show_article(sample.article())
    assert "not English" in pane.status.text()
    assert pane.busy.isHidden()


def test_real_summary_from_the_library(qtbot) -> None:
    from desktop.core.library.session import open_library

    with open_library(seed=False) as library:
        added = library.store.add(sample.article(article_id=0))
        article = library.store.get(added.id)
    pane = SummaryPane()
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.summary_ready) as blocker:
        pane.show_article(article)
    summary = blocker.args[0]
    assert summary.method == "news" and summary.sentences
    for sentence in summary.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_a_text_of_labels_says_why_it_has_no_summary(qtbot) -> None:
    pane = SummaryPane()
    qtbot.addWidget(pane)
    labels = sample.article("Photos by\n\nOUTFIT\n\nON THE MAP\n\nMore Streethearts")
    with qtbot.waitSignal(pane.summary_ready) as blocker:
        pane.show_article(labels)
    assert blocker.args[0].sentences == ()
    assert pane.list.count() == 0
    assert pane.status.text().startswith("No summary: this text has no full sentences")


def test_a_refusal_is_shown_as_plain_text(qtbot) -> None:
    from desktop.core.text.methods import TextTooLong

    def refusing(*_args):
        raise TextTooLong("lexrank handles up to 8,000 sentences; <b>this</b> text has 9,000")

    pane = SummaryPane(summarizer=refusing)
    qtbot.addWidget(pane)
    pane.show_article(sample.article())
    assert pane.status.textFormat() == Qt.TextFormat.PlainText
    assert pane.status.text() == (
        "No summary: lexrank handles up to 8,000 sentences; <b>this</b> text has 9,000"
    )
    assert pane.list.count() == 0 and pane.summary() is None
