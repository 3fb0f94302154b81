"""`make bench ONLY=summaries`: how fast each summary method is, against sumy's stock classes.

Per method: milliseconds per article on the dev articles, on a first pass (the memoised stemmer
has seen none of their words) and in a session's steady state (a second pass); then whole
documents of 200, 1,000, 2,000 and 4,000 sentences of real news text. Each figure stands beside
sumy's own class on the same sentences in the same run (``news`` and ``lead`` beside sumy's
LexRank, the goal's yardstick). Times include sentence splitting. A stock run whose time,
extrapolated from the previous size, would pass a minute is skipped and said so.

Goals: ``news`` at least 4× faster than sumy LexRank per article and at most 0.3 s at 2,000
sentences; no method over 2 s at 2,000 sentences.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from desktop.core.models import Sentence
from desktop.core.resources import seeds_dir
from desktop.core.text.methods.stock import stock_ranker
from desktop.core.text.methods.terms import cached_stemmer
from desktop.core.text.sentences import split_sentences
from desktop.core.text.summarize import METHODS, summarize

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
SIZES = (200, 1000, 2000, 4000)
STOCK_LIMIT_S = 60.0
# How sumy's stock time grows with the number of sentences, to skip runs that would crawl.
STOCK_GROWTH = {"lexrank": 2, "textrank": 2, "reduction": 2, "lsa": 2, "kl": 3, "sumbasic": 2}
GOAL_NEWS_SPEEDUP = 4.0
GOAL_NEWS_2000_S = 0.3
GOAL_ANY_2000_S = 2.0


def main() -> int:
    warnings.simplefilter("ignore")  # sumy's LSA warns on small vocabularies
    articles = _dev_articles()
    print(f"Dev articles: {len(articles)} ({_source_name()}); 3-sentence summaries")
    per_article = _per_article(articles)
    pool = _sentence_pool(articles)
    at_2000 = _long_documents(pool)
    _report_goals(per_article, at_2000)
    return 0


def _stock_name(method: str) -> str:
    return "lexrank" if method in ("news", "lead") else method


def _per_article(articles: list[str]) -> dict[str, tuple[float, float, float]]:
    """First pass (no word seen yet by the memoised stemmer) and steady state (second pass)."""
    print(f"\n{'':11}{'ms per article':>24}{'sumy':>9}{'sumy / ours':>18}")
    print(
        f"{'method':<11}{'first pass':>12}{'steady':>12}{'ms':>9}{'first':>9}{'steady':>9}  class"
    )
    results = {}
    stock_cache: dict[str, float] = {}
    for method in METHODS:
        summarize(articles[0], method, sentences=3)  # one-off set-up: resources, patterns
        cached_stemmer("en").cache_clear()
        first = _time(lambda m=method: [summarize(t, m, sentences=3) for t in articles])
        steady = _time(lambda m=method: [summarize(t, m, sentences=3) for t in articles])
        name = _stock_name(method)
        if name not in stock_cache:
            ranker = stock_ranker(name)
            ranker(split_sentences(articles[0]), "en", 3)
            stock_cache[name] = _time(
                lambda r=ranker: [r(split_sentences(t), "en", 3) for t in articles]
            )
        ms = [x * 1000 / len(articles) for x in (first, steady, stock_cache[name])]
        results[method] = (ms[0], ms[1], ms[2])
        print(
            f"{method:<11}{ms[0]:12.2f}{ms[1]:12.2f}{ms[2]:9.2f}"
            f"{ms[2] / ms[0]:8.1f}×{ms[2] / ms[1]:8.1f}×  {name}"
        )
    return results


def _long_documents(pool: list[str]) -> dict[str, float]:
    print("\nLong documents (seconds; ratio = sumy / ours):")
    header = "".join(f"{n:>22}" for n in SIZES)
    print(f"{'method':<11}{header}")
    at_2000: dict[str, float] = {}
    previous_stock: dict[str, tuple[int, float]] = {}
    documents = {n: _document(pool, n) for n in SIZES}
    for method in METHODS:
        cells = []
        for n in SIZES:
            text, sentences = documents[n]
            ours = _time(lambda m=method, t=text: summarize(t, m, sentences=3))
            if n == 2000:
                at_2000[method] = ours
            stock = _stock_time(_stock_name(method), sentences, n, previous_stock)
            if stock is None:
                cells.append(f"{ours:8.3f} (sumy skip)")
            else:
                cells.append(f"{ours:8.3f} /{stock:6.1f} {stock / ours:4.0f}×")
        print(f"{method:<11}" + "".join(f"{c:>22}" for c in cells), flush=True)
    skipped = f"{STOCK_LIMIT_S:.0f} s"
    print(f"(sumy skip: its run, extrapolated from the smaller size, would take over {skipped})")
    return at_2000


def _stock_time(
    name: str, sentences: list[Sentence], n: int, previous: dict[str, tuple[int, float]]
) -> float | None:
    if name in previous:
        size, seconds = previous[name]
        if size == n:
            return seconds
        estimate = seconds * (n / size) ** STOCK_GROWTH.get(name, 1)
        if estimate > STOCK_LIMIT_S:
            return None
    seconds = _time(lambda: stock_ranker(name)(sentences, "en", 3))
    previous[name] = (n, seconds)
    return seconds


def _report_goals(
    per_article: dict[str, tuple[float, float, float]], at_2000: dict[str, float]
) -> None:
    first, steady, lexrank_ms = per_article["news"]
    print("\nGoals:")
    for label, ms in (("first pass", first), ("steady state", steady)):
        speedup = lexrank_ms / ms
        verdict = "met" if speedup >= GOAL_NEWS_SPEEDUP else "NOT met"
        print(
            f"  news vs sumy LexRank per article, {label}: {speedup:.1f}× faster "
            f"(goal ≥ {GOAL_NEWS_SPEEDUP:.0f}×) {verdict}"
        )
    if not at_2000:
        return
    news = at_2000["news"]
    print(
        f"  news at 2,000 sentences: {news:.3f} s (goal ≤ {GOAL_NEWS_2000_S} s) "
        f"{'met' if news <= GOAL_NEWS_2000_S else 'NOT met'}"
    )
    slowest = max(at_2000, key=at_2000.__getitem__)
    ok = at_2000[slowest] <= GOAL_ANY_2000_S
    print(
        f"  slowest method at 2,000 sentences: {slowest} {at_2000[slowest]:.3f} s "
        f"(goal ≤ {GOAL_ANY_2000_S} s) {'met' if ok else 'NOT met'}"
    )


def _document(pool: list[str], n: int) -> tuple[str, list[Sentence]]:
    """``n`` sentences of real news text in one paragraph (numbered if the pool runs short)."""
    lines = [
        pool[i % len(pool)] if i < len(pool) else f"{pool[i % len(pool)]} ({i // len(pool)})"
        for i in range(n)
    ]
    text = " ".join(lines)
    return text, split_sentences(text)


def _sentence_pool(articles: list[str]) -> list[str]:
    """Distinct news sentences for the long documents: the dev articles, and the BBC file when
    it is there so that 4,000 sentences need no repeats."""
    texts = list(articles)
    bbc = SHARED_EVAL / "summaries-bbc-dev.jsonl"
    if bbc.exists():
        texts += [json.loads(line)["text"] for line in bbc.open(encoding="utf-8") if line.strip()]
    return list(dict.fromkeys(s.text for text in texts for s in split_sentences(text)))


def _time(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _source_name() -> str:
    path = SHARED_EVAL / "summaries-cnndm-dev.jsonl"
    return str(path) if path.exists() else f"sample articles in {seeds_dir()}"


def _dev_articles() -> list[str]:
    path = SHARED_EVAL / "summaries-cnndm-dev.jsonl"
    if path.exists():
        return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]


if __name__ == "__main__":
    raise SystemExit(main())
