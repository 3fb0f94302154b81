"""Where the user stopped reading an article, kept so the article reopens there.

A place is the offset of the first character on screen, not a fraction of the scroll range, so
it holds at any window size or text size. The text may have changed since (an update, a
restored version): the place is then looked for by the words that began it, the occurrence
nearest the old offset; if they are gone the text changed too much and reading starts again
at the top.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class ReadingPosition:
    """``offset`` into the text whose hash is ``content_hash``; ``context`` the text there."""

    offset: int
    content_hash: str
    context: str


def position_in(text: str, content_hash: str, offset: int) -> ReadingPosition:
    """The place ``offset`` in ``text`` (clamped to it), with what is needed to find it again."""
    offset = min(max(offset, 0), len(text))
    return ReadingPosition(offset, content_hash, text[offset : offset + CONTEXT_CHARS])


def place_in(position: ReadingPosition, text: str, content_hash: str) -> int:
    """Where ``position`` is in ``text`` now: the same offset in the same text; in a changed
    text the occurrence of its context nearest the old offset; 0 when the context is gone."""
    if content_hash == position.content_hash:
        return min(position.offset, len(text))
    if not position.context.strip():
        return 0
    before = text.rfind(position.context, 0, position.offset + len(position.context))
    after = text.find(position.context, position.offset)
    found = [at for at in (before, after) if at >= 0]
    return min(found, key=lambda at: abs(at - position.offset)) if found else 0
