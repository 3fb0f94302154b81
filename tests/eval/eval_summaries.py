"""`make eval ONLY=summaries`: ROUGE of every summary method beside Lead-3, per evaluation file.

ROUGE-1/2/Lsum F1 (rouge-score, stemming) of 3-sentence summaries against the reference
highlights in ``../shared/eval/summaries-*.jsonl``. Lead-3 is the first three sentences of the
fixed Punkt splitter ``score.py`` uses, so the figures line up with how the goal is judged; the
``news`` line is then checked by ``score.py`` itself on the batch output. The paired bootstrap
interval for news − Lead-3 resamples articles the way ``score.py`` does (seed 0, 1,000 draws).
The other methods run on a fixed sample of the large lower-cased file to keep the run short.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.text.summarize import METHODS, summarize
from tests.eval import SHARED_EVAL

FILES = ("summaries-cnndm-dev.jsonl", "summaries-cnndm-lc-dev.jsonl", "summaries-bbc-dev.jsonl")
KEYS = ("rouge1", "rouge2", "rougeLsum")
SENTENCES = 3
OTHER_METHODS_SAMPLE = 500
BOOTSTRAP_DRAWS = 1000
# score.py's fixed Punkt abbreviations (its Lead-3 is the baseline the goal is judged against).
JUDGE_ABBREVIATIONS = (
    "mr mrs ms dr gen gov sen rep st jr u.s u.k u.n e.g i.e a.m p.m jan feb mar apr jun "
    "jul aug sep sept oct nov dec inc corp ltd prof vs"
)


def main() -> int:
    if not SHARED_EVAL.is_dir():
        print(f"skipped: {SHARED_EVAL} is missing (the evaluation data lives outside the repo)")
        return 0
    if hasattr(os, "nice"):
        os.nice(10)
    score_py = _load_score_module()
    for name in FILES:
        path = SHARED_EVAL / name
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        evaluate_file(path, score_py)
    return 0


def evaluate_file(path: Path, score_py: Any) -> None:
    from rouge_score import rouge_scorer

    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    lead3 = _judge_lead3()
    sample = _sample(records)
    print(f"\n{path.name}: {len(records)} articles, {SENTENCES}-sentence summaries, F1 × 100")
    print(f"{'method':<12}{'R-1':>8}{'R-2':>8}{'R-Lsum':>8}{'ms/art':>9}  articles")
    lead_rows = [_rouge(scorer, r, lead3(r["text"])) for r in records]
    _print_row("Lead-3", lead_rows, None, len(records))
    news_rows: list[list[float]] = []
    for method in METHODS:
        chosen = records if method in ("news", "lead") else sample
        started = time.perf_counter()
        outputs = [
            [s.text for s in summarize(r["text"], method, sentences=SENTENCES).sentences]
            for r in chosen
        ]
        elapsed_ms = (time.perf_counter() - started) * 1000 / max(len(chosen), 1)
        rows = [_rouge(scorer, r, out) for r, out in zip(chosen, outputs, strict=True)]
        _print_row(method, rows, elapsed_ms, len(chosen))
        if method == "news":
            news_rows = rows
    if len(sample) < len(records):
        lead_sample = [_rouge(scorer, r, lead3(r["text"])) for r in sample]
        _print_row("Lead-3", lead_sample, None, len(sample))
        print(f"  (methods other than news and lead: a fixed sample of {len(sample)} articles)")
    _print_difference(news_rows, lead_rows)
    _official_check(path, records, score_py)


def _rouge(scorer: Any, record: dict[str, Any], sentences: list[str]) -> list[float]:
    reference = record["reference"]
    reference = "\n".join(reference) if isinstance(reference, list) else reference
    scores = scorer.score(reference, "\n".join(sentences))
    return [scores[k].fmeasure * 100 for k in KEYS]


def _print_row(name: str, rows: list[list[float]], ms: float | None, count: int) -> None:
    means = [sum(r[j] for r in rows) / max(len(rows), 1) for j in range(3)]
    timing = f"{ms:9.1f}" if ms is not None else f"{'':9}"
    print(f"{name:<12}{means[0]:8.2f}{means[1]:8.2f}{means[2]:8.2f}{timing}  {count}")


def _print_difference(news: list[list[float]], lead: list[list[float]]) -> None:
    """Mean paired difference with a 95% bootstrap interval, resampled as score.py does."""
    n = len(news)
    rng = random.Random(0)
    parts = []
    for j, key in enumerate(KEYS):
        diffs = [a[j] - b[j] for a, b in zip(news, lead, strict=True)]
        boots = sorted(sum(rng.choice(diffs) for _ in range(n)) / n for _ in range(BOOTSTRAP_DRAWS))
        low, high = boots[int(0.025 * BOOTSTRAP_DRAWS)], boots[int(0.975 * BOOTSTRAP_DRAWS) - 1]
        parts.append(f"{key} {sum(diffs) / n:+.2f} [{low:+.2f}, {high:+.2f}]")
    print("news − Lead-3 (paired 95% bootstrap): " + "; ".join(parts))


def _official_check(path: Path, records: list[dict[str, Any]], score_py: Any) -> None:
    """The batch output scored by ../shared/eval/score.py, exactly as the goal is judged."""
    if score_py is None:
        print("score.py: missing, official check skipped")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for record in records:
            summary = summarize(record["text"], "news", sentences=SENTENCES)
            sentences = [
                {"start": s.start, "end": s.end, "text": s.text, "rank": s.rank}
                for s in summary.sentences
            ]
            out.write(json.dumps({"id": record["id"], "sentences": sentences}) + "\n")
    try:
        print("score.py: ", end="", flush=True)
        score_py.summaries(str(path), out.name)
    finally:
        os.unlink(out.name)


def _judge_lead3() -> Callable[[str], list[str]]:
    """Lead-3 exactly as score.py splits it: Punkt with its fixed abbreviation list."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(JUDGE_ABBREVIATIONS.split())
    splitter = PunktSentenceTokenizer(params)
    return lambda text: splitter.tokenize(text)[:SENTENCES]


def _sample(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(records) <= OTHER_METHODS_SAMPLE:
        return records
    return random.Random(1).sample(records, OTHER_METHODS_SAMPLE)


def _load_score_module() -> Any:
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("dossier_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    raise SystemExit(main())
