"""TextRank as sumy computes it (shared-word edges over log lengths, damped power method),
vectorised: the edge weights come from one sparse product instead of a loop over all pairs, and
the damping term is applied inside the power iteration instead of as a second dense matrix.
A text longer than ``MAX_SENTENCES`` is refused rather than filling the memory."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers.text_rank import TextRankSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score, refuse_beyond
from desktop.core.text.methods.terms import (
    content_stems,
    count_terms,
    gram,
    last_by_text,
    row_blocks,
)

# One n × n float matrix: at the limit a process peaks near 610 MB (under 2 s).
MAX_SENTENCES = 8_000
METHOD_NAMES = {"shared": "textrank", "zero": "reduction"}


def shared_word_edges(
    sentences: Sequence[Sentence], language: str, *, when_both_single: str
) -> np.ndarray:
    """Edge weights ``shared words / (log len_i + log len_j)`` that TextRank and Reduction use.

    Where both sentences have a single word the denominator is 0: sumy's TextRank then keeps
    the shared count (``when_both_single="shared"``), its Reduction gives 0 (``"zero"``).
    Computed in place, a block of rows at a time: the matrix is n × n, and nothing as large is
    built beside it. More than ``MAX_SENTENCES`` sentences are refused.
    """
    refuse_beyond(METHOD_NAMES[when_both_single], len(sentences), MAX_SENTENCES)
    terms = count_terms(content_stems(sentences, language))
    weights = gram(terms.rows, terms.cols, terms.counts, terms.sentences)
    logs = np.array([math.log(x) if x > 0 else 0.0 for x in terms.lengths.tolist()])
    single = np.flatnonzero(terms.lengths == 1)
    for block in row_blocks(terms.sentences, terms.sentences):
        shared = weights[block]  # a view: written over with the weights below
        both_single = np.ix_(np.flatnonzero(terms.lengths[block] == 1), single)
        usable = shared != 0
        usable[both_single] = False
        edges = np.add.outer(logs[block], logs)
        np.divide(shared, edges, out=edges, where=usable)
        edges[~usable] = 0.0
        if when_both_single == "shared":
            edges[both_single] = shared[both_single]
        shared[...] = edges
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
