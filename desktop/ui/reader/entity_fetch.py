"""The reader's entities, fetched off the GUI thread: in two passes while an article is new.

Colouring a long article that the library has not indexed yet waits for the whole language
pass (the tagger over every word, then the index written). Editors face the same with long
files and colour what is on screen first; so does the reader. The first pass covers the lines
around the screen and takes the next free worker; once its result is coloured the complete
pass starts (after it, so the two passes never compete with each other), and its result
replaces the first. For an indexed article the first pass reads the complete result back; a
short article is analysed in one pass. A result for an article the reader has left, and a
first result once the complete one is shown, is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from desktop.core.models import Article, Entity, Term
from desktop.ui.workers import run_task, thread_library


class FirstPass(NamedTuple):
    """What the first pass found: an indexed article's complete entities and terms, or the
    entities of the lines around the screen (``complete`` False, no terms yet)."""

    complete: bool
    entities: Sequence[Entity]
    terms: Sequence[Term] = ()


EntitySource = Callable[[Article], tuple[Sequence[Entity], Sequence[Term]]]
FirstSource = Callable[[Article, int, int], FirstPass]
FIRST_PRIORITY = 1  # the first pass takes the next free worker before queued work
# Above this share of the text, a first pass would delay the complete colours by nearly as
# long as it saves: one pass is then as quick.
MAX_FIRST_SHARE = 0.5


def load_article_entities(article: Article) -> tuple[Sequence[Entity], Sequence[Term]]:
    """Entities and terms from the library's index, indexing now if needed (in a worker)."""
    from desktop.core.library.entity_index import article_entities

    return article_entities(thread_library().conn, article)


def load_first_pass(article: Article, start: int, end: int) -> FirstPass:
    """The complete result if ``article`` is indexed (reading it back is quick), else the
    entities of the lines around ``[start, end)`` (in a worker)."""
    from desktop.core.library.entity_index import article_entities, is_indexed, window_entities

    conn = thread_library().conn
    if is_indexed(conn, article):
        return FirstPass(True, *article_entities(conn, article))
    return FirstPass(False, window_entities(conn, article, start, end))


class EntityFetch(QObject):
    """``start(article, around)``; results come back as signals on the GUI thread."""

    first_ready = Signal(object)  # list[Entity] of the lines around the screen
    complete_ready = Signal(object)  # (list[Entity], list[Term]) of the whole article
    failed = Signal(str)  # why entities could not be found

    def __init__(
        self,
        entity_source: EntitySource = load_article_entities,
        first_source: FirstSource | None = load_first_pass,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.entity_source = entity_source
        self.first_source = first_source  # None: always one pass
        self.token = 0  # the current fetch; results of any other are stale
        self._settled = False

    def start(self, article: Article, around: tuple[int, int]) -> None:
        """Fetch the entities of ``article``; the first pass covers the Python offsets
        ``around``. Results of earlier fetches are dropped from now on."""
        self.token += 1
        self._settled = False
        token, source = self.token, self.first_source
        start, end = around
        covered = min(end, len(article.text)) - max(start, 0)
        if source is None or covered > MAX_FIRST_SHARE * len(article.text):
            self._fetch_complete(token, article)
            return
        run_task(
            lambda: source(article, start, end),
            lambda found: self._on_first(token, article, found),
            lambda exc: self._on_first_failed(token, article, exc),
            priority=FIRST_PRIORITY,
            pause_collector=True,
            owner=self,
        )

    def settle(self) -> None:
        """The complete result is shown: a first-pass result still on its way is dropped."""
        self._settled = True

    def _fetch_complete(self, token: int, article: Article) -> None:
        source = self.entity_source
        run_task(
            lambda: source(article),
            lambda result: self._on_complete(token, result),
            lambda exc: self._on_complete_failed(token, exc),
            pause_collector=True,
            owner=self,
        )

    def _current(self, token: int) -> bool:
        """Whether a result of fetch ``token`` is still wanted: the reader has neither moved
        on nor been closed (a chained pass would outlive it)."""
        return token == self.token and isValid(self)

    def _on_first(self, token: int, article: Article, found: FirstPass) -> None:
        if not self._current(token) or self._settled:
            return
        if found.complete:
            self.complete_ready.emit((found.entities, found.terms))
            return
        self.first_ready.emit(list(found.entities))
        self._fetch_complete(token, article)

    def _on_first_failed(self, token: int, article: Article, exc: Exception) -> None:
        """Say so, and let the complete pass colour the article (or say why it cannot)."""
        if self._current(token) and not self._settled:
            self.failed.emit(f"Entities on screen could not be found: {exc}")
            self._fetch_complete(token, article)

    def _on_complete(self, token: int, result: tuple[Sequence[Entity], Sequence[Term]]) -> None:
        if self._current(token):
            self.complete_ready.emit(result)

    def _on_complete_failed(self, token: int, exc: Exception) -> None:
        if self._current(token):
            self.failed.emit(f"Entities could not be loaded: {exc}")
