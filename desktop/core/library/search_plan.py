"""A parsed search (``search_query``) as SQL: one FTS5 query that ranks, plus conditions.

What the word index can answer (words, phrases, prefixes, ``title:``, ``OR`` and ``NOT``
among them) becomes one FTS5 query, so BM25 ranks it as before; everything else becomes SQL
conditions on ``articles``: filters, a word excluded from a query that has no word to find
(``-trump`` alone), Chinese, Japanese and Korean runs (the trigram index), groups mixing the
two. A word or phrase that is a known entity's spelling is searched as any of its spellings
(``search_aliases``); each widening is reported so the user sees why an article matched.
"""

from __future__ import annotations

import re

from desktop.core.frozen import Frozen
from desktop.core.library.search_query import (
    All,
    Filter,
    Node,
    Not,
    Text,
    checked_filter,
    parse,
)
from desktop.core.library.store import LIVE
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import membership
from desktop.core.text.cjk import has_cjk

TRIGRAM_FROM = 3  # the trigram index finds runs of three characters or more
_IN_WORDS = "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
_IN_TRIGRAMS = "id IN (SELECT rowid FROM articles_trigram WHERE articles_trigram MATCH ?)"
# A run too short for trigrams, looked for in the articles the trigram index holds.
_SHORT_RUN = "id IN (SELECT id FROM articles_trigram_docsize) AND ({})"
_TOKEN = re.compile(r"\w+")


class SearchPlan(Frozen):
    """``match`` ranks (the word index; '' when the query has no word to find); every
    condition in ``where`` (on ``articles``' columns) must hold as well. ``expansions`` pairs
    each query word widened to other spellings with them. ``cjk`` is a trigram-index query
    for the snippets of articles matched by characters ('' for none)."""

    _fields = ("match", "where", "params", "expansions", "cjk", "reads_rows")
    __slots__ = _fields
    match: str
    where: tuple[str, ...]
    params: tuple[object, ...]
    expansions: tuple[tuple[str, tuple[str, ...]], ...]
    cjk: str
    reads_rows: bool  # a condition reads more of the row than its id

    def __init__(
        self,
        match: str,
        where: tuple[str, ...],
        params: tuple[object, ...],
        expansions: tuple[tuple[str, tuple[str, ...]], ...] = (),
        cjk: str = "",
        reads_rows: bool = False,
    ) -> None:
        self._set_fields(match, where, params, expansions, cjk, reads_rows)

    @property
    def key(self) -> tuple[object, ...]:
        return (self.match, self.where, self.params)


class Part:
    """A node compiled: its FTS5 query ('' none) and SQL conditions, all of which must hold."""

    __slots__ = ("fts", "params", "where")

    def __init__(
        self, fts: str = "", where: list[str] | None = None, params: list[object] | None = None
    ) -> None:
        self.fts = fts
        self.where = where or []
        self.params = params or []

    @property
    def words_only(self) -> bool:
        return bool(self.fts) and not self.where

    def as_sql(self, in_words: str) -> tuple[str, list[object]]:
        """All of it as SQL conditions; ``in_words`` is the condition its FTS5 query fills."""
        where, params = list(self.where), list(self.params)
        if self.fts:
            where.insert(0, in_words)
            params.insert(0, self.fts)
        return "(" + " AND ".join(where) + ")", params


def plan_search(
    conn: sqlite3.Connection,
    query: str,
    *,
    story: str | None = None,
    tag: str | None = None,
    after: str | None = None,
    before: str | None = None,
) -> SearchPlan | None:
    """The plan of ``query`` with the given filters added; None when there is nothing to
    search for. Raises ``QueryError`` for a query that means nothing, ``UnknownStory`` for a
    story not made."""
    node = parse(query)
    extra = [
        checked_filter(name, value)
        for name, value in (("story", story), ("tag", tag), ("after", after), ("before", before))
        if value
    ]
    if not extra and node is None:
        return None
    if extra:
        node = All((*([node] if node is not None else []), *extra))
    compiler = Compiler(conn)
    part = compiler.compile(node)
    where, params = list(part.where), list(part.params)
    if not part.fts:
        where.append(LIVE)  # the indexes hold only live articles; a plain scan must say so
    return SearchPlan(
        part.fts,
        tuple(where),
        tuple(params),
        tuple(compiler.expansions),
        " OR ".join(compiler.cjk),
        compiler.reads_rows,
    )


