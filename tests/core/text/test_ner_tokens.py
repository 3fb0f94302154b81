"""Tokens and tagging sequences for the entity tagger."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text.ner.tokens import sequences, tokenize


def _texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_possessive_is_its_own_token_but_names_with_apostrophes_are_not() -> None:
    assert _texts("Trump's O'Neill’s don't") == ["Trump", "'s", "O'Neill", "’s", "don't"]


def test_abbreviations_initials_and_hyphens() -> None:
    assert _texts("U.S. envoy S. Waugh, Secretary-General (NATO) 5-style 1,200.5") == [
        "U.S.", "envoy", "S.", "Waugh", ",", "Secretary-General", "(", "NATO", ")",
        "5-style", "1,200.5",
    ]  # fmt: skip


def test_a_full_stop_without_a_space_before_a_word_ends_the_word() -> None:
    # A caption run into the name: "Spike Cohen.Image: …" is "Cohen", ".", "Image".
    assert _texts("Spike Cohen.Image: Jo") == ["Spike", "Cohen", ".", "Image", ":", "Jo"]
    # Dots inside a word or before capitals alone stay: "amazon.com", "Ph.D", "J.K.".
    assert _texts("amazon.com Ph.D J.K.Rowling") == ["amazon.com", "Ph.D", "J.K.", "Rowling"]


def test_sequences_break_at_lines_and_sentence_ends_but_not_after_initials() -> None:
    text = "Mr. Smith met J. Doe. They left!\nHEADLINE HERE"
    runs = [[t.text for t in run] for run in sequences(text, tokenize(text))]
    assert runs == [
        ["Mr", ".", "Smith", "met", "J.", "Doe", "."],
        ["They", "left", "!"],
        ["HEADLINE", "HERE"],
    ]


@given(st.text(max_size=200))
def test_offsets_are_exact_for_any_text(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert sum(len(run) for run in sequences(text, tokens)) == len(tokens)
