"""Newer versions of articles already in the library.

A story is updated after it was imported; importing it again must not make a second article
beside the first, with the journalist's highlights left on the old one. The new text replaces
the old under the same id (read, starred and added stay), and the highlights are re-anchored
to it in the same transaction: moved where their passage still is, orphans where it is gone.

Which stored article a new text is a version of: the one with the same non-empty URL, else the
one from the same origin (file path, or feed path#entry) that has no other URL.
"""

from __future__ import annotations

import sqlite3

from desktop.core.library.store import ArticleStore
from desktop.core.models import Article
from desktop.core.notes.anchoring import ReanchorReport, replace_text_and_reanchor
from desktop.core.storage.db import transaction


def previous_version(conn: sqlite3.Connection, article: Article) -> int | None:
    """Id of the stored article that ``article`` is a newer version of, or None.

    An article whose text is already stored (same content hash) is a duplicate, not a version:
    callers check that first. The most recently added match wins.
    """
    if article.url:
        row = conn.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1", (article.url,)
        ).fetchone()
        if row:
            return int(row[0])
    if article.origin:
        row = conn.execute(
            "SELECT id FROM articles WHERE origin = ? AND url IN ('', ?) ORDER BY id DESC LIMIT 1",
            (article.origin, article.url),
        ).fetchone()
        if row:
            return int(row[0])
    return None


def store_version(store: ArticleStore, article_id: int, article: Article) -> ReanchorReport:
    """Replace article ``article_id`` with its new version, atomically: text and metadata,
    highlights re-anchored, and its entity index dropped (its offsets point into the old
    text; the background indexer sees the changed content hash and indexes it again)."""
    with transaction(store.conn):
        report = replace_text_and_reanchor(store, article_id, article)
        for table in ("entity_mentions", "article_terms"):
            store.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    return report
