"""Shared set-up of the hostile-input suite: depth of each run and a library with an article."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.paths import user_paths
from desktop.core.storage.engine import sqlite3


def fuzz_settings(**overrides: object) -> settings:
    """Hypothesis settings for this suite: ``FUZZ_EXAMPLES`` (10 in `make test`, more in
    `make fuzz`) examples, no per-example deadline (a slow machine is not a failure; a hang is
    caught by the suite's own timeouts)."""
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10")),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
        **overrides,
    )


def depths(fast_step: int) -> list[object]:
    """Two runs of a corpus test: every ``fast_step``-th item in `make test`, all in `make fuzz`."""
    return [
        pytest.param(fast_step, id="sample"),
        pytest.param(1, id="all", marks=pytest.mark.fuzz),
    ]


def library_contents() -> tuple[set[tuple[int, str]], set[str]]:
    """(article id, content hash) pairs and note ids of the user's library, read without
    Dossier, after checking the file and both full-text indexes are sound."""
    conn = sqlite3.connect(str(user_paths().database), isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("articles_fts", "highlights_fts"):
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        articles = {(r[0], r[1]) for r in conn.execute("SELECT id, content_hash FROM articles")}
        notes = {r[0] for r in conn.execute("SELECT id FROM highlights")}
    finally:
        conn.close()
    return articles, notes


@pytest.fixture
def add_article():
    """Store an article directly (set-up, not under test); returns its id."""

    def add(text: str, title: str = "Hostile", url: str = "") -> int:
        with open_library() as library:
            article = with_hash(Article(0, title, text, "", 0, url=url))
            return library.store.add(article).id

    return add
