"""TextRank as sumy computes it (shared-word edges over log lengths, damped power method),
vectorised: the edge weights come from one sparse product instead of a loop over all pairs."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.terms import content_stems, count_terms, gram, last_by_text


def shared_word_edges(
    sentences: Sequence[Sentence], language: str
) -> tuple[np.ndarray, np.ndarray]:
    """Words two sentences share (repeats multiplied) and the sum of their log lengths: the
    numerator and denominator of the edge weight TextRank and Reduction both use."""
    terms = count_terms(content_stems(sentences, language))
    shared = gram(terms.rows, terms.cols, terms.counts, terms.sentences)
    logs = np.array([math.log(x) if x > 0 else 0.0 for x in terms.lengths.tolist()])
    return shared, logs[:, None] + logs[None, :]


def rank_textrank(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    shared, norm = shared_word_edges(sentences, language)
    near_zero = np.isclose(norm, 0.0)
    ratio = np.divide(shared, norm, out=np.zeros_like(shared), where=~near_zero)
    weights = np.where(shared == 0, 0.0, np.where(near_zero, shared, ratio))
    weights /= weights.sum(axis=1)[:, np.newaxis] + TextRankSummarizer._ZERO_DIVISION_PREVENTION
    n = len(sentences)
    damping = TextRankSummarizer.damping
    matrix = np.full((n, n), (1.0 - damping) / n) + damping * weights
    scores = TextRankSummarizer.power_method(matrix, TextRankSummarizer.epsilon)
    return rank_by_score(last_by_text(sentences, scores))
