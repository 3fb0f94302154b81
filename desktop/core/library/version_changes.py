"""What changed between an article's versions, with its highlights on each text, and the
version a note was made on.

Highlights are stored placed in the current text only (an update re-anchors them and stores the
new text's hash over the old), so their place in an earlier text is found through the word diff
between that text and the current one; an orphan keeps the hash and offsets of the text it was
last placed in and is shown there. The version a note was made on is the text the article had
when the note was created: the first version replaced after that moment, else the current text.
Versions keep their time to the second, so a note made in the very second of an update counts
as made on the new text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.library.store import ArticleStore
from desktop.core.library.versions import get_version, list_versions
from desktop.core.models import Highlight
from desktop.core.notes.notebook import Notebook
from desktop.core.text.word_diff import DiffSpan, map_to_old, word_diff


class NoVersion(LookupError):
    """No such article or version; the message says which."""


@dataclass(frozen=True)
class PlacedHighlight:
    """Highlight ``id`` (of ``category``) on one text, at ``start:end`` of that text."""

    id: str
    category: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class ArticleText:
    """One text of an article: version ``number``, or the current text when it is None."""

    number: int | None
    text: str
    content_hash: str
    title: str


@dataclass(frozen=True)
class VersionChanges:
    """``old`` became ``new`` through ``spans``; the highlights placed on each text."""

    article_id: int
    old: ArticleText
    new: ArticleText
    spans: list[DiffSpan]
    old_highlights: list[PlacedHighlight]
    new_highlights: list[PlacedHighlight]


@dataclass(frozen=True)
class NoteOrigin:
    """The text a note was made on, and its passage there (None when it cannot be found)."""

    highlight: Highlight
    text: ArticleText
    passage: tuple[int, int] | None


def article_text(store: ArticleStore, article_id: int, number: int | None) -> ArticleText:
    """Version ``number`` of an article, or its current text when ``number`` is None."""
    if number is None:
        article = store.get(article_id)
        if article is None:
            raise NoVersion(f"no article with id {article_id}")
        return ArticleText(None, article.text, article.content_hash, article.title)
    version = get_version(store.conn, article_id, number)
    if version is None:
        raise NoVersion(f"article {article_id} has no version {number}")
    return ArticleText(number, version.text, version.content_hash, version.title)


def version_changes(
    store: ArticleStore, article_id: int, number: int, against: int | None = None
) -> VersionChanges:
    """Version ``number`` against version ``against`` (the current text when None)."""
    current = article_text(store, article_id, None)
    old = article_text(store, article_id, number)
    new = current if against is None else article_text(store, article_id, against)
    highlights = Notebook(store.conn).for_article(article_id)
    spans = word_diff(old.text, new.text)
    return VersionChanges(
        article_id=article_id,
        old=old,
        new=new,
        spans=spans,
        old_highlights=highlights_on(old, current, highlights, spans if new is current else None),
        new_highlights=highlights_on(new, current, highlights),
    )


def highlights_on(
    text: ArticleText,
    current: ArticleText,
    highlights: list[Highlight],
    spans: list[DiffSpan] | None = None,
) -> list[PlacedHighlight]:
    """The passages of ``highlights`` (placed in ``current``) found on ``text``, in text order;
    ``spans`` from ``text`` to ``current`` when the caller has them already."""
    if text.number is None:
        spans = None
    elif spans is None:
        spans = word_diff(text.text, current.text)
    placed = []
    for h in highlights:
        passage = _passage(h, text, spans)
        if passage is not None:
            placed.append(PlacedHighlight(h.id, h.category, *passage, note=h.note))
    return sorted(placed, key=lambda p: (p.start, p.end))


def note_origin(store: ArticleStore, highlight_id: str) -> NoteOrigin:
    """The text highlight ``highlight_id`` was made on and its passage there."""
    highlight = Notebook(store.conn).get(highlight_id)
    number = made_on(store, highlight)
    text = article_text(store, highlight.article_id, number)
    spans = None
    if number is not None:
        spans = word_diff(text.text, article_text(store, highlight.article_id, None).text)
    return NoteOrigin(highlight, text, _passage(highlight, text, spans))


def made_on(store: ArticleStore, highlight: Highlight) -> int | None:
    """The version current when ``highlight`` was created; None: the article's current text."""
    created = _moment(highlight.created)
    for version in list_versions(store.conn, highlight.article_id):
        if _moment(version.replaced) > created:
            return version.number
    return None


def _passage(
    h: Highlight, text: ArticleText, spans: list[DiffSpan] | None
) -> tuple[int, int] | None:
    """Where ``h`` is on ``text``; ``spans`` go from ``text`` to the current text (None when
    ``text`` is the current one)."""
    if h.orphan or h.content_hash == text.content_hash:
        if h.content_hash == text.content_hash and text.text[h.start : h.end] == h.quote:
            return h.start, h.end
        return None
    if spans is None:
        return h.start, h.end
    start, end = map_to_old(spans, h.start, h.end)
    return (start, end) if end > start else None


def _moment(stamp: str) -> datetime:
    """An ISO 8601 timestamp as a moment (notes and versions keep milliseconds, versions kept
    by older releases seconds; an imported note may end in ``Z``)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