class Compiler:
    """A query tree as one FTS5 query and SQL conditions on ``articles``; ``in_words`` is the
    condition a word query fills where it must be a condition (a subclass compiles for another
    table: the notebook's)."""

    in_words = _IN_WORDS

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.expansions: list[tuple[str, tuple[str, ...]]] = []
        self.cjk: list[str] = []
        self.reads_rows = False
        self.checked = False

    def compile(self, node: Node) -> Part:
        if isinstance(node, Text):
            return self._text(node)
        if isinstance(node, Filter):
            return self._filter(node)
        if isinstance(node, Not):
            return self._all((node,))
        if isinstance(node, All):
            return self._all(node.items)
        return self._either(node.items)

    def _either(self, items: tuple[Node, ...]) -> Part:
        parts = [self.compile(item) for item in items]
        if all(p.words_only for p in parts):
            return Part("(" + " OR ".join(f"({p.fts})" for p in parts) + ")")
        sql = [p.as_sql(self.in_words) for p in parts]
        return Part(
            "", ["(" + " OR ".join(s for s, _ in sql) + ")"], [v for _, p in sql for v in p]
        )

    def _all(self, items: tuple[Node, ...]) -> Part:
        found, excluded, where, params = [], [], [], []
        for item in items:
            if isinstance(item, Not):
                inner = self.compile(item.item)
                if inner.words_only:
                    excluded.append(inner.fts)
                    continue
                sql, values = inner.as_sql(self.in_words)
                where.append(f"NOT {sql}")
                params += values
                continue
            part = self.compile(item)
            if part.fts:
                found.append(part.fts)
            where += part.where
            params += part.params
        fts = " AND ".join(f"({f})" for f in found)
        if excluded and fts:
            fts = f"({fts}) NOT ({' OR '.join(f'({e})' for e in excluded)})"
        elif excluded:
            where.insert(0, f"NOT {self.in_words}")
            params.insert(0, " OR ".join(f"({e})" for e in excluded))
        return Part(fts, where, params)

    def _text(self, node: Text) -> Part:
        if has_cjk(node.text):
            return self._characters(node)
        spellings = (node.text,)
        if not node.prefix:
            from desktop.core.library.search_aliases import spellings as known_spellings

            spellings = known_spellings(self.conn, node.text)
            if len(spellings) > 1:
                self.expansions.append((node.text, spellings))
        # The parser makes a Text only of what holds a word character: never an empty query.
        queries = [_fts_text(s, node.prefix) for s in spellings]
        fts = queries[0] if len(queries) == 1 else "(" + " OR ".join(queries) + ")"
        return Part(f"title : ({fts})" if node.field == "title" else fts)

    def _characters(self, node: Text) -> Part:
        """A run of Chinese, Japanese or Korean characters, found wherever it occurs (every
        article stored before the trigram index is checked first)."""
        if not self.checked:
            from desktop.core.library.cjk_check import check_all

            check_all(self.conn)
            self.checked = True
        run = " ".join(node.text.split())
        if len(run) >= TRIGRAM_FROM:
            query = '"' + run.replace('"', '""') + '"'
            query = f"title : {query}" if node.field == "title" else query
            self.cjk.append(query)
            return Part("", [_IN_TRIGRAMS], [query])
        self.reads_rows = True
        columns = ("title",) if node.field == "title" else ("title", "text")
        found = " OR ".join(f"instr({c}, ?) > 0" for c in columns)
        return Part("", [_SHORT_RUN.format(found)], [run] * len(columns))

    def _filter(self, node: Filter) -> Part:
        if node.field in ("story", "tag"):
            story = node.value if node.field == "story" else None
            tag = node.value if node.field == "tag" else None
            where, params = membership(self.conn, story, tag)
            return Part("", where, params)
        self.reads_rows = True
        if node.field == "source":
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", node.value) + "%"
            return Part("", ["source LIKE ? ESCAPE '\\'"], [pattern])
        if node.field == "after":
            return Part("", ["published <> '' AND published >= ?"], [node.value])
        # before: the whole day, month or year given is included
        return Part(
            "", ["published <> '' AND substr(published, 1, ?) <= ?"], [len(node.value), node.value]
        )


def _fts_text(text: str, prefix: bool) -> str:
    """A word or phrase as an FTS5 string: its word tokens quoted (a word the index splits,
    "e-mail", is a phrase of its parts), ``*`` after the last for a prefix."""
    tokens = _TOKEN.findall(text)
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")
