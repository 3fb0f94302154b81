"""``kill -9`` in the middle of ``dossier notes add``: every acknowledged note is in the library
and in the newest backup, the library passes its integrity check, and no half-written backup
is listed."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.notes.backups import list_backups, read_backup
from tests.core.notes.note_writer import acknowledged_before_kill

ROOT = Path(__file__).resolve().parents[1]
TEXT = "The council approved the new budget after a long debate about schools. " * 10


@pytest.mark.slow
def test_killed_notes_add_loses_no_acknowledged_note() -> None:
    with open_library() as library:
        article = library.store.add(with_hash(Article(0, "Budget", TEXT, "", 0))).id
    rng = random.Random(11)
    acknowledged: set[str] = set()
    for round_number in range(5):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.cli_note_writer", str(article)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=os.environ.copy(),
        )
        acknowledged |= acknowledged_before_kill(writer, rng.uniform(0, 0.3))
        with open_library() as library:
            stored = {r[0] for r in library.conn.execute("SELECT id FROM highlights")}
            assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            backups = list_backups(library.paths.backups)
        assert acknowledged <= stored, f"round {round_number}: lost acknowledged notes"
        newest = {h.id for h in read_backup(backups[0].path)[0]}
        assert acknowledged <= newest, f"round {round_number}: acknowledged notes not backed up"
    assert len(acknowledged) >= 5
