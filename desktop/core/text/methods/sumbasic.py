"""SumBasic as sumy computes it: take the sentence with the highest mean word probability, square
the probabilities of its words, repeat — stopped after ``limit`` picks.

sumy re-rates every remaining sentence on every step until all are placed (O(n²) words); the
rating only orders sentences by the step that took them. Squaring a probability never raises
it, so a sentence's mean can only fall: a heap of means, re-rating only a sentence on top whose
words changed since it was rated (lazy greedy), picks exactly what re-rating every sentence
would, and a summary of thousands of sentences from a book-length text stays quick. Sentences
sharing the exact same text are rated separately (sumy's text-keyed dict would merge them).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking
from desktop.core.text.methods.terms import content_stems, count_terms


def rank_sumbasic(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    stems = content_stems(sentences, language)
    terms = count_terms(stems)
    n = terms.sentences
    total = int(terms.lengths.sum())
    probability = np.zeros(len(terms.vocabulary))
    if total:
        probability = np.bincount(terms.cols, weights=terms.counts, minlength=len(probability))
        probability /= total
    # One entry per word occurrence, in sentence order, so sums run in sumy's order.
    occurrence_rows = np.repeat(np.arange(n), terms.lengths)
    occurrence_cols = np.array(
        [terms.vocabulary[w] for sentence in stems for w in sentence], dtype=np.int64
    )
    lengths = terms.lengths.astype(float)
    sums = np.bincount(occurrence_rows, weights=probability[occurrence_cols], minlength=n)
    averages = np.divide(sums, lengths, out=np.zeros(n), where=lengths > 0)
    # The heap orders by mean, then by position: the first of equal means wins, as argmax does.
    heap = [(-mean, row) for row, mean in enumerate(averages.tolist())]
    heapq.heapify(heap)
    bounds = np.concatenate(([0], np.cumsum(terms.lengths))).tolist()
    words = occurrence_cols.tolist()
    holders = _holders(occurrence_rows, occurrence_cols, len(probability))
    chances = probability.tolist()
    stale = np.zeros(n, dtype=bool)
    ranking: Ranking = []
    while len(ranking) < min(limit, n):
        _, row = heapq.heappop(heap)
        start, end = bounds[row], bounds[row + 1]
        if stale[row]:
            stale[row] = False
            heapq.heappush(heap, (-_mean(words[start:end], chances), row))
            continue
        ranking.append((row, float(-len(ranking))))
        for column in words[start:end]:
            chances[column] *= chances[column]
        stale[holders(words[start:end])] = True
    return ranking


def _mean(columns: list[int], chances: list[float]) -> float:
    """A sentence's mean word probability, summed word by word as numpy's bincount sums it."""
    total = 0.0
    for column in columns:
        total += chances[column]
    return total / len(columns) if columns else 0.0


def _holders(rows: np.ndarray, cols: np.ndarray, size: int) -> Callable[[list[int]], np.ndarray]:
    """A function from some word columns to the sentences holding any of them."""
    order = np.argsort(cols, kind="stable")
    by_column = rows[order]
    bounds = np.searchsorted(cols[order], np.arange(size + 1))

    def holding(columns: list[int]) -> np.ndarray:
        if not columns:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([by_column[bounds[c] : bounds[c + 1]] for c in set(columns)])

    return holding
