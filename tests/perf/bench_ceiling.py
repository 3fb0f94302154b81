"""How large a library can grow: the same figures at 100,000, 250,000, 500,000 and 1,000,000
articles (``make bench ONLY=ceiling``; about a quarter of an hour).

Issue 15 asks for the ceiling measured, in articles per library. At each size: a first search
(a new store, nothing cached) over the library benchmark's queries, p50/p95 against the goal of
≤ 20 ms, with a plain ``bm25`` join over every match measured in the same run as the baseline;
the first page of the list sorted by date (what the window and ``dossier list`` show first);
``dossier list`` and ``dossier search`` as a user runs them (a fresh process: wall time and peak
RSS); the database's size. The ceiling printed is the largest size at which search p95 stays
within its goal.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.bench_library import (
    ADD_BATCH,
    EVAL,
    QUERIES,
    SOURCES,
    articles,
    fresh_library,
    load_bases,
    naive_search,
    store_search,
)

ROOT = Path(__file__).resolve().parents[2]
SIZES = (100_000, 250_000, 500_000, 1_000_000)
GOAL_MS = 20.0
PEAK_CODE = (
    "import runpy, sys; from tests.peak_memory import peak_mib;"
    " sys.argv = ['dossier', *sys.argv[1:]];"
    "\ntry: runpy.run_module('desktop', run_name='__main__')"
    "\nexcept SystemExit: pass"
    "\nprint(peak_mib(), file=sys.stderr)"
)


def _p(times: list[float], n: int) -> float:
    return statistics.quantiles(times, n=100)[n - 1]


def _timed(run, library) -> list[float]:
    times = []
    for query in QUERIES:
        started = time.perf_counter()
        run(library, query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _command(home: Path, *args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one ``dossier`` command in a fresh process."""
    env = dict(os.environ, DOSSIER_HOME=str(home), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_CODE, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, float(done.stderr.split()[-1])


def main() -> int:
    if not all((EVAL / name).exists() for name in SOURCES):
        print(f"skipped: {EVAL} is missing (the benchmark builds its articles from it)")
        return 0
    bases = load_bases()
    ceiling = 0
    with tempfile.TemporaryDirectory(prefix="dossier-bench-ceiling-") as tmp:
        home = Path(tmp) / "library"
        with fresh_library(Path(tmp), "library") as library:
            stored = 0
            for size in SIZES:
                started = time.perf_counter()
                for start in range(stored, size, ADD_BATCH):
                    library.store.add_many(articles(bases, start, min(size, start + ADD_BATCH)))
                added, stored = size - stored, size
                build = time.perf_counter() - started
                library.store.search(QUERIES[0])  # page the index in, as a running app has it
                ours, naive = _timed(store_search, library), _timed(naive_search, library)
                started = time.perf_counter()
                library.store.list(sort="published", descending=True, limit=50)
                first_page = (time.perf_counter() - started) * 1000
                list_s, list_mib = _command(home, "list", "--limit", "20")
                search_s, search_mib = _command(home, "search", "prime minister")
                size_mib = (
                    sum(p.stat().st_size for p in library.paths.data.iterdir() if p.is_file())
                    / 1048576
                )
                print(
                    f"{size:>9,} articles (+{added:,} in {build:5.0f} s)  search p50"
                    f" {_p(ours, 50):6.2f} p95 {_p(ours, 95):6.2f} ms (bm25 join p95"
                    f" {_p(naive, 95):7.2f} ms)  first list page {first_page:6.1f} ms"
                )
                print(
                    f"{'':>19}`dossier list` {list_s:5.2f} s {list_mib:5.0f} MiB;"
                    f" `dossier search` {search_s:5.2f} s {search_mib:5.0f} MiB;"
                    f" database {size_mib:,.0f} MiB"
                )
                if _p(ours, 95) <= GOAL_MS:
                    ceiling = size
    print(
        f"ceiling: search p95 within {GOAL_MS:.0f} ms up to {ceiling:,} articles"
        f" (load average {', '.join(f'{x:.2f}' for x in os.getloadavg())})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
