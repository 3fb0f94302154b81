"""Extractive summaries: rank the article's sentences, keep the best, return them in order.

Offsets in the result index the text exactly as given. ``news`` is the default and the method
built for news articles; ``lead`` takes the opening sentences; the others are sumy's summarisers
(fast re-implementations where sumy's own are quadratic or worse, picking the same sentences).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.models import Sentence, Summary, SummarySentence
from desktop.core.text.language import text_language
from desktop.core.text.method_names import METHODS
from desktop.core.text.methods import Ranker, Ranking
from desktop.core.text.methods.kl import rank_kl
from desktop.core.text.methods.lexrank import rank_lexrank
from desktop.core.text.methods.lsa import rank_lsa
from desktop.core.text.methods.per_sentence import rank_edmundson, rank_luhn
from desktop.core.text.methods.reduction import rank_reduction
from desktop.core.text.methods.sumbasic import rank_sumbasic
from desktop.core.text.methods.textrank import rank_textrank
from desktop.core.text.news import rank_news
from desktop.core.text.real_sentences import real_sentences
from desktop.core.text.sentences import split_sentences
from desktop.core.text.words import word_count

# Bump when any method's choices may change, so cached summaries are recomputed.
ALGORITHM_VERSION = "16"
DEFAULT_SENTENCES = 3


def _rank_lead(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    return [(i, float(len(sentences) - i)) for i in range(min(limit, len(sentences)))]


_RANKERS: dict[str, Ranker] = {
    "news": rank_news,
    "lead": _rank_lead,
    "lexrank": rank_lexrank,
    "textrank": rank_textrank,
    "lsa": rank_lsa,
    "luhn": rank_luhn,
    "edmundson": rank_edmundson,
    "kl": rank_kl,
    "sumbasic": rank_sumbasic,
    "reduction": rank_reduction,
}


def summarize(
    text: str,
    method: str = "news",
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    language: str = "en",
    title: str = "",
) -> Summary:
    """The summary of ``text`` by ``method``; length as a sentence count, ratio or word budget.

    With no length given, three sentences. Only real sentences are chosen: headings, labels,
    page furniture, fragments and a repeat of ``title`` stay out, so a text of nothing else (a
    gallery's labels, a list of headlines, captions without a full stop) has an empty summary
    rather than one of lines that are not sentences. A text shorter than asked gives all its
    real sentences.
    """
    ranker = _RANKERS.get(method)
    if ranker is None:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    check_length(sentences=sentences, ratio=ratio, words=words)
    language = text_language(language)
    split = split_sentences(text, language)
    if not split:
        return Summary(method, ())
    real = real_sentences(text, split, language, title)
    if not any(real):
        return Summary(method, ())
    limit = _sentence_limit(sum(real), sentences, ratio, words)
    ranking = _real_ranking(ranker, split, real, language, limit)
    if words is not None:
        ranking = _within_words(split, ranking, words)
    chosen = [
        SummarySentence(split[i].start, split[i].end, split[i].text, rank, score)
        for rank, (i, score) in enumerate(ranking, start=1)
    ]
    return Summary(method, tuple(sorted(chosen, key=lambda s: s.start)))


def _real_ranking(
    ranker: Ranker, split: list[Sentence], real: list[bool], language: str, limit: int
) -> Ranking:
    """The best ``limit`` real sentences. They are ranked among all sentences, so headings and
    furniture still give the scores their context; a greedy method is asked for twice as many
    each time until enough real ones are among them, which keeps its early stop."""
    asked = limit
    while True:
        ranking = ranker(split, language, asked)
        chosen = [(i, score) for i, score in ranking if real[i]][:limit]
        if len(chosen) == limit or asked >= len(split):
            return chosen
        asked = min(asked * 2, len(split))


def check_length(
    *, sentences: int | None = None, ratio: float | None = None, words: int | None = None
) -> None:
    """Raise ValueError unless at most one length is given and it makes sense."""
    given = [
        name
        for name, v in (("sentences", sentences), ("ratio", ratio), ("words", words))
        if v is not None
    ]
    if len(given) > 1:
        raise ValueError(f"give one summary length, not {' and '.join(given)}")
    if sentences is not None and (
        isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1
    ):
        raise ValueError(f"sentences must be a whole number of at least 1, not {sentences!r}")
    if ratio is not None and not 0 < ratio <= 1:
        raise ValueError(f"ratio must be more than 0 and at most 1, not {ratio!r}")
    if words is not None and (isinstance(words, bool) or not isinstance(words, int) or words < 1):
        raise ValueError(f"words must be a whole number of at least 1, not {words!r}")


def _sentence_limit(
    available: int, sentences: int | None, ratio: float | None, budget: int | None
) -> int:
    if ratio is not None:
        return max(1, round(available * ratio))
    if budget is not None:
        return min(available, budget)
    return min(available, sentences or DEFAULT_SENTENCES)


def _within_words(split: Sequence[Sentence], ranking: Ranking, budget: int) -> Ranking:
    """The best sentences while they fit the word budget; always at least the best one."""
    kept: Ranking = []
    used = 0
    for index, score in ranking:
        count = word_count(split[index].text)
        if kept and used + count > budget:
            break
        kept.append((index, score))
        used += count
    return kept
