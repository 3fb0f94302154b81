"""The ``news`` method: placeholder ranking by position until the tuned ranker lands."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking


def rank_news(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    return [(i, 1.0 / (i + 1)) for i in range(min(limit, len(sentences)))]
