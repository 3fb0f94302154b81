"""Smoke test of the built bundle: it must run with no Python around and carry no dead weight.

1. The bundle holds no ``nltk_data`` and no tkinter (``_tkinter``, Tcl/Tk libraries or data).
2. ``dossier --self-test`` passes offscreen in a minimal environment: no inherited variables,
   a PATH with nothing on it (so no Python interpreter can be found) and a temporary
   ``DOSSIER_HOME``.
3. The command line works frozen: ``--version``, ``list --json``, and ``import`` of a folder
   large enough to be read in a child process (the bundle's program started again).
4. Figures: size on disk, archive size, build time (from build.py's report) and start-up time to
   the first painted window (``--exit-after-paint``): with the bundle evicted from the page
   cache, then warm, for a new library and for one that exists.

Exit status 0 when every check passes; the figures are printed either way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop import __version__  # the build environment's install of this checkout
from desktop.core.library.importing import CHILD_READS_FROM

SELF_TEST_TIMEOUT_S = 300
START_TIMEOUT_S = 60
START_RUNS = 3
MIB = 1024 * 1024
# tkinter's extension module, its Tcl/Tk libraries and their script folders.
TK_NAMES = re.compile(r"^(_tkinter.*|tkinter|lib(tcl|tk)\d.*|_?(tcl|tk)(\d[\d.]*|_data)?)$", re.I)


class SmokeFailure(AssertionError):
    """The bundle failed a check."""


def executable(bundle: Path) -> Path:
    """The program inside a one-folder bundle, on any platform."""
    for name in ("dossier", "dossier-cli.exe", "Dossier.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise SmokeFailure(f"no dossier executable in {bundle}")


def forbidden_files(bundle: Path) -> list[str]:
    """Paths in the bundle that belong to nltk_data or tkinter (none may be there)."""
    found = []
    for path in bundle.rglob("*"):
        parts = path.relative_to(bundle).parts
        if "nltk_data" in parts or TK_NAMES.match(path.name):
            found.append(str(path.relative_to(bundle)))
    return sorted(found)


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes allocated on disk, bytes of content) under ``folder``, each file counted once."""
    seen: set[tuple[int, int]] = set()
    on_disk = content = 0
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        on_disk += getattr(info, "st_blocks", 0) * 512 or info.st_size
        content += info.st_size
    return on_disk, content


def minimal_env(root: Path) -> dict[str, str]:
    """What ``env -i`` plus the display and library settings would give: no Python anywhere."""
    empty_bin = root / "empty-bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": str(empty_bin),
        "HOME": str(root / "user"),
        "DOSSIER_HOME": str(root / "dossier-home"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "TMPDIR": str(root),
    }
    if sys.platform == "win32":  # Windows cannot start a program without these
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "WINDIR") if k in os.environ})
    if shutil.which("python3", path=env["PATH"]) or shutil.which("python", path=env["PATH"]):
        raise SmokeFailure("the minimal environment still finds a Python interpreter")
    return env


def run_self_test(program: Path, root: Path) -> float:
    env = minimal_env(root)
    start = time.perf_counter()
    result = subprocess.run(
        [str(program), "--self-test"],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=SELF_TEST_TIMEOUT_S,
    )
    seconds = time.perf_counter() - start
    print(result.stdout, end="")
    if result.returncode != 0 or "self-test: passed" not in result.stdout:
        print(result.stderr, end="", file=sys.stderr)
        raise SmokeFailure(f"--self-test exited with status {result.returncode}")
    return seconds


