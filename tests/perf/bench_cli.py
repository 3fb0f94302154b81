"""Command-line start-up: reading commands against a bare Python start, in the same run.

Goal (issue 11): ``dossier --version``, ``list``, ``show``, ``search`` each start in ≤ 4× the
time of ``python -c pass``. Every command runs in a fresh interpreter on a small library (the
samples), and the rounds interleave the commands with the bare start, so a load that comes and
goes on a shared machine weighs on all of them alike; the figure is each one's median. A warm-up
round writes the bytecode caches first, as an installed Dossier has them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 21
GOAL = 4.0
BARE = ("-c", "pass")
COMMANDS = (
    ("--version",),
    ("list",),
    ("show", "1"),
    ("search", "president"),
)


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["DOSSIER_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _seconds(args: tuple[str, ...], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True, timeout=120
    )
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-bench-cli-") as tmp:
        env = _environment(Path(tmp))
        runs = [BARE, *(("-m", "desktop", *c) for c in COMMANDS)]
        for args in runs:  # warm-up: seeds the library, writes bytecode caches
            _seconds(args, env)
        times: dict[tuple[str, ...], list[float]] = {args: [] for args in runs}
        for _ in range(RUNS):
            for args in runs:
                times[args].append(_seconds(args, env))
    bare = statistics.median(times[BARE])
    print(f"python -c pass            median {bare * 1000:6.1f} ms")
    for command, args in zip(COMMANDS, runs[1:], strict=True):
        median = statistics.median(times[args])
        label = "dossier " + " ".join(command)
        print(
            f"{label:<25} median {median * 1000:6.1f} ms   {median / bare:4.1f}× python"
            f"   goal ≤ {GOAL:.0f}×"
        )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"({RUNS} interleaved runs each, `python -m desktop`; load average {load})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
