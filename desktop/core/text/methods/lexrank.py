"""LexRank as sumy computes it (idf-modified cosine, threshold graph, power method), vectorised.

sumy builds the similarity matrix with a Python double loop over sentence pairs; here it is one
sparse product, and the same power iteration runs on the same matrix.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers.lex_rank import LexRankSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.terms import content_stems, count_terms, gram, last_by_text


def rank_lexrank(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    terms = count_terms(content_stems(sentences, language))
    n = terms.sentences
    document_frequency = np.bincount(terms.cols, minlength=len(terms.vocabulary))
    idf = np.array([math.log(n / (1 + df)) for df in document_frequency.tolist()])
    max_tf = np.ones(n)
    np.maximum.at(max_tf, terms.rows, terms.counts)
    weights = terms.counts / max_tf[terms.rows] * idf[terms.cols]
    cosine = gram(terms.rows, terms.cols, weights, n)
    norms = np.sqrt(np.diag(cosine))
    denominator = np.outer(norms, norms)
    np.divide(cosine, denominator, out=cosine, where=denominator > 0)
    cosine[denominator <= 0] = 0.0
    adjacency = cosine > LexRankSummarizer.threshold
    degrees = adjacency.sum(axis=1).astype(float)
    degrees[degrees == 0] = 1
    matrix = np.divide(adjacency, degrees[:, None], out=denominator)
    scores = LexRankSummarizer.power_method(matrix, LexRankSummarizer.epsilon)
    return rank_by_score(last_by_text(sentences, scores))
