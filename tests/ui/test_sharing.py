"""Copy with Citation, Export Article…, Print… and Open Original, in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from desktop.core.library.citation import cite_passage
from desktop.core.notes.notebook import Notebook
from desktop.ui.reader.document import ORIGINAL_LINK
from desktop.ui.sharing import article_output
from tests.ui.conftest import add_article

TEXT = (
    "The council met on Monday. The budget would rise by a tenth, the mayor said.\n\n"
    "Critics called the figures a <b>fantasy</b>."
)


@pytest.fixture
def opened(window, library, qtbot):
    """The window showing an article with a web address and one highlight with a note."""
    article_id = add_article(
        library, "Council budget", TEXT, byline="By Ana Ruiz", source="The Ledger",
        url="https://example.org/council", published="2025-08-18",
    )  # fmt: skip
    start = TEXT.index("budget would rise")
    highlight = Notebook(library.conn).add(
        article_id, start, start + len("budget would rise"), note="check *this*"
    )
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.highlights.find(highlight.id) is not None)
    return window, window.library.store.get(article_id), highlight


def _select(window, phrase: str) -> None:
    cursor = window.reader.page.document().find(phrase)
    assert not cursor.isNull()
    window.reader.page.setTextCursor(cursor)


def _point_of(window, offset: int) -> QPoint:
    """A viewport point on the character at Python ``offset``."""
    cursor = QTextCursor(window.reader.page.document())
    cursor.setPosition(window.reader._positions.to_qt(offset) + 1)
    rect = window.reader.page.cursorRect(cursor)
    return QPoint(rect.left() - 2, rect.center().y())


def test_copy_selection_with_citation_in_the_chosen_style(opened) -> None:
    window, article, _ = opened
    _select(window, "the mayor said")
    window.citations.copy_action.trigger()
    start = TEXT.index("the mayor said")
    span = (start, start + len("the mayor said"))
    expected = cite_passage(article, "plain", "the mayor said", span)
    assert QGuiApplication.clipboard().text() == expected
    assert "— Ana Ruiz, “Council budget”, The Ledger, 18 August 2025." in expected
    window.citations.style_actions["apa"].trigger()
    assert window.settings.citation_style() == "apa"
    window.citations.copy_action.trigger()
    assert QGuiApplication.clipboard().text().startswith("“the mayor said” (Ana Ruiz, 2025)")
    assert window.citations.copy_action.shortcut().toString() == "Ctrl+Shift+C"


def test_context_menu_cites_the_highlight_under_the_pointer(opened) -> None:
    window, article, highlight = opened
    window.citations.style_actions["markdown"].trigger()
    menu = window.citations.reader_menu(_point_of(window, highlight.start + 3))
    labels = [a.text() for a in menu.actions()]
    assert "Copy Highlight with Citation" in labels and "Copy with Citation" not in labels
    next(a for a in menu.actions() if a.text() == "Copy Highlight with Citation").trigger()
    assert QGuiApplication.clipboard().text() == cite_passage(
        article, "markdown", "budget would rise", (highlight.start, highlight.end)
    )
    _select(window, "Critics called")
    menu = window.citations.reader_menu(_point_of(window, TEXT.index("council")))
    assert [a.text() for a in menu.actions()].count("Copy with Citation") == 1


def test_shortcut_without_selection_cites_the_highlight_at_the_cursor(opened) -> None:
    window, _, highlight = opened
    cursor = window.reader.page.textCursor()
    cursor.setPosition(window.reader._positions.to_qt(highlight.start + 2))
    window.reader.page.setTextCursor(cursor)
    QGuiApplication.clipboard().setText("")
    window.citations.copy_action.trigger()
    assert QGuiApplication.clipboard().text().startswith("“budget would rise”")
    cursor.setPosition(window.reader._positions.to_qt(2))
    window.reader.page.setTextCursor(cursor)
    QGuiApplication.clipboard().setText("")
    window.citations.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == ""
    assert "Select a passage" in window.statusBar().currentMessage()


def test_notes_pane_copies_its_highlight_with_citation(opened) -> None:
    window, _, _ = opened
    pane = window.notes_pane
    pane.list.setCurrentIndex(pane.model.index(0, 0))
    assert pane.cite_action in pane.list.actions()
    pane.cite_action.trigger()
    assert QGuiApplication.clipboard().text().startswith("“budget would rise”\n— Ana Ruiz")


@pytest.mark.parametrize("suffix", ["md", "html", "pdf"])
def test_export_article_writes_each_format(opened, tmp_path, qtbot, monkeypatch, suffix) -> None:
    window, _, _ = opened
    target = tmp_path / f"council.{suffix}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "Markdown (*.md)")
    )
    assert window.article_output.export_action in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.article_output.exported, timeout=5000):
        window.article_output.export_action.trigger()
    data = target.read_bytes()
    if suffix == "pdf":
        _assert_readable_pdf(target, "budget would rise")
    elif suffix == "html":
        page = data.decode()
        assert '>budget would rise</mark><sup><a id="ref-1"' in page
        assert "a &lt;b&gt;fantasy&lt;/b&gt;." in page and "check *this*" in page
    else:
        assert "The ==budget would rise==[^1] by a tenth" in data.decode()
    assert "Exported to" in window.statusBar().currentMessage()


def _assert_readable_pdf(path, phrase: str) -> None:
    """The PDF holds ``phrase`` in text of a readable size (pixel sizes once made it 1 pt)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(path))[0]
    text = page.get_textpage()
    content = text.get_text_range()
    assert phrase in content
    _, bottom, _, top = text.get_charbox(content.index(phrase))  # its first letter, in points
    assert top - bottom > 5


