"""What another process changed in the library since a window last looked.

``PRAGMA data_version`` (per connection, no I/O) moves when any other connection commits; the
``change_counts`` kept by triggers (migration 0012) then say which kinds of data changed, and
``article_state`` whether the open article or its notes did. Every read here is a few rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.storage.engine import sqlite3

KINDS = ("articles", "notes", "categories", "labels", "entities", "reads")


@dataclass(frozen=True)
class ArticleState:
    """The open article's details and text (``None`` once gone or trashed) and its notes."""

    details: tuple[str, ...] | None
    notes: tuple[int, str]


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection has committed a change."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def change_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Changes counted so far per kind of data (``KINDS``)."""
    counts = dict.fromkeys(KINDS, 0)
    counts.update((r[0], int(r[1])) for r in conn.execute("SELECT kind, count FROM change_counts"))
    return counts


def changed_kinds(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {kind for kind in KINDS if before.get(kind) != after.get(kind)}


def article_state(conn: sqlite3.Connection, article_id: int) -> ArticleState:
    row = conn.execute(
        "SELECT title, byline, source, url, published, content_hash FROM articles"
        " WHERE id = ? AND trashed = ''",
        (article_id,),
    ).fetchone()
    notes = conn.execute(
        "SELECT count(*) FILTER (WHERE deleted = 0), coalesce(max(modified), '')"
        " FROM highlights WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    details = tuple(str(v) for v in row) if row is not None else None
    return ArticleState(details, (int(notes[0]), str(notes[1])))
