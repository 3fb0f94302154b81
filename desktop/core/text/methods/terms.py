"""Sentences as sparse term counts, prepared the way sumy's summarisers see their words.

sumy rates sentences with Python loops over every pair; the fast rankers here express the same
arithmetic over sparse ``(sentence, term, value)`` triples and numpy, so a 2,000-sentence
article takes milliseconds instead of minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.sumy_adapter import stemmer, stop_words
from desktop.core.text.words import words

# Temporaries built beside a sentence-by-sentence matrix stay under this many entries (8 bytes
# each): the matrix is already the largest thing in memory, and its helpers must not double it.
BLOCK_ENTRIES = 2_000_000


@dataclass(frozen=True)
class Terms:
    """Term counts per sentence: entry ``k`` says sentence ``rows[k]`` holds term ``cols[k]``
    ``counts[k]`` times. Entries are ordered by sentence, then by first occurrence."""

    rows: np.ndarray
    cols: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray  # terms per sentence, repeats included
    vocabulary: dict[str, int]
    sentences: int


def sentence_tokens(sentences: Sequence[Sentence]) -> list[list[str]]:
    """Each sentence's words as sumy's tokenizer object gives them (``Sentence.words``)."""
    return [words(s.text) for s in sentences]


def content_stems(sentences: Sequence[Sentence], language: str) -> list[list[str]]:
    """Lower-cased words minus stop words, stemmed: sumy's ``_to_words_set``."""
    stem = cached_stemmer(language)
    stops = stop_words(language)
    return [
        [stem(w) for w in (t.lower() for t in tokens) if w not in stops]
        for tokens in sentence_tokens(sentences)
    ]


def count_terms(
    token_lists: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None
) -> Terms:
    """Sparse counts of ``token_lists``; with a ``vocabulary``, other tokens are ignored."""
    fixed = vocabulary is not None
    vocab: dict[str, int] = vocabulary if fixed else {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    lengths = np.zeros(len(token_lists), dtype=np.int64)
    for row, tokens in enumerate(token_lists):
        tally: dict[int, int] = {}
        for token in tokens:
            column = vocab.get(token) if fixed else vocab.setdefault(token, len(vocab))
            if column is None:
                continue
            tally[column] = tally.get(column, 0) + 1
            lengths[row] += 1
        rows.extend([row] * len(tally))
        cols.extend(tally)
        counts.extend(tally.values())
    return Terms(
        np.array(rows, dtype=np.int64),
        np.array(cols, dtype=np.int64),
        np.array(counts, dtype=float),
        lengths,
        vocab,
        len(token_lists),
    )


def gram(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """``A @ A.T`` for the sparse matrix ``A[rows, cols] = values``, as a dense array.

    Built term by term from each term's postings, so the work is the sum of the squared
    document frequencies rather than ``size² × vocabulary``.
    """
    result = np.zeros((size, size))
    if len(cols) == 0:
        return result
    order = np.argsort(cols, kind="stable")
    cols, rows, values = cols[order], rows[order], values[order]
    bounds = np.flatnonzero(np.diff(cols)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [len(cols)]))
    single = ends - starts == 1
    diagonal_rows = rows[starts[single]]
    np.add.at(result, (diagonal_rows, diagonal_rows), values[starts[single]] ** 2)
    for start, end in zip(starts[~single], ends[~single], strict=True):
        postings = rows[start:end]
        weights = values[start:end]
        # A term in thousands of sentences would need several of its df² temporaries at once.
        for part in row_blocks(len(postings), len(postings)):
            result[np.ix_(postings[part], postings)] += np.outer(weights[part], weights)
    return result


def row_blocks(rows: int, columns: int) -> Iterator[slice]:
    """Consecutive slices of ``rows`` rows, each small enough that a block of ``columns``
    columns stays under ``BLOCK_ENTRIES`` entries (a whole short article is one block)."""
    step = max(1, BLOCK_ENTRIES // max(columns, 1))
    for start in range(0, rows, step):
        yield slice(start, min(start + step, rows))


@cache
def cached_stemmer(language: str) -> Callable[[str], str]:
    """The language's stemmer with a cache: articles repeat their words a lot."""
    return lru_cache(maxsize=200_000)(stemmer(language))


def last_by_text(sentences: Sequence[Sentence], scores: Iterable[float]) -> list[float]:
    """Scores as sumy ends up with them when it keys ratings by sentence text: sentences with
    the same text all get the score of the last one (``dict(zip(sentences, scores))``)."""
    latest: dict[str, float] = {}
    values = list(scores)
    for sentence, score in zip(sentences, values, strict=True):
        latest[sentence.text] = score
    return [latest[s.text] for s in sentences]
