"""Entities + key terms benchmark (``make bench ONLY=entities``).

Goals (issue 4): the whole pass (entities and key terms) at ≥ 50,000 words/s on one core,
near-linear in length (a 100,000-word document in ≤ 2 s), model load ≤ 0.3 s. Issue 12: a
2-million-character text analysed in ≤ 10 s with ≤ 500 MB peak RSS, measured in a fresh process
against that process's own peak once the model is loaded and the text built.
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
from tests.peak_memory import peak_mib

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
SIZES = (1_000, 10_000, 100_000)
BIG_CHARS = 2_000_000
# Loading = reading the model, gazetteer and knowledge; importing Python modules (numpy) is
# printed apart because the application has done it long before the first article opens.
LOAD_CODE = (
    "import time; t = time.perf_counter(); "
    "from desktop.core.text.ner.tagger import default_tagger; "
    "from desktop.core.text.ner.knowledge import load_knowledge; "
    "m = time.perf_counter(); default_tagger(); load_knowledge(); "
    "print(m - t, time.perf_counter() - m)"
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


def _big_text_run() -> None:
    """In its own process: time and peak memory of one pass over a 2M-character text."""
    from desktop.core.text.ner.knowledge import load_knowledge
    from desktop.core.text.ner.tagger import default_tagger

    default_tagger()
    load_knowledge()
    corpus = _corpus()
    text = _document(corpus, BIG_CHARS // 4)
    while len(text) < BIG_CHARS:
        text += "\n\n" + text
    text = text[:BIG_CHARS]
    analyze(corpus[0])
    before = peak_mib()
    started = time.perf_counter()
    analyze(text)
    seconds = time.perf_counter() - started
    peak = peak_mib()
    print(
        json.dumps({"words": len(text.split()), "seconds": seconds, "before": before, "peak": peak})
    )


def _best(fn, text, repeats: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeats`` runs (CPU time is what one core
    spends, whatever else the machine is doing)."""
    wall, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn(text)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main() -> int:
    loads = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_CODE], capture_output=True, text=True, check=True
        ).stdout.split()
        loads.append((float(out[0]), float(out[1])))
    imports, load = min(loads, key=lambda pair: pair[1])
    print(f"model + knowledge load: {load:.3f} s (goal ≤ 0.3 s); module imports {imports:.3f} s")
    corpus = _corpus()
    analyze(corpus[0])
    per_word = {}
    for size in SIZES:
        text = _document(corpus, size)
        words = len(text.split())
        repeats = 3 if size < 100_000 else 2
        wall, cpu = _best(analyze, text, repeats)
        base_wall, _ = _best(tokenize, text, repeats)
        per_word[size] = cpu / words
        print(
            f"{words:>7,} words: whole pass {wall:6.3f} s wall, {cpu:6.3f} s CPU"
            f" = {words / cpu:>8,.0f} words/s  (tokenizing only {base_wall:.3f} s;"
            f" pass = {wall / base_wall:.1f}× tokenizing)"
        )
    articles = corpus[:50]
    words = sum(len(t.split()) for t in articles)
    _, seconds = _best(lambda texts: [analyze(text) for text in texts], articles, 3)
    print(f"{len(articles)} separate articles, {words:,} words: {words / seconds:,.0f} words/s CPU")
    ratio = per_word[SIZES[-1]] / per_word[SIZES[1]]
    print(f"linearity: CPU time per word at {SIZES[-1]:,} / at {SIZES[1]:,} words = {ratio:.2f}")
    big = json.loads(
        subprocess.run(
            [sys.executable, "-m", "tests.perf.bench_entities", "--big"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    print(
        f"{BIG_CHARS:,}-character text ({big['words']:,} words): {big['seconds']:.2f} s,"
        f" peak RSS {big['peak']:.0f} MiB (model loaded and text built:"
        f" {big['before']:.0f} MiB)"
    )
    print("goals: ≥ 50,000 words/s; 100,000-word document ≤ 2 s; 2M characters ≤ 10 s and ≤ 500 MB")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--big"]:
        _big_text_run()
        raise SystemExit(0)
    raise SystemExit(main())
