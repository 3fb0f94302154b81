"""BM25 ranking of full-text matches, on several cores at once in a large library.

FTS5 must score every match before it can keep the best, about 1 µs each: a word found in a
quarter of a 100,000-article library costs over 20 ms on one core. One match's score does not
depend on which others are scored — BM25's IDF and average length come from the whole index even
when a query is limited to a rowid range — so the rowid span is cut into slices ranked at the
same time, one on the caller's connection and the others on read-only connections in worker
threads (SQLite releases the GIL while it works), and the slices' best are merged. Ties are
broken by rowid in both the slices and the merge, so the result is exactly the one-query result.

Slices have a fixed cost (handing work to threads, waking them, merging) that a rare word, ranked
in well under a millisecond by one query, would pay many times over. So a probe first reads the
first matches without scoring them and estimates how many there are (``many_matches``): fewer
than ``PARALLEL_FROM``, and one query ranks them all.
"""

from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.storage.db import connect_reader
from desktop.core.storage.engine import sqlite3

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor
    from typing import TypeVar

    T = TypeVar("T")

BM25 = "bm25(articles_fts, 5.0, 1.0)"  # a title match weighs 5× a body match
PARALLEL_FROM = 10_000  # matches below which one query is as fast as slices
SLICES = min(4, os.cpu_count() or 1)  # one per core, and a few suffice
_RANK = (
    f"SELECT rowid, {BM25} FROM articles_fts WHERE articles_fts MATCH ?"
    " AND rowid BETWEEN ? AND ? ORDER BY 2, 1 LIMIT ?"
)
_SPAN = "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)"
# The first matches in rowid order, read without scoring them (~50 ns a match).
_PROBE = (
    "SELECT count(*), max(rowid) FROM"
    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)"
)
PROBE_SAMPLE = 1_000  # matches counted; beyond them, the total is estimated

Ranked = list[tuple[int, float]]


def rank(
    conn: sqlite3.Connection,
    match: str,
    count: int,
    *,
    slices: int | None = None,
    parallel_from: int | None = None,
    many: bool | None = None,
    where: Sequence[str] = (),
    params: Sequence[object] = (),
    reads_rows: bool = False,
) -> Ranked:
    """The ``count`` best ``(rowid, bm25)`` pairs for the FTS5 query ``match``, best (lowest
    score) first; in ``SLICES`` slices once there are ``PARALLEL_FROM`` matches. ``many`` is
    ``many_matches``' answer when the caller already has it. Only the articles every condition
    of ``where`` keeps (on ``articles``, read only when ``reads_rows``: most conditions need
    only the id) are ranked: a story, a filter, an exclusion the word index cannot make."""
    return rank_counted(
        conn,
        match,
        count,
        slices=slices,
        parallel_from=parallel_from,
        many=many,
        where=where,
        params=params,
        reads_rows=reads_rows,
    )[0]


def rank_counted(
    conn: sqlite3.Connection,
    match: str,
    count: int,
    *,
    slices: int | None = None,
    parallel_from: int | None = None,
    many: bool | None = None,
    where: Sequence[str] = (),
    params: Sequence[object] = (),
    reads_rows: bool = False,
) -> tuple[Ranked, int]:
    """``rank``'s pairs, and how many articles ``where`` kept in all (-1 without ``where``):
    counted by the ranking query itself, as a second query would filter every match again."""
    lo, hi = conn.execute(_SPAN).fetchone()
    if lo is None:
        return [], 0
    slices = slices or SLICES
    path = _database_file(conn)
    sql = _among(where, reads_rows) if where else _RANK
    values = tuple(params)
    if (
        slices < 2
        or path is None
        or conn.in_transaction
        or not (many_matches(conn, match, parallel_from) if many is None else many)
    ):
        parts = [_rank_slice(conn, sql, match, lo, hi, values, count)]
    else:
        bounds = _cut(lo, hi, slices)
        readers = _readers_for(path)
        pool = _pool()
        futures: list[Future[tuple[Ranked, int]]] = [
            pool.submit(
                readers.run, lambda c, b=b: _rank_slice(c, sql, match, b[0], b[1], values, count)
            )
            for b in bounds[1:]
        ]
        parts = [_rank_slice(conn, sql, match, *bounds[0], values, count)]
        parts += [f.result() for f in futures]
    best = heapq.nsmallest(count, (pair for part, _ in parts for pair in part), key=_order)
    return best, (sum(kept for _, kept in parts) if where else -1)


def _among(where: Sequence[str], reads_rows: bool) -> str:
    """The ranking query of one slice, keeping what ``where`` keeps. The slice's matches are
    scored first (a materialised set), then filtered: given ``id IN (a story)`` directly,
    SQLite runs the full-text query once per article of the story, a second for a
    10,000-article story. Each row also carries how many the slice kept."""
    return (
        f"WITH matches (id, score) AS MATERIALIZED (SELECT rowid, {BM25} FROM articles_fts"
        " WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?)"
        f" SELECT id, score, count(*) OVER () FROM matches{_rows(reads_rows)}"
        f" WHERE {_all(where)} ORDER BY 2, 1 LIMIT ?"
    )


