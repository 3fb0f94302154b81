"""Entities + key terms benchmark (``make bench ONLY=entities``).

Goals (issue 4): the whole pass (entities and key terms) at ≥ 50,000 words/s on one core,
near-linear in length (a 100,000-word document in ≤ 2 s), model load ≤ 0.3 s.
Texts are real news: the Wikinews library from ../shared/eval when present, else the seed
article, concatenated to the sizes measured. Baseline measured in the same run: splitting the
same text into tagger tokens, the least any pass over the words can cost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from desktop.core.resources import seeds_dir
from desktop.core.text.analysis import analyze
from desktop.core.text.ner.tokens import tokenize

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
SIZES = (1_000, 10_000, 100_000)
LOAD_CODE = (
    "import time; t = time.perf_counter(); "
    "from desktop.core.text.ner.tagger import default_tagger; "
    "from desktop.core.text.ner.knowledge import load_knowledge; "
    "default_tagger(); load_knowledge(); print(time.perf_counter() - t)"
)


def _corpus() -> list[str]:
    library = EVAL / "library-wikinews.jsonl"
    if library.exists():
        lines = library.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()]
    return [(seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")]


def _document(corpus: list[str], words: int) -> str:
    parts, count, i = [], 0, 0
    while count < words:
        text = corpus[i % len(corpus)]
        parts.append(text)
        count += len(text.split())
        i += 1
    return "\n\n".join(parts)


def _best(fn, text: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    loads = [
        float(subprocess.run([sys.executable, "-c", LOAD_CODE], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    print(f"model + knowledge load (fresh process, best of 3): {min(loads):.3f} s (goal ≤ 0.3 s)")
    corpus = _corpus()
    analyze(corpus[0])
    per_word = {}
    for size in SIZES:
        text = _document(corpus, size)
        words = len(text.split())
        repeats = 3 if size < 100_000 else 1
        seconds = _best(analyze, text, repeats)
        baseline = _best(tokenize, text, repeats)
        per_word[size] = seconds / words
        print(
            f"{words:>7,} words: whole pass {seconds:6.3f} s = {words / seconds:>8,.0f} words/s"
            f"  (tokenizing only {baseline:.3f} s; pass = {seconds / baseline:.1f}× tokenizing)"
        )
    articles = corpus[:50]
    words = sum(len(t.split()) for t in articles)
    started = time.perf_counter()
    for text in articles:
        analyze(text)
    seconds = time.perf_counter() - started
    print(f"{len(articles)} separate articles, {words:,} words: {words / seconds:,.0f} words/s")
    ratio = per_word[SIZES[-1]] / per_word[SIZES[1]]
    print(f"linearity: time per word at {SIZES[-1]:,} / at {SIZES[1]:,} words = {ratio:.2f}")
    print("goals: ≥ 50,000 words/s; 100,000-word document ≤ 2 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
