"""Lengths of articles stored before Chinese and Japanese text was counted in characters: the
migration that added the unit left the articles holding such characters without one ('').

The background indexer recounts them (``recount_pending_lengths``) a batch at a time, so
opening a large library never waits for it; until then they show their old word count.
"""

from __future__ import annotations

from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import failing_as
from desktop.core.text.cjk import text_length


def recount_pending_lengths(conn: sqlite3.Connection, limit: int = 500) -> int:
    """Count and store the length and unit of up to ``limit`` articles that have no unit;
    returns how many were done."""
    rows = conn.execute(
        "SELECT id, text FROM articles WHERE length_unit = '' ORDER BY id LIMIT ?", (limit,)
    ).fetchall()
    if rows:
        with failing_as("store the articles' lengths"), transaction(conn):
            conn.executemany(
                "UPDATE articles SET words = ?, length_unit = ? WHERE id = ?",
                [(*text_length(text), article_id) for article_id, text in rows],
            )
    return len(rows)
