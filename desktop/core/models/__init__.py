"""Plain, frozen data passed between the core, the CLI and the window.

Offsets (``start``/``end``) are always Python string indexes into the article text as stored;
the window converts them to Qt positions in exactly one place.

Only ``Article`` is defined here: every command needs it. It is a ``Frozen`` value rather than
a frozen dataclass, so that reading commands never import ``dataclasses``: change a copy with
``article.replace(...)``. The language results (``text``) and the notes (``notes``), frozen
dataclasses, are imported on first use, as ``desktop.core.models.Sentence`` and so on: each
costs its creation at import, and a command that only lists or shows articles would otherwise
pay for all of them.
"""

from __future__ import annotations

from desktop.core.frozen import Frozen

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from desktop.core.models.notes import Highlight, HighlightCategory
    from desktop.core.models.text import Entity, Sentence, Summary, SummarySentence, Term

# Where each class defined elsewhere lives (``__getattr__`` imports it on first use).
_LAZY = {
    "Sentence": "text",
    "SummarySentence": "text",
    "Summary": "text",
    "Entity": "text",
    "Term": "text",
    "HighlightCategory": "notes",
    "Highlight": "notes",
}
__all__ = [
    "Article", "Entity", "Highlight", "HighlightCategory", "Sentence", "Summary", "SummarySentence",
    "Term",
]  # fmt: skip


class Article(Frozen):
    """One stored article. ``id`` is 0 until the store assigns one."""

    _fields = (
        "id", "title", "text", "content_hash", "words", "byline", "source", "url", "published",
        "added", "language", "read", "starred", "origin", "pages", "tags", "trashed", "length_unit",
    )  # fmt: skip
    __slots__ = _fields
    id: int
    title: str
    text: str
    content_hash: str
    words: int
    byline: str
    source: str
    url: str
    published: str
    added: str
    language: str
    read: bool
    starred: bool
    origin: str
    pages: tuple[tuple[int, int], ...]
    """``(page number, start)`` for a paged source (PDF): where each page begins in ``text``."""
    tags: tuple[str, ...]  # from the source (a feed's categories), stored on import
    trashed: str  # when the user deleted it; '' for an article in the library
    length_unit: str  # what ``words`` counts: "words", or "characters" (Chinese, Japanese)

    def __init__(
        self,
        id: int,
        title: str,
        text: str,
        content_hash: str,
        words: int,
        byline: str = "",
        source: str = "",
        url: str = "",
        published: str = "",
        added: str = "",
        language: str = "en",
        read: bool = False,
        starred: bool = False,
        origin: str = "",
        pages: tuple[tuple[int, int], ...] = (),
        tags: tuple[str, ...] = (),
        trashed: str = "",
        length_unit: str = "words",
    ) -> None:
        self._set_fields(
            id, title, text, content_hash, words, byline, source, url, published, added,
            language, read, starred, origin, pages, tags, trashed, length_unit,
        )  # fmt: skip


def __getattr__(name: str) -> type:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    cls: type = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = cls
    return cls
