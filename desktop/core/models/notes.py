"""Highlights and their categories."""

from __future__ import annotations

from dataclasses import dataclass


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
    A ``moved`` highlight was placed by a match that is not certain (see ``notes.anchoring``)
    and waits for the user to check it. ``original_quote`` is what the user highlighted ("" for
    a highlight not stored yet: it is then its ``quote``), never overwritten by re-anchoring.
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
    moved: bool = False
    original_quote: str = ""

    @property
    def anchor(self) -> str:
        """``exact``, ``moved`` (placed, to be checked) or ``orphan`` (not placed)."""
        if self.orphan:
            return "orphan"
        return "moved" if self.moved else "exact"

    @property
    def first_quote(self) -> str:
        """The text the user highlighted, whatever the passage says now."""
        return self.original_quote or self.quote
