"""Deleting articles into a trash that can be undone, and emptying it for good.

A trashed article keeps its row (id, notes, stories, tags) with the time it was trashed; it
leaves the search index and every list, count and the notebook, and comes back whole on
restore. Only emptying the trash removes it, and its notes with it — callers say how many
notes that will be (``trash_contents``) before asking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.library.store import LIVE, TRASHED, now_iso
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3


@dataclass(frozen=True)
class TrashedArticle:
    """An article in the trash, with how many notes (highlights) went with it."""

    id: int
    title: str
    trashed: str
    notes: int


def _ids(article_ids: Iterable[int]) -> list[int]:
    return sorted(set(article_ids))


def trash(conn: sqlite3.Connection, article_ids: Iterable[int]) -> list[int]:
    """Move the given live articles to the trash; the ids actually moved."""
    ids = _ids(article_ids)
    moved = []
    with transaction(conn):
        stamp = now_iso()
        for article_id in ids:
            cur = conn.execute(
                f"UPDATE articles SET trashed = ? WHERE id = ? AND {LIVE}", (stamp, article_id)
            )
            if cur.rowcount:
                moved.append(article_id)
        # Their entity index would keep counting them; it is rebuilt when they come back.
        for table in ("entity_mentions", "article_terms", "entity_index_state"):
            conn.executemany(f"DELETE FROM {table} WHERE article_id = ?", ((i,) for i in moved))
    return moved


def restore(conn: sqlite3.Connection, article_ids: Iterable[int]) -> list[int]:
    """Bring articles back from the trash with their notes; the ids actually restored."""
    restored = []
    with transaction(conn):
        for article_id in _ids(article_ids):
            cur = conn.execute(
                f"UPDATE articles SET trashed = '' WHERE id = ? AND {TRASHED}", (article_id,)
            )
            if cur.rowcount:
                restored.append(article_id)
    return restored


def trash_contents(conn: sqlite3.Connection) -> list[TrashedArticle]:
    """The trash, most recently trashed first."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.trashed,"
        " (SELECT count(*) FROM highlights AS h WHERE h.article_id = a.id AND h.deleted = 0)"
        f" FROM articles AS a WHERE a.{TRASHED} ORDER BY a.trashed DESC, a.id DESC"
    )
    return [TrashedArticle(r[0], r[1], r[2], r[3]) for r in rows]


def empty_trash(conn: sqlite3.Connection) -> tuple[int, int]:
    """Remove every trashed article and its notes for good: (articles, notes) removed."""
    trashed = f"article_id IN (SELECT id FROM articles WHERE {TRASHED})"
    with transaction(conn):
        notes = conn.execute(
            f"SELECT count(*) FROM highlights WHERE {trashed} AND deleted = 0"
        ).fetchone()[0]
        conn.execute(f"DELETE FROM highlights WHERE {trashed}")
        articles = conn.execute(f"DELETE FROM articles WHERE {TRASHED}").rowcount
    return articles, int(notes)
