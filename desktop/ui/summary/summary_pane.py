"""The summary pane: pick a method and a length, read the chosen sentences, jump to them, and
make one a highlight in one click (context menu or the Highlight button).

Summaries are computed (or looked up in the library's cache) in a worker thread; a busy bar
shows while that runs and a result for an article or setting the user has already left is
dropped. The method names come from a module that imports nothing: importing the summariser
loads numpy, which must not delay the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Article, Summary, SummarySentence
from desktop.core.text.method_names import METHODS
from desktop.ui.plain_text import plain_label
from desktop.ui.summary.sentence_list import SentenceList
from desktop.ui.workers import run_task, thread_library

Summarizer = Callable[[Article, str, "int | None", "float | None"], Summary]
DEFAULT_METHOD = "news"
METHOD_LABELS = {
    "news": "News (recommended)",
    "lead": "Lead: opening sentences",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "kl": "KL-Sum",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
}
SENTENCES, PERCENT = "sentences", "% of the text"


def summarize_article(
    article: Article, method: str, sentences: int | None, ratio: float | None
) -> Summary:
    """The article's summary from the library (cached there); runs in a worker thread."""
    from desktop.core.library.summaries import article_summary

    conn = thread_library().conn
    return article_summary(conn, article, method, sentences=sentences, ratio=ratio)


class SummaryPane(QWidget):
    sentence_activated = Signal(int, int)  # Python offsets of the sentence in the article
    highlight_requested = Signal(int, int)  # offsets of a sentence to make a highlight
    show_in_text_toggled = Signal(bool)
    summary_ready = Signal(object)  # Summary
    method_changed = Signal(str)
    tint_changed = Signal(object)  # list[SummarySentence] to tint in the reader, or None

    def __init__(
        self, parent: QWidget | None = None, *, summarizer: Summarizer | None = None
    ) -> None:
        super().__init__(parent)
        self._summarizer = summarizer or summarize_article
        self._article: Article | None = None
        self._summary: Summary | None = None
        self._token = 0

        self.method_box = QComboBox(toolTip="How sentences are chosen")
        for name in METHODS:
            self.method_box.addItem(METHOD_LABELS.get(name, name), name)
        self.length_box = QSpinBox(minimum=1, maximum=50, value=3, toolTip="Summary length")
        self.unit_box = QComboBox()
        self.unit_box.addItems([SENTENCES, PERCENT])
        self.show_in_text = QCheckBox("Show summary in text")
        self.show_in_text.setToolTip("Tint the summary's sentences in the article")
        self.busy = QProgressBar(minimum=0, maximum=0, textVisible=False, maximumHeight=6)
        self.busy.hide()
        # Plain text: a refusal or an error may quote what came from the article.
        self.status = plain_label(wrap=True)
        self.status.hide()
        self.list = SentenceList()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.highlight_button = QToolButton(text="Highlight sentence")
        self.highlight_button.setToolTip("Make the selected sentence a highlight in the article")
        self.highlight_button.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(self.length_box)
        controls.addWidget(self.unit_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel("Method"))
        layout.addWidget(self.method_box)
        layout.addLayout(controls)
        layout.addWidget(self.show_in_text)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.highlight_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.method_box.currentIndexChanged.connect(self._on_method)
        self.length_box.valueChanged.connect(self._recompute)
        self.unit_box.currentIndexChanged.connect(self._on_unit)
        self.show_in_text.toggled.connect(self._on_show_in_text)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self.list.currentRowChanged.connect(self._update_button)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.highlight_button.clicked.connect(
            lambda: self.highlight_sentence(self.list.currentRow())
        )

    # --- public API -------------------------------------------------------------------------
    def show_article(self, article: Article) -> None:
        """Summarise ``article`` in the background with the current method and length."""
        self._article = article
        self._recompute()

    def method(self) -> str:
        return self.method_box.currentData() or DEFAULT_METHOD

    def set_method(self, name: str) -> None:
        """Choose a method; a name this version does not offer (an old setting) is ignored."""
        index = self.method_box.findData(name)
        if index >= 0:
            self.method_box.setCurrentIndex(index)

    def summary(self) -> Summary | None:
        return self._summary

    def highlight_sentence(self, row: int) -> None:
        """Ask for the summary's sentence ``row`` to become a highlight."""
        if 0 <= row < self.list.count():
            self.highlight_requested.emit(*self.list.offsets(row))

    def tint_sentences(self) -> list[SummarySentence] | None:
        """What the reader should tint: the summary when "show in text" is on, else None."""
        if not self.show_in_text.isChecked() or self._summary is None:
            return None
        return list(self._summary.sentences)

    # --- private --------------------------------------------------------------------------------
    def _on_method(self) -> None:
        self.method_changed.emit(self.method())
        self._recompute()

    def _on_unit(self) -> None:
        percent = self.unit_box.currentText() == PERCENT
        self.length_box.blockSignals(True)
        self.length_box.setRange(1, 100 if percent else 50)
        self.length_box.setValue(20 if percent else 3)
        self.length_box.blockSignals(False)
        self._recompute()

    def _recompute(self) -> None:
        if self._article is None:
            return
        self._token += 1
        token, article, method = self._token, self._article, self.method()
        percent = self.unit_box.currentText() == PERCENT
        sentences = None if percent else self.length_box.value()
        ratio = self.length_box.value() / 100 if percent else None
        self.busy.show()
        run_task(
            lambda: self._summarizer(article, method, sentences, ratio),
            lambda summary: self._on_summary(token, summary),
            lambda exc: self._on_failed(token, exc),
            pause_collector=True,
            owner=self,
        )

    def _on_summary(self, token: int, summary: Summary) -> None:
        if token != self._token:
            return  # the user changed article, method or length meanwhile
        self.busy.hide()
        self._summary = summary
        self.list.set_sentences(summary.sentences)
        empty = (
            "No summary: this text has no full sentences to lift, only headings, labels or"
            " lines without a full stop."
        )
        self._show_status("" if summary.sentences else empty)
        self.summary_ready.emit(summary)
        self.tint_changed.emit(self.tint_sentences())

    def _on_failed(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self.busy.hide()
        self._summary = None
        self.list.clear()
        self._show_status(f"No summary: {exc}")
        self.tint_changed.emit(None)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _on_show_in_text(self, on: bool) -> None:
        self.show_in_text_toggled.emit(on)
        self.tint_changed.emit(self.tint_sentences())

    def _on_item(self, item: QListWidgetItem) -> None:
        self.sentence_activated.emit(*self.list.offsets(self.list.row(item)))

    def _update_button(self, row: int) -> None:
        self.highlight_button.setEnabled(0 <= row < self.list.count())

    def sentence_menu(self, row: int) -> QMenu:
        """The context menu of the summary's sentence ``row``."""
        menu = QMenu(self)
        menu.addAction("Highlight this sentence", lambda: self.highlight_sentence(row))
        menu.addAction("Show in the article", lambda: self._on_item(self.list.item(row)))
        return menu

    def _on_context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        row = self.list.row(item)
        self.list.setCurrentRow(row)
        self.sentence_menu(row).exec(self.list.viewport().mapToGlobal(point))
