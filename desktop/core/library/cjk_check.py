"""Articles stored before Chinese, Japanese and Korean text had its own index: checked once.

The migration that added the trigram index recorded which ids were stored before it
(``meta``: ``cjk_check_from`` .. ``cjk_check_to``) instead of scanning them, which would hold
up the first start after the upgrade for seconds. The background indexer reads them a batch at
a time, and a search for such characters reads the rest first so it misses nothing. An article
holding such characters gets its mark (``cjk`` 1: a trigger puts it in the trigram index) and,
when it is Chinese or Japanese, its length in characters; the others are left as they are, so
the check rewrites no row but those.
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
    """Check up to ``limit`` articles stored before the trigram index; returns how many were
    read (0 once none is left)."""
    span = _span(conn)
    if span is None:
        return 0
    first, last = span
    rows = conn.execute(
        "SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?",
        (first, last, limit),
    ).fetchall()
    found = [(row[0], row[2]) for row in rows if has_cjk(row[1]) or has_cjk(row[2])]
    done = rows[-1][0] if len(rows) == limit else last
    with failing_as("index the articles' Chinese, Japanese and Korean text"), transaction(conn):
        conn.executemany(
            "UPDATE articles SET cjk = 1, words = ?, length_unit = ? WHERE id = ?",
            [(*text_length(text), article_id) for article_id, text in found],
        )
        if done >= last:
            conn.execute("DELETE FROM meta WHERE key IN ('cjk_check_from', 'cjk_check_to')")
        else:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'cjk_check_from'", (done + 1,))
    return max(len(rows), 1)


def check_all(conn: sqlite3.Connection) -> None:
    """Check every article left (before a search for such characters); a library that cannot
    be written to is searched as it is, with a warning."""
    try:
        while check_unchecked(conn, BATCH * 10):
            pass
    except LibraryUnwritable as exc:
        log.warning("%s", exc)


def _span(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """The ids still to check, first and last; None when there are none."""
    rows = conn.execute(
        "SELECT key, value FROM meta WHERE key IN ('cjk_check_from', 'cjk_check_to')"
    ).fetchall()
    found = {row[0]: row[1] for row in rows}
    if len(found) != 2:
        return None
    return int(found["cjk_check_from"]), int(found["cjk_check_to"])
