"""The labels Dossier writes into an imported document's text to show its structure: a deck's
"Slide 3 — its title" ("Slide 4 (hidden) — …" for one the show skips) and "Speaker notes", a
report's "Footnotes", "Endnotes", "Comments" and "Tracked changes", who made each tracked
change, and "Chart" over a chart's figures. They are the importers' words, not the author's:
never a key term, however often a deck repeats them."""

from __future__ import annotations

import re

SLIDE = "Slide"
SPEAKER_NOTES = "Speaker notes"
NOTE_LABELS = ("Footnotes", "Endnotes", "Comments", "Tracked changes")
SLIDE_SEPARATOR = " — "
HIDDEN = " (hidden)"

CHART = "Chart"
"""Over a chart's title and figures: "Chart: Sales by quarter"."""
CHANGE_KINDS = ("Deleted", "Inserted", "Moved")
"""How a tracked change's note opens: "3. Deleted by Ana Ruiz: “…”"."""

_LABEL = re.compile(
    rf"^(?:{SLIDE} \d+(?:{re.escape(HIDDEN)})?(?={SLIDE_SEPARATOR}|$)|"
    + "|".join(re.escape(label) + "$" for label in (SPEAKER_NOTES, *NOTE_LABELS))
    + rf"|\d+\. (?:{'|'.join(CHANGE_KINDS)}) by [^:\n]{{0,80}}:|{CHART}(?=: |$))",
    re.MULTILINE,
)


def slide_label(number: int, title: str, *, hidden: bool = False) -> str:
    """The line that opens a slide: "Slide 3 — Repairs and costs", or "Slide 3"; "Slide 3
    (hidden)" for a slide the author hid from the show (often the one a reader wants)."""
    label = f"{SLIDE} {number}{HIDDEN if hidden else ''}"
    return f"{label}{SLIDE_SEPARATOR}{title}" if title else label


def label_spans(text: str) -> list[tuple[int, int]]:
    """Where such labels stand in ``text``: each at the start of its own line."""
    return [match.span() for match in _LABEL.finditer(text)]
