"""The ``news`` method: inverted-pyramid position prior × forward centrality, with redundancy
control, a length prior and page furniture left out.

News puts the essentials first, so the opening sentences are the strongest baseline (Lead-3).
Among the opening sentences, one that the rest of the article keeps coming back to (tf-idf
similarity to the sentences *after* it, as in PacSum's directed centrality) is more likely to be
the gist than an aside or a quote. A sentence much shorter or longer than a typical summary
sentence is damped (long ones are often captions run into the text), so are headings and
sentences that open with a direct quote; bylines and prompts such as "Scroll down for video" are
never chosen, and a sentence that repeats one already chosen loses its place. Everything is
computed for the first few sentences against at most the first few hundred, so the cost beyond
splitting the text stays flat however long the article is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.methods import Ranking
from desktop.core.text.real_sentences import furniture_pattern, is_heading
from desktop.core.text.sumy_adapter import stop_words
from desktop.core.text.words import word_count, words

# Tuned on half of the lower-cased CNN/DailyMail dev set, checked on the other half.
CANDIDATES = 15
POSITION_DECAY = 0.2
CENTRALITY_WEIGHT = 40.0
SHORT_WORDS = 8
LONG_WORDS = 60
REDUNDANCY = 1.0
MIN_WORDS = 4
# A word's first letters stand in for its stem (truncation stemming): on the tuning half this
# matched Snowball stems, and it costs nothing the first time a word is seen.
TERM_PREFIX = 6
# Centrality is measured against at most this many opening sentences: what the lead is about is
# settled long before that, and it keeps a book-length text as quick as an article.
CONTEXT = 300
# A heading (no final punctuation, mostly capitalised words) is a title, not a summary line.
HEADING = 0.3
# A sentence opening with a direct quote: highlights report what was said, they rarely quote it.
QUOTE = 0.5
_QUOTE_START = re.compile(r"""["'‘“]""")


def rank_news(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    """The opening sentences best first by the news score, then the rest in document order."""
    count = len(sentences)
    if count == 0:
        return []
    # Lengths are counted in words as the word budget counts them: the dashes and detached
    # quote marks of tokenised text ("n -- -- -s", "' thugs, '") do not make a sentence long.
    opening = [words(s.text.lower()) for s in sentences[:CONTEXT]]
    lengths = np.array([word_count(s.text) for s in sentences], dtype=float)
    furniture = furniture_pattern(language)
    page = [bool(furniture and furniture.match(s.text)) for s in sentences]
    usable = [lengths[i] >= MIN_WORDS and not page[i] for i in range(count)]
    k = min(CANDIDATES, count)
    similarity = _similarity_to_all(opening, k, language)
    # Furniture before the lead (bylines, datelines) does not push it back.
    position = np.arange(k) - np.cumsum(page[:k])
    scores = np.zeros(k)
    for i in range(k):
        later = similarity.shape[1] - i - 1
        centrality = similarity[i, i + 1 :].sum() / later if later else 0.0
        scores[i] = (1 + CENTRALITY_WEIGHT * centrality) / (
            1 + POSITION_DECAY * max(position[i], 0)
        )
    scores *= _length_prior(lengths[:k])
    scores *= [_style_prior(s.text) for s in sentences[:k]]
    ranking: Ranking = []
    open_ = [i for i in range(k) if usable[i]]
    while open_ and len(ranking) < limit:
        chosen = [i for i, _ in ranking]
        adjusted = [
            scores[i] * (1 - REDUNDANCY * max((similarity[j, i] for j in chosen), default=0.0))
            for i in open_
        ]
        best = int(np.argmax(adjusted))
        ranking.append((open_.pop(best), float(adjusted[best])))
    if len(ranking) < limit:
        ranking.extend(_rest(count, ranking, usable, limit))
    return ranking


def _rest(count: int, ranking: Ranking, usable: list[bool], limit: int) -> Ranking:
    """Sentences past the candidates: usable ones in document order, furniture last."""
    taken = {i for i, _ in ranking}
    order = [i for i in range(count) if usable[i] and i not in taken]
    order += [i for i in range(count) if not usable[i] and i not in taken]
    floor = min((score for _, score in ranking), default=1.0)
    return [(i, floor / (2 + n)) for n, i in enumerate(order[: limit - len(ranking)])]


def _style_prior(text: str) -> float:
    """Damp headings and direct quotes: summaries state facts in the paper's own voice."""
    factor = HEADING if is_heading(text) else 1.0
    if _QUOTE_START.match(text):
        factor *= QUOTE
    return factor


def _length_prior(lengths: np.ndarray) -> np.ndarray:
    short = np.where(lengths < SHORT_WORDS, lengths / SHORT_WORDS, 1.0)
    long = np.where(lengths > LONG_WORDS, (LONG_WORDS / np.maximum(lengths, 1)) ** 2, 1.0)
    return short * long


def _similarity_to_all(sentences: Sequence[list[str]], k: int, language: str) -> np.ndarray:
    """Cosine similarity (tf-idf within the article) of each of the first ``k`` sentences, given
    as their lower-cased words, to all.

    Only the terms of those ``k`` sentences can be shared with them, so the dense matrix is
    built over those terms alone.
    """
    stops = stop_words(language)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, sentence in enumerate(sentences):
        for word in sentence:
            if word not in stops:
                rows.append(row)
                columns.append(vocabulary.setdefault(word[:TERM_PREFIX], len(vocabulary)))
    count, size = len(sentences), max(len(vocabulary), 1)
    flat = np.array(rows, dtype=np.int64) * size + np.array(columns, dtype=np.int64)
    pairs, tallies = np.unique(flat, return_counts=True)
    pair_rows, pair_columns = pairs // size, pairs % size
    document_frequency = np.bincount(pair_columns, minlength=size)
    idf = np.log(1 + count / np.maximum(document_frequency, 1))
    weights = tallies * idf[pair_columns]
    norms = np.sqrt(np.bincount(pair_rows, weights=weights**2, minlength=count))
    weights /= np.where(norms > 0, norms, 1.0)[pair_rows]
    shared = np.unique(pair_columns[pair_rows < k])
    dense_column = np.full(size, -1)
    dense_column[shared] = np.arange(len(shared))
    keep = dense_column[pair_columns] >= 0
    vectors = np.zeros((count, len(shared)))
    vectors[pair_rows[keep], dense_column[pair_columns[keep]]] = weights[keep]
    return vectors[:k] @ vectors.T
