"""The main window as a whole: start-up, import, remembered state, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.ui.importing.report_dialog import ImportReportDialog
from desktop.ui.library.model import ARTICLE_ID_ROLE
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
    assert first.library_pane.select_article(other)
    qtbot.waitUntil(lambda: first.article is not None and first.article.id == other, timeout=3000)
    first.reader.set_scroll_fraction(0.5)
    scrolled = first.reader.scroll_fraction()
    assert 0.4 < scrolled < 0.6
    first.close()

    second = make_window()
    assert second.article.id == other
    assert second.reader.font_size() == 17
    qtbot.waitUntil(lambda: abs(second.reader.scroll_fraction() - scrolled) < 0.02, timeout=3000)


def test_a_stale_article_load_is_dropped(window, library):
    newer = add_article(library, "Newer", "The newer article text.")
    seed = window.article
    window._opening = newer
    window._show_article(seed.id, seed)  # the older load finishing late
    window.open_article(newer)
    assert window.article.id == newer
    window._show_article(seed.id, seed)
    assert window.article.id == newer


def test_help_lists_the_keyboard_shortcuts(window):
    window.show_shortcuts()
    rows = dict(window.shortcuts_dialog.rows())
    assert rows["Ctrl+O"] == "Import Files…"
    assert rows["Ctrl+F"].startswith("Find")
    assert "Space" in rows and "↓ / J" in rows
