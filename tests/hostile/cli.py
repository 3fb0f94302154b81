"""Running ``dossier`` on hostile input the way a user would, and judging how it failed.

``dossier()`` starts ``python -m desktop`` in a subprocess (arguments may be bytes, as a shell
passes them) with a timeout; ``dossier_in_process()`` runs the same front door in this process,
under an alarm, for corpora too large to pay a Python start per file. Both return a ``Run``.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = 10
"""The issue's limit: nothing a file or a user does may keep a command busy longer."""


@dataclass(frozen=True)
class Run:
    argv: tuple[str, ...]
    code: int | None
    """The exit status; ``None`` when the command hung or was killed."""
    out: str
    err: str

    def describe(self) -> str:
        return f"dossier {' '.join(self.argv)!r} -> {self.code}; stderr: {self.err[-600:]!r}"


class Hang(BaseException):
    """A command ran past ``HANG_SECONDS`` (a BaseException, so no handler in the command
    mistakes the test's alarm for an error of its own)."""


def dossier(
    home: Path, *argv: str | bytes | Path, timeout: float = HANG_SECONDS, stdin: bytes = b""
) -> Run:
    """``python -m desktop ARGV…`` with ``DOSSIER_HOME=home``; a timeout is a hang (code None)."""
    args = [os.fsencode(a) if isinstance(a, Path) else a for a in argv]
    env = {**os.environ, "DOSSIER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONSTARTUP", None)
    shown = tuple(os.fsdecode(a) for a in args)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", *args],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        return Run(shown, None, _text(exc.stdout), _text(exc.stderr) + f"\n[hung > {timeout} s]")
    return Run(shown, done.returncode, _text(done.stdout), _text(done.stderr))


def dossier_in_process(*argv: str, timeout: float = HANG_SECONDS) -> Run:
    """``dossier ARGV…`` through ``desktop.cli.main`` in this process (``DOSSIER_HOME`` as the
    test set it). An exception that escapes is recorded as the traceback a user would see."""
    out, err = io.StringIO(), io.StringIO()
    code: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            with time_limit(timeout):
                code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Hang:
            code = None
            err.write(f"[hung > {timeout} s]\n")
        except Exception:
            code = 1
            err.write(traceback.format_exc())
    return Run(tuple(argv), code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``Hang`` in this (main) thread after ``seconds``: SIGALRM interrupts even a
    blocking ``open()`` of a FIFO."""

    def ring(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "backslashreplace")


def problems(run: Run) -> list[str]:
    """What is wrong with how ``run`` ended, whatever its exit status: a hang, a traceback,
    or a stderr line that is not a one-line ``dossier:`` message."""
    found = []
    if run.code is None:
        found.append("hung")
    if "Traceback" in run.out or "Traceback" in run.err:
        found.append("traceback")
    for line in _messages(run):
        if line and not line.startswith(("dossier: ", "[hung")):
            found.append(f"stray stderr line {line[:120]!r}")
            break
    return found


def _messages(run: Run) -> list[str]:
    """stderr's lines as a terminal shows them (only ``\\n`` ends one), an argument error of
    argparse (usage, then one error line) as one."""
    lines = run.err.rstrip("\n").split("\n")
    if run.code == 2 and lines and lines[0].startswith("usage: ") and ": error: " in lines[-1]:
        return [f"dossier: {lines[-1]}"]
    return lines


def assert_clean(run: Run) -> None:
    """No hang, no traceback, only one-line messages on stderr."""
    assert not problems(run), f"{problems(run)}: {run.describe()}"


def assert_fails_cleanly(run: Run, *names: str) -> None:
    """A clean failure: non-zero exit, no traceback, and each of ``names`` (file names or the
    operation) in exactly one ``dossier:`` line of stderr."""
    assert_clean(run)
    assert run.code not in (0, None), f"expected a failure: {run.describe()}"
    lines = [line for line in _messages(run) if line.startswith("dossier: ")]
    assert lines, f"no one-line message: {run.describe()}"
    for name in names:
        naming = [line for line in lines if name in line]
        assert len(naming) == 1, f"{name!r} not named in exactly one line: {run.describe()}"


def argv_sample(strings: Sequence[str]) -> list[str]:
    """Strings a shell can pass as one argument (no NUL byte)."""
    return [s for s in strings if "\x00" not in s]
