"""Sentence rankers behind :func:`desktop.core.text.summarize.summarize`.

Every ranker takes the article's sentences, its language and how many sentences the caller
needs at most, and returns ``(sentence index, score)`` pairs best first — at least ``limit`` of
them when there are that many sentences, so greedy methods can stop early.

A method whose cost grows faster than the text (a sentence-by-sentence similarity matrix, a
greedy pass over every sentence per pick) refuses a text beyond what it handles in bounded
memory and time with :class:`TextTooLong`, instead of running out of memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.models import Sentence

Ranking = list[tuple[int, float]]
Ranker = Callable[[Sequence[Sentence], str, int], Ranking]
# What to use instead: methods whose cost stays flat or linear however long the text is.
ALTERNATIVES = "use news or lead"


class TextTooLong(ValueError):
    """A summary method refuses a text too long for it; the message is one line saying what it
    handles and what to use instead."""


def refuse_beyond(method: str, count: int, most: int) -> None:
    """Raise :class:`TextTooLong` when ``count`` sentences exceed the ``most`` ``method``
    handles."""
    if count > most:
        raise TextTooLong(
            f"{method} handles up to {most:,} sentences; this text has {count:,} — {ALTERNATIVES}"
        )


def rank_by_score(scores: Sequence[float]) -> Ranking:
    """Best first; equal scores keep document order (as sumy's stable sort does)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    return [(i, float(scores[i])) for i in order]
