"""Sentence rankers behind :func:`desktop.core.text.summarize.summarize`.

Every ranker takes the article's sentences, its language and how many sentences the caller
needs at most, and returns ``(sentence index, score)`` pairs best first — at least ``limit`` of
them when there are that many sentences, so greedy methods can stop early.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.models import Sentence

Ranking = list[tuple[int, float]]
Ranker = Callable[[Sequence[Sentence], str, int], Ranking]


def rank_by_score(scores: Sequence[float]) -> Ranking:
    """Best first; equal scores keep document order (as sumy's stable sort does)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    return [(i, float(scores[i])) for i in order]
