"""Reduction as sumy computes it (each sentence rated by the sum of its edges to all others),
vectorised over one sparse product."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.textrank import shared_word_edges


def rank_reduction(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    edges = shared_word_edges(sentences, language, when_both_single="zero")
    np.fill_diagonal(edges, 0.0)
    per_sentence = edges.sum(axis=1)
    # sumy keys ratings by sentence text, so sentences with the same text pool their edges.
    pooled: dict[str, float] = {}
    for sentence, rating in zip(sentences, per_sentence.tolist(), strict=True):
        pooled[sentence.text] = pooled.get(sentence.text, 0.0) + rating
    return rank_by_score([pooled[s.text] for s in sentences])
