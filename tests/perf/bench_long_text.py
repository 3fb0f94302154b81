"""`make bench ONLY=long`: every summary method, and opening the window, on a 2M-word text.

Goals (issue 11): any offered summary method on a 2,000,000-word text within 1 GB of RSS and
30 s, or a clear refusal; opening such an article in the window with no GUI stall over 100 ms
and bounded memory. The text is real news paragraphs (Wikinews, BBC and CNN articles from
../shared/eval when present, else the seed article's) shuffled and concatenated until it holds
2M words. Every figure comes from a fresh child process, so peaks do not mix; the baseline,
measured in the same run, is a child that only reads and splits the text into sentences — the
part every method pays.

Children: ``python -m tests.perf.bench_long_text --child summary METHOD FILE`` and
``--child window HOME FILE``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.peak_memory import peak_mib
from tests.perf.bench_summaries import SHARED_EVAL
from tests.perf.bench_window import build_library, child_env, seed_paragraphs

SOURCES = ("library-wikinews.jsonl", "summaries-bbc-dev.jsonl", "summaries-cnndm-dev.jsonl")
WORDS = 2_000_000
GOAL_RSS_MB = 1024
GOAL_SECONDS = 30.0
GOAL_STALL_MS = 100
CHILD_TIMEOUT_S = 300
IDLE_S = 3.0


def paragraphs() -> tuple[list[str], str]:
    """Real-shaped paragraphs, and where they came from."""
    found: list[str] = []
    used = [name for name in SOURCES if (SHARED_EVAL / name).exists()]
    for name in used:
        for line in (SHARED_EVAL / name).open(encoding="utf-8"):
            if line.strip():
                text = json.loads(line)["text"]
                found += [p.strip() for p in text.split("\n") if p.strip()]
    if found:
        return found, ", ".join(used)
    return seed_paragraphs(), "the seed article"


def long_text(words: int = WORDS) -> tuple[str, str]:
    """About ``words`` words of paragraphs, reshuffled on every pass so no run repeats."""
    pool, source = paragraphs()
    rng = random.Random(11)
    chosen: list[str] = []
    count = 0
    while count < words:
        rng.shuffle(pool)
        for paragraph in pool:
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(chosen), source


# --- children -----------------------------------------------------------------------------
def summary_child(method: str, path: Path) -> None:
    """One method on the text; ``split`` only reads and splits it (the baseline)."""
    from desktop.core.text.methods import TextTooLong
    from desktop.core.text.sentences import split_sentences
    from desktop.core.text.summarize import summarize

    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    try:
        if method == "split":
            outcome = f"{len(split_sentences(text)):,} sentences"
        else:
            outcome = f"{len(summarize(text, method, sentences=3).sentences)} sentences chosen"
    except TextTooLong as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - started
    print(f"result {seconds:.3f} {peak_mib():.0f} {outcome}", flush=True)


def window_child(home: Path, path: Path) -> None:
    """Open the long article as a click in the list does; when each part arrived, the
    longest GUI stall until the summary and all colours are there, and the peak RSS."""
    os.environ["DOSSIER_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window
    from desktop.core.library.session import open_library
    from desktop.core.library.store import with_hash
    from desktop.core.models import Article
    from tests.perf.bench_window import OpenMarks, StallMeter, spin

    with open_library() as library:
        article = Article(0, "A very long report", path.read_text(encoding="utf-8"), "", 0)
        long_id = library.store.add(with_hash(article)).id
    del article
    app = QApplication([sys.argv[0]])
    window = build_main_window()
    window.show()
    spin(lambda: window.summary_pane.summary() is not None, 120)
    window._index_timer.stop()  # the library's indexing would compete with the opening
    before = peak_mib()
    meter = StallMeter()
    meter.start()
    spin(lambda: False, IDLE_S)
    idle = meter.stop()
    marks = OpenMarks(window, long_id)
    meter.start()
    started = time.perf_counter()
    window.library_pane.show_opened(long_id)
    window.open_article(long_id)
    line = marks.wait(started, meter)
    print(
        f"result {before:.0f} {peak_mib():.0f} {line}; idle window {idle * 1000:.0f} ms", flush=True
    )
    window.finish_background_work()
    window.close()
    app.processEvents()


def _child(args: list[str], home: Path) -> list[str]:
    cmd = [sys.executable, "-m", "tests.perf.bench_long_text", "--child", *args]
    try:
        done = subprocess.run(
            cmd,
            env=child_env(home),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ["", "", f"over {CHILD_TIMEOUT_S} s, stopped"]
    for line in done.stdout.splitlines():
        if line.startswith("result "):
            return line.split(" ", 3)[1:]
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return ["", "", f"failed (exit {done.returncode}): {tail}"]


# --- the report --------------------------------------------------------------------------
def summary_figures(path: Path, home: Path) -> None:
    from desktop.core.text.method_names import METHODS

    base_s, base_mb, outcome = _child(["summary", "split", str(path)], home)
    print(
        f"  {'baseline: split only':22}{float(base_s):8.2f} s {float(base_mb):6.0f} MB  {outcome}"
    )
    print(f"  {'method':22}{'seconds':>10}{'peak RSS':>10}{'× split':>9}  outcome (3 sentences)")
    for method in METHODS:
        seconds, mb, outcome = _child(["summary", method, str(path)], home)
        if not seconds:
            print(f"  {method:22}{'':29}  {outcome}")
            continue
        within = float(seconds) <= GOAL_SECONDS and float(mb) <= GOAL_RSS_MB
        verdict = "" if within or outcome.startswith("refused") else "  GOAL NOT MET"
        print(
            f"  {method:22}{float(seconds):8.2f} s{float(mb):7.0f} MB"
            f"{float(seconds) / float(base_s):8.1f}×  {outcome}{verdict}"
        )
    print(f"  goal: every method ≤ {GOAL_SECONDS:.0f} s and ≤ {GOAL_RSS_MB} MB, or a refusal")


def window_figures(path: Path, home: Path) -> None:
    build_library(home, 0)
    before, peak, line = _child(["window", str(home), str(path)], home)
    if not before:
        print(f"  {line}")
        return
    opened, idle = line.split("; ")
    stall, idle_ms = float(opened.split()[-2]), float(idle.split()[-2])
    print(f"  {opened}")
    print(
        f"  baseline: {IDLE_S:.0f} s of the same window idle, longest gap {idle_ms:.0f} ms"
        f" (stall {stall / max(idle_ms, 1):.1f}× that)"
    )
    print(f"  peak RSS {peak} MB (window before opening it: {before} MB)")
    print(f"  goal: no GUI stall over {GOAL_STALL_MS} ms; bounded memory")


def main() -> int:
    text, source = long_text()
    print(f"A text of {len(text.split()):,} words, {len(text):,} characters, from {source}")
    with tempfile.TemporaryDirectory(prefix="dossier-bench-long-") as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        del text
        print("summaries (each method in its own process)")
        summary_figures(path, Path(tmp) / "summaries")
        print("opening it in the window (text / first colours / all colours / summary / stall)")
        window_figures(path, Path(tmp) / "window")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1:3] == ["--child", "summary"]:
        summary_child(sys.argv[3], Path(sys.argv[4]))
    elif len(sys.argv) == 5 and sys.argv[1:3] == ["--child", "window"]:
        window_child(Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        raise SystemExit(main())
