"""Flatten the reader's overlapping layers into non-overlapping styled segments.

Entities, key terms, watchlist matches, the summary tint and the user's highlights overlap
freely, but a character has one format. One sweep over the span boundaries turns the layers
into segments, each carrying the combined ``Style`` of everything covering it, so the reader
writes each stretch of text once.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

# When an entity and a key term overlap, the entity's colour wins; leaders win over people.
FOREGROUND_PRIORITY = {"leader": 0, "person": 1, "institution": 2, "place": 3, "term": 4}


class Style(NamedTuple):
    """What covers a stretch of text: a foreground category, the watchlist mark, a background
    (a theme role, or ``hl:<category>`` for a user highlight), whether a note is attached and
    whether the highlight is *moved* (placed after an edit, to be checked).
    A named tuple, not a dataclass: it is hashed once per segment and that shows in profiles."""

    foreground: str | None = None
    watch: bool = False
    background: str | None = None
    note: bool = False
    moved: bool = False


class Mark(NamedTuple):
    """One span of one layer, in document positions. ``layer`` is fg, watch, bg, note or
    moved."""

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
    active: dict[tuple[str, str], int] = {}
    segments: list[tuple[int, int, Style]] = []
    styles: dict[tuple[tuple[str, str], ...], Style] = {}  # most texts repeat a few mixes
    positions = sorted(events)
    for here, after in pairwise(positions):
        for delta, layer, value in events[here]:
            count = active.get((layer, value), 0) + delta
            if count:
                active[(layer, value)] = count
            else:
                del active[(layer, value)]
        if not active:
            continue
        mix = tuple(active)
        style = styles.get(mix)
        if style is None:
            style = styles[mix] = _combine(mix)
        if segments and segments[-1][1] == here and segments[-1][2] == style:
            segments[-1] = (segments[-1][0], after, style)
        else:
            segments.append((here, after, style))
    return segments


def _combine(active: tuple[tuple[str, str], ...]) -> Style:
    foreground = None
    watch = note = moved = False
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
        elif layer == "moved":
            moved = True
        elif layer == "bg" and (background is None or value.startswith("hl:")):
            background = value
    return Style(foreground, watch, background, note, moved)
