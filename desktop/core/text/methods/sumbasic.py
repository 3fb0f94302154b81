"""SumBasic as sumy computes it: take the sentence with the highest mean word probability, square
the probabilities of its words, repeat — vectorised and stopped after ``limit`` picks.

sumy re-rates every remaining sentence on every step until all are placed (O(n²) words); the
rating only orders sentences by the step that took them. Sentences sharing the exact same text
are rated separately (sumy's text-keyed dict would merge them).
"""

from __future__ import annotations

from collections.abc import Sequence

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
    remaining = np.ones(n, dtype=bool)
    ranking: Ranking = []
    for step in range(min(limit, n)):
        sums = np.bincount(occurrence_rows, weights=probability[occurrence_cols], minlength=n)
        averages = np.divide(sums, lengths, out=np.zeros(n), where=lengths > 0)
        averages[~remaining] = -np.inf
        best = int(np.argmax(averages))
        ranking.append((best, float(-step)))
        remaining[best] = False
        for column in occurrence_cols[occurrence_rows == best].tolist():
            probability[column] *= probability[column]
    return ranking
