from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library import ranking
from desktop.core.library.ranking import close_readers, many_matches, rank, rank_counted
from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.models import Article
from desktop.core.storage.db import connect, transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query

WORDS = [
    "council",
    "budget",
    "harbour",
    "strike",
    "minister",
    "vote",
    "flood",
    "school",
    "court",
    "bridge",
]


def article(title: str, text: str) -> Article:
    return with_hash(Article(id=0, title=title, text=text, content_hash="", words=0))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A library of 400 articles with many exact score ties (repeated identical shapes)."""
    conn = connect(tmp_path / "library.sqlite3")
    rng = random.Random(7)
    built = []
    for i in range(400):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
        title = f"{rng.choice(WORDS)} report" if i % 3 else "report"
        # Every fifth article differs from another only by a number that is never searched,
        # so its score ties with that article's.
        built.append(article(title, " ".join(words) + f" edition{i % 5}"))
    ArticleStore(conn).add_many(built)
    yield conn
    close_readers(conn)
    conn.close()


@pytest.mark.parametrize("query", ["council", "strike vote", "report", '"harbour strike"', "min*"])
@pytest.mark.parametrize("slices", [2, 3, 5])
def test_slices_give_exactly_the_one_query_ranking(
    conn: sqlite3.Connection, query: str, slices: int
) -> None:
    match = fts_query(query)
    whole = rank(conn, match, 1_000, slices=1)
    assert len(whole) > 10
    scores = [s for _, s in whole]
    assert len(set(scores)) < len(scores)  # ties exist, so their order is tested too
    for count in (1, 7, 50, 1_000):
        assert rank(conn, match, count, slices=slices, parallel_from=0) == whole[:count]
    path = ranking._database_file(conn)
    assert ranking._readers[path].idle  # the other slices ran on read-only connections


@pytest.mark.parametrize(
    ("where", "params", "reads_rows"),
    [
        (["id IN (SELECT value FROM json_each(?))"], [str(list(range(1, 400, 3)))], False),
        (["title LIKE ?"], ["%e report"], True),
        (["title <> 'report'", "NOT id IN (SELECT value FROM json_each(?))"], ["[5, 6, 7]"], True),
    ],
)  # fmt: skip
def test_slices_with_conditions_give_the_one_query_ranking(
    conn: sqlite3.Connection, where: list[str], params: list[object], reads_rows: bool
) -> None:
    """A story, a filter or an exclusion ranks in slices too, exactly as in one query and as
    the kept articles' own BM25 order."""
    match = '"council" OR "strike"'
    options = {"where": where, "params": params, "reads_rows": reads_rows}
    whole = rank(conn, match, 1_000, slices=1, **options)
    kept = {
        r[0] for r in conn.execute(f"SELECT id FROM articles WHERE {' AND '.join(where)}", params)
    }
    everything = rank(conn, match, 1_000, slices=1)
    assert whole == [pair for pair in everything if pair[0] in kept]
    assert 10 < len(whole) < len(everything)
    for count in (1, 9, 1_000):
        assert rank(conn, match, count, slices=3, parallel_from=0, **options) == whole[:count]
        counted = rank_counted(conn, match, count, slices=3, parallel_from=0, **options)
        assert counted == (whole[:count], len(whole))


def test_ranking_agrees_with_fts5_bm25_order(conn: sqlite3.Connection) -> None:
    match = fts_query("council budget")
    expected = conn.execute(
        f"SELECT rowid, {ranking.BM25} FROM articles_fts WHERE articles_fts MATCH ? ORDER BY 2",
        (match,),
    ).fetchall()
    got = rank(conn, match, 1_000, slices=4, parallel_from=0)
    assert sorted(got) == sorted((r[0], r[1]) for r in expected)
    assert [s for _, s in got] == sorted(r[1] for r in expected)


def test_store_search_pages_are_the_same_with_slices(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def pages() -> list[list[tuple[int, str, float]]]:
        store = ArticleStore(conn)
        return [
            [(h.article.id, h.snippet, h.score) for h in store.search("strike", limit=9, offset=o)]
            for o in (0, 9, 18)
        ]

    one_query = pages()
    monkeypatch.setattr(ranking, "PARALLEL_FROM", 0)
    monkeypatch.setattr(ranking, "SLICES", 3)
    assert pages() == one_query
    assert ranking._readers[ranking._database_file(conn)].idle
    assert all(len(page) == 9 for page in one_query)


def test_a_write_in_progress_is_ranked_on_the_writing_connection(
    conn: sqlite3.Connection,
) -> None:
    store = ArticleStore(conn)
    with transaction(conn):
        new = store.add(article("Lighthouse keeper", "The lighthouse keeper retired.")).id
        found = rank(conn, fts_query("lighthouse"), 10, slices=3, parallel_from=0)
        assert [rowid for rowid, _ in found] == [new]  # readers cannot see it yet


def test_closed_readers_are_reopened_when_needed(conn: sqlite3.Connection) -> None:
    match = fts_query("flood")
    first = rank(conn, match, 20, slices=2, parallel_from=0)
    path = ranking._database_file(conn)
    idle = list(ranking._readers[path].idle)
    close_readers(conn)
    assert path not in ranking._readers
    with pytest.raises(sqlite3.ProgrammingError):
        idle[0].execute("SELECT 1")
    assert rank(conn, match, 20, slices=2, parallel_from=0) == first


def test_empty_and_in_memory_libraries(tmp_path: Path) -> None:
    empty = connect(tmp_path / "empty.sqlite3")
    assert rank(empty, fts_query("flood"), 10, slices=2, parallel_from=0) == []
    memory = connect(":memory:")
    new = ArticleStore(memory).add(article("Flood", "The river flooded.")).id
    assert rank(memory, fts_query("flood"), 10, slices=2, parallel_from=0)[0][0] == new


def test_fewer_matches_than_the_threshold_are_ranked_in_one_query(
    conn: sqlite3.Connection,
) -> None:
    """A probe counts the matches: below ``parallel_from`` no slice runs on a reader thread
    (their fixed cost would dwarf the query), from it on the slices run; the ranking is the
    same either way."""
    match = fts_query("council")
    (matches,) = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
    ).fetchone()
    assert 50 < matches < 400  # a common word, in a library whose rowid span is 400
    whole = rank(conn, match, 30, slices=1)
    path = ranking._database_file(conn)

    close_readers(conn)
    assert rank(conn, match, 30, slices=3, parallel_from=matches + 1) == whole
    assert path not in ranking._readers

    assert rank(conn, match, 30, slices=3, parallel_from=matches) == whole
    assert ranking._readers[path].idle


def test_many_matches_counts_up_to_the_threshold(conn: sqlite3.Connection, tmp_path: Path) -> None:
    match = fts_query("council")
    (matches,) = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
    ).fetchone()
    assert many_matches(conn, match, matches)
    assert not many_matches(conn, match, matches + 1)
    assert many_matches(conn, match, 0)
    assert not many_matches(conn, match, 401)  # more than the rowid span: no count needed
    assert not many_matches(connect(tmp_path / "empty.sqlite3"), match, 0)
