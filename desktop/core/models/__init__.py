"""Plain, frozen data passed between the core, the CLI and the window.

Offsets (``start``/``end``) are always Python string indexes into the article text as stored;
the window converts them to Qt positions in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SummarySentence:
    """A sentence chosen for a summary; ``rank`` 1 is the most important."""

    start: int
    end: int
    text: str
    rank: int
    score: float


@dataclass(frozen=True)
class Summary:
    """An extractive summary; ``sentences`` are in document order."""

    method: str
    sentences: tuple[SummarySentence, ...]


@dataclass(frozen=True)
class Entity:
    """A mention of a named thing; ``category`` is leader, person, institution or place."""

    start: int
    end: int
    text: str
    category: str
    canonical: str
    role: str = ""
    watchlist: bool = False
    role_as_of: str = ""  # the day (YYYY-MM-DD) ``role`` was resolved for


@dataclass(frozen=True)
class Term:
    """A key term and every place it occurs."""

    text: str
    score: float
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HighlightCategory:
    """A kind of highlight. ``name`` is the stable style name highlights refer to; ``label``
    is what the user sees and may rename; colours are per theme so dark mode stays legible."""

    name: str
    label: str
    light: str
    dark: str
    builtin: bool = False
    position: int = 0


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage and its note.

    ``quote == text[start:end]`` of the text whose hash is ``content_hash``; ``prefix`` and
    ``suffix`` are the characters around it, so the passage can be found again after the text
    changes. An ``orphan`` could not be placed in the current text but is kept with its quote.
    """

    id: str
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    content_hash: str
    category: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""
    orphan: bool = False
    deleted: bool = False
