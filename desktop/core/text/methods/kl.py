"""KL-Sum as sumy computes it: greedily add the sentence that brings the summary's word
distribution closest (KL divergence) to the document's, vectorised and stopped early.

sumy re-rates every remaining sentence with dictionaries on every step until all are placed
(about O(n³)); the rating only orders the sentences by the step that took them, so the first
``limit`` steps decide the summary. Each step here is a few numpy passes over the non-zero
entries. Sentences sharing the exact same text are rated separately (sumy's text-keyed dict
would merge them). Every step still rates every sentence, so a long summary of a book-length
text (more than ``MAX_RATINGS`` ratings in all) is refused rather than left running for minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop.core.models import Sentence
from desktop.core.text.methods import ALTERNATIVES, Ranking, TextTooLong
from desktop.core.text.methods.terms import count_terms, sentence_tokens
from desktop.core.text.sumy_adapter import stop_words

# Sentences rated over all steps: about 15 s for 300 picks out of 100,000 sentences here.
MAX_RATINGS = 30_000_000


def rank_kl(sentences: Sequence[Sentence], language: str, limit: int) -> Ranking:
    if not sentences:
        return []
    _refuse_long_runs(len(sentences), limit)
    stops = stop_words(language)
    tokens = sentence_tokens(sentences)
    # sumy's quirks kept: the document's words are stop-filtered before lower-casing, a
    # sentence's after; the summary joins in with its raw words (case kept, stop words too).
    document = [w.lower() for sentence in tokens for w in sentence if w not in stops]
    content = [[w.lower() for w in sentence] for sentence in tokens]
    content = [[w for w in sentence if w not in stops] for sentence in content]
    terms = count_terms(content + tokens)
    n = len(sentences)
    vocabulary = terms.vocabulary
    ids = [vocabulary.setdefault(w, len(vocabulary)) for w in document]
    size = len(vocabulary)
    frequency = np.bincount(ids, minlength=size) / max(len(document), 1)
    in_sentence = terms.rows < n
    rows, cols, counts = terms.rows[in_sentence], terms.cols[in_sentence], terms.counts[in_sentence]
    sentence_lengths = terms.lengths[:n].astype(float)
    raw = terms.rows >= n
    raw_rows, raw_cols, raw_counts = terms.rows[raw] - n, terms.cols[raw], terms.counts[raw]
    raw_lengths = terms.lengths[n:]

    log_frequency = np.log(np.where(frequency > 0, frequency, 1.0))
    summary = np.zeros(size)
    summary_length = 0
    ranking: Ranking = []
    remaining = np.ones(n, dtype=bool)
    d = frequency[cols]
    counted = d > 0
    for step in range(min(limit, n)):
        in_summary = summary > 0
        held = summary[in_summary]
        base_mask = frequency[in_summary] > 0
        base = np.sum(
            frequency[in_summary][base_mask]
            * (log_frequency[in_summary][base_mask] - np.log(held[base_mask]))
        )
        mass = np.sum(frequency[in_summary][base_mask])
        shared = in_summary[cols] & counted
        fresh = ~in_summary[cols] & counted
        delta = np.zeros(len(cols))
        delta[shared] = d[shared] * (
            np.log(summary[cols[shared]]) - np.log(summary[cols[shared]] + counts[shared])
        )
        delta[fresh] = d[fresh] * (log_frequency[cols[fresh]] - np.log(counts[fresh]))
        added_mass = np.bincount(rows[fresh], weights=d[fresh], minlength=n)
        total_mass = mass + added_mass
        total = sentence_lengths + summary_length
        divergence = base + np.bincount(rows, weights=delta, minlength=n)
        divergence += np.where(total_mass > 0, total_mass * np.log(np.maximum(total, 1)), 0.0)
        divergence[~remaining] = np.inf
        best = int(np.argmin(divergence))
        ranking.append((best, float(-step)))
        remaining[best] = False
        picked = raw_rows == best
        np.add.at(summary, raw_cols[picked], raw_counts[picked])
        summary_length += int(raw_lengths[best])
    return ranking


def _refuse_long_runs(count: int, limit: int) -> None:
    steps = min(limit, count)
    if steps * count > MAX_RATINGS:
        most = MAX_RATINGS // count
        raise TextTooLong(
            f"kl rates every sentence again for each one it picks: at most {most:,} of this"
            f" text's {count:,} sentences, not {steps:,} — ask for fewer, or {ALTERNATIVES}"
        )
