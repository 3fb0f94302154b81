"""The word diff: spans that cover both texts and rebuild the new one from the old, readable
changes, offsets mapped between the texts, book-length articles (their speed: the bench)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.text.word_diff import (
    DELETE,
    EQUAL,
    INSERT,
    REPLACE,
    DiffSpan,
    apply_diff,
    map_to_new,
    map_to_old,
    word_diff,
)
from tests.perf.bench_word_diff import article


def _changes(old: str, new: str) -> list[tuple[str, str, str]]:
    return [
        (s.kind, old[s.a_start : s.a_end], new[s.b_start : s.b_end])
        for s in word_diff(old, new)
        if s.kind != EQUAL
    ]


def _check_cover(old: str, new: str, spans: list[DiffSpan]) -> None:
    a = b = 0
    for s in spans:
        assert (s.a_start, s.b_start) == (a, b)
        a, b = s.a_end, s.b_end
        if s.kind == EQUAL:
            assert old[s.a_start : s.a_end] == new[s.b_start : s.b_end]
    assert (a, b) == (len(old), len(new))


def test_a_changed_word_is_one_replace_and_the_rest_is_equal() -> None:
    old = "The mayor said the vote was close.\n\nWork starts in spring."
    new = "The mayor said the vote was decisive.\n\nWork starts in spring."
    assert _changes(old, new) == [(REPLACE, "close", "decisive")]


def test_changes_separated_by_one_space_read_as_one() -> None:
    assert _changes("I saw the cat today", "I saw a dog today") == [(REPLACE, "the cat", "a dog")]


def test_inserted_and_deleted_paragraphs() -> None:
    old = "First.\n\nGone paragraph here.\n\nLast."
    new = "New opening.\n\nFirst.\n\nLast."
    assert _changes(old, new) == [
        (INSERT, "", "New opening.\n\n"),
        (DELETE, "Gone paragraph here.\n\n", ""),
    ]


def test_identical_and_empty_texts() -> None:
    assert word_diff("same text", "same text") == [DiffSpan(EQUAL, 0, 9, 0, 9)]
    assert word_diff("", "") == []
    assert word_diff("", "new") == [DiffSpan(INSERT, 0, 0, 0, 3)]
    assert word_diff("old", "") == [DiffSpan(DELETE, 0, 3, 0, 0)]


def test_offsets_map_through_unchanged_words_and_to_the_edges_of_changes() -> None:
    old = "Mayor Ana Lopes said the vote was a turning point."
    new = "Update. Mayor Ana Lopes said the ballot was a turning point."
    spans = word_diff(old, new)
    start = new.index("turning point")
    assert map_to_old(spans, start, start + 13) == (old.index("turning"), old.index("."))
    ballot = new.index("ballot")
    assert map_to_old(spans, ballot, ballot + 6) == (old.index("vote"), old.index("vote") + 4)
    assert map_to_new(spans, 0, 5) == (new.index("Mayor"), new.index("Mayor") + 5)
    assert map_to_old(spans, 0, 7) == (0, 0)  # an inserted passage is nowhere in the old text


_WORDS = st.sampled_from(["the", "mayor", "vote", "Zelenskyy", "é", "🙂", "a", "plan"])
_SEPARATORS = st.sampled_from([" ", " ", ". ", ", ", "\n\n", "\n", "\u00a0", "! "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
# A passage whose words are all different. (One made of a repeated sentence, "the. the. the",
# may have one copy matched as removed and another as added: still exact, not the fewest
# changes.)
_DISTINCT_TEXTS = st.lists(
    st.tuples(_WORDS, _SEPARATORS), max_size=8, unique_by=lambda p: p[0]
).map(lambda pairs: "".join(w + s for w, s in pairs))
# Words none of _WORDS is: text around a passage that holds no second copy of its words (with
# one, the passage may as well be matched to the copy, and the diff is right either way).
_OTHER_TEXTS = st.lists(
    st.tuples(st.sampled_from(["council", "budget", "Kraków", "rose"]), _SEPARATORS), max_size=40
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS)
def test_applying_the_diff_to_a_yields_b(old: str, new: str) -> None:
    spans = word_diff(old, new)
    _check_cover(old, new, spans)
    assert apply_diff(old, new, spans) == new


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_applying_the_diff_to_any_text_yields_the_other(old: str, new: str) -> None:
    spans = word_diff(old, new)
    _check_cover(old, new, spans)
    assert apply_diff(old, new, spans) == new


@settings(max_examples=200, deadline=None)
@given(_DISTINCT_TEXTS, st.data())
def test_edits_around_unchanged_words_keep_them_equal(old: str, data: st.DataObject) -> None:
    """Every word of a passage kept whole between new paragraphs stays unchanged."""
    prefix = data.draw(_OTHER_TEXTS)
    suffix = data.draw(_OTHER_TEXTS)
    new = prefix + "\n\n" + old + "\n\n" + suffix
    spans = word_diff(old, new)
    unchanged = {i for s in spans if s.kind == EQUAL for i in range(s.a_start, s.a_end)}
    assert all(i in unchanged for i, c in enumerate(old) if not c.isspace())


def _article(words: int, rng: random.Random, *, paragraphs: bool = True) -> str:
    """A made-up article of ``words`` words (the bench's generator, on made-up words)."""
    vocabulary = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 8)))
                  for _ in range(3000)]  # fmt: skip
    return article(words, rng, vocabulary, paragraphs=paragraphs)


def _edited(text: str, rng: random.Random) -> str:
    for _ in range(5):
        at = text.index(" ", rng.randrange(len(text) - 100))
        text = text[:at] + " newly inserted words" + text[at:]
    cut = text.index(" ", len(text) // 3)
    return text[:cut] + text[cut + 40 :]


def test_a_100k_word_article_with_a_few_edits_shows_just_those_edits() -> None:
    # Its speed is measured in tests/perf/bench_word_diff.py.
    rng = random.Random(7)
    for paragraphs in (True, False):
        old = _article(100_000, rng, paragraphs=paragraphs)
        new = _edited(old, rng)
        spans = word_diff(old, new)
        assert apply_diff(old, new, spans) == new
        assert 1 <= sum(s.kind != EQUAL for s in spans) <= 6


def test_two_unrelated_long_texts_still_give_a_diff_that_yields_the_other() -> None:
    # Past the word-by-word limit a rewritten passage is replaced whole (bench_word_diff).
    rng = random.Random(3)
    old, new = _article(20_000, rng), _article(20_000, rng)
    spans = word_diff(old, new)
    assert apply_diff(old, new, spans) == new
