"""Filters by story and tag, shared by lists, searches and the notes export.

Both are index lookups (``story_articles``, ``article_tags`` are keyed by story and by tag), so
a filter costs as many rows as the story or tag holds, not a scan of the library.
"""

from __future__ import annotations

from desktop.core.storage.engine import sqlite3


class UnknownStory(LookupError):
    """A story name that names no story: a filter or an action refers to a story not made."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no story named {name!r} (see `dossier story list`)")


def story_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM stories WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UnknownStory(name)
    return int(row[0])


def membership(
    conn: sqlite3.Connection, story: str | None, tag: str | None, *, column: str = "id"
) -> tuple[list[str], list[object]]:
    """SQL conditions (on the article id ``column``) and their parameters keeping the
    articles in ``story`` and with ``tag``; none when both are None."""
    where: list[str] = []
    params: list[object] = []
    if story is not None:
        where.append(f"{column} IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(story_id(conn, story))
    if tag is not None:
        where.append(f"{column} IN (SELECT article_id FROM article_tags WHERE tag = ?)")
        params.append(tag)
    return where, params
