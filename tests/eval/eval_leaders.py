"""Leaders, people and institutions, name-level (``make eval ONLY=leaders``).

Runs the protocol of ``../shared/eval/README.md`` exactly: ``score.py leaders-input`` writes the
articles, ``dossier entities --batch`` recognises them (a temporary DOSSIER_HOME), and
``score.py leaders`` scores the output. Prints its line beside the figures of the entity model
of 2026-12-04, before dated knowledge, and the lines of two fixed halves of the articles (split
by a checksum of the id: rules are tuned on half A and checked on half B). Skips with a message
when the evaluation data is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from tests.eval import SHARED_EVAL

ROOT = Path(__file__).resolve().parents[2]
EVAL = SHARED_EVAL
GOLD = EVAL / "entities-leaders-dev.jsonl"
BEFORE = "leader P 0.95 R 0.52 | person P 0.58 R 0.90 | institution P 0.66 R 0.68"


def main() -> int:
    if not GOLD.exists():
        print(f"skipped: {GOLD} not found (the evaluation data lives in ../shared/eval)")
        return 0
    score = [sys.executable, str(EVAL / "score.py")]
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "in.jsonl"
        with articles.open("w", encoding="utf-8") as handle:
            subprocess.run([*score, "leaders-input", str(GOLD)], stdout=handle, check=True)
        started = time.perf_counter()
        line = _score(score, articles, Path(folder))
        seconds = time.perf_counter() - started
        halves = [_score_half(score, Path(folder), half) for half in (0, 1)]
        # The same articles with the dates the Wikinews ones carry (roles as of those dates).
        dated = Path(folder) / "dated.jsonl"
        dated.write_text("".join(json.dumps(r) + "\n" for r in _dated(articles)), "utf-8")
        dated_line = _score(score, dated, Path(folder))
    print(f"before (2026-12-04):      {BEFORE}")
    print(f"now (score.py leaders):  {line}")
    print(f"  with Wikinews dates:   {dated_line}")
    print(f"  half A (tuning):       {halves[0]}")
    print(f"  half B (held out):     {halves[1]}")
    print(f"dossier entities --batch: {seconds:.1f} s for the 90 articles (process included)")
    return 0


def _score(score: list[str], articles: Path, folder: Path) -> str:
    """``dossier entities --batch`` over ``articles``, scored by ``score.py leaders``."""
    out = folder / "out.jsonl"
    env = {**os.environ, "DOSSIER_HOME": str(folder / "home"), "PYTHONPATH": str(ROOT)}
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, "-m", "desktop", "entities", "--batch", str(articles)],
            stdout=handle,
            check=True,
            env=env,
            cwd=ROOT,
        )
    result = subprocess.run(
        [*score, "leaders", str(GOLD), str(out)], capture_output=True, text=True
    )
    return result.stdout.strip()


def _score_half(score: list[str], folder: Path, half: int) -> str:
    """``score.py leaders`` of the last output against the articles of one half."""
    gold = folder / f"half-{half}.jsonl"
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    gold.write_text(
        "".join(line + "\n" for line in lines if line and _half(json.loads(line)["id"]) == half),
        encoding="utf-8",
    )
    result = subprocess.run(
        [*score, "leaders", str(gold), str(folder / "out.jsonl")], capture_output=True, text=True
    )
    return result.stdout.strip()


def _half(article_id: str) -> int:
    return zlib.crc32(article_id.encode("utf-8")) % 2


def _dated(articles: Path) -> list[dict]:
    library = EVAL / "library-wikinews.jsonl"
    lines = library.read_text(encoding="utf-8").splitlines() if library.exists() else []
    dates = {r["id"]: r["date"] for r in map(json.loads, lines) if r.get("date")}
    records = [json.loads(line) for line in articles.read_text(encoding="utf-8").splitlines()]
    return [{**r, "date": dates[r["id"]]} if r["id"] in dates else r for r in records]


if __name__ == "__main__":
    raise SystemExit(main())
