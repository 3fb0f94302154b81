"""The main window as a whole: start-up, import, remembered state, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.library.model import ARTICLE_ID_ROLE
from desktop.ui.theme import CATEGORY_ROLES, current_theme
from tests.ui.conftest import add_article


def drop(window, mime: QMimeData) -> bool:
    """Drop ``mime`` on the window; True when the window accepted it.

    The handlers are called directly: Qt delivers drag events only during a real drag.
    """
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    event = QDropEvent(QPointF(200, 200), *args)
    event.ignore()
    window.dropEvent(event)
    return event.isAccepted()


def drop_files(window, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return drop(window, mime)


def listed_titles(window) -> list[str]:
    model = window.library_pane.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_first_launch_opens_the_seed_article(window):
    assert window.article is not None
    assert window.article.origin.startswith("seeds/")
    assert window.reader.article().id == window.article.id
    assert window.library_pane.table.currentIndex().data(ARTICLE_ID_ROLE) == window.article.id
    assert window.article.title in window.windowTitle()


def test_drag_and_drop_import_lists_bad_files_and_adds_good_ones(window, tmp_path, qtbot):
    good = tmp_path / "harbour.txt"
    good.write_text("Harbour strike\n\nDock workers in Rotterdam walked out on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 8)
    assert drop_files(window, [good, empty, binary])
    window.imports.wait()
    qtbot.waitUntil(lambda: "Harbour strike" in listed_titles(window), timeout=5000)
    dialog = window.findChild(ImportReportDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.failed_files() == ["empty.txt", "photo.html"]
    reasons = [dialog.failures.topLevelItem(i).text(1) for i in range(2)]
    assert "empty" in reasons[0] and "binary" in reasons[1]
    assert "Imported 1 article" in window.statusBar().currentMessage()


def test_drop_of_non_files_is_ignored(window):
    mime = QMimeData()
    mime.setText("just text")
    assert not drop(window, mime)
    assert not window.imports.is_running()
    assert window.findChild(ImportReportDialog) is None


def test_layout_is_remembered_across_a_restart(make_window):
    first = make_window()
    first.resize(first.width(), 640)
    first.splitter.setSizes([300, 700, 300])
    first.show_side_tab(2)
    sizes, height = first.splitter.sizes(), first.height()
    first.close()

    second = make_window()
    assert second.settings.splitter_sizes("main") == sizes
    # The offscreen test screen is narrower than the window's minimum width, so Qt clamps the
    # restored width (and with it the splitter); the height survives as it was.
    assert second.height() == height == 640
    assert second.side_tabs.currentIndex() == 2


def test_open_article_scroll_and_font_are_remembered(make_window, library, qtbot):
    text = "\n\n".join(f"Paragraph {n} about the port budget and its delays." for n in range(300))
    other = add_article(library, "Port budget", text)
    first = make_window()
    first.reader.set_font_size(17)
    first.summary_pane.set_method("lexrank")
    assert first.library_pane.select_article(other)
    qtbot.waitUntil(lambda: first.article is not None and first.article.id == other, timeout=3000)

    def half_way() -> bool:
        """Scrolled half-way down once the document's layout has settled."""
        first.reader.set_scroll_fraction(0.5)
        return text[first.reader.first_visible_offset() :].lstrip().startswith("Paragraph 1")

    qtbot.waitUntil(half_way, timeout=3000)
    place = first.reader.first_visible_offset()
    first.close()

    second = make_window()
    assert second.article.id == other
    assert second.reader.font_size() == 17
    assert second.summary_pane.method() == "lexrank"
    qtbot.waitUntil(lambda: second.reader.first_visible_offset() == place, timeout=3000)


def test_quick_succession_of_opens_ends_on_the_last(window, library):
    first = add_article(library, "First", "The first article text.")
    last = add_article(library, "Last", "The last article text.")
    window.open_article(first)
    window.open_article(last)
    assert window.article.id == last
    assert window.reader.article().id == last
    assert window.settings.open_article() == last


def test_opening_a_missing_article_keeps_the_current_one(window):
    current = window.article
    window.open_article(987654)
    assert window.article == current


def test_help_lists_the_keyboard_shortcuts(window):
    window.show_shortcuts()
    rows = dict(window.shortcuts_dialog.rows())
    assert rows["Ctrl+O"] == "Import Files…"
    assert rows["Ctrl+Q"] == "Quit"
    assert rows["Ctrl+F"].startswith("Find")
    assert "Space" in rows and "↓ / J" in rows


# --- across the panes -------------------------------------------------------------------------
def category_colour(category: str):
    return current_theme().color(CATEGORY_ROLES[category])


def coloured_as(window, offset: int, category: str) -> bool:
    return window.reader.format_at(offset).foreground().color() == category_colour(category)


def shown_entities(window) -> list:
    shown: list = []
    window.reader.entities_shown.connect(lambda payload: shown.append(payload[0]))
    window.reader.refresh_entities()
    return shown[-1]


