"""TextRank as sumy computes it (shared-word edges over log lengths, damped power method),
vectorised: the edge weights come from one sparse product instead of a loop over all pairs, and
the damping term is applied inside the power iteration instead of as a second dense matrix."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.terms import content_stems, count_terms, gram, last_by_text


def shared_word_edges(
    sentences: Sequence[Sentence], language: str, *, when_both_single: str
) -> np.ndarray:
    """Edge weights ``shared words / (log len_i + log len_j)`` that TextRank and Reduction use.

    Where both sentences have a single word the denominator is 0: sumy's TextRank then keeps
    the shared count (``when_both_single="shared"``), its Reduction gives 0 (``"zero"``).
    Computed in place: long articles make these matrices large.
    """
    terms = count_terms(content_stems(sentences, language))
    shared = gram(terms.rows, terms.cols, terms.counts, terms.sentences)
    logs = np.array([math.log(x) if x > 0 else 0.0 for x in terms.lengths.tolist()])
    single = np.flatnonzero(terms.lengths == 1)
    usable = shared != 0
    usable[np.ix_(single, single)] = False
    weights = np.add.outer(logs, logs)
    np.divide(shared, weights, out=weights, where=usable)
    weights[~usable] = 0.0
    if when_both_single == "shared":
        block = np.ix_(single, single)
        weights[block] = shared[block]
    return weights


def rank_textrank(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    weights = shared_word_edges(sentences, language, when_both_single="shared")
    weights /= weights.sum(axis=1)[:, np.newaxis] + TextRankSummarizer._ZERO_DIVISION_PREVENTION
    scores = _damped_power_method(weights, TextRankSummarizer.damping, TextRankSummarizer.epsilon)
    return rank_by_score(last_by_text(sentences, scores))


def _damped_power_method(weights: np.ndarray, damping: float, epsilon: float) -> np.ndarray:
    """sumy's ``power_method`` on ``(1 - damping) / n + damping * weights`` without building
    that matrix: the constant part contributes ``(1 - damping) / n * sum(p)`` to every entry."""
    n = len(weights)
    teleport = (1.0 - damping) / n
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        next_p = teleport * p.sum() + damping * (weights.T @ p)
        change = float(np.linalg.norm(next_p - p))
        p = next_p
    return p
