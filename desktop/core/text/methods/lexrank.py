"""LexRank as sumy computes it (idf-modified cosine, threshold graph, power method), vectorised.

sumy builds the similarity matrix with a Python double loop over sentence pairs; here it is one
sparse product, and the same power iteration runs on the same matrix. The matrix is n × n, so
it is normalised in place, one block of rows at a time, and a text longer than
``MAX_SENTENCES`` is refused rather than filling the memory.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers.lex_rank import LexRankSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score, refuse_beyond
from desktop.core.text.methods.terms import (
    content_stems,
    count_terms,
    gram,
    last_by_text,
    row_blocks,
)

# An n × n float matrix and its boolean twin: at the limit a process peaks near 670 MB (3 s).
MAX_SENTENCES = 8_000


def rank_lexrank(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    refuse_beyond("lexrank", len(sentences), MAX_SENTENCES)
    terms = count_terms(content_stems(sentences, language))
    n = terms.sentences
    document_frequency = np.bincount(terms.cols, minlength=len(terms.vocabulary))
    idf = np.array([math.log(n / (1 + df)) for df in document_frequency.tolist()])
    max_tf = np.ones(n)
    np.maximum.at(max_tf, terms.rows, terms.counts)
    weights = terms.counts / max_tf[terms.rows] * idf[terms.cols]
    cosine = gram(terms.rows, terms.cols, weights, n)
    norms = np.sqrt(np.diag(cosine))  # a copy: the diagonal changes below
    for block in row_blocks(n, n):
        denominator = np.outer(norms[block], norms)
        rows = cosine[block]
        np.divide(rows, denominator, out=rows, where=denominator > 0)
        rows[denominator <= 0] = 0.0
    adjacency = cosine > LexRankSummarizer.threshold
    degrees = adjacency.sum(axis=1).astype(float)
    degrees[degrees == 0] = 1
    matrix = np.divide(adjacency, degrees[:, None], out=cosine)
    del adjacency
    if matrix.any():
        scores = LexRankSummarizer.power_method(matrix, LexRankSummarizer.epsilon)
    else:  # no two sentences share a weighted term: sumy's power method divides by zero
        scores = np.full(n, 1.0 / n)
    return rank_by_score(last_by_text(sentences, scores))
