"""Stories (named collections of articles) and tags on articles.

A reporter follows several stories at once; an article can belong to several of them and
carry any number of tags (its feed's categories among them). Names are matched without regard
to case, as note tags are.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.frozen import Frozen
from desktop.core.library.store import LIVE, now_iso
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import UnknownStory, story_id


class StoryError(ValueError):
    """A story action that cannot be done (an empty or taken name), said in one line."""


class Label(Frozen):
    """A story or a tag with how many articles in the library (not the trash) it holds."""

    _fields = ("name", "articles")
    __slots__ = _fields
    name: str
    articles: int

    def __init__(self, name: str, articles: int) -> None:
        self._set_fields(name, articles)


def _name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise StoryError("a story or tag name cannot be empty")
    return name


def _live_ids(conn: sqlite3.Connection, article_ids: Iterable[int]) -> list[int]:
    """The ids among ``article_ids`` of articles in the library; an unknown one is an error."""
    ids = sorted(set(article_ids))
    missing = [
        i
        for i in ids
        if conn.execute(f"SELECT 1 FROM articles WHERE id = ? AND {LIVE}", (i,)).fetchone() is None
    ]
    if missing:
        raise StoryError(f"no article with id {', '.join(map(str, missing))} (see `dossier list`)")
    return ids


def stories(conn: sqlite3.Connection) -> list[Label]:
    rows = conn.execute(
        "SELECT s.name, (SELECT count(*) FROM story_articles AS m JOIN articles AS a"
        f" ON a.id = m.article_id WHERE m.story_id = s.id AND a.{LIVE})"
        " FROM stories AS s ORDER BY s.name COLLATE NOCASE"
    )
    return [Label(r[0], r[1]) for r in rows]


def add_story(conn: sqlite3.Connection, name: str) -> str:
    name = _name(name)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM stories WHERE name = ?", (name,)).fetchone():
            raise StoryError(f"a story named {name!r} already exists")
        conn.execute("INSERT INTO stories (name, created) VALUES (?, ?)", (name, now_iso()))
    return name


def rename_story(conn: sqlite3.Connection, old: str, new: str) -> str:
    new = _name(new)
    with transaction(conn):
        sid = story_id(conn, old)
        other = conn.execute("SELECT id FROM stories WHERE name = ?", (new,)).fetchone()
        if other is not None and other[0] != sid:
            raise StoryError(f"a story named {new!r} already exists")
        conn.execute("UPDATE stories SET name = ? WHERE id = ?", (new, sid))
    return new


def delete_story(conn: sqlite3.Connection, name: str) -> None:
    """Remove a story; its articles stay in the library."""
    with transaction(conn):
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id(conn, name),))


def attach(conn: sqlite3.Connection, name: str, article_ids: Iterable[int]) -> int:
    """Put articles in a story (made if new); how many were not in it already."""
    name = _name(name)
    with transaction(conn):
        ids = _live_ids(conn, article_ids)
        try:
            sid = story_id(conn, name)
        except UnknownStory:
            sid = int(
                conn.execute(
                    "INSERT INTO stories (name, created) VALUES (?, ?)", (name, now_iso())
                ).lastrowid
                or 0
            )
        return sum(
            conn.execute(
                "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                (sid, i),
            ).rowcount
            for i in ids
        )


def detach(conn: sqlite3.Connection, name: str, article_ids: Iterable[int]) -> int:
    """Take articles out of a story; how many were in it."""
    with transaction(conn):
        sid = story_id(conn, name)
        return sum(
            conn.execute(
                "DELETE FROM story_articles WHERE story_id = ? AND article_id = ?", (sid, i)
            ).rowcount
            for i in set(article_ids)
        )


def tags(conn: sqlite3.Connection) -> list[Label]:
    rows = conn.execute(
        "SELECT t.tag, count(*) FROM article_tags AS t JOIN articles AS a ON a.id = t.article_id"
        f" WHERE a.{LIVE} GROUP BY t.tag ORDER BY t.tag COLLATE NOCASE"
    )
    return [Label(r[0], r[1]) for r in rows]


def add_tag(conn: sqlite3.Connection, tag: str, article_ids: Iterable[int]) -> int:
    """Tag articles; how many did not have the tag."""
    tag = _name(tag)
    with transaction(conn):
        return sum(
            conn.execute(
                "INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?, ?)", (tag, i)
            ).rowcount
            for i in _live_ids(conn, article_ids)
        )


def remove_tag(conn: sqlite3.Connection, tag: str, article_ids: Iterable[int]) -> int:
    """Take a tag off articles; how many had it."""
    with transaction(conn):
        return sum(
            conn.execute(
                "DELETE FROM article_tags WHERE tag = ? AND article_id = ?", (tag, i)
            ).rowcount
            for i in set(article_ids)
        )


def labels_of(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> dict[int, tuple[list[str], list[str]]]:
    """``{id: (tags, stories)}`` of each article, names sorted, for lists and ``show``."""
    ids = "[" + ",".join(map(str, set(article_ids))) + "]"
    found: dict[int, tuple[list[str], list[str]]] = {}
    for article_id, tag in conn.execute(
        "SELECT article_id, tag FROM article_tags WHERE article_id IN"
        " (SELECT value FROM json_each(?)) ORDER BY tag COLLATE NOCASE",
        (ids,),
    ):
        found.setdefault(article_id, ([], []))[0].append(tag)
    for article_id, name in conn.execute(
        "SELECT m.article_id, s.name FROM story_articles AS m JOIN stories AS s"
        " ON s.id = m.story_id WHERE m.article_id IN (SELECT value FROM json_each(?))"
        " ORDER BY s.name COLLATE NOCASE",
        (ids,),
    ):
        found.setdefault(article_id, ([], []))[1].append(name)
    return found
