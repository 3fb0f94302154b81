"""The labels Dossier writes into an imported document's text to show its structure: a deck's
"Slide 3 — its title" and "Speaker notes", a report's "Footnotes", "Endnotes" and "Comments".
They are the importers' words, not the author's: never a key term, however often a deck
repeats them."""

from __future__ import annotations

import re

SLIDE = "Slide"
SPEAKER_NOTES = "Speaker notes"
NOTE_LABELS = ("Footnotes", "Endnotes", "Comments")
SLIDE_SEPARATOR = " — "

_LABEL = re.compile(
    rf"^(?:{SLIDE} \d+(?={SLIDE_SEPARATOR}|$)|"
    + "|".join(re.escape(label) + "$" for label in (SPEAKER_NOTES, *NOTE_LABELS))
    + ")",
    re.MULTILINE,
)


def slide_label(number: int, title: str) -> str:
    """The line that opens a slide: "Slide 3 — Repairs and costs", or "Slide 3"."""
    return f"{SLIDE} {number}{SLIDE_SEPARATOR}{title}" if title else f"{SLIDE} {number}"


def label_spans(text: str) -> list[tuple[int, int]]:
    """Where such labels stand in ``text``: each at the start of its own line."""
    return [match.span() for match in _LABEL.finditer(text)]
