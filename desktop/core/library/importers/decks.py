"""A presentation as one article, whichever format it came in (.pptx, .ppt)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers.building import build_article, iso_date
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.models import Article
from desktop.core.text.document_labels import SPEAKER_NOTES, slide_label

Slide = tuple[str, list[str], list[str]]
"""A slide's title, its lines (paragraphs and table rows) and its speaker notes."""


def deck_article(path: Path, slides: list[Slide], *, byline: str, published: str) -> Article:
    """A presentation as one article: a line per slide ("Slide 3 — its title") over its
    lines, then its speaker notes under their label; titled by its first slide title. The
    file's title property is not read: PowerPoint fills it in itself, with that same title
    or, on a deck without one, with "PowerPoint Presentation" or "No Slide Title" in the
    user's language."""
    shown = [(n, *slide) for n, slide in enumerate(slides, 1) if any(slide)]
    if not shown:
        raise UnreadableFile(path, "the presentation holds no text")
    text = "\n\n".join(
        "\n\n".join(
            [
                slide_label(number, heading),
                *lines,
                *([SPEAKER_NOTES, *notes] if notes else []),
            ]
        )
        for number, heading, lines, notes in shown
    )
    return build_article(
        path,
        title=next((heading for _, heading, _, _ in shown if heading), ""),
        text=text,
        byline=byline,
        published=iso_date(published),
    )
