"""The match-quote test cases of the Hypothesis web annotation client, ported to ``locate``.

Source: https://github.com/hypothesis/client, ``src/annotator/anchoring/test/match-quote-test.js``
at commit 87c5c693a3d253856f0bebfa8349e6c471df0d11 (the code under test there is
``src/annotator/anchoring/match-quote.ts``, commit 751012ad3506dd7884ae63c678577a9ec5603ab3).
Copyright (c) 2013-2016 Hypothes.is Project and contributors; BSD-2-Clause, the licence text is
in ``tests/data/licences/hypothesis-client-LICENSE``.

Every case is kept, with its fixture texts, quotes, contexts and expectations; ``matchQuote``'s
``{start, end, score}`` is ``locate``'s ``Anchor``, ``null`` is ``None``.
"""

from __future__ import annotations

import re

import pytest

from desktop.core.notes.anchoring import locate
from tests.eval.hypothesis_match_quote import match_quote


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text)


SOLITUDE = _normalize(
    """Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice"""
)
TWO_CITIES = _normalize(
    """It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way."""
)


def test_finds_exact_match() -> None:
    match = locate(SOLITUDE, "discover ice")
    assert match is not None and match.score == 1.0
    assert SOLITUDE[match.start : match.end] == "discover ice"


def test_finds_best_approximate_match_if_there_is_no_exact_match() -> None:
    match = locate(SOLITUDE, "some years later")
    assert match is not None and 0 < match.score < 1
    assert SOLITUDE[match.start : match.end] == "Many years later"


def test_scores_matches_based_on_quote_similarity() -> None:
    quotes = ["Many years later", "Many yers later", "Some years later", "Some years after"]
    scores = [locate(SOLITUDE, q).score for q in quotes]
    assert all(scores[i] < scores[i - 1] for i in range(1, len(scores)))


def test_scores_matches_based_on_prefix_similarity() -> None:
    prefixes = ["Many years later", "Many yers later", "Some years later", "Some years after"]
    quote = ", as he faced the firing squad"
    scores = [locate(SOLITUDE, quote, prefix=p).score for p in prefixes]
    assert all(scores[i] < scores[i - 1] for i in range(1, len(scores)))


def test_scores_matches_based_on_suffix_similarity() -> None:
    suffixes = [
        ", as he faced the firing squad",
        ", as she faced the firing squad",
        ", as he awaited the firing squad",
        ", as he awaited his death",
    ]
    scores = [locate(SOLITUDE, "Many years later", suffix=s).score for s in suffixes]
    assert all(scores[i] < scores[i - 1] for i in range(1, len(scores)))


def test_returns_none_if_there_is_no_acceptable_approximate_match() -> None:
    assert locate(TWO_CITIES, SOLITUDE) is None


def test_returns_none_if_quote_is_empty() -> None:
    assert locate("foobar", "") is None


def test_returns_none_if_text_is_empty() -> None:
    assert locate("", "foobar") is None


CONTEXT_CASES = [
    # Exact prefix matches.
    {"quote": "before us", "prefix": "we had everything", "expected": "before us, we had nothing"},
    {"quote": "before us", "prefix": "we had nothing", "expected": "before us, we were all going"},
    # Approximate prefix matches.
    {"quote": "before us", "prefix": "we had every-thing", "expected": "before us, we had nothing"},
    {"quote": "before us", "prefix": "we had nout", "expected": "before us, we were all going"},
    # Exact suffix matches.
    {"quote": "we had", "suffix": "everything", "expected": "we had everything"},
    {"quote": "we had", "suffix": "nothing", "expected": "we had nothing"},
    # Approximate suffix matches.
    {"quote": "we had", "suffix": "ever ting", "expected": "we had everything"},
    {"quote": "we had", "suffix": "nutting", "expected": "we had nothing"},
]


@pytest.mark.parametrize("case", CONTEXT_CASES, ids=[str(i) for i in range(len(CONTEXT_CASES))])
def test_finds_match_with_best_context_match(case: dict[str, str]) -> None:
    match = locate(
        TWO_CITIES, case["quote"], prefix=case.get("prefix", ""), suffix=case.get("suffix", "")
    )
    assert match is not None
    assert TWO_CITIES[match.start : match.end] == case["quote"]
    assert match.start == TWO_CITIES.index(case["expected"])


def test_uses_hint_as_a_tie_breaker_to_choose_between_matches_with_close_scores() -> None:
    pos_a = TWO_CITIES.index("everything before us") + len("everything ")
    pos_b = TWO_CITIES.index("nothing before us") + len("nothing ")
    match_a = locate(TWO_CITIES, "befor us", hint=pos_a)
    match_b = locate(TWO_CITIES, "befor us", hint=pos_b)
    match_no_hint = locate(TWO_CITIES, "befor us")
    assert match_a is not None and match_a.start == pos_a
    assert match_b is not None and match_b.start == pos_b
    assert match_no_hint is not None and match_no_hint.start == pos_a


def test_matches_when_prefix_length_is_greater_than_the_match_start_offset() -> None:
    prefix = "It used to be many"
    match = locate(SOLITUDE, "years later", prefix=prefix)
    assert match is not None and len(prefix) > match.start
    assert SOLITUDE[match.start : match.end] == "years later"


def test_matches_when_match_ends_at_end_of_text_and_there_is_a_non_empty_suffix() -> None:
    text = "Some document text"
    match = locate(text, "text", suffix="missing")
    assert match is not None and text[match.start : match.end] == "text"


# The eval's reimplementation of Hypothesis (its baseline) passes Hypothesis' own cases too.


@pytest.mark.parametrize("case", CONTEXT_CASES, ids=[str(i) for i in range(len(CONTEXT_CASES))])
def test_the_baseline_finds_match_with_best_context_match(case: dict[str, str]) -> None:
    start, end, _ = match_quote(
        TWO_CITIES, case["quote"], case.get("prefix", ""), case.get("suffix", "")
    )
    assert TWO_CITIES[start:end] == case["quote"]
    assert start == TWO_CITIES.index(case["expected"])


def test_the_baseline_scores_and_ties_as_hypothesis_does() -> None:
    start, end, score = match_quote(SOLITUDE, "some years later")
    assert SOLITUDE[start:end] == "Many years later" and 0 < score < 1
    quotes = ["Many years later", "Many yers later", "Some years later", "Some years after"]
    scores = [match_quote(SOLITUDE, q)[2] for q in quotes]
    assert all(scores[i] < scores[i - 1] for i in range(1, len(scores)))
    pos_b = TWO_CITIES.index("nothing before us") + len("nothing ")
    assert match_quote(TWO_CITIES, "befor us", hint=pos_b)[0] == pos_b
    assert match_quote(TWO_CITIES, SOLITUDE) is None
