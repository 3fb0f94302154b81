"""The article store: the library's articles in SQLite, searchable with FTS5.

An article's content hash is its identity: importing the same text twice is reported as a
duplicate and never stored twice.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from desktop.core.frozen import Frozen
from desktop.core.library.pages import Pages
from desktop.core.models import Article
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import membership
from desktop.core.text.cjk import WORD, WORDS, has_cjk, text_length

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from desktop.core.library.search_plan import SearchPlan

SORT_COLUMNS = {
    "title": "title COLLATE NOCASE",
    "source": "source COLLATE NOCASE",
    "published": "published",
    "added": "added",
    "words": "words",
    "read": "read",
    "starred": "starred",
    "id": "id",
}
UNDATED = "—"
"""How an article without a published date shows in lists: never the day it was added."""


def order_by(order: str, descending: bool) -> str:
    """An ``ORDER BY`` clause for the SQL ``order``, ties by id in the same direction; sorted by
    publication date, undated articles come last whichever the direction."""
    direction = "DESC" if descending else "ASC"
    apart = "published = '', " if order == "published" else ""
    return f"{apart}{order} {direction}, id {direction}"


_COLUMNS = (
    "id, title, byline, source, url, published, added, language, text, content_hash, words, "
    "read, starred, origin, trashed, length_unit"
)
LIVE = "trashed = ''"
DATED = "published <> ''"
"""An article in the library, not in the trash: every list, count and filter says so."""
TRASHED = "trashed <> ''"
"""An article in the trash, in the form the partial index ``articles_trashed`` serves."""
EDITABLE = ("title", "byline", "source", "published", "url")
"""Metadata the user may edit; an edited field keeps the user's value across re-imports."""
SEARCH_CACHE_SIZE = 64  # searches remembered per store
SEARCH_CACHE_HITS = 5_000  # hits held in all, so a few huge pages cannot pile up
_LIST_COLUMNS = _COLUMNS.replace("text, ", "'' AS text, ")
SNIPPET_TOKENS = 12
CJK_SNIPPET_TOKENS = 24  # trigrams, about as many characters
LEAD_CHARS = 120  # the snippet of an article found by filters alone: how it begins


def content_hash(text: str) -> str:
    """Identity of an article's text, insensitive to line-ending and Unicode-form noise."""
    # Imported here, as ``_keep_edits``' json: only writing needs them, and each is a visible
    # part of a reading command's start (OpenSSL's loading most of all).
    import hashlib
    import unicodedata

    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    return len(re.findall(WORD, text))


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class AddResult(Frozen):
    """Outcome of storing one article: its id and whether it was already there."""

    _fields = ("id", "duplicate")
    __slots__ = _fields
    id: int
    duplicate: bool

    def __init__(self, id: int, duplicate: bool) -> None:
        self._set_fields(id, duplicate)


class SearchHit(Frozen):
    """A search result: ``article`` without its text, a ``[marked]`` snippet, and a BM25
    ``score`` (higher is better)."""

    _fields = ("article", "snippet", "score")
    __slots__ = _fields
    article: Article
    snippet: str
    score: float

    def __init__(self, article: Article, snippet: str, score: float) -> None:
        self._set_fields(article, snippet, score)


