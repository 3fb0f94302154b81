"""Articles stored before Chinese, Japanese and Korean text had its own index: checked once.

The migration that added the trigram index left every article unchecked (``cjk`` NULL): a scan
of a large library there would hold up the first start after the upgrade. The background
indexer checks them a batch at a time, and a search for such characters checks the rest first
so it misses nothing. An article holding such characters enters the trigram index (a trigger
does it when ``cjk`` becomes 1) and, when it is Chinese or Japanese, is recounted in characters.
"""

from __future__ import annotations

import logging

from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryUnwritable, failing_as
from desktop.core.text.cjk import has_cjk, text_length

BATCH = 500
log = logging.getLogger(__name__)


def check_unchecked(conn: sqlite3.Connection, limit: int = BATCH) -> int:
    """Check up to ``limit`` unchecked articles; returns how many were checked."""
    rows = conn.execute(
        "SELECT id, title, text FROM articles WHERE cjk IS NULL ORDER BY id LIMIT ?", (limit,)
    ).fetchall()
    if not rows:
        return 0
    found = [(row[0], row[2]) for row in rows if has_cjk(row[1]) or has_cjk(row[2])]
    with failing_as("index the articles' Chinese, Japanese and Korean text"), transaction(conn):
        conn.executemany(
            "UPDATE articles SET cjk = 1, words = ?, length_unit = ? WHERE id = ?",
            [(*text_length(text), article_id) for article_id, text in found],
        )
        conn.execute("UPDATE articles SET cjk = 0 WHERE cjk IS NULL AND id <= ?", (rows[-1][0],))
    return len(rows)


def check_all(conn: sqlite3.Connection) -> None:
    """Check every unchecked article (before a search for such characters); a library that
    cannot be written to is searched as it is, with a warning."""
    try:
        while check_unchecked(conn):
            pass
    except LibraryUnwritable as exc:
        log.warning("%s", exc)
