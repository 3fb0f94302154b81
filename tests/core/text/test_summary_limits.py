"""Methods whose cost grows faster than the text refuse a text too long for them with a typed,
one-line error instead of running out of memory; below their limits nothing changes."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.models import Sentence
from desktop.core.text.methods import TextTooLong, terms
from desktop.core.text.methods import kl as kl_module
from desktop.core.text.methods import lexrank as lexrank_module
from desktop.core.text.methods import textrank as textrank_module
from desktop.core.text.methods.sumbasic import rank_sumbasic
from desktop.core.text.sentences import split_sentences
from desktop.core.text.summarize import summarize
from tests.core.text.test_summarize_equivalence import generated_text

QUADRATIC = {
    "lexrank": lexrank_module,
    "textrank": textrank_module,
    "reduction": textrank_module,
}


def _sentences(count: int) -> list[Sentence]:
    """``count`` short distinct sentences, built directly (splitting is not under test)."""
    out, start = [], 0
    for n in range(count):
        text = f"Storm number {n} hits the coast."
        out.append(Sentence(start, start + len(text), text))
        start += len(text) + 1
    return out


@pytest.mark.parametrize("method", sorted(QUADRATIC))
def test_over_the_limit_is_a_typed_refusal_not_a_memory_error(method: str) -> None:
    """At the real limit: one sentence more is refused before any matrix is built."""
    from desktop.core.text.summarize import _RANKERS

    most = QUADRATIC[method].MAX_SENTENCES
    with pytest.raises(TextTooLong) as refused:
        _RANKERS[method](_sentences(most + 1), "en", 3)
    message = str(refused.value)
    assert message == (
        f"{method} handles up to {most:,} sentences; this text has {most + 1:,} — use news or lead"
    )
    assert "\n" not in message and isinstance(refused.value, ValueError)


@pytest.mark.parametrize("method", sorted(QUADRATIC))
def test_summarize_refuses_past_the_limit_and_works_up_to_it(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = generated_text(3, 12)
    monkeypatch.setattr(QUADRATIC[method], "MAX_SENTENCES", 12)
    assert len(summarize(text, method, sentences=3).sentences) == 3
    monkeypatch.setattr(QUADRATIC[method], "MAX_SENTENCES", 11)
    with pytest.raises(TextTooLong, match=f"^{method} handles up to 11 sentences"):
        summarize(text, method, sentences=3)


@pytest.mark.parametrize("method", sorted(QUADRATIC))
def test_blocked_similarity_gives_exactly_the_one_block_result(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows normalised a few at a time (as on a long text) change no score in any digit."""
    from desktop.core.text.summarize import _RANKERS

    sentences = split_sentences(generated_text(5, 90))
    whole = _RANKERS[method](sentences, "en", 90)
    monkeypatch.setattr(terms, "BLOCK_ENTRIES", 7 * 90)
    assert _RANKERS[method](sentences, "en", 90) == whole


def test_kl_refuses_a_summary_that_would_rate_too_many_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = generated_text(4, 20)
    monkeypatch.setattr(kl_module, "MAX_RATINGS", 100)
    assert len(summarize(text, "kl", sentences=5).sentences) == 5  # 5 × 20 ratings
    with pytest.raises(TextTooLong) as refused:
        summarize(text, "kl", sentences=6)
    assert str(refused.value) == (
        "kl rates every sentence again for each one it picks: at most 5 of this text's 20"
        " sentences, not 6 — ask for fewer, or use news or lead"
    )


def _sumbasic_rerating_all(sentences: list[Sentence], limit: int) -> list[int]:
    """The reference: re-rate every remaining sentence on every step (sumy's way)."""
    stems = terms.content_stems(sentences, "en")
    counted = terms.count_terms(stems)
    n, total = counted.sentences, int(counted.lengths.sum())
    probability = np.bincount(counted.cols, weights=counted.counts) / total
    rows = np.repeat(np.arange(n), counted.lengths)
    cols = np.array([counted.vocabulary[w] for s in stems for w in s], dtype=np.int64)
    lengths = counted.lengths.astype(float)
    remaining = np.ones(n, dtype=bool)
    picked = []
    for _ in range(min(limit, n)):
        sums = np.bincount(rows, weights=probability[cols], minlength=n)
        averages = np.divide(sums, lengths, out=np.zeros(n), where=lengths > 0)
        averages[~remaining] = -np.inf
        best = int(np.argmax(averages))
        picked.append(best)
        remaining[best] = False
        for column in cols[rows == best].tolist():
            probability[column] *= probability[column]
    return picked


@pytest.mark.parametrize(("seed", "size"), [(1, 40), (2, 150), (3, 400)])
def test_sumbasic_picks_what_rerating_every_sentence_picks(seed: int, size: int) -> None:
    """Lazy re-rating is exact: the whole order, ties included, is the full re-rating's."""
    sentences = split_sentences(generated_text(seed, size))
    ours = [i for i, _ in rank_sumbasic(sentences, "en", size)]
    assert ours == _sumbasic_rerating_all(sentences, size)