def time_to_paint(program: Path, root: Path) -> float:
    """Seconds from launching the program to its first painted window, as seen from outside."""
    env = minimal_env(root)
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(program), "--exit-after-paint"],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    painted = None
    for line in process.stdout:
        if line.startswith("painted "):
            painted = time.perf_counter() - start
            break
    try:
        process.wait(timeout=START_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        raise SmokeFailure("the window did not close after its first paint") from None
    if painted is None:
        raise SmokeFailure(f"no 'painted' line (exit status {process.returncode})")
    return painted


def evict_from_page_cache(folder: Path) -> bool:
    """Drop the folder's files from the OS page cache (Linux), so the next start reads them from
    disk: a cold start of the bundle without flushing every other program's cache."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def check_command_line(program: Path, root: Path, version: str) -> None:
    """The sub-commands work frozen too (the CLI imports them by name, out of PyInstaller's
    sight): ``--version`` and ``list --json`` over a new library holding the seeds."""
    env = minimal_env(root)
    shown = subprocess.run(
        [str(program), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    if shown.returncode != 0 or shown.stdout.split()[-1:] != [version]:
        raise SmokeFailure(f"--version printed {shown.stdout.strip()!r}, expected {version}")
    listed = subprocess.run(
        [str(program), "list", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    if listed.returncode != 0:
        raise SmokeFailure(f"'list --json' failed: {listed.stderr.strip()[-500:]}")
    articles = json.loads(listed.stdout)
    if not articles or not all("id" in a and "title" in a for a in articles):
        raise SmokeFailure(f"'list --json' listed no seed articles: {listed.stdout[:200]!r}")
    print(f"smoke: dossier --version and list --json work ({len(articles)} seed articles)")
    check_large_import(program, root, env)


def check_large_import(program: Path, root: Path, env: dict[str, str]) -> None:
    """``dossier import`` of a folder large enough to be read in a child process: frozen, the
    child is the bundle's program started again, which must turn into the reader."""
    folder = root / "many"
    folder.mkdir(parents=True)
    count = CHILD_READS_FROM + 2
    for i in range(count):
        (folder / f"story-{i}.txt").write_text(
            f"Story {i}\n\nDockers at quay {i} voted to end the strike on Monday.\n", "utf-8"
        )
    done = subprocess.run(
        [str(program), "import", "--json", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise SmokeFailure(f"'import --json' of {count} files failed: {done.stderr[-500:]}")
    imported = json.loads(done.stdout)["imported"]
    if len(imported) != count:
        raise SmokeFailure(f"'import --json' of {count} files imported {len(imported)}")
    print(f"smoke: dossier import reads {count} files in its child process")


def check_contents(bundle: Path) -> None:
    forbidden = forbidden_files(bundle)
    if forbidden:
        raise SmokeFailure(f"nltk_data or tkinter files in the bundle: {forbidden[:10]}")
    print("smoke: no nltk_data and no tkinter in the bundle")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the one-folder bundle")
    parser.add_argument("--report", type=Path, help="build.py's JSON report (build time)")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    build = json.loads(args.report.read_text("utf-8")) if args.report else {}
    program = executable(bundle)
    figures: dict[str, object] = {}

    def self_test(tmp: Path) -> None:
        figures["self_test_s"] = round(run_self_test(program, tmp / "self-test"), 2)

    def start_up(tmp: Path) -> None:
        # Every start is the first of a new library (it seeds the library), the worst case.
        if evict_from_page_cache(bundle):
            figures["cold_start_to_paint_s"] = round(time_to_paint(program, tmp / "cold"), 3)
        starts = [time_to_paint(program, tmp / f"start-{run}") for run in range(START_RUNS)]
        figures["start_to_paint_median_s"] = round(statistics.median(starts), 3)
        # Then the daily case: a library that already exists.
        again = [time_to_paint(program, tmp / "start-0") for _ in range(START_RUNS)]
        figures["restart_to_paint_median_s"] = round(statistics.median(again), 3)

    checks = (
        ("contents", lambda tmp: check_contents(bundle)),
        ("command line", lambda tmp: check_command_line(program, tmp / "cli", __version__)),
        ("self-test", self_test),
        ("start-up", start_up),
    )
    failures = []
    with tempfile.TemporaryDirectory(prefix="dossier-smoke-") as tmp:
        for name, check in checks:
            try:
                check(Path(tmp))
            except (SmokeFailure, subprocess.TimeoutExpired) as exc:
                failures.append(f"{name}: {exc}")

    on_disk, content = disk_usage(bundle)
    figures["size_on_disk"] = f"{on_disk / MIB:.1f} MiB ({on_disk / 1e6:.1f} MB)"
    figures["size_of_files"] = f"{content / MIB:.1f} MiB"
    archive = Path(build["archive"]) if build.get("archive") else None
    if archive and archive.is_file():
        size = archive.stat().st_size
        figures["archive"] = f"{archive.name}: {size / MIB:.1f} MiB ({size / 1e6:.1f} MB)"
    if "build_seconds" in build:
        figures["build_s"] = build["build_seconds"]
    print("smoke: figures")
    for key, value in figures.items():
        print(f"  {key:26} {value}")
    for failure in failures:
        print(f"smoke FAILED: {failure}")
    # A closing line in the form CI reads as a test result.
    print(f"smoke: {len(checks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