def count_among(
    conn: sqlite3.Connection, match: str, where: Sequence[str], params: Sequence[object]
) -> int:
    """How many articles match ``match`` or, without one, every condition of ``where``: the
    "of 23" of a page (counting costs ~50 ns a match, ranking ~1 µs). A ranking with
    conditions counts what it keeps itself (``rank_counted``)."""
    if match:
        sql, values = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]
    else:
        sql, values = f"SELECT count(*) FROM articles WHERE {_all(where)}", list(params)
    return int(conn.execute(sql, values).fetchone()[0])


def _rows(reads_rows: bool) -> str:
    return " JOIN articles USING (id)" if reads_rows else ""


def _all(where: Sequence[str]) -> str:
    return " AND ".join(where) or "1"


def close_readers(conn: sqlite3.Connection) -> None:
    """Close the idle read-only connections kept for ``conn``'s database (a library closing)."""
    path = _database_file(conn)
    with _lock:
        readers = _readers.pop(path, None) if path else None
    if readers is not None:
        readers.close()


def many_matches(conn: sqlite3.Connection, match: str, limit: int | None = None) -> bool:
    """Whether ``match`` has about ``limit`` (``PARALLEL_FROM``) matches or more."""
    return probe(conn, match, limit)[0]


def probe(conn: sqlite3.Connection, match: str, limit: int | None = None) -> tuple[bool, int]:
    """``many_matches``' answer, and the number of matches when the probe counted them all
    (-1 when it did not): a search's total then costs nothing more.

    Up to ``PROBE_SAMPLE`` matches are counted exactly; beyond, the total is estimated from how
    far into the rowid span the last of them lies (a word found all through the library has
    reached its thousandth match a tenth of the way when it has 10,000). A library whose rowid
    span is shorter than ``limit`` has fewer, without counting.
    """
    limit = PARALLEL_FROM if limit is None else limit
    lo, hi = conn.execute(_SPAN).fetchone()
    if lo is None:
        return False, 0
    if hi - lo + 1 < limit:
        return False, -1
    found, last = conn.execute(_PROBE, (match, PROBE_SAMPLE)).fetchone()
    if found < PROBE_SAMPLE:
        return bool(found >= limit), int(found)
    return found * (hi - lo + 1) >= limit * (last - lo + 1), -1


def _rank_slice(
    conn: sqlite3.Connection,
    sql: str,
    match: str,
    lo: int,
    hi: int,
    params: tuple[object, ...],
    count: int,
) -> tuple[Ranked, int]:
    """One slice's best pairs and, from a query with conditions, how many it kept."""
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute(sql, (match, lo, hi, *params, count)).fetchall()
    kept = int(rows[0][2]) if rows and len(rows[0]) > 2 else 0
    return [(int(r[0]), float(r[1])) for r in rows], kept


def _order(pair: tuple[int, float]) -> tuple[float, int]:
    return pair[1], pair[0]


def _cut(lo: int, hi: int, slices: int) -> list[tuple[int, int]]:
    """``slices`` contiguous rowid ranges covering ``lo..hi``."""
    edges = [lo + (hi - lo + 1) * i // slices for i in range(slices + 1)]
    return [(edges[i], edges[i + 1] - 1) for i in range(slices)]


def _database_file(conn: sqlite3.Connection) -> str | None:
    """The main database's file, or None for an in-memory or temporary one."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return str(row[2]) or None
    return None


class _Readers:
    """Read-only connections to one database file, each lent to one slice at a time."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.idle: list[sqlite3.Connection] = []
        self.lock = threading.Lock()
        self.closed = False

    def run(self, task: Callable[[sqlite3.Connection], T]) -> T:
        with self.lock:
            conn = self.idle.pop() if self.idle else None
        conn = conn or connect_reader(self.path)
        try:
            return task(conn)
        finally:
            with self.lock:
                keep = not self.closed
                if keep:
                    self.idle.append(conn)
            if not keep:
                conn.close()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for conn in idle:
            conn.close()


_lock = threading.Lock()
_readers: dict[str, _Readers] = {}
_executor: ThreadPoolExecutor | None = None


def _readers_for(path: str) -> _Readers:
    with _lock:
        readers = _readers.get(path)
        if readers is None:
            readers = _readers[path] = _Readers(path)
        return readers


def _pool() -> ThreadPoolExecutor:
    # Imported on the first parallel search: a command that never searches a large library
    # should not load the executor (and logging with it).
    from concurrent.futures import ThreadPoolExecutor

    global _executor
    with _lock:
        if _executor is None:
            workers = max(1, SLICES - 1)  # the caller ranks one slice itself
            _executor = ThreadPoolExecutor(workers, thread_name_prefix="dossier-rank")
        return _executor
