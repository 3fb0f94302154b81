"""The fast rankers pick the sentences sumy's own classes pick, on varied generated texts.

sumy breaks exact ties by floating-point noise (LSA's SVD makes equal ratings differ in the
last digits), so sentences whose sumy ratings agree to 1e-9 may swap places; anything else
must match exactly.
"""

from __future__ import annotations

import math
import random
import warnings

import pytest

from desktop.core.text.methods.kl import rank_kl
from desktop.core.text.methods.lexrank import rank_lexrank
from desktop.core.text.methods.lsa import rank_lsa
from desktop.core.text.methods.per_sentence import rank_edmundson, rank_luhn
from desktop.core.text.methods.reduction import rank_reduction
from desktop.core.text.methods.stock import stock_ranker
from desktop.core.text.methods.sumbasic import rank_sumbasic
from desktop.core.text.methods.textrank import rank_textrank
from desktop.core.text.sentences import split_sentences

FAST = {
    "lexrank": rank_lexrank,
    "textrank": rank_textrank,
    "lsa": rank_lsa,
    "reduction": rank_reduction,
    "kl": rank_kl,
    "sumbasic": rank_sumbasic,
    "luhn": rank_luhn,
    "edmundson": rank_edmundson,
}
# Greedy methods rate by the step a sentence was taken; the others by a comparable score.
SCORED = {"lexrank", "textrank", "lsa", "reduction", "luhn", "edmundson"}

TOPICS = [
    ["storm", "coast", "power", "homes", "road", "winds", "crews", "trees", "schools", "weather"],
    [
        "election",
        "vote",
        "party",
        "minister",
        "campaign",
        "poll",
        "leader",
        "council",
        "seats",
        "budget",
    ],
    ["match", "goal", "striker", "club", "season", "coach", "league", "fans", "injury", "transfer"],
]
FILLER = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "was",
    "is",
    "on",
    "for",
    "with",
    "that",
    "it",
    "by",
    "at",
    "said",
    "has",
]


def generated_text(seed: int, sentences: int) -> str:
    """News-like sentences mixing topic words, stop words, repeats and varied lengths."""
    rng = random.Random(seed)
    lines = []
    for n in range(sentences):
        topic = TOPICS[rng.randrange(len(TOPICS))] + TOPICS[n % len(TOPICS)][:3]
        words = [
            rng.choice(topic) if rng.random() < 0.55 else rng.choice(FILLER)
            for _ in range(rng.randint(3, 28))
        ]
        words.append(f"item{n}")  # distinct texts: sumy merges sentences with equal text
        if rng.random() < 0.2:
            words[0] = words[0].capitalize()
        lines.append(" ".join(words).capitalize() + ".")
    if sentences > 3:
        lines[rng.randrange(sentences)] = "It is what it is."  # no content words at all
    return " ".join(lines)


CASES = [(seed, size) for seed, size in enumerate([1, 2, 4, 7, 12, 20, 35, 60, 90])]


def assert_same_choice(ours: list, stock: list, k: int, method: str) -> None:
    stock_scores = dict(stock)
    chosen, expected = [i for i, _ in ours[:k]], [i for i, _ in stock[:k]]
    if set(chosen) != set(expected):
        border = stock_scores[expected[-1]]
        for i in set(chosen) ^ set(expected):
            assert math.isclose(stock_scores[i], border, rel_tol=1e-9), (method, chosen, expected)


@pytest.mark.parametrize("method", sorted(FAST))
@pytest.mark.parametrize(("seed", "size"), CASES)
def test_fast_ranker_matches_sumy(method: str, seed: int, size: int) -> None:
    sentences = split_sentences(generated_text(seed, size))
    assert len(sentences) == size
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sumy's LSA warns on tiny vocabularies
        stock = stock_ranker(method)(sentences, "en", size)
    for k in (1, 3, 5):
        ours = FAST[method](sentences, "en", k)
        assert len(ours) >= min(k, len(stock))
        assert_same_choice(ours, stock, min(k, len(stock)), method)
    if method in SCORED:
        ours = dict(FAST[method](sentences, "en", size))
        for index, score in stock:
            assert math.isclose(ours[index], score, rel_tol=1e-9, abs_tol=1e-12), method


def test_lexrank_and_textrank_rate_equal_texts_like_sumy() -> None:
    sentences = split_sentences(
        "Storm hits the coast. Crews restore power to homes. Storm hits the coast. "
        "Roads close across the coast as the storm hits."
    )
    for method in ("lexrank", "textrank", "reduction"):
        stock = stock_ranker(method)(sentences, "en", 4)
        ours = FAST[method](sentences, "en", 4)
        assert [i for i, _ in ours] == [i for i, _ in stock], method
