"""Flatten the reader's overlapping layers into non-overlapping styled segments.

Entities, key terms, watchlist matches, the summary tint and the user's highlights overlap
freely; a QSyntaxHighlighter can only set one format per character. One sweep over the span
boundaries turns the layers into segments, each carrying the combined ``Style`` of everything
covering it, so the highlighter only looks segments up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

# When an entity and a key term overlap, the entity's colour wins; leaders win over people.
FOREGROUND_PRIORITY = {"leader": 0, "person": 1, "institution": 2, "place": 3, "term": 4}


@dataclass(frozen=True)
class Style:
    """What covers a stretch of text: a foreground category, the watchlist mark, a background
    (a theme role, or ``hl:<category>`` for a user highlight) and whether a note is attached."""

    foreground: str | None = None
    watch: bool = False
    background: str | None = None
    note: bool = False


@dataclass(frozen=True)
class Mark:
    """One span of one layer, in document positions. ``layer`` is fg, watch, bg or note."""

    start: int
    end: int
    layer: str
    value: str = ""


def flatten(marks: Iterable[Mark]) -> list[tuple[int, int, Style]]:
    """Non-overlapping ``(start, end, style)`` segments, in order, adjacent equals merged."""
    events: dict[int, list[tuple[int, str, str]]] = {}
    for mark in marks:
        if mark.end <= mark.start:
            continue
        events.setdefault(mark.start, []).append((1, mark.layer, mark.value))
        events.setdefault(mark.end, []).append((-1, mark.layer, mark.value))
    active: Counter[tuple[str, str]] = Counter()
    segments: list[tuple[int, int, Style]] = []
    positions = sorted(events)
    for here, after in pairwise(positions):
        for delta, layer, value in events[here]:
            active[(layer, value)] += delta
            if not active[(layer, value)]:
                del active[(layer, value)]
        if not active:
            continue
        style = _combine(active)
        if segments and segments[-1][1] == here and segments[-1][2] == style:
            segments[-1] = (segments[-1][0], after, style)
        else:
            segments.append((here, after, style))
    return segments


def _combine(active: Counter[tuple[str, str]]) -> Style:
    foreground = None
    watch = note = False
    background = None
    for layer, value in active:  # insertion order: the latest-starting highlight wins
        if layer == "fg":
            if foreground is None or FOREGROUND_PRIORITY.get(value, 9) < FOREGROUND_PRIORITY.get(
                foreground, 9
            ):
                foreground = value
        elif layer == "watch":
            watch = True
        elif layer == "note":
            note = True
        elif layer == "bg" and (background is None or value.startswith("hl:")):
            background = value
    return Style(foreground, watch, background, note)
