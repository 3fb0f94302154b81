"""Notes survive a killed writer and concurrent writers (real processes, real fsyncs)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.library.session import Library
from tests.core.notes.conftest import TEXT
from tests.core.notes.note_writer import acknowledged_before_kill

ROOT = Path(__file__).resolve().parents[3]


def _writer(article_id: int, count: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.notes.note_writer", str(article_id), str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )


def _stored_ids(library: Library) -> set[str]:
    return {r[0] for r in library.conn.execute("SELECT id FROM highlights")}


def _integrity(library: Library) -> str:
    return library.conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.slow
def test_every_acknowledged_note_survives_sigkill(library: Library, add_article) -> None:
    article = add_article()
    rng = random.Random(6)
    acknowledged: set[str] = set()
    for round_number in range(100):
        acknowledged |= acknowledged_before_kill(_writer(article, 0), rng.uniform(0, 0.03))
        missing = acknowledged - _stored_ids(library)
        assert not missing, f"round {round_number}: lost {len(missing)} acknowledged notes"
    assert _integrity(library) == "ok"
    # Raises if the full-text index disagrees with the table.
    library.conn.execute("INSERT INTO highlights_fts (highlights_fts) VALUES ('integrity-check')")
    assert len(acknowledged) >= 100


def test_two_writers_on_one_library_lose_nothing(library: Library, add_article) -> None:
    article = add_article(TEXT * 3)
    writers = [_writer(article, 150) for _ in range(2)]
    ids: list[str] = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
        ids += out.decode().split()
    assert len(ids) == len(set(ids)) == 300
    assert _stored_ids(library) == set(ids)
    assert _integrity(library) == "ok"
    tagged = library.conn.execute("SELECT count(*) FROM highlight_tags").fetchone()[0]
    assert tagged == 300


def test_database_runs_in_wal_with_full_sync(library: Library) -> None:
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
