"""``dossier --self-test``: prove that this Dossier (checkout, wheel or frozen bundle) works.

It opens the main window offscreen over a new library in a temporary folder, waits for the seed
article, its summary and its coloured entities, saves a highlight through the window and reads
it back through a fresh database connection. Each step is checked with real assertions; the
first failure ends the run with exit status 1 and a message naming the step, so a packaging
mistake (a missing data file, plugin or module) shows up as a failure, never as a quiet pass.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from desktop.core.models import Article, Entity, Summary
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
STEP_TIMEOUT_S = 60.0
# A saved web page and a feed: importing them runs trafilatura, feedparser and defusedxml, whose
# data files and metadata are what a frozen build most easily loses.
PAGE_PARAGRAPH = (
    "The harbour authority said on Tuesday that the new quay would open in the spring, two years"
    " later than planned, after engineers found that the old sea wall could not carry the cranes"
    " the port had ordered. Fishermen who moor their boats beside the works said they had been"
    " told nothing about the delay until they read about it in the local paper."
)
SAVED_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Harbour quay delayed by two years</title>
<meta name="author" content="A. Reporter"><meta name="date" content="2025-03-04"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Harbour quay delayed by two years</h1>
<p>{PAGE_PARAGRAPH}</p>
<p>The council will discuss the cost of the delay at its next meeting, a spokeswoman said,
and the contractor has been asked to publish a new timetable for the remaining work.</p>
<p>Local businesses had hoped the quay would bring cruise ships and their passengers to the
town centre as early as this summer, and several had hired staff in expectation.</p>
</article><footer>Copyright the Gazette</footer></body></html>
"""
FEED_ITEM = "Ferry timetable changes for the winter season"
SAVED_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Gazette</title><link>https://example.org/</link>
<description>Local news</description>
<item><title>{FEED_ITEM}</title><link>https://example.org/ferry</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<description>The ferry company will run two fewer crossings a day from November until March,
it said, because fewer passengers travel in the winter months.</description></item>
</channel></rss>
"""

# A one-page PDF and a one-paragraph Word file, written by hand: importing them runs PDFium
# (a shared library loaded with ctypes) and python-docx with its template parts.
PDF_LINE = "Port fees rise by a tenth from April"
DOCX_PARAGRAPH = "The harbour board approved the new fees without a vote."
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
    "word/document.xml": (
        f'<w:document xmlns:w="{_WORD}"><w:body><w:p><w:r><w:t>{DOCX_PARAGRAPH}</w:t></w:r>'
        "</w:p></w:body></w:document>"
    ),
}


def one_page_pdf(line: str) -> bytes:
    """A valid PDF of one page showing ``line`` (ASCII, no parentheses) in Helvetica."""
    content = f"BT /F1 14 Tf 72 720 Td ({line}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_bytes(objects)


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first its catalog) with its cross-reference
    table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


def one_paragraph_docx() -> bytes:
    """A minimal Word file: no styles or properties of its own, so python-docx uses its own."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, xml in _DOCX_PARTS.items():
            archive.writestr(name, xml)
    return out.getvalue()


class SelfTestFailure(AssertionError):
    """A step of the self-test did not do what it must."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def wait_for(produce: Callable[[], T | None], what: str, timeout: float = STEP_TIMEOUT_S) -> T:
    """Run the Qt event loop until ``produce()`` returns something truthy, or fail."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while True:
        value = produce()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


