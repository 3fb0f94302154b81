"""summarize(): methods, lengths, order and ranks, bad input and edge cases."""

from __future__ import annotations

import math

import pytest

from desktop.core.text.summarize import METHODS, summarize

ARTICLE = (
    "Storm Ana Hits The Coast\n\n"
    "By Jane Doe, Weather Correspondent\n\n"
    "A powerful storm struck the northern coast on Monday, cutting power to 40,000 homes and "
    "closing the main coastal road. Emergency crews worked through the night to restore power "
    "to the homes. The storm brought winds of up to 90 miles an hour to the coast. Officials "
    "said the coastal road would reopen on Wednesday once fallen trees were cleared. Scroll "
    "down for video. Schools in three towns stayed closed as the storm moved inland. Forecasters "
    "expect calmer weather by the weekend. Residents were told to avoid the coast until the "
    "storm had passed. Power companies said most homes would have power back by Tuesday."
)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_offsets_ranks_and_document_order(method: str) -> None:
    summary = summarize(ARTICLE, method, sentences=3)
    assert summary.method == method
    assert len(summary.sentences) == 3
    for s in summary.sentences:
        assert ARTICLE[s.start : s.end] == s.text
    assert [s.start for s in summary.sentences] == sorted(s.start for s in summary.sentences)
    assert sorted(s.rank for s in summary.sentences) == [1, 2, 3]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_is_deterministic(method: str) -> None:
    assert summarize(ARTICLE, method) == summarize(ARTICLE, method)


def test_news_leaves_out_bylines_prompts_and_headings() -> None:
    chosen = [s.text for s in summarize(ARTICLE, "news", sentences=5).sentences]
    assert not any(t.startswith(("By Jane", "Scroll down")) for t in chosen)
    best = summarize(ARTICLE, "news", sentences=3).sentences
    assert best[0].text.startswith("A powerful storm struck") and best[0].rank == 1
    assert all(s.text != "Storm Ana Hits The Coast" for s in best)


def test_lead_takes_the_opening_sentences() -> None:
    summary = summarize(
        "One is here. Two is here. Three is here. Four is here.", "lead", sentences=2
    )
    assert [s.text for s in summary.sentences] == ["One is here.", "Two is here."]
    assert [s.rank for s in summary.sentences] == [1, 2]


def test_ratio_and_word_budget() -> None:
    by_ratio = summarize(ARTICLE, "lexrank", ratio=0.5)
    # A ratio of the 8 real sentences: the heading, the byline and the prompt do not count.
    assert len(by_ratio.sentences) == round(8 * 0.5)
    by_words = summarize(ARTICLE, "news", words=40)
    assert sum(len(s.text.split()) for s in by_words.sentences) <= 40
    assert len(summarize(ARTICLE, "news", words=1).sentences) == 1  # the best one at least


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("text", ["", "   \n\n ", "Only one sentence here."])
def test_empty_and_tiny_texts(method: str, text: str) -> None:
    summary = summarize(text, method, sentences=3)
    assert [s.text for s in summary.sentences] == [t for t in [text.strip()] if t]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.filterwarnings("error")
def test_sentences_sharing_no_word_get_real_scores(method: str) -> None:
    # LexRank's graph has no edge then; its power method divided by zero and every score was
    # NaN, which is no JSON.
    summary = summarize("Cats sleep a lot in the sun.\n\nDogs bark loudly at night.", method)
    assert len(summary.sentences) == 2
    assert all(math.isfinite(s.score) for s in summary.sentences)


def test_fewer_sentences_than_asked_gives_them_all() -> None:
    text = "The first point is clear. The second point is clearer."
    assert len(summarize(text, "news", sentences=10).sentences) == 2


def test_very_long_sentence() -> None:
    text = "Short opener here. " + " ".join(["word"] * 3000) + ". A closing line follows."
    for method in METHODS:
        summary = summarize(text, method, sentences=2)
        assert len(summary.sentences) == 2


@pytest.mark.parametrize("method", METHODS)
def test_non_english_text_falls_back_gracefully(method: str) -> None:
    text = "Der Sturm traf die Küste. Viele Häuser hatten keinen Strom. Die Straße bleibt zu."
    for language in ("de", "xx"):
        summary = summarize(text, method, sentences=2, language=language)
        assert len(summary.sentences) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "magic"}, "unknown summary method 'magic'"),
        ({"sentences": 0}, "sentences must be"),
        ({"ratio": 1.5}, "ratio must be"),
        ({"words": -3}, "words must be"),
        ({"sentences": 2, "words": 10}, "give one summary length"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        summarize(ARTICLE, **kwargs)


def test_news_page_furniture_before_the_lead_neither_shows_nor_pushes_it_back() -> None:
    body = ARTICLE.split("\n\n", 2)[2]
    furniture = (
        "By . Jane Doe . PUBLISHED: . 12:37 EST, 3 March 2013 . | . UPDATED: . 13:01 EST, "
        "3 March 2013 . Last updated at 13:01 on 3 March 2013 . LONDON (CNN) -- "
    )
    plain = summarize(body, "news", sentences=3).sentences
    dated = summarize(furniture + body, "news", sentences=3).sentences
    assert [s.text for s in dated] == [s.text for s in plain]
    # The lead keeps most of its score: the furniture pieces do not count as positions.
    assert dated[0].score > 0.6 * plain[0].score


def test_text_too_short_to_tell_its_language_is_summarised_as_english() -> None:
    from desktop.core.text.language import UNDETERMINED

    text = "The council met today. The mayor spoke about the harbour bridge."
    assert summarize(text, sentences=1, language=UNDETERMINED) == summarize(
        text, sentences=1, language="en"
    )


def test_news_counts_a_sentences_length_in_words_not_detached_punctuation() -> None:
    """Tokenised text ("n -- -- -s", "' thugs, '") has dashes and quote marks standing alone;
    they are not words, so they must not make a sentence look too long (or long enough)."""
    body = ARTICLE.split("\n\n", 2)[2]
    long_sentence = (
        "The storm that struck the northern coast on Monday was the strongest in a decade, "
        "forecasters said, and it left the harbour, the coastal road, the schools and the "
        "power lines of three towns damaged; crews from four counties came to help clear "
        "the fallen trees and restore power to the homes before the weekend."
    )
    tokenised = long_sentence.replace(", ", " -- , -- ").replace("; ", " ' ; ' ")
    assert len(tokenised.split()) > 60 >= len(long_sentence.split())
    plain = summarize(body + " " + long_sentence, "news", sentences=10).sentences
    padded = summarize(body + " " + tokenised, "news", sentences=10).sentences
    assert [(s.rank, s.score) for s in padded] == [(s.rank, s.score) for s in plain]
