"""The library pane's search box: the command line's language, counts and the note under it."""

from __future__ import annotations

from desktop.ui.library.library_pane import LibraryPane
from tests.ui.conftest import add_article

TITLE, WORDS = 0, 3


def _pane(qtbot, library) -> LibraryPane:
    pane = LibraryPane(library.conn)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    return pane


def _search(qtbot, pane: LibraryPane, text: str) -> None:
    pane.search.setText(text)
    pane._search_timer.stop()
    pane._apply_filters()
    qtbot.waitUntil(lambda: pane.model.filter.search == text, timeout=2000)


def _titles(pane: LibraryPane) -> set[str]:
    return {pane.model.index(r, TITLE).data() for r in range(pane.model.rowCount())}


def test_operators_counts_and_no_matches(qtbot, library, sync_workers) -> None:
    add_article(library, "Zebra rally", "Zebras ran.", source="Reuters", published="2024-01-05")
    add_article(library, "Okapi speech", "An okapi spoke.", source="AP", published="2024-02-10")
    add_article(library, "Debate", "Zebra and okapi.", source="Reuters", published="2024-03-01")
    pane = _pane(qtbot, library)
    assert pane.count.text() == "4 articles" and pane.search_note.isHidden()

    _search(qtbot, pane, "zebra* OR okapi -debate")
    assert _titles(pane) == {"Zebra rally", "Okapi speech"}
    assert pane.count.text() == "2 of 4 articles"
    _search(qtbot, pane, "source:reuters after:2024-02")
    assert _titles(pane) == {"Debate"}

    _search(qtbot, pane, "zanzibar")
    assert pane.model.rowCount() == 0 and pane.count.text() == "0 of 4 articles"
    assert pane.search_note.isVisible() and pane.search_note.text() == "No matches for “zanzibar”"

    _search(qtbot, pane, '"unclosed')
    assert pane.search_note.text().startswith("Cannot search for this: unbalanced quote")
    _search(qtbot, pane, "story:Nowhere zebra")
    assert pane.search_note.text().startswith("Cannot search for this: no story named 'Nowhere'")

    _search(qtbot, pane, "")
    assert pane.count.text() == "4 articles" and pane.search_note.isHidden()


def test_other_spellings_and_characters(qtbot, library, sync_workers) -> None:
    spelt = add_article(library, "Interview", "Zelensky said the talks go on.")
    taipei = add_article(library, "台灣新聞", "台灣立法院今天三讀通過明年度中央政府總預算案。")
    pane = _pane(qtbot, library)
    _search(qtbot, pane, "Zelenskyy")  # the sample article spells him so
    rows = {pane.model.article_id(r) for r in range(pane.model.rowCount())}
    assert spelt in rows and len(rows) == 2
    assert pane.search_note.text().startswith("Zelenskyy also found as Zelenski, Zelenskiy")

    _search(qtbot, pane, "立法院")
    assert [pane.model.article_id(r) for r in range(pane.model.rowCount())] == [taipei]
    assert pane.model.index(0, WORDS).data() == "22 字"
