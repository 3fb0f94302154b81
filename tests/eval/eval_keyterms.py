"""Key-term quality on 500N-KPCrowd stories (``make eval ONLY=keyterms``).

Runs the same pass as ``dossier entities --batch`` over
``../shared/eval/keyterms-kpcrowd-dev.jsonl`` and prints precision@10 against the crowd's key
phrases (Porter-stemmed exact match) two ways — hits over 10, and hits over the terms listed
when fewer than 10 — for the whole set and for its two halves (stories in even and odd
positions; choices were tuned looking at the even half only). Beside it YAKE's figures:
YAKE is GPL/LGPL-licensed, so it is not installed here; printed are its score in
``../shared/eval/README.md`` and the scores this module's scorer gave yake 0.7.3
(``KeywordExtractor(lan="en", n=3, top=10)``) in a separate environment. Then the stories of
100+ words that got no term, and the junk terms found by ``keyterm_quality.junk_reason``
(given the story's text, for its context test).
Skips with a message when the data is absent.
"""

from __future__ import annotations

import json
from collections import Counter

from desktop.core.text.analysis import analyze
from tests.eval.eval_leaders import EVAL
from tests.eval.keyterm_quality import hits_at, junk_reason

DATA = EVAL / "keyterms-kpcrowd-dev.jsonl"
YAKE_PUBLISHED = 0.228  # ../shared/eval/README.md: yake 0.7.3, n=3, top=10, on all 208 stories
# yake 0.7.3 scored by ``hits_at`` (it always lists 10, so both divisors agree).
YAKE_HERE = {"all": 0.209, "tuning half (even)": 0.216, "held-out half (odd)": 0.201}
K = 10


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the evaluation data lives in ../shared/eval)")
        return 0
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    rows = []
    for record in records:
        _, terms = analyze(record["text"], language="en")
        rows.append((record, [t.text for t in terms]))
    print(f"precision@{K} (stemmed exact match)   over {K}   over listed (≤{K})")
    for label, part in (
        ("all", rows),
        ("tuning half (even)", rows[0::2]),
        ("held-out half (odd)", rows[1::2]),
    ):
        strict, listed = _precision(part)
        print(
            f"  Dossier, {label:<22} {strict:8.3f}   {listed:8.3f}   ({len(part)} stories;"
            f" YAKE {YAKE_HERE[label]:.3f}, Dossier {strict - YAKE_HERE[label]:+.3f})"
        )
    print(f"  YAKE as published for all       {YAKE_PUBLISHED:8.3f}   (GPL/LGPL: not run here)")
    long_ones = [(r, t) for r, t in rows if len(r["text"].split()) >= 100]
    bare = sum(1 for _, terms in long_ones if not terms)
    print(f"stories of 100+ words with no term: {bare} of {len(long_ones)}")
    junk = Counter()
    examples: dict[str, list[str]] = {}
    for record, terms in rows:
        for term in terms:
            reason = junk_reason(term, record["text"])
            if reason:
                junk[reason] += 1
                examples.setdefault(reason, []).append(term)
    listed = sum(len(t) for _, t in rows)
    print(f"junk terms: {sum(junk.values())} of {listed}")
    for reason, count in junk.most_common():
        print(f"  {reason}: {count}  e.g. {'; '.join(examples[reason][:6])}")
    return 0


def _precision(rows: list[tuple[dict, list[str]]]) -> tuple[float, float]:
    """Mean precision@K with K and with the number of terms listed (at most K) as divisor;
    a story with no term counts 0 both ways."""
    strict = listed = 0.0
    for record, terms in rows:
        hits = hits_at(terms, record["keys"], K)
        strict += hits / K
        listed += hits / min(K, len(terms)) if terms else 0.0
    return strict / max(len(rows), 1), listed / max(len(rows), 1)


if __name__ == "__main__":
    raise SystemExit(main())
