"""A presentation as one article, whichever format it came in (.pptx, .ppt)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article
from desktop.core.text.document_labels import SPEAKER_NOTES, slide_label


@dataclass(frozen=True)
class Slide:
    """A slide's title, its lines (paragraphs and table rows), its speaker notes, and whether
    the author hid it from the show (it is read all the same, and said to be hidden)."""

    title: str
    lines: list[str]
    notes: list[str]
    hidden: bool = False


def deck_article(path: Path, slides: list[Slide], *, byline: str, published: str) -> Article:
    """A presentation as one article: a line per slide ("Slide 3 — its title") over its
    lines, then its speaker notes under their label; titled by its first slide title. The
    file's title property is not read: PowerPoint fills it in itself, with that same title
    or, on a deck without one, with "PowerPoint Presentation" or "No Slide Title" in the
    user's language."""
    shown = [(n, s) for n, s in enumerate(slides, 1) if s.title or s.lines or s.notes]
    if not shown:
        raise UnreadableFile(path, "the presentation holds no text")
    text = "\n\n".join(
        "\n\n".join(
            [
                slide_label(number, slide.title, hidden=slide.hidden),
                *slide.lines,
                *([SPEAKER_NOTES, *slide.notes] if slide.notes else []),
            ]
        )
        for number, slide in shown
    )
    return build_article(
        path,
        title=next((slide.title for _, slide in shown if slide.title), ""),
        text=text,
        byline=byline,
        published=iso_date(published),
    )
