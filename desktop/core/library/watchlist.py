"""The user's watchlist: their own people, institutions, places and terms, with aliases.

A match is returned like an entity (flagged ``watchlist``) and wins over whatever the
recogniser found at the same place, so what the user asked to follow is always shown as such.
Matching is case-insensitive and on whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from desktop.core.frozen import Frozen
from desktop.core.library.store import now_iso
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query
from desktop.core.text.categories import CATEGORIES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from desktop.core.models import Entity

WATCH_CATEGORIES = (*CATEGORIES, "term")


class WatchlistError(ValueError):
    """A watch item that cannot be stored (empty name, unknown category, duplicate)."""


class WatchItem(Frozen):
    """A watched name, its category and other spellings (a ``Frozen`` value: a search reads
    the watchlist, and reading commands import no ``dataclasses``)."""

    _fields = ("id", "name", "category", "aliases")
    __slots__ = _fields
    id: int
    name: str
    category: str
    aliases: tuple[str, ...]

    def __init__(self, id: int, name: str, category: str, aliases: tuple[str, ...] = ()) -> None:
        self._set_fields(id, name, category, aliases)

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def add_watch_item(
    conn: sqlite3.Connection, name: str, category: str, aliases: Iterable[str] = ()
) -> WatchItem:
    """Watch ``name`` (and its ``aliases``) as ``category`` in every article."""
    name = " ".join(name.split())
    if not name:
        raise WatchlistError("a watched name must not be empty")
    if category not in WATCH_CATEGORIES:
        raise WatchlistError(f"unknown category {category!r} (use {', '.join(WATCH_CATEGORIES)})")
    import json

    cleaned = tuple(dict.fromkeys(a for a in (" ".join(x.split()) for x in aliases) if a))
    try:
        with transaction(conn):
            cursor = conn.execute(
                "INSERT INTO watch_items (name, category, aliases, created) VALUES (?, ?, ?, ?)",
                (name, category, json.dumps(cleaned, ensure_ascii=False), now_iso()),
            )
    except sqlite3.IntegrityError as exc:
        raise WatchlistError(f"{name!r} is already on the watchlist") from exc
    return WatchItem(int(cursor.lastrowid or 0), name, category, cleaned)


def remove_watch_item(conn: sqlite3.Connection, item: int | str) -> bool:
    """Stop watching an item given by id or name; False when it was not there."""
    column = "id" if isinstance(item, int) else "name"
    with transaction(conn):
        cursor = conn.execute(f"DELETE FROM watch_items WHERE {column} = ?", (item,))
    return cursor.rowcount > 0


def list_watch_items(conn: sqlite3.Connection) -> list[WatchItem]:
    rows = conn.execute(
        "SELECT id, name, category, aliases FROM watch_items ORDER BY name COLLATE NOCASE"
    ).fetchall()
    if not rows:
        return []  # without importing json: a search asks on every word
    import json

    return [
        WatchItem(r["id"], r["name"], r["category"], tuple(json.loads(r["aliases"]))) for r in rows
    ]


def _pattern(items: Sequence[WatchItem]) -> re.Pattern[str] | None:
    spellings = sorted({s for item in items for s in item.spellings}, key=len, reverse=True)
    if not spellings:
        return None
    words = "|".join(r"\s+".join(map(re.escape, s.split())) for s in spellings)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def watch_matches(items: Sequence[WatchItem], text: str) -> list[Entity]:
    """Every place in ``text`` where a watched name or alias occurs, as flagged entities."""
    # Imported here: a search reads the watched spellings without the text models.
    from desktop.core.models import Entity

    pattern = _pattern(items)
    if pattern is None:
        return []
    by_spelling = {s.casefold(): item for item in items for s in item.spellings}
    out = []
    for match in pattern.finditer(text):
        item = by_spelling.get(" ".join(match.group().split()).casefold())
        if item is not None:
            out.append(
                Entity(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(),
                    category=item.category,
                    canonical=item.name,
                    watchlist=True,
                )
            )
    return out


def with_watchlist(entities: Sequence[Entity], matches: Sequence[Entity]) -> list[Entity]:
    """Entities plus watch matches; an entity overlapping a match gives way to it."""
    if not matches:
        return list(entities)
    kept = [e for e in entities if not any(e.start < m.end and m.start < e.end for m in matches)]
    return sorted([*kept, *matches], key=lambda e: (e.start, e.end))


def _matching_articles(conn: sqlite3.Connection, items: Sequence[WatchItem]) -> dict[int, int]:
    """Article id → exact matches, checking only the articles full-text search proposes."""
    pattern = _pattern(items)
    if pattern is None:
        return {}
    phrases = [fts_query('"' + s + '"') for item in items for s in item.spellings]
    query = " OR ".join(f"({p})" for p in phrases if p)
    if not query:
        return {}
    rows = conn.execute(
        "SELECT a.id, a.text FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ?",
        (query,),
    ).fetchall()
    counts = {int(r["id"]): sum(1 for _ in pattern.finditer(r["text"])) for r in rows}
    return {article: n for article, n in counts.items() if n}


def watchlist_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Article id → number of watchlist matches, for articles with at least one."""
    return _matching_articles(conn, list_watch_items(conn))


def articles_watching(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the articles where the watch item called ``name`` occurs."""
    items = [i for i in list_watch_items(conn) if i.name.casefold() == name.casefold()]
    return sorted(_matching_articles(conn, items))
