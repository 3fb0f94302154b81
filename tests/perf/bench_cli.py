"""Command-line start-up: reading commands against a bare Python start, in the same run.

Goal (issue 11): ``dossier --version``, ``list``, ``show``, ``search`` each start in ≤ 4× the
time of ``python -c pass``. Each runs as a user runs it: the ``dossier`` console script that
installing the package puts beside this Python (this checkout's code first on the path); the
same commands as ``python -m desktop`` are timed too, for comparison (``runpy`` costs a little).
Every command runs in a fresh interpreter on a small library (the samples), and the rounds
interleave the commands with the bare start, so a load that comes and goes on a shared machine
weighs on all of them alike; the figures are each one's median wall time and median CPU time
(user + system of the child: on a busy machine the steadier of the two). A warm-up round writes
the bytecode caches first, as an installed Dossier has them.
"""

from __future__ import annotations

import os
import resource
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
SCRIPT = Path(sys.executable).with_name("dossier")  # [project.scripts] in pyproject.toml
COMMANDS = (
    ("--version",),
    ("list",),
    ("show", "1"),
    ("search", "president"),
)


def _environment(home: Path) -> dict[str, str]:
    """A user's environment with ``home`` as the home folder: the library in its usual
    place, as a user has it (not ``DOSSIER_HOME``, which scripts and tests set)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "DOSSIER_HOME") and not k.startswith("XDG_")
    }
    env["HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _seconds(args: tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # No timeout: with one, ``wait`` polls with doubling sleeps and every wall time is rounded
    # up to 16, 32 or 64 ms; without, it returns the moment the child exits.
    subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> int:
    forms = {"dossier": (str(SCRIPT),)} if SCRIPT.is_file() else {}
    forms["python -m desktop"] = ("-m", "desktop")
    if not SCRIPT.is_file():
        print(f"(no console script at {SCRIPT}: install the package to time `dossier` itself)")
    runs = [BARE, *(form + command for form in forms.values() for command in COMMANDS)]
    with tempfile.TemporaryDirectory(prefix="dossier-bench-cli-") as tmp:
        env = _environment(Path(tmp))
        for args in runs:  # warm-up: seeds the library, writes bytecode caches
            _seconds(args, env)
        times: dict[tuple[str, ...], list[tuple[float, float]]] = {args: [] for args in runs}
        for _ in range(RUNS):
            for args in runs:
                times[args].append(_seconds(args, env))
    wall, cpu = ({a: statistics.median(t[i] for t in times[a]) for a in runs} for i in (0, 1))
    print(
        f"{'python -c pass':<34} wall {wall[BARE] * 1000:6.1f} ms          "
        f"cpu {cpu[BARE] * 1000:6.1f} ms"
    )
    for name, form in forms.items():
        for command in COMMANDS:
            args = form + command
            label = " ".join((name, *command))
            print(
                f"{label:<34} wall {wall[args] * 1000:6.1f} ms {wall[args] / wall[BARE]:4.1f}×   "
                f"cpu {cpu[args] * 1000:6.1f} ms {cpu[args] / cpu[BARE]:4.1f}×   goal ≤ {GOAL:.0f}×"
            )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"(medians of {RUNS} interleaved runs; load average {load})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
