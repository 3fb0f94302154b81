"""Rankers that run sumy's own summariser classes on Dossier's sentences.

Used as is for the methods that are already linear (Luhn, Edmundson) and, in tests and
benchmarks, as the reference the fast re-implementations are held to.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranker, Ranking, rank_by_score
from desktop.core.text.sumy_adapter import build_document, stock_ratings, stock_summarizer


def stock_ranker(method: str) -> Ranker:
    def rank(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
        if not sentences:
            return []
        document = build_document(sentences, language)
        return rank_by_score(stock_ratings(stock_summarizer(method, language), document))

    rank.__name__ = f"stock_{method}"
    return rank
