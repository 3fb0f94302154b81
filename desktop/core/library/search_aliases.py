"""Alias-aware search: a known entity's spellings find each other.

"Gaddafi" also finds the articles that spell him "Qaddafi" or "Kadhafi". A query word or
phrase that is a spelling of exactly one known person or institution (the bundled knowledge)
or watched item (the user's watchlist) is searched as any of its spellings. Left out are
spellings of fewer words than the one typed, acronyms apart ("Joe Biden" does not widen to
every "Biden"; "United Nations" does to "UN"), and spellings holding a shorter one that is
kept ("Muammar Gaddafi" adds nothing to "Gaddafi"). An all-capital spelling is an acronym
and matches only as typed: "us" is not the "US".

Reading the knowledge takes a tenth of a second, which a search on the command line would pay
every time; so its spellings are kept in a small SQLite file in the user's cache folder, built
on first use and again whenever the bundled knowledge changes (a lookup then costs
microseconds). Without a writable cache folder they are read into memory instead.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from desktop.core.allocator import release_free_memory
from desktop.core.storage.engine import sqlite3

Group = tuple[str, ...]
_TOKEN = re.compile(r"\w+")


def spellings(conn: sqlite3.Connection, term: str) -> tuple[str, ...]:
    """The spellings ``term`` is searched as (``term`` first); only ``term`` when it is no
    known spelling, or a spelling of several entities (the watchlist is asked first)."""
    from desktop.core.library.watchlist import list_watch_items

    key = _key(term)
    watched = _index(item.spellings for item in list_watch_items(conn))
    for found in (watched.get(key, ()), _known_groups(key)):  # the user's own list first
        groups = {g for g in found if _spelled(term, g)}
        if len(groups) == 1:
            return _expanded(term, groups.pop())
        if groups:
            return (term,)
    return (term,)


def _expanded(term: str, group: Group) -> tuple[str, ...]:
    typed = _tokens(term)
    unique: dict[tuple[str, ...], str] = {}
    for spelling in group:
        unique.setdefault(_tokens(spelling), spelling)
    kept = [t for t in unique if len(t) >= len(typed) or _is_acronym(unique[t])]
    kept = [t for t in kept if not any(o != t and _inside(o, t) for o in kept)]
    others = sorted({unique[t] for t in kept if t != typed}, key=str.casefold)
    return (term, *others)


def _spelled(term: str, group: Group) -> bool:
    """Whether ``term`` is one of ``group``'s spellings, acronyms compared as typed."""
    return any(_key(s) == _key(term) and (s == term or not _is_acronym(s)) for s in group)


def _is_acronym(spelling: str) -> bool:
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _key(spelling: str) -> str:
    return " ".join(spelling.split()).casefold()


def _tokens(spelling: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(spelling.casefold()))


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of ``whole``'s tokens (and shorter or equal)."""
    if not part or len(part) > len(whole):
        return False
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _index(groups: Iterable[Group]) -> dict[str, list[Group]]:
    index: dict[str, list[Group]] = {}
    for group in groups:
        if len(group) < 2:
            continue
        for spelling in dict.fromkeys(group):
            index.setdefault(_key(spelling), []).append(group)
    return index


CACHE_FILE = "spellings.sqlite3"
_FORMAT = "2"  # bump when the cache's tables change
# Groups of spellings in one column, without json (reading commands do not import it): names
# never hold these control characters.
_GROUP, _SPELLING = "\x1e", "\x1f"
_lock = threading.Lock()  # one cache connection, shared by the window's worker threads


def _decoded(text: str) -> list[Group]:
    return [tuple(group.split(_SPELLING)) for group in text.split(_GROUP)]


def _known_groups(key: str) -> list[Group]:
    """The knowledge's spelling groups holding the spelling ``key``."""
    cached = _cache_connection()
    if cached is None:
        return _knowledge_index().get(key, [])
    with _lock:
        row = cached.execute("SELECT groups FROM spellings WHERE key = ?", (key,)).fetchone()
    return _decoded(row[0]) if row else []


@cache
def _knowledge_index() -> dict[str, list[Group]]:
    """The knowledge's spellings in memory (about 0.1 s to read)."""
    from desktop.core.text.ner.knowledge import spelling_groups

    return _index(spelling_groups())


@cache
def _cache_connection() -> sqlite3.Connection | None:
    """The cache file, built now if it is missing or was built from other knowledge; None
    when it cannot be (no writable cache folder)."""
    from desktop.core.paths import user_paths

    path = user_paths().cache / CACHE_FILE
    stamp = _knowledge_stamp()
    try:
        conn = _open_cache(path)
        row = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        if row is not None and row[0] == stamp:
            return conn
        conn.close()
    except sqlite3.Error:
        pass
    try:
        _build_cache(path, stamp)
        return _open_cache(path)
    except (OSError, sqlite3.Error):
        return None


def _open_cache(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _knowledge_stamp() -> str:
    """What the cache was built from: the bundled knowledge files' names, sizes and times
    (without importing the knowledge module, which a search with a cache never needs)."""
    from desktop.core.resources import resource_path

    files = sorted(resource_path("knowledge").iterdir())
    stats = [(f.name, f.stat()) for f in files]
    return ":".join([_FORMAT, *(f"{n}-{s.st_size}-{s.st_mtime_ns}" for n, s in stats)])


def _build_cache(path: Path, stamp: str) -> None:
    """Write the cache beside its place and move it there: another process reading the old
    one, or building its own at the same moment, never sees half a file.

    The spellings are streamed into SQLite and grouped there, never held in a dictionary:
    tens of MiB of small objects would stay in the window's memory after the build."""
    from desktop.core.text.ner.knowledge import spelling_groups

    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    conn = sqlite3.connect(str(part))
    try:
        conn.execute("CREATE TEMP TABLE spelled (key TEXT, grp TEXT)")
        conn.executemany("INSERT INTO spelled VALUES (?, ?)", _keyed(spelling_groups()))
        conn.execute("CREATE TABLE spellings (key TEXT PRIMARY KEY, groups TEXT) WITHOUT ROWID")
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute(
            "INSERT INTO spellings SELECT key, group_concat(grp, ?) FROM"
            " (SELECT key, grp FROM spelled ORDER BY rowid) GROUP BY key",
            (_GROUP,),
        )
        conn.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        conn.commit()
    finally:
        conn.close()
        release_free_memory()  # the knowledge file read for it: tens of MiB, read once
    try:
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _keyed(groups: Iterable[Group]) -> Iterable[tuple[str, str]]:
    """``(key, encoded group)`` for each spelling of each group, as ``_index`` files them."""
    for group in groups:
        if len(group) < 2:
            continue
        encoded = _SPELLING.join(group)
        for spelling in dict.fromkeys(group):
            yield _key(spelling), encoded
