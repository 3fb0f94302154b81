"""Search snippets: a few words around the matches, the matched words in [brackets].

FTS5's ``snippet()`` scores a window at every match against every other match of the row, so
its time grows with the square of the matches: a 1 MB article naming the searched word ten
thousand times takes seconds, 19 MB more than ten minutes. Ordinary articles keep
``snippet()`` on the library's index. A long one is cut into pieces of ``PIECE_CHARS`` that are
indexed, with the library's own tokenizer, in a private in-memory table, in doubling batches;
the snippet comes from the first piece that holds every searched word (else the first that holds
any, else the title): the same brackets and ellipses, in time linear in the article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from desktop.core.library.ranking import many_matches
from desktop.core.storage.engine import sqlite3

# snippet() on an article up to LONG_WORDS, or on one piece, takes at most ~20 ms even when
# every word is a match (a text of one repeated word); ordinary prose takes well under 1 ms.
LONG_WORDS = 2_000
PIECE_CHARS = 8_000
ELLIPSIS = "…"
_PHRASE = re.compile(r'"[^"]*"\*?')
_TOKENIZE = re.compile(r"""tokenize\s*=\s*(['"])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def snippets(
    conn: sqlite3.Connection,
    match: str,
    ids: Sequence[int],
    tokens: int,
    *,
    many: bool | None = None,
) -> dict[int, str]:
    """Snippets of about ``tokens`` words for the articles ``ids`` that match the FTS5 query
    ``match``, keyed by id (an article that does not match has none). ``many`` is
    ``ranking.many_matches``' answer when the caller already has it."""
    if not match or not ids:
        return {}
    listed = "[" + ",".join(str(int(i)) for i in ids) + "]"
    long_ids = [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND words > ?",
            (listed, LONG_WORDS),
        )
    ]
    long_set = frozenset(long_ids)
    short = [i for i in ids if i not in long_set]
    found = _indexed_snippets(conn, match, short, tokens, many) if short else {}
    for article_id in long_ids:
        if not _matches(conn, match, article_id):
            continue
        title, text = conn.execute(
            "SELECT title, text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        found[article_id] = _long_snippet(conn, match, title, text, tokens)
    return found


def _long_snippet(conn: sqlite3.Connection, match: str, title: str, text: str, tokens: int) -> str:
    """The snippet of one long text, built piece by piece (``conn`` names the tokenizer)."""
    pieces = list(_pieces(text))
    every, anyone = match, " OR ".join(_PHRASE.findall(match)) or match
    with _PieceIndex(_tokenizer(conn)) as index:
        added = 0
        batch = 1
        while added < len(pieces):
            index.add(pieces, added, added + batch)
            added = min(len(pieces), added + batch)
            batch *= 2
            found = index.first(every, tokens)
            if found is not None:
                return _in_context(found, len(pieces))
        found = index.first(anyone, tokens)
        if found is not None:
            return _in_context(found, len(pieces))
        index.add_title(title)
        found = index.first(anyone, tokens)
        return found[1] if found is not None else ""


def _indexed_snippets(
    conn: sqlite3.Connection, match: str, ids: Sequence[int], tokens: int, many: bool | None
) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    # "+rowid" makes SQLite scan the matches for the ids (~50 ns a match); plain "rowid" looks
    # each id up (~20 µs an id), the cheaper way once there are many matches.
    scan = not (many_matches(conn, match) if many is None else many)
    rows = conn.execute(
        f"SELECT rowid, snippet(articles_fts, -1, '[', ']', '{ELLIPSIS}', ?) FROM articles_fts"
        f" WHERE articles_fts MATCH ? AND {'+' if scan else ''}rowid IN ({marks})",
        [tokens, match, *ids],
    )
    return {int(r[0]): str(r[1]) for r in rows}


def _matches(conn: sqlite3.Connection, match: str, article_id: int) -> bool:
    row = conn.execute(
        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?", (match, article_id)
    ).fetchone()
    return row is not None


def _pieces(text: str) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``PIECE_CHARS``, cut at a line break or a
    space where there is one in the piece's second half, so words stay whole."""
    start = 0
    while start < len(text):
        end = start + PIECE_CHARS
        if end < len(text):
            half = start + PIECE_CHARS // 2
            cut = text.rfind("\n", half, end)
            cut = cut if cut != -1 else text.rfind(" ", half, end)
            end = cut + 1 if cut != -1 else end
        yield text[start:end]
        start = end


def _in_context(found: tuple[int, str], count: int) -> str:
    """A piece's snippet with ellipses where the article goes on beyond the piece."""
    number, snippet = found
    if number > 0 and not snippet.startswith(ELLIPSIS):
        snippet = ELLIPSIS + snippet
    if number < count - 1 and not snippet.endswith(ELLIPSIS):
        snippet += ELLIPSIS
    return snippet


def _tokenizer(conn: sqlite3.Connection) -> str:
    """The library index's tokenizer, so the pieces split and stem words as it does."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    found = _TOKENIZE.search(row[0]) if row else None
    return found.group(2) if found else "unicode61"


class _PieceIndex:
    """A private in-memory FTS5 table of one article's pieces (rowid = piece number); the
    title, when asked for, is the row after the last piece."""

    def __init__(self, tokenize: str) -> None:
        self.conn = sqlite3.connect(":memory:")
        quoted = tokenize.replace("'", "''")
        self.conn.execute(
            f"CREATE VIRTUAL TABLE piece USING fts5(title, body, tokenize = '{quoted}')"
        )
        self.rows = 0

    def add(self, pieces: Sequence[str], start: int, end: int) -> None:
        self.conn.executemany(
            "INSERT INTO piece (rowid, title, body) VALUES (?, '', ?)",
            ((number, pieces[number]) for number in range(start, min(end, len(pieces)))),
        )
        self.rows = max(self.rows, min(end, len(pieces)))

    def add_title(self, title: str) -> None:
        self.conn.execute(
            "INSERT INTO piece (rowid, title, body) VALUES (?, ?, '')", (self.rows, title)
        )

    def first(self, match: str, tokens: int) -> tuple[int, str] | None:
        row = self.conn.execute(
            f"SELECT rowid, snippet(piece, -1, '[', ']', '{ELLIPSIS}', ?) FROM piece"
            " WHERE piece MATCH ? ORDER BY rowid LIMIT 1",
            (tokens, match),
        ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def __enter__(self) -> _PieceIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
