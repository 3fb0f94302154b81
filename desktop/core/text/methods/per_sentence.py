"""Luhn and Edmundson: sumy's own classes, made linear.

Both rate each sentence from its own words, so sumy's algorithms are linear in principle; what
made them slow on long articles was stemming every word again for every pass (a memoised
stemmer fixes that) and, in Luhn, looking words up in a tuple of significant words (a set gives
the same answers).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sumy.summarizers.luhn import LuhnSummarizer

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking, rank_by_score
from desktop.core.text.methods.terms import cached_stemmer
from desktop.core.text.sumy_adapter import (
    build_document,
    stock_ratings,
    stock_summarizer,
    stop_words,
)


class SetLuhnSummarizer(LuhnSummarizer):
    """sumy's Luhn with its significant words in a set instead of a tuple."""

    def _get_significant_words(self, words: Iterable[str]) -> frozenset[str]:
        return frozenset(super()._get_significant_words(words))


def rank_luhn(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    summarizer = SetLuhnSummarizer(cached_stemmer(language))
    summarizer.stop_words = stop_words(language)
    return rank_by_score(stock_ratings(summarizer, build_document(sentences, language)))


def rank_edmundson(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    summarizer = stock_summarizer("edmundson", language, cached_stemmer(language))
    return rank_by_score(stock_ratings(summarizer, build_document(sentences, language)))