class SelfTest:
    """The steps, in order; each prints one line saying what it checked."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.window: MainWindow | None = None
        self.article: Article | None = None
        self.summary: Summary | None = None
        self.entities: list[Entity] | None = None
        self.failed_loading: list[str] = []

    def say(self, message: str) -> None:
        print(f"self-test: {message}", file=self.out, flush=True)

    def open_window(self) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.app import build_main_window

        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("Dossier")
        window = build_main_window()
        self.window = window
        # Connected before the event loop runs, so no early result is missed.
        window.reader.entities_shown.connect(self._on_entities)
        window.reader.entities_failed.connect(self.failed_loading.append)
        window.resize(1200, 800)
        window.show()
        wait_for(window.isVisible, "the main window to be shown")
        picture = window.grab()
        check(not picture.isNull(), "the main window could not be drawn")
        image = picture.toImage()
        step = max(1, min(image.width(), image.height()) // 40)
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
        check(len(colours) >= 3, f"the main window is drawn blank ({len(colours)} colours)")
        platform = QApplication.platformName()
        self.say(f"main window drawn ({picture.width()}x{picture.height()}, platform {platform})")

    def _on_entities(self, result: tuple[list[Entity], list[Any]]) -> None:
        self.entities = list(result[0])

    def seed_article(self) -> None:
        from desktop.core.resources import seeds_dir

        reader = self._window().reader
        article = wait_for(reader.article, "the reader to show an article")
        check(
            article.origin.startswith("seeds/"),
            f"the reader opened {article.origin or 'an article'!r}, not a bundled seed",
        )
        seed_file = seeds_dir() / article.origin.removeprefix("seeds/")
        check(seed_file.is_file(), f"the seed file {seed_file} is missing")
        longest_line = max(seed_file.read_text("utf-8").splitlines(), key=len).strip()
        check(
            longest_line[:120] in article.text,
            f"the article text does not hold the seed's text ({seed_file.name})",
        )
        self.article = article
        self.say(f"seed article {article.id} {article.title[:60]!r} ({article.words} words)")

    def summary_step(self) -> None:
        article = self._article()
        pane = self._window().summary_pane
        if hasattr(pane, "summary"):
            summary = wait_for(
                lambda: pane.summary() or self._fail_on_pane_message(pane),
                "the summary pane to show a summary",
            )
            where = "in the summary pane"
        else:
            from desktop.core.library.session import open_library
            from desktop.core.library.summaries import article_summary

            with open_library(seed=False) as library:
                summary = article_summary(library.conn, article, "news", sentences=3)
            where = "through the core (the window has no summary pane)"
        check(summary.sentences, f"the {summary.method!r} summary has no sentences")
        for sentence in summary.sentences:
            check(
                0 <= sentence.start < sentence.end <= len(article.text),
                f"summary sentence offsets {sentence.start}..{sentence.end} are outside the text",
            )
            check(
                article.text[sentence.start : sentence.end].strip() == sentence.text.strip(),
                f"summary sentence at {sentence.start} does not match the article text",
            )
        self.summary = summary
        count = len(summary.sentences)
        self.say(f"summary {where}: {summary.method}, {count} sentences, offsets match the text")

    def entity_colours(self) -> None:
        from PySide6.QtGui import QTextFormat

        reader = self._window().reader
        entities = wait_for(
            lambda: self.entities or self._fail_on_loading_error(),
            "the reader to colour the entities",
        )
        colours: dict[str, str] = {}
        for entity in entities:
            fmt = reader.format_at(entity.start)
            check(
                fmt.hasProperty(QTextFormat.Property.ForegroundBrush),
                f"{entity.category} {entity.text!r} at {entity.start} is not coloured",
            )
            colours.setdefault(entity.category, fmt.foreground().color().name())
        check(
            len(set(colours.values())) == len(colours),
            f"categories share a colour: {colours}",
        )
        shown = ", ".join(f"{category} {colour}" for category, colour in sorted(colours.items()))
        self.say(f"{len(entities)} entities coloured in {len(colours)} categories ({shown})")

    @staticmethod
    def _fail_on_pane_message(pane: Any) -> None:
        """The summary pane shows why a summary failed in its status line: fail with it."""
        status = getattr(pane, "status", None)
        if status is not None and not status.isHidden() and status.text():
            raise SelfTestFailure(f"the summary pane says: {status.text()}")

    def _fail_on_loading_error(self) -> None:
        if self.failed_loading:
            raise SelfTestFailure(self.failed_loading[0])

    def highlight(self) -> None:
        from PySide6.QtCore import Qt

        from desktop.core.library.session import open_library
        from desktop.core.notes.notebook import Notebook

        window, article = self._window(), self._article()
        check(self.summary and self.summary.sentences, "no summary sentence to highlight")
        first = self.summary.sentences[0]
        start, end = first.start, first.end
        window.highlights.promote(start, end)
        wait_for(
            lambda: [h for h in window.highlights.highlights() if (h.start, h.end) == (start, end)],
            "the new highlight to be listed by the window",
        )
        background = window.reader.format_at(start).background()
        check(
            background.style() != Qt.BrushStyle.NoBrush,
            "the new highlight is not drawn in the reader",
        )
        # A fresh connection proves the highlight is committed, not only held by the window.
        with open_library(seed=False) as library:
            stored = Notebook(library.conn).for_article(article.id)
        saved = [h for h in stored if (h.start, h.end) == (start, end)]
        check(saved, "the highlight is not in the library database")
        check(
            saved[0].quote == article.text[start:end],
            "the stored highlight's quote differs from the text",
        )
        self.say(f"highlight saved and read back from the database: {saved[0].quote[:60]!r}…")

    def import_files(self) -> None:
        window = self._window()
        folder = Path(os.environ["DOSSIER_HOME"]).parent / "to-import"
        folder.mkdir()
        (folder / "harbour.html").write_text(SAVED_PAGE, "utf-8")
        (folder / "gazette.rss").write_text(SAVED_FEED, "utf-8")
        (folder / "fees.pdf").write_bytes(one_page_pdf(PDF_LINE))
        (folder / "board.docx").write_bytes(one_paragraph_docx())
        reports: list[Any] = []
        window.imports.finished.connect(reports.append)
        window.imports.failed.connect(lambda message: reports.append(SelfTestFailure(message)))
        window.import_paths([folder])
        report = wait_for(lambda: reports[0] if reports else None, "the import to finish")
        check(not isinstance(report, Exception), f"the import stopped: {report}")
        failures = "; ".join(f"{f.path.name}: {f.error}" for f in report.failures)
        check(not failures, f"files failed to import: {failures}")
        check(window.imports.reader.started > 0, "the files were not read in a child process")
        stored = [window.library.store.get(i) for i in report.imported]
        check(any(PAGE_PARAGRAPH in a.text for a in stored), "the web page's text was not stored")
        check(any(a.title == FEED_ITEM for a in stored), "the feed's item was not stored")
        check(any(a.text == PDF_LINE and a.pages for a in stored), "the PDF was not stored")
        check(any(a.text == DOCX_PARAGRAPH for a in stored), "the Word file was not stored")
        self.say(
            f"imported a saved web page, a feed, a PDF and a Word file: "
            f"{len(report.imported)} articles, read in a child process"
        )

    def _window(self) -> MainWindow:
        check(self.window is not None, "the main window is not open")
        assert self.window is not None
        return self.window

    def _article(self) -> Article:
        check(self.article is not None, "no article is open")
        assert self.article is not None
        return self.article

    def close(self) -> None:
        """Close the window as a user does, then let its background work (imports, indexing,
        the notes backup taken at close) finish, as the program does before it exits."""
        if self.window is not None:
            self.window.close()
            self.window.finish_background_work()
            self.window.deleteLater()
            self.window = None


def run(out: TextIO = sys.stdout) -> int:
    """Run every step in a temporary library; 0 when all pass, 1 at the first failure."""
    started = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="dossier-self-test-"))
    empty_nltk = home / "nltk_data_empty"
    empty_nltk.mkdir()
    # Never the user's library; and an empty NLTK data folder proves none is needed.
    os.environ["DOSSIER_HOME"] = str(home / "home")
    os.environ["NLTK_DATA"] = str(empty_nltk)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest(out)
    steps = (
        ("open the window", test.open_window),
        ("load the seed article", test.seed_article),
        ("summarise", test.summary_step),
        ("colour entities", test.entity_colours),
        ("save a highlight", test.highlight),
        ("import a web page and a feed", test.import_files),
    )
    step = ""
    try:
        for name, action in steps:
            step = name
            action()
    except SelfTestFailure as exc:
        print(f"self-test FAILED at '{step}': {exc}", file=out, flush=True)
        print(f"self-test: the library is kept in {home}", file=out, flush=True)
        return 1
    except Exception:
        traceback.print_exc(file=out)
        print(f"self-test FAILED at '{step}': unexpected error (above)", file=out, flush=True)
        print(f"self-test: the library is kept in {home}", file=out, flush=True)
        return 1
    finally:
        test.close()
    shutil.rmtree(home, ignore_errors=True)
    print(f"self-test: passed in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 0