class SearchResults(Frozen):
    """One page of a search: its ``hits``, how many articles match in all (``total``), and
    the query words widened to other spellings of a known entity (``expansions``)."""

    _fields = ("hits", "total", "expansions")
    __slots__ = _fields
    hits: tuple[SearchHit, ...]
    total: int
    expansions: tuple[tuple[str, tuple[str, ...]], ...]

    def __init__(
        self,
        hits: tuple[SearchHit, ...],
        total: int,
        expansions: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> None:
        self._set_fields(hits, total, expansions)


def _article(row: sqlite3.Row, pages: Pages = ()) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        content_hash=row["content_hash"],
        words=row["words"],
        byline=row["byline"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        added=row["added"],
        language=row["language"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        origin=row["origin"],
        pages=pages,
        trashed=row["trashed"],
        length_unit=row["length_unit"] or WORDS,
    )


SearchKey = tuple[object, ...]  # the plan's SQL and parameters, limit, offset


class _SearchCache:
    """Recent search results, valid only while the database is unchanged.

    Ranking must score every match (~1 µs each: 20 ms for a common word at 100,000 articles),
    and a search box asks the same question again after a backspace, a page turn or a return
    to the list. The library's change mark is SQLite's own: ``PRAGMA data_version`` moves when
    another connection commits, ``total_changes`` when this one writes (rolled-back writes
    included, which only costs a recomputation). Any change empties the cache: BM25 scores
    depend on every article, and hits carry read and starred flags.
    """

    def __init__(self, conn: sqlite3.Connection, size: int, hits: int) -> None:
        self.conn = conn
        self.size = size
        self.hits = hits
        self.entries: OrderedDict[SearchKey, SearchResults] = OrderedDict()
        self.mark: tuple[int, int] = (-1, -1)

    def get(self, key: SearchKey) -> SearchResults | None:
        mark = (
            int(self.conn.execute("PRAGMA data_version").fetchone()[0]),
            self.conn.total_changes,
        )
        if mark != self.mark:
            self.entries.clear()
            self.mark = mark
            return None
        found = self.entries.get(key)
        if found is None:
            return None
        self.entries.move_to_end(key)
        return found

    def put(self, key: SearchKey, found: SearchResults) -> None:
        self.entries[key] = found
        while len(self.entries) > 1 and (
            len(self.entries) > self.size
            or sum(len(r.hits) for r in self.entries.values()) > self.hits
        ):
            self.entries.popitem(last=False)


class ArticleStore:
    """Articles in one library database. Thread-confined: give each thread its own store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._searches = _SearchCache(conn, SEARCH_CACHE_SIZE, SEARCH_CACHE_HITS)

    def add(self, article: Article) -> AddResult:
        """Store ``article`` unless its content is already in the library."""
        with transaction(self.conn):
            return self._add(article)

    def add_many(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store several articles in one transaction (all or nothing)."""
        with transaction(self.conn):
            return [self._add(a) for a in articles]

    def _add(self, article: Article) -> AddResult:
        digest = article.content_hash or content_hash(article.text)
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (digest,)
        ).fetchone()
        if row:
            # The text of an article in the trash, imported again: the user wants it back.
            self.conn.execute("UPDATE articles SET trashed = '' WHERE id = ?", (row["id"],))
            return AddResult(row["id"], duplicate=True)
        words, unit = (
            (article.words, article.length_unit) if article.words else text_length(article.text)
        )
        cur = self.conn.execute(
            "INSERT INTO articles (title, byline, source, url, published, added, language, text,"
            " content_hash, words, read, starred, origin, length_unit, cjk)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.title,
                article.byline,
                article.source,
                article.url,
                article.published,
                article.added or now_iso(),
                article.language,
                article.text,
                digest,
                words,
                int(article.read),
                int(article.starred),
                article.origin,
                unit,
                int(has_cjk(article.title or "") or has_cjk(article.text)),
            ),
        )
        article_id = int(cur.lastrowid or 0)
        self._store_pages(article_id, article.pages)
        self._store_tags(article_id, article.tags)
        return AddResult(article_id, duplicate=False)

    def _store_tags(self, article_id: int, tags: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?, ?)",
            ((tag, article_id) for tag in tags),
        )

    def _store_pages(self, article_id: int, pages: Pages) -> None:
        self.conn.execute("DELETE FROM article_pages WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO article_pages (article_id, number, start) VALUES (?, ?, ?)",
            ((article_id, number, start) for number, start in pages),
        )

    def pages(self, article_id: int) -> Pages:
        """``(page number, start)`` of a paged article (a PDF), in page order; empty for others."""
        rows = self.conn.execute(
            "SELECT number, start FROM article_pages WHERE article_id = ? ORDER BY number",
            (article_id,),
        )
        return tuple((row[0], row[1]) for row in rows)

    def get(self, article_id: int, *, trashed: bool = False) -> Article | None:
        """The article with its text and page starts; one in the trash only if ``trashed``."""
        live = "" if trashed else f" AND {LIVE}"
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ?{live}", (article_id,)
        ).fetchone()
        return _article(row, self.pages(article_id)) if row else None

    def listed(self, article_ids: Iterable[int]) -> dict[int, Article]:
        """The articles with these ids, without their text (as ``list`` gives them); ids of
        articles gone or in the trash are left out."""
        ids = sorted(set(article_ids))
        found: dict[int, Article] = {}
        for at in range(0, len(ids), 500):  # SQLite's limit on bound values is far above
            part = ids[at : at + 500]
            rows = self.conn.execute(
                f"SELECT {_LIST_COLUMNS} FROM articles"
                f" WHERE id IN ({', '.join('?' * len(part))}) AND {LIVE}",
                part,
            )
            found.update((row["id"], _article(row)) for row in rows)
        return found

    def by_hash(self, digest: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE content_hash = ?", (digest,)
        ).fetchone()
        return _article(row) if row else None

    def count(self) -> int:
        # All rows less the few trashed: counting live rows would read every row of the table.
        sql = (
            "SELECT (SELECT count(*) FROM articles)"
            f" - (SELECT count(*) FROM articles WHERE {TRASHED})"
        )
        return int(self.conn.execute(sql).fetchone()[0])

    def list(
        self,
        *,
        sort: str = "added",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
        unread_only: bool = False,
        starred_only: bool = False,
        story: str | None = None,
        tag: str | None = None,
    ) -> list[Article]:
        """Articles without their text (``text`` is empty): cheap enough for long lists;
        ``story`` and ``tag`` keep those in a story (by name) or with a tag."""
        order = SORT_COLUMNS.get(sort)
        if order is None:
            raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_COLUMNS)}")
        where, params = membership(self.conn, story, tag)
        where.append(LIVE)
        if unread_only:
            where.append("read = 0")
        if starred_only:
            where.append("starred = 1")
        if order == "published":
            return self._list_by_date(where, params, descending, limit, offset)
        sql = (
            f"SELECT {_LIST_COLUMNS} FROM articles WHERE {' AND '.join(where)}"
            f" ORDER BY {order_by(order, descending)} LIMIT ? OFFSET ?"
        )
        rows = self.conn.execute(sql, (*params, -1 if limit is None else limit, offset))
        return [_article(r) for r in rows]

    def _list_by_date(
        self,
        where: list[str],
        params: list[object],
        descending: bool,
        limit: int | None,
        offset: int,
    ) -> list[Article]:
        """``list`` by publication date, undated articles last: the dated ones in the order of
        the date index, then the undated ones. One ``ORDER BY published = '', …`` would sort
        the whole library for every page (1.5 s at a million articles)."""
        direction = "DESC" if descending else "ASC"
        wanted = -1 if limit is None else limit

        def page(dated: bool, at: int, count: int) -> list[Article]:
            test = DATED if dated else "published = ''"
            order = f"published {direction}, id {direction}" if dated else f"id {direction}"
            rows = self.conn.execute(
                f"SELECT {_LIST_COLUMNS} FROM articles WHERE {' AND '.join([*where, test])}"
                f" ORDER BY {order} LIMIT ? OFFSET ?",
                (*params, count, at),
            )
            return [_article(r) for r in rows]

        found = page(True, offset, wanted)
        if limit is not None and len(found) >= limit:
            return found
        if found or offset == 0:
            at = 0
        else:  # the page starts among the undated: past every dated article
            sql = f"SELECT count(*) FROM articles WHERE {' AND '.join([*where, DATED])}"
            at = offset - int(self.conn.execute(sql, params).fetchone()[0])
        return found + page(False, max(at, 0), -1 if limit is None else limit - len(found))

    def iter_all(self, batch: int = 500) -> Iterator[Article]:
        """Every article with its text, streamed in id order."""
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM articles WHERE id > ? AND {LIVE} ORDER BY id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _article(row)
            last = rows[-1]["id"]

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        story: str | None = None,
        tag: str | None = None,
    ) -> list[SearchHit]:
        """The hits of ``find``: one page of BM25-ranked matches with snippets."""
        return list(self.find(query, limit=limit, offset=offset, story=story, tag=tag).hits)

    def find(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        story: str | None = None,
        tag: str | None = None,
        after: str | None = None,
        before: str | None = None,
    ) -> SearchResults:
        """Articles matching ``query`` (the language of ``search_query``: words, ``OR``,
        ``-word``, phrases, prefixes, filters), best first, with snippets and the total.

        BM25 ranks them (a title match weighs 5× a body match); a query with no word to find
        (only filters, an exclusion, Chinese characters) lists its matches newest first.
        Ranking is two steps, because FTS5 must score every match: first only ids and scores
        (``ranking``, on several cores in a large library); then article rows and snippets for
        those ids alone. The same search on an unchanged library is answered from a small
        cache. Raises ``QueryError`` for a query that means nothing and ``UnknownStory``.
        """
        from desktop.core.library.search_plan import plan_search

        plan = plan_search(self.conn, query, story=story, tag=tag, after=after, before=before)
        if plan is None:
            return SearchResults((), 0)
        key = (*plan.key, limit, offset)
        found = self._searches.get(key)
        if found is None:
            found = self._find(plan, limit, offset)
            self._searches.put(key, found)
        return found

    def _find(self, plan: SearchPlan, limit: int, offset: int) -> SearchResults:
        # Imported here: listing and showing articles need neither, nor their threads.
        from desktop.core.library.ranking import count_among, probe, rank_counted
        from desktop.core.library.snippets import snippets

        many, total = None, -1
        if plan.match:
            many, total = probe(self.conn, plan.match)
            best, kept = rank_counted(
                self.conn,
                plan.match,
                limit + offset,
                many=many,
                where=plan.where,
                params=plan.params,
                reads_rows=plan.reads_rows,
            )
            total = kept if plan.where else total  # the probe counted before the conditions
        else:
            best = self._newest(plan, limit + offset)
        ranked = best[offset:]
        if total < 0 and len(best) < limit + offset:
            total = len(best)  # a page not filled holds the last match
        if total < 0:
            total = count_among(self.conn, plan.match, plan.where, plan.params)
        if not ranked:
            return SearchResults((), total, plan.expansions)
        ids = [r[0] for r in ranked]
        rows = self.conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (_id_list(ids),),
        )
        found = {r["id"]: _article(r) for r in rows}
        marked = snippets(self.conn, plan.match, ids, SNIPPET_TOKENS, many=many)
        missing = [i for i in ids if i not in marked]
        if missing and plan.cjk:
            marked.update(self._character_snippets(plan.cjk, missing))
        missing = [i for i in ids if i not in marked]
        if missing:
            marked.update(self._leads(missing))
        hits = tuple(SearchHit(found[i], marked[i], -score) for i, score in ranked if i in found)
        return SearchResults(hits, total, plan.expansions)

    def _newest(self, plan: SearchPlan, count: int) -> list[tuple[int, float]]:
        """The first ``count`` matches of a plan with nothing to rank by, newest first
        (undated last)."""
        rows = self.conn.execute(
            f"SELECT id FROM articles WHERE {' AND '.join(plan.where)}"
            f" ORDER BY {order_by('published', True)} LIMIT ?",
            (*plan.params, count),
        )
        return [(int(r[0]), 0.0) for r in rows]

    def _character_snippets(self, match: str, ids: list[int]) -> dict[int, str]:
        """Snippets from the trigram index, for articles found by a run of characters."""
        rows = self.conn.execute(
            "SELECT rowid, snippet(articles_trigram, -1, '[', ']', '…', ?) FROM articles_trigram"
            " WHERE articles_trigram MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (CJK_SNIPPET_TOKENS, match, _id_list(ids)),
        )
        return {int(r[0]): str(r[1]) for r in rows}

    def _leads(self, ids: list[int]) -> dict[int, str]:
        """How each article begins: the snippet of one found by filters or exclusions."""
        rows = self.conn.execute(
            "SELECT id, substr(text, 1, ?) FROM articles"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (LEAD_CHARS + 1, _id_list(ids)),
        )
        leads = {}
        for article_id, start in rows:
            lead = " ".join(str(start).split())
            if len(start) > LEAD_CHARS:
                lead = lead[: lead.rfind(" ")] if " " in lead else lead[:LEAD_CHARS]
                lead += "…"
            leads[int(article_id)] = lead
        return leads

    def delete(self, article_id: int) -> bool:
        """Remove an article (its search entry goes with it); False if there was none."""
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cur.rowcount > 0

    def set_read(self, article_id: int, read: bool = True) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id)
            )

    def replace_text(self, article_id: int, article: Article) -> None:
        """Store a new version of an article's text and metadata under the same id.

        Fields the user edited keep the user's value (``EDITABLE``), also when an earlier
        version is restored; tags the new version brings are added to the article's own. A
        newer text of an article in the trash, imported, brings it back (as its very text
        would: ``_add``)."""
        digest = article.content_hash or content_hash(article.text)
        words, unit = text_length(article.text)
        with transaction(self.conn):
            article = self._keep_edits(article_id, article)
            self.conn.execute(
                "UPDATE articles SET title = ?, byline = ?, source = ?, url = ?, published = ?,"
                " origin = COALESCE(NULLIF(?, ''), origin), text = ?, content_hash = ?, words = ?,"
                " length_unit = ?, cjk = ?, trashed = '' WHERE id = ?",
                (
                    article.title,
                    article.byline,
                    article.source,
                    article.url,
                    article.published,
                    article.origin,
                    article.text,
                    digest,
                    words,
                    unit,
                    int(has_cjk(article.title or "") or has_cjk(article.text)),
                    article_id,
                ),
            )
            self._store_pages(article_id, article.pages)
            self._store_tags(article_id, article.tags)

    def _keep_edits(self, article_id: int, article: Article) -> Article:
        import json

        row = self.conn.execute(
            f"SELECT edited, {', '.join(EDITABLE)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return article
        kept = {name: row[name] for name in json.loads(row["edited"]) if name in EDITABLE}
        return article.replace(**kept)


def _id_list(ids: Iterable[int]) -> str:
    """Ids as a JSON array, for ``json_each``: one parameter however many ids."""
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def with_hash(article: Article) -> Article:
    """The article with its content hash and length (in words or characters) filled in."""
    words, unit = (
        (article.words, article.length_unit) if article.words else text_length(article.text)
    )
    return article.replace(
        content_hash=article.content_hash or content_hash(article.text),
        words=words,
        length_unit=unit,
    )