def test_opening_an_article_colours_its_entities_even_after_an_emoji(window, library, qtbot):
    text = (
        "🇺🇦🎉 Ukrainian President Volodymyr Zelenskyy met French President Emmanuel Macron"
        " in Paris on Monday.\n\nThe talks at the Élysée Palace lasted three hours."
    )
    article_id = add_article(library, "Paris talks", text)
    window.library_pane.refresh()
    assert window.library_pane.select_article(article_id)
    qtbot.waitUntil(lambda: window.article is not None and window.article.id == article_id)
    entities = shown_entities(window)
    macron = next(e for e in entities if "Macron" in e.text)
    assert text[macron.start : macron.end] == macron.text
    assert coloured_as(window, macron.start, macron.category)
    assert coloured_as(window, macron.end - 1, macron.category)
    assert not coloured_as(window, macron.start - 1, macron.category)  # the space before
    assert not coloured_as(window, macron.end, macron.category)


def test_clicking_the_second_summary_sentence_puts_the_cursor_in_it(window, qtbot):
    summary = window.summary_pane
    qtbot.waitUntil(lambda: summary.summary() is not None and summary.list.count() >= 2)
    second = summary.summary().sentences[1]
    item = summary.list.item(1)
    rect = summary.list.visualItemRect(item)
    qtbot.mouseClick(summary.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.reader.page.textCursor()
    after = cursor.block().text()[cursor.positionInBlock() :]
    assert after.startswith(second.text.split("\n")[0][:40])


def test_hiding_institutions_removes_every_institution_format(window):
    entities = shown_entities(window)
    institutions = [e for e in entities if e.category == "institution"]
    assert institutions, "the seed article names institutions (NATO, European Commission)"
    assert all(coloured_as(window, e.start, "institution") for e in institutions)
    window.reader.legend.buttons["institution"].click()
    assert not any(coloured_as(window, e.start, "institution") for e in institutions)
    people = [e for e in entities if e.category in ("leader", "person")]
    assert any(coloured_as(window, e.start, e.category) for e in people)


def test_a_not_an_entity_correction_survives_a_restart(make_window):
    first = make_window()
    entities = shown_entities(first)
    place = next(e for e in entities if e.category == "place")
    name = place.canonical or place.text
    first.entity_pane.mark_not_entity(name)
    after = shown_entities(first)
    assert all((e.canonical or e.text) != name for e in after)
    first.close()

    second = make_window()
    assert second.article.id == first.article.id
    again = shown_entities(second)
    assert again and all((e.canonical or e.text) != name for e in again)
    assert not coloured_as(second, place.start, "place")


def test_opening_a_passage_from_another_article_jumps_to_it(window, library, qtbot):
    text = "\n\n".join(f"Paragraph {n} on the harbour budget." for n in range(200))
    other = add_article(library, "Harbour budget", text)
    window.library_pane.refresh()
    start = text.index("Paragraph 150")
    window.open_article_at(other, start, start + len("Paragraph 150"))
    assert window.article.id == other
    assert window.library_pane.table.currentIndex().data(ARTICLE_ID_ROLE) == other

    def cursor_in_paragraph_150() -> bool:
        cursor = window.reader.page.textCursor()
        return cursor.block().text().startswith("Paragraph 150")

    qtbot.waitUntil(cursor_in_paragraph_150)
    assert window.reader.scroll_fraction() > 0.5


def test_the_window_follows_the_dark_theme(window, qtbot):
    from PySide6.QtGui import QPalette

    from desktop.ui.theme import DARK, set_theme

    try:
        set_theme("dark")
        table = window.library_pane.table
        qtbot.waitUntil(
            lambda: table.palette().color(QPalette.ColorRole.Base) == DARK.color("page")
        )
        assert window.palette().color(QPalette.ColorRole.Window) == DARK.color("window")
    finally:
        set_theme(None)


def test_other_articles_mentioning_an_entity_filter_the_library(window, library):
    add_article(library, "Weather", "Rain is expected across the region on Sunday.")
    window.library_pane.refresh()
    assert window.library_pane.model.rowCount() == 2
    window.entity_pane.filter_library_requested.emit("Vladimir Putin")
    assert listed_titles(window) == [window.article.title]
    assert window.library_pane.mentions.isVisible()


def test_a_watchlist_entry_is_counted_in_the_list_and_coloured(window, qtbot):
    from desktop.ui.watchlist.watchlist_dialog import WatchlistDialog

    window.open_watchlist()
    dialog = window.findChild(WatchlistDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.add_entry("Alaska", "place")
    watch_column = window.library_pane.model.columnCount() - 1
    model = window.library_pane.model
    qtbot.waitUntil(lambda: model.index(0, watch_column).data() == "1")
    entities = shown_entities(window)
    assert any(e.watchlist and e.text == "Alaska" for e in entities)


def test_a_library_written_by_a_newer_version_is_reported_not_crashed(
    dossier_home, monkeypatch, capsys
):
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import main
    from desktop.core.library.session import open_library

    with open_library() as library:
        library.conn.execute("PRAGMA user_version = 9999")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    assert main([]) == 1
    assert "newer Dossier" in shown[0].text()
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert "newer Dossier" in capsys.readouterr().err
