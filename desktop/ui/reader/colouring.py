"""What the reader colours from a complete result, and the legend's counts.

Pure and quick for an article of ordinary length; for a book-length one (hundreds of
thousands of mentions) it takes the better part of a second, so the reader has it done in a
worker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from desktop.core.models import Entity, Term


class Colouring(NamedTuple):
    entities: list[Entity]
    terms: list[Term]  # the key terms to colour
    all_terms: list[Term]  # every key term found (the entity pane lists them all)
    counts: Counter[str]  # for the legend, by category, "term" and "watchlist"


def colouring(entities: Sequence[Entity], terms: Sequence[Term]) -> Colouring:
    """A key term that is a name the reader colours as an entity would only repeat it: left
    out of the colouring (and of the count)."""
    entities = list(entities)
    named = {(e.start, e.end) for e in entities}
    shown = [t for t in terms if not all(span in named for span in t.spans)]
    counts = Counter(e.category for e in entities)
    counts["term"] += sum(len(t.spans) for t in shown)
    counts["watchlist"] = sum(e.watchlist for e in entities)
    return Colouring(entities, shown, list(terms), counts)
