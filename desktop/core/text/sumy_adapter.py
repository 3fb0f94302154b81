"""sumy on Dossier's own segmentation: its summarisers, stop words and stemmer, our sentences.

sumy normally splits text with Punkt models from ``nltk_data``; here every sumy document is
built from :func:`split_sentences`, so each sentence a summariser picks maps back to offsets, and
nothing needs downloading. Languages sumy has no stop words or stemmer for still work, with
none (lower-casing only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from desktop.core.models import Sentence
from desktop.core.resources import ResourceNotFound, resource_path
from desktop.core.text.sentences import split_sentences
from desktop.core.text.words import words

STOCK_CLASSES: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}


class SentenceTokenizer:
    """The tokenizer object sumy expects (``to_sentences``, ``to_words``), over our splitter."""

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def build_document(sentences: Sequence[Sentence], language: str = "en") -> ObjectDocumentModel:
    """A one-paragraph sumy document whose sentences are ours, in order."""
    tokenizer = SentenceTokenizer(language)
    return ObjectDocumentModel([Paragraph([SumySentence(s.text, tokenizer) for s in sentences])])


@cache
def stemmer(language: str) -> Callable[[str], str]:
    try:
        return Stemmer(language)
    except LookupError:
        return null_stemmer


@cache
def stop_words(language: str) -> frozenset[str]:
    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


def stock_summarizer(
    method: str, language: str = "en", stem: Callable[[str], str] | None = None
) -> AbstractSummarizer:
    """sumy's own class for ``method``, set up the way Dossier runs it (``stem`` defaults to
    sumy's stemmer for the language)."""
    stem = stem or stemmer(language)
    if method != "edmundson":
        summarizer = STOCK_CLASSES[method](stem)
        summarizer.stop_words = stop_words(language)
        return summarizer
    bonus = _cue_words(language, "bonus_words.txt")
    stigma = _cue_words(language, "stigma_words.txt")
    # Without cue lists for the language, Edmundson still rates by title words and location.
    cue_weight = 1.0 if bonus and stigma else 0.0
    edmundson = EdmundsonSummarizer(stem, cue_weight=cue_weight)
    # Its title and location methods refuse an empty null-word set; "" matches no word.
    edmundson.null_words = stop_words(language) or frozenset({""})
    edmundson.bonus_words = bonus
    edmundson.stigma_words = stigma
    return edmundson


def stock_ratings(summarizer: AbstractSummarizer, document: ObjectDocumentModel) -> list[float]:
    """The rating sumy gives each sentence of ``document`` (in order), as its own code computes.

    Every sumy summariser ends by handing its ratings to ``_get_best_sentences``; catching them
    there gives scores and the full ranking, not just the chosen sentences.
    """
    captured: list[float] = []

    def capture(sentences: Sequence[Any], count: object, rating: Any, *args: Any) -> tuple:
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        captured.extend(float(rate(s, *args)) for s in sentences)
        return ()

    summarizer._get_best_sentences = capture  # type: ignore[method-assign]
    summarizer(document, 1)
    return captured


@cache
def _cue_words(language: str, name: str) -> frozenset[str]:
    try:
        path = resource_path("text", language, name)
    except ResourceNotFound:
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
