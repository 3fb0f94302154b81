"""What the language code finds in an article text: sentences, summaries, entities, key terms."""

from __future__ import annotations

from dataclasses import dataclass, field


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
