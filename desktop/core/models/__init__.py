"""Plain, frozen data passed between the core, the CLI and the window.

Offsets (``start``/``end``) are always Python string indexes into the article text as stored;
the window converts them to Qt positions in exactly one place.

Only ``Article`` is defined here: every command needs it. The language results (``text``) and
the notes (``notes``) are imported on first use, as ``desktop.core.models.Sentence`` and so on:
each frozen dataclass costs its creation at import, and a command that only lists or shows
articles would otherwise pay for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Article:
    """One stored article. ``id`` is 0 until the store assigns one."""

    id: int
    title: str
    text: str
    content_hash: str
    words: int
    byline: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    added: str = ""
    language: str = "en"
    read: bool = False
    starred: bool = False
    origin: str = ""
    pages: tuple[tuple[int, int], ...] = ()
    """``(page number, start)`` for a paged source (PDF): where each page begins in ``text``."""
    tags: tuple[str, ...] = ()  # from the source (a feed's categories), stored on import
    trashed: str = ""  # when the user deleted it; '' for an article in the library


def __getattr__(name: str) -> type:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    cls: type = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = cls
    return cls
