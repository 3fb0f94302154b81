from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library import snippets as snippets_module
from desktop.core.library.snippets import LONG_WORDS, PIECE_CHARS, snippets
from desktop.core.library.store import ArticleStore
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query
from tests.core.library.test_ranking import WORDS, article


def prose(words: int, seed: int) -> str:
    rng = random.Random(seed)
    out = []
    for n in range(words):
        out.append(rng.choice(WORDS) + ("." if n % 9 == 8 else ""))
        if n % 120 == 119:
            out.append("\n")
    return " ".join(out)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(tmp_path / "library.sqlite3")
    yield conn
    conn.close()


def add(conn: sqlite3.Connection, title: str, text: str) -> int:
    return ArticleStore(conn).add(article(title, text)).id


def fts5_snippet(conn: sqlite3.Connection, match: str, article_id: int, tokens: int) -> str:
    """What snippet() on the library's own index gives (quadratic, but fine for one match)."""
    row = conn.execute(
        "SELECT snippet(articles_fts, -1, '[', ']', '…', ?) FROM articles_fts"
        " WHERE articles_fts MATCH ? AND rowid = ?",
        (tokens, match, article_id),
    ).fetchone()
    return str(row[0])


def long_text_with(word: str, at: float, words: int = 6 * LONG_WORDS) -> str:
    body = prose(words, seed=3).split(" ")
    body.insert(int(len(body) * at), word)
    return " ".join(body)


@pytest.mark.parametrize("at", [0.0, 0.37, 0.5, 1.0])
def test_a_single_match_in_a_long_article_gives_the_same_snippet_as_fts5(
    conn: sqlite3.Connection, at: float
) -> None:
    article_id = add(conn, "Long report", long_text_with("Zebras", at))
    match = fts_query("zebra")  # the stemmer matches the plural, as the index does
    assert len(conn.execute("SELECT text FROM articles").fetchone()[0]) > 3 * PIECE_CHARS
    got = snippets(conn, match, [article_id], 12)[article_id]
    assert "[Zebras]" in got
    assert got == fts5_snippet(conn, match, article_id, 12)


def test_ellipses_mark_text_beyond_the_piece(conn: sqlite3.Connection) -> None:
    article_id = add(conn, "Long report", long_text_with("zebra", 0.5))
    got = snippets(conn, fts_query("zebra"), [article_id], 12)[article_id]
    assert got.startswith("…") and got.endswith("…")
    first = snippets(conn, fts_query("zebra"), [add(conn, "x", long_text_with("zebra", 0))], 12)
    assert not next(iter(first.values())).startswith("…")


def test_every_searched_word_is_bracketed_where_they_meet(conn: sqlite3.Connection) -> None:
    """The first piece holding one word is passed over for the piece holding all of them."""
    text = long_text_with("ferry", 0.1) + " the ferry operator went on strike again."
    article_id = add(conn, "Long report", text)
    got = snippets(conn, fts_query("ferry operator"), [article_id], 12)[article_id]
    assert "[ferry] [operator]" in got
    assert got.startswith("…")


def test_phrase_and_prefix_queries_in_a_long_article(conn: sqlite3.Connection) -> None:
    text = long_text_with("zebra crossing", 0.8)
    article_id = add(conn, "Long report", text)
    assert (
        "[zebra crossing]"
        in snippets(conn, fts_query('"zebra crossing"'), [article_id], 12)[article_id]
    )
    assert "[zebra]" in snippets(conn, fts_query("zeb*"), [article_id], 12)[article_id]


def test_a_word_only_in_the_title_of_a_long_article_shows_the_title(
    conn: sqlite3.Connection,
) -> None:
    article_id = add(conn, "Zebra count rises", prose(3 * LONG_WORDS, seed=5))
    got = snippets(conn, fts_query("zebra"), [article_id], 12)
    assert got == {article_id: "[Zebra] count rises"}


def test_a_long_article_made_of_one_repeated_match(conn: sqlite3.Connection) -> None:
    """The input that took FTS5 minutes: every word a match."""
    article_id = add(conn, "Strike", " ".join(["strike"] * 200_000))
    got = snippets(conn, fts_query("strike"), [article_id], 12)[article_id]
    assert got.startswith("[strike] [strike]") and got.endswith("…")


def test_short_and_long_articles_together_and_no_snippet_for_a_non_match(
    conn: sqlite3.Connection,
) -> None:
    short = add(conn, "Short", "The zebra escaped from the zoo.")
    long = add(conn, "Long", long_text_with("zebra", 0.6))
    other = add(conn, "Other", "Nothing to see here.")
    other_long = add(conn, "Other long", prose(3 * LONG_WORDS, seed=9))
    got = snippets(conn, fts_query("zebra"), [short, long, other, other_long], 12)
    assert set(got) == {short, long}
    assert got[short] == "The [zebra] escaped from the zoo."
    assert snippets(conn, "", [short], 12) == {} and snippets(conn, '"zebra"', [], 12) == {}


def test_search_hits_carry_long_article_snippets(conn: sqlite3.Connection) -> None:
    add(conn, "Long", long_text_with("zebra", 0.5))
    (hit,) = ArticleStore(conn).search("zebra")
    assert "[zebra]" in hit.snippet and hit.article.text == ""


def test_pieces_cover_the_text_and_keep_words_whole() -> None:
    text = prose(5 * LONG_WORDS, seed=1) + " " + "x" * (PIECE_CHARS + 10)
    pieces = list(snippets_module._pieces(text))
    assert "".join(pieces) == text
    assert all(len(p) <= PIECE_CHARS for p in pieces)
    assert all(p[-1] in " \n" for p in pieces[:-3])


def test_pieces_use_the_library_tokenizer(conn: sqlite3.Connection) -> None:
    assert snippets_module._tokenizer(conn) == "porter unicode61 remove_diacritics 2"


def test_scanning_the_matches_and_looking_ids_up_give_the_same_snippets(
    conn: sqlite3.Connection,
) -> None:
    ids = [add(conn, f"Report {n}", prose(60, seed=n)) for n in range(40)]
    match = fts_query("council")
    wanted = ids[::3]
    scanned = snippets(conn, match, wanted, 12, many=False)
    looked_up = snippets(conn, match, wanted, 12, many=True)
    assert snippets(conn, match, wanted, 12) == scanned == looked_up
    assert 5 < len(scanned) <= len(wanted) and all("[council]" in s for s in scanned.values())
