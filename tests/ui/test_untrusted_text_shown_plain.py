"""Titles, quotes and notes are untrusted: every naughty string reads back from a tooltip
exactly as written (Qt renders a tooltip as rich text when it looks like markup, so an
unescaped ``<b>`` or ``&amp;`` is shown changed, and an ``<img>`` is loaded)."""

from __future__ import annotations

import unicodedata
import uuid

from PySide6.QtGui import Qt, QTextDocument

from desktop.core.models import Highlight
from desktop.ui.library.model import COLUMNS, LibraryModel
from desktop.ui.notes.highlight_list_model import HighlightListModel
from desktop.ui.notes.notebook_model import NotebookModel
from tests.hostile.corpora import naughty_sample
from tests.ui.conftest import add_article

STRINGS = [s for s in naughty_sample(3) if s.strip()] + ['<img src="x">', "a &amp; b", "<b>x</b>"]


def _visible(text: str) -> str:
    """``text`` as a reader compares it: whitespace collapsed, invisible controls dropped."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return " ".join(kept.split())


def shown(tip: str) -> str:
    """The text a tooltip shows."""
    document = QTextDocument()
    if Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return _visible(document.toPlainText())


def _changed(pairs: list[tuple[str, str]]) -> list[str]:
    wrong = [(s, tip) for s, tip in pairs if _visible(s) not in shown(tip)]
    return [f"{s!r} shown as {shown(tip)!r}" for s, tip in wrong]


def test_library_tooltips_show_titles_as_written(library, sync_workers) -> None:
    for number, s in enumerate(STRINGS):
        add_article(library, s, f"Story {number}: the council voted on the budget.")
    model = LibraryModel(library.conn)
    model.refresh()
    title = [key for key, *_ in COLUMNS].index("title")
    pairs = []
    for row in range(model.rowCount()):
        index = model.index(row, title)
        pairs.append((index.data(), index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    assert not _changed(pairs), "\n".join(_changed(pairs))


def _highlight(s: str) -> Highlight:
    return Highlight(
        id=str(uuid.uuid4()), article_id=1, start=0, end=len(s), quote=s, prefix="", suffix="",
        content_hash="h", category="key-fact", note=s, tags=(), created="2026-01-01T00:00:00Z",
        modified="2026-01-01T00:00:00Z",
    )  # fmt: skip


def test_note_and_quote_tooltips_show_the_text_as_written(qtbot) -> None:
    highlights = [_highlight(s) for s in STRINGS]
    notes = HighlightListModel()
    notes.set_highlights(highlights)
    notebook = NotebookModel()
    notebook.set_results(highlights, {1: "Budget"})
    pairs = []
    for row, s in enumerate(STRINGS):
        tip = notes.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        pairs.append((s, tip))  # the category's label, then the note
        pairs += [(s, notebook.index(row, c).data(Qt.ItemDataRole.ToolTipRole)) for c in (0, 1)]
    assert not _changed(pairs), "\n".join(_changed(pairs))