def test_export_failure_is_a_status_message(opened, tmp_path, qtbot) -> None:
    window, _, _ = opened
    window.article_output.export_to(tmp_path / "missing" / "a.md", "md")
    qtbot.waitUntil(lambda: "Export failed" in window.statusBar().currentMessage())
    assert "a.md.partial" in window.statusBar().currentMessage()


def test_print_goes_to_the_chosen_printer(opened, tmp_path, monkeypatch) -> None:
    window, _, _ = opened
    target = tmp_path / "printed.pdf"

    def pdf_printer(_parent) -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(article_output, "choose_printer", pdf_printer)
    window.article_output.print_action.trigger()
    _assert_readable_pdf(target, "by a tenth")
    monkeypatch.setattr(article_output, "choose_printer", lambda _parent: None)
    target.unlink()
    window.article_output.print_action.trigger()  # cancelled: nothing printed
    assert not target.exists()


def test_open_original_opens_only_web_addresses(opened, library, monkeypatch, qtbot) -> None:
    window, _, _ = opened
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url) or True)
    window.article_output.open_original_action.trigger()
    assert [u.toString() for u in opened_urls] == ["https://example.org/council"]
    # The link in the reader's header.
    document = window.reader.page.document()
    link = document.find(ORIGINAL_LINK)
    assert not link.isNull() and link.charFormat().anchorHref() == "https://example.org/council"
    rect = window.reader.page.cursorRect(link)
    qtbot.mouseClick(
        window.reader.page.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(20, 0)
    )
    assert len(opened_urls) == 2
    for url, said in [
        ("javascript:alert(1)", "Not a web address: javascript:alert(1)"),
        ("file:///etc/passwd", "Not a web address: file:///etc/passwd"),
        ("", "This article has no web address to open"),
    ]:
        bad = add_article(library, f"Bad {url}", f"Some text at {url!r}.", url=url)
        window.open_article(bad)
        assert window.reader.page.document().find(ORIGINAL_LINK).isNull()
        window.article_output.open_original_action.trigger()
        assert len(opened_urls) == 2
        assert window.statusBar().currentMessage() == said


def test_no_two_menu_entries_share_a_shortcut(window) -> None:
    """Export Article once took Ctrl+E, the key of Edit Details…: Qt then runs neither."""
    seen: dict[str, str] = {}
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
                continue
            keys = action.shortcut().toString()
            if keys:
                assert keys not in seen, (keys, seen[keys], action.text())
                seen[keys] = action.text()
    assert seen["Ctrl+Shift+E"] == "&Export Article…" and seen["Ctrl+E"] == "Edit &Details…"


def test_pdf_is_laid_out_and_printed_in_a_worker(opened, tmp_path, qtbot, monkeypatch) -> None:
    from desktop.ui import workers

    window, _, _ = opened
    monkeypatch.setattr(workers, "_synchronous", False)  # a real worker thread this time
    target = tmp_path / "threaded.pdf"
    with qtbot.waitSignal(window.article_output.exported, timeout=10_000):
        window.article_output.export_to(target, "pdf")
    _assert_readable_pdf(target, "by a tenth")
