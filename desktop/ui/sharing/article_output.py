"""The open article leaving the window: *Export Article…* (Markdown, HTML, PDF), *Print…*, and
*Open Original* (its web address in the browser).

Markdown and HTML are made by the same core function as ``dossier export`` and written in a
worker; PDF and paper go through Qt's printer from that HTML, which is the program's own markup
with every text from the article escaped (``core.notes.article_export``). Only an http or https
address is ever handed to the system to open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.files import write_whole
from desktop.core.library.citation import web_address
from desktop.core.models import Article, Highlight, HighlightCategory
from desktop.core.notes.article_export import render_article
from desktop.core.notes.table import slug
from desktop.core.printable import printable
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.workers import run_task

EXPORT_FILTERS = {"md": "Markdown (*.md)", "html": "Web page (*.html)", "pdf": "PDF (*.pdf)"}


def choose_printer(parent: QWidget) -> QPrinter | None:
    """The printer the user picks in the system's print dialog, or None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_html(html: str, printer: QPrinter) -> bool:
    """Print ``html`` (the program's own markup: the article's text in it is escaped); whether
    the printer took it. Qt paints on a printer from any thread."""
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)
    return printer.printerState() != QPrinter.PrinterState.Error


class ArticleOutput(QObject):
    """Export, print and open-original actions for the article in ``reader``."""

    message = Signal(str)  # for the status bar
    exported = Signal(str)  # the path written

    def __init__(
        self, reader: ReaderView, highlights: HighlightController, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._highlights = highlights
        self._parent = parent
        self.export_action = self._action(
            "&Export Article…", "Ctrl+Shift+E", self.export_dialog, "Save the article with its"
            " highlights and notes as Markdown, a web page or a PDF",
        )  # fmt: skip
        self.print_action = self._action(
            "&Print…", QKeySequence.StandardKey.Print, self.print_article,
            "Print the article with its highlights and notes",
        )  # fmt: skip
        self.open_original_action = self._action(
            "Open &Original", "Ctrl+Shift+L", self.open_original,
            "Open the article's web address in the browser",
        )  # fmt: skip
        reader.link_activated.connect(self.open_url)

    def _action(self, text: str, keys: object, slot: object, tip: str) -> QAction:
        action = QAction(text, self._parent)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def document_html(self) -> str | None:
        """The open article with its highlights as HTML, or None without an article."""
        article = self._reader.article()
        if article is None:
            return None
        return render_article(article, *self._notes_of(article), "html")

    def _notes_of(self, article: Article) -> tuple[list[Highlight], list[HighlightCategory]]:
        """The highlights shown for ``article`` (none while they are still loading)."""
        shown = self._highlights.article_id == article.id
        return self._highlights.highlights() if shown else [], self._highlights.categories()

    # --- export --------------------------------------------------------------------------
    def export_dialog(self) -> None:
        article = self._reader.article()
        if article is None:
            return
        name = (slug(article.title)[:60].strip("-") or "article") + ".md"
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, "Export Article", name, ";;".join(EXPORT_FILTERS.values())
        )
        if path:
            fmt = next((k for k, v in EXPORT_FILTERS.items() if v == chosen), "md")
            self.export_to(Path(path), _format_of(Path(path), fmt))

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the open article to ``path`` as ``md``, ``html`` or ``pdf``."""
        article = self._reader.article()
        if article is None:
            return
        if fmt == "pdf":
            html = self.document_html() or ""
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))
            self._print(html, printer, lambda: self._done(path))
            return
        highlights, categories = self._notes_of(article)

        def write() -> Path:
            text = render_article(article, highlights, categories, fmt)
            write_whole(path, lambda out: out.write(text))
            return path

        run_task(write, self._done, self._failed, owner=self)

    def _done(self, path: Path) -> None:
        self.message.emit(f"Exported to {printable(path)}")
        self.exported.emit(str(path))

    def _failed(self, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        where = f"{printable(exc.filename)}: " if isinstance(exc, OSError) and exc.filename else ""
        self.message.emit(f"Export failed: {where}{reason}")

    # --- printing ------------------------------------------------------------------------
    def print_article(self) -> None:
        html = self.document_html()
        if html is None:
            return
        printer = choose_printer(self._parent)
        if printer is not None:
            self._print(html, printer, lambda: self.message.emit("Sent to the printer"))

    def _print(self, html: str, printer: QPrinter, then: Callable[[], None]) -> None:
        """Lay out and print in a worker (half a second for a 500,000-character article);
        ``then`` once it is done."""

        def done(printed: bool) -> None:
            (then if printed else lambda: self.message.emit("Printing failed"))()

        run_task(lambda: print_html(html, printer), done, self._failed, owner=self)

    # --- the original --------------------------------------------------------------------
    def open_original(self) -> None:
        article = self._reader.article()
        if article is not None:
            self.open_url(article.url)

    def open_url(self, url: str) -> None:
        """Open ``url`` in the browser, if it is a web address."""
        address = web_address(url)
        if not address:
            self.message.emit(
                "This article has no web address to open" if not url.strip()
                else f"Not a web address: {printable(url)[:200]}"
            )  # fmt: skip
            return
        if not QDesktopServices.openUrl(QUrl(address, QUrl.ParsingMode.StrictMode)):
            self.message.emit("No browser could open the address")


def _format_of(path: Path, chosen: str) -> str:
    """The format a file name's suffix asks for, else the filter chosen."""
    suffix = path.suffix.lower().lstrip(".")
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html", "pdf": "pdf"}.get(
        suffix, chosen
    )
