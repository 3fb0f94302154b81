"""Reader benchmark: opening a 10,000-word article — text shown, colours applied, summary shown.

Goals (issue 5): colours ≤ 100 ms and summary ≤ 150 ms after opening a 10,000-word article.
The article is the seed repeated to 10,000+ words with an emoji in every paragraph (so offset
conversion is exercised). Entities come from the core's analysis when its model is built, else
from a capitalised-words stand-in of similar density. Baseline, in the same run: colouring the
same spans the obvious way, one ``QTextCursor.mergeCharFormat`` per span.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

from tests.scratch import scratch_dir

REPEATS = 7
FASTEST: dict[object, float] = {}
TARGET_WORDS = 10_000


def build_text() -> str:
    seed = next(Path(__file__).resolve().parents[2].joinpath("seeds").glob("*.txt"))
    paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out: list[str] = []
    words = 0
    while words < TARGET_WORDS:
        for paragraph in paragraphs:
            out.append(f"{paragraph} 🗞️")
            words += len(paragraph.split())
    return "\n\n".join(out)


def find_spans(text: str):
    """The core's entities and terms, or a stand-in when the entity model is not built."""
    from desktop.core.models import Entity, Term

    try:
        from desktop.core.text.analysis import analyze

        entities, terms = analyze(text)
        return entities, terms, "core analysis"
    except (ImportError, OSError) as exc:
        categories = ("leader", "person", "institution", "place")
        entities = [
            Entity(m.start(), m.end(), m.group(), categories[len(m.group()) % 4], m.group())
            for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", text)
        ]
        spans = tuple((m.start(), m.end()) for m in re.finditer(r"security guarantees", text))
        return entities, [Term("security guarantees", 1.0, spans)], f"stand-in ({exc})"


def timed(fn, prepare=lambda: None, repeats: int = REPEATS) -> float:
    """Median milliseconds of ``fn()`` over ``repeats`` runs, each after an untimed
    ``prepare()``; the fastest run is kept in ``FASTEST`` (the machine may be shared)."""
    samples = []
    for _ in range(repeats):
        prepare()
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    FASTEST[fn] = min(samples)
    return statistics.median(samples)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("DOSSIER_HOME", str(scratch_dir("dossier-bench-reader-")))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.library.session import open_library
    from desktop.ui import workers
    from desktop.ui.reader.reader_view import ReaderView
    from desktop.ui.summary.summary_pane import SummaryPane

    app = QApplication.instance() or QApplication(sys.argv[:1])
    text = build_text()
    with open_library(seed=False) as library:
        article = library.store.get(library.store.add(_article(text)).id)
    assert article is not None
    entities, terms, origin = find_spans(text)
    mentions = len(entities) + sum(len(t.spans) for t in terms)
    print(f"article: {article.words} words, {len(text)} characters, {mentions} spans ({origin})")

    workers.set_synchronous(True)
    reader = ReaderView(entity_source=lambda _article: ([], []))
    reader.resize(1100, 800)
    reader.show()
    app.processEvents()

    def show_text() -> None:
        reader.show_article(article)
        reader.page.viewport().repaint()

    def colour() -> None:
        reader.set_entities(entities, terms)
        reader.page.viewport().repaint()

    def toggle() -> None:
        reader.set_category_visible("person", False)
        reader.set_category_visible("person", True)
        reader.page.viewport().repaint()

    shown_ms = timed(show_text)
    colour_ms = timed(colour, show_text)
    colour_best = FASTEST[colour]
    toggle_ms = timed(toggle) / 2
    baseline_ms = timed(lambda: _merge_formats(reader, entities, terms), show_text)
    print(f"text shown:                  {shown_ms:7.1f} ms  (median of {REPEATS})")
    print(
        f"colours applied:             {colour_ms:7.1f} ms  (goal ≤ 100 ms; fastest run "
        f"{colour_best:.1f} ms)"
    )
    print(
        f"  baseline mergeCharFormat:  {baseline_ms:7.1f} ms  (ours takes "
        f"{colour_ms / max(baseline_ms, 0.01):.2f}× as long, for layering and toggles it lacks)"
    )
    highlighter_ms = timed(lambda: _syntax_highlighter(reader, entities, terms), show_text)
    print(
        f"  baseline QSyntaxHighlighter:{highlighter_ms:6.1f} ms  (ours takes "
        f"{colour_ms / max(highlighter_ms, 0.01):.2f}× as long)"
    )
    print(f"category toggle:             {toggle_ms:7.1f} ms")

    workers.set_synchronous(False)
    pane = SummaryPane()
    loop = QEventLoop()
    pane.summary_ready.connect(loop.quit)
    wait_methods = QTimer(singleShot=True, interval=5000, timeout=loop.quit)
    pane.method_box.model().rowsInserted.connect(lambda *_: loop.quit())
    wait_methods.start()
    loop.exec()  # the method list arrives from a worker (sumy loads there)
    from desktop.core.text.summarize import summarize

    core_ms = timed(lambda: summarize(article.text, "news"), repeats=3)
    print(f"core summarize alone (news): {core_ms:7.1f} ms  (no cache, no thread hop)")
    for label in ("first (computed)", "again (cached)"):
        started = time.perf_counter()
        pane.show_article(article)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        elapsed = (time.perf_counter() - started) * 1000
        print(f"summary shown, {label:17}{elapsed:7.1f} ms  (goal ≤ 150 ms)")

    return 0


def _merge_formats(reader, entities, terms) -> None:
    """The obvious way: one mergeCharFormat per span, directly into the document."""
    from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

    document = reader.page.document()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#0066a6"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    to_qt = reader._positions.to_qt
    spans = [(e.start, e.end) for e in entities] + [s for t in terms for s in t.spans]
    for start, end in spans:
        cursor.setPosition(to_qt(start))
        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    reader.page.viewport().repaint()


def _syntax_highlighter(reader, entities, terms) -> None:
    """Apply the reader's own segments through a QSyntaxHighlighter, block by block."""
    from bisect import bisect_right

    from PySide6.QtGui import QSyntaxHighlighter

    from desktop.ui.reader.layers import Mark, flatten

    to_qt = reader._positions.to_qt
    marks = [Mark(to_qt(e.start), to_qt(e.end), "fg", e.category) for e in entities]
    marks += [Mark(to_qt(s), to_qt(e), "fg", "term") for t in terms for s, e in t.spans]
    segments = [(s, e, reader._book.format(st)) for s, e, st in flatten(marks)]
    ends = [e for _, e, _ in segments]

    class Highlighter(QSyntaxHighlighter):
        def highlightBlock(self, text: str) -> None:
            begin = self.currentBlock().position()
            finish = begin + self.currentBlock().length() - 1
            index = bisect_right(ends, begin)
            while index < len(segments) and segments[index][0] < finish:
                start, end, fmt = segments[index]
                start = max(start, begin)
                self.setFormat(start - begin, min(end, finish) - start, fmt)
                index += 1

    highlighter = Highlighter(reader.page.document())
    highlighter.rehighlight()  # setDocument alone only schedules it
    reader.page.viewport().repaint()
    highlighter.setDocument(None)


def _article(text: str):
    from desktop.core.library.store import content_hash, count_words
    from desktop.core.models import Article

    return Article(
        id=0,
        title="Ten thousand words on the peace talks",
        text=text,
        content_hash=content_hash(text),
        words=count_words(text),
        source="Benchmark",
    )


if __name__ == "__main__":
    raise SystemExit(main())
