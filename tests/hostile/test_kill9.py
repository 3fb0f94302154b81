"""``kill -9`` at random moments during ``dossier import`` and ``dossier notes add``.

Afterwards the database passes ``PRAGMA integrity_check``, every note whose ``notes add``
exited 0 is there, and nothing stored before the killed command is lost.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.cli import ROOT, assert_clean, dossier, dossier_in_process
from tests.hostile.conftest import library_contents
from tests.hostile.hostile_files import STORY, write_all

SEED = int(os.environ.get("FUZZ_SEED", "11"))


def _rounds(fast: int, deep: int) -> list[object]:
    return [pytest.param(fast, id="sample"), pytest.param(deep, id="all", marks=pytest.mark.fuzz)]


def _start(home: Path, *argv: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DOSSIER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_after(process: subprocess.Popen[bytes], seconds: float) -> tuple[int, bytes]:
    """SIGKILL ``process`` after ``seconds`` unless it ended; its status and stdout."""
    try:
        out, _ = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
    return process.returncode, out


@pytest.fixture
def stored_before(dossier_home: Path, tmp_path: Path) -> int:
    """A library with articles and a note; returns the id of an article to annotate."""
    files = {f"old-{n}.md": f"# Old {n}\n\n{STORY} Number {n}.\n".encode() for n in range(5)}
    write_all(tmp_path / "old", files)
    run = dossier_in_process("import", "--json", str(tmp_path / "old"))
    assert run.code == 0, run.describe()
    article = json.loads(run.out)["imported"][0]
    note = dossier_in_process("notes", "add", str(article), "--quote=council", "--note=old")
    assert note.code == 0, note.describe()
    return article


def _new_files(folder: Path, tag: str) -> Path:
    """250 new stories (two import batches), distinct from any other ``tag``'s."""
    stories = {f"{tag}-{n:03}.md": f"# {tag} {n}\n\n{STORY} {tag} {n}.\n" for n in range(250)}
    write_all(folder / tag, {name: text.encode() for name, text in stories.items()})
    return folder / tag


@pytest.mark.parametrize("rounds", _rounds(2, 25))
def test_kill_during_import(rounds: int, stored_before: int, dossier_home, tmp_path) -> None:
    rng = random.Random(SEED)
    before = library_contents()
    started = time.perf_counter()
    first = _start(dossier_home, "import", str(_new_files(tmp_path, "first")))
    assert _kill_after(first, 120)[0] == 0
    whole = time.perf_counter() - started
    for number in range(rounds):
        moment = rng.uniform(0, whole)
        folder = _new_files(tmp_path, f"round{number}")
        _kill_after(_start(dossier_home, "import", str(folder)), moment)
        articles, notes = library_contents()
        assert before[0] <= articles and before[1] <= notes, f"round {number}, {moment:.2f} s"
    final = dossier(dossier_home, "import", "--json", folder, timeout=120)
    assert_clean(final)
    report = json.loads(final.out)
    assert final.code == 0 and len(report["imported"]) + len(report["duplicates"]) == 250


@pytest.mark.parametrize("rounds", _rounds(3, 40))
def test_kill_during_notes_add(rounds: int, stored_before: int, dossier_home) -> None:
    rng = random.Random(SEED)
    before = library_contents()
    acknowledged: set[str] = set()
    started = time.perf_counter()
    argv = ("notes", "add", str(stored_before), "--quote=budget", "--note=new")
    assert _kill_after(_start(dossier_home, *argv), 60)[0] == 0
    whole = time.perf_counter() - started
    for number in range(rounds):
        moment = rng.uniform(whole * 0.3, whole * 1.1)
        code, out = _kill_after(_start(dossier_home, *argv, f"--tag=r{number}"), moment)
        if code == 0:
            acknowledged.add(json.loads(out)["id"])
        articles, notes = library_contents()
        assert before[0] <= articles and before[1] <= notes, f"round {number}: lost data"
        assert acknowledged <= notes, f"round {number}: an acknowledged note is missing"
