"""LSA as sumy rates sentences, without the singular value decomposition.

sumy keeps every dimension of the SVD (``REDUCTION_RATIO`` 1), and its rank for sentence ``j``
is ``sqrt(sum_i sigma_i² V[i, j]²)``, the length of column ``j`` of ``Sigma Vᵀ``. Because ``U``
has orthonormal columns, that equals the length of column ``j`` of the term matrix itself, which
costs one pass over the non-zero entries instead of an O(n³) decomposition.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.terms import cached_stemmer, count_terms, sentence_tokens
from desktop.core.text.sumy_adapter import stop_words

SMOOTH = 0.4  # sumy's maximum-tf smoothing


def rank_lsa(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    stem = cached_stemmer(language)
    stops = stop_words(language)
    tokens = sentence_tokens(sentences)
    dictionary = {
        stem(w): 0 for sentence in tokens for w in (t.lower() for t in sentence) if w not in stops
    }
    if not dictionary:
        return []
    vocabulary = {term: i for i, term in enumerate(dictionary)}
    # sumy counts every word whose stem is in the dictionary, stop word or not.
    terms = count_terms([[stem(t) for t in sentence] for sentence in tokens], vocabulary)
    n = terms.sentences
    max_tf = np.zeros(n)
    np.maximum.at(max_tf, terms.rows, terms.counts)
    cells = SMOOTH + (1.0 - SMOOTH) * terms.counts / max_tf[terms.rows]
    squares = np.bincount(terms.rows, weights=cells**2, minlength=n)
    present = np.bincount(terms.rows, minlength=n)
    # Every other cell of a column with any word is smoothed up to SMOOTH; empty columns stay 0.
    squares += np.where(max_tf > 0, (len(vocabulary) - present) * SMOOTH**2, 0.0)
    return rank_by_score(np.sqrt(squares).tolist())
