"""What the library list shows, as SQL: the ordered ids of matching articles and their rows.

Qt-free on purpose: the list model keeps only an ordered array of ids (8 bytes per article) and
pages rows in by id, so 100,000 articles never become 100,000 Python objects. Sorting and
filtering happen in SQLite (``ORDER BY`` over the whole library), in a worker thread.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.library.search_plan import SearchPlan, plan_search
from desktop.core.library.search_query import QueryError
from desktop.core.library.snippets import snippets
from desktop.core.library.store import LIVE, UNDATED, ArticleStore, order_by
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import UnknownStory, membership
from desktop.core.text.cjk import WORDS

# Column key -> SQL ordering over ``articles``; "notes" and "watch" are counted elsewhere.
_ORDER = {
    "title": "title COLLATE NOCASE",
    "source": "source COLLATE NOCASE",
    "date": "published",
    "words": "words",
    "read": "read",
    "starred": "starred",
}
COUNTED_KEYS = ("notes", "watch")
TOOLTIP_SNIPPET_TOKENS = 16


@dataclass(frozen=True)
class LibraryFilter:
    """Which articles the list shows; an empty filter shows the whole library."""

    search: str = ""
    unread_only: bool = False
    starred_only: bool = False
    mentions: str = ""
    watchlist_only: bool = False
    story: str = ""  # a story's name: only its articles
    tag: str = ""  # only articles with this tag


@dataclass(frozen=True)
class ListRow:
    """One row of the list: an article's metadata, never its text."""

    id: int
    title: str
    byline: str
    source: str
    date: str
    words: int
    read: bool
    starred: bool
    length_unit: str = WORDS  # what ``words`` counts: words, or characters (Chinese)


def ordered_ids(
    conn: sqlite3.Connection,
    filt: LibraryFilter,
    sort: str,
    descending: bool,
    *,
    only: Sequence[int] | None = None,
    counts: Mapping[int, int] | None = None,
    plan: SearchPlan | None = None,
) -> array:
    """Ids of the articles ``filt`` admits, sorted by ``sort``.

    ``plan`` is the search's (``search_plan``: the same language as the command line's);
    ``only`` narrows to a precomputed id set (entity mentions, watchlist hits); ``counts`` sorts
    by a per-article count (notes, watchlist matches) computed by another module.
    """
    try:
        where, params = membership(conn, filt.story or None, filt.tag or None)
    except UnknownStory:  # renamed or deleted by another window or the command line
        return array("q")
    where.append(LIVE)
    if filt.unread_only:
        where.append("read = 0")
    if filt.starred_only:
        where.append("starred = 1")
    if plan is not None and plan.match:
        where.append("id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(plan.match)
    if plan is not None:
        where += plan.where
        params += plan.params
    if only is not None:
        where.append("id IN (SELECT value FROM json_each(?))")
        params.append("[" + ",".join(str(int(i)) for i in only) + "]")
    clause = f"WHERE {' AND '.join(where)}"
    order = order_by(_ORDER.get(sort, _ORDER["date"]), descending)
    cur = conn.cursor()
    cur.row_factory = None
    cur.execute(f"SELECT id FROM articles {clause} ORDER BY {order}", params)
    ids = array("q", (row[0] for row in cur))
    if sort in COUNTED_KEYS:
        table = counts or {}
        ids = array("q", sorted(ids, key=lambda i: table.get(i, 0), reverse=descending))
    return ids


def fetch_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, ListRow]:
    """The list rows of ``ids`` (one page), keyed by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT id, title, byline, source, published, words, read, starred, length_unit"
        f" FROM articles WHERE id IN ({marks})",
        list(ids),
    )
    return {
        r["id"]: ListRow(
            id=r["id"],
            title=r["title"],
            byline=r["byline"],
            source=r["source"],
            date=r["published"][:10] or UNDATED,
            words=r["words"],
            read=bool(r["read"]),
            starred=bool(r["starred"]),
            length_unit=r["length_unit"] or WORDS,
        )
        for r in rows
    }


def fetch_snippets(conn: sqlite3.Connection, match: str, ids: Sequence[int]) -> dict[int, str]:
    """Search-match snippets (matched words in [brackets]) for the ``ids`` of one page."""
    return snippets(conn, match, ids, TOOLTIP_SNIPPET_TOKENS)


@dataclass(frozen=True)
class Listing:
    """A computed list: ordered ids plus the per-article counts shown in their own columns;
    for a search, its word-index query (``match``, for snippets), the spellings it widened to
    and the articles in the library (``library``, for "23 of 1,234"), or why it could not be
    searched (``problem``)."""

    ids: array
    notes: Mapping[int, int]
    watch: Mapping[int, int]
    watch_counted: bool = True
    match: str = ""
    expansions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    library: int = 0
    problem: str = ""


EMPTY_LISTING = Listing(array("q"), {}, {})


def compute_listing(
    conn: sqlite3.Connection, filt: LibraryFilter, sort: str, descending: bool
) -> Listing:
    """Everything the list needs to show ``filt`` sorted by ``sort`` (run off the GUI thread).

    Watchlist counts are left out (empty) unless the sort or the filter needs them: they
    scan article texts, so the model fetches them in a second step (``watchlist_counts``).
    """
    try:
        plan = plan_search(conn, filt.search) if filt.search.strip() else None
    except (QueryError, UnknownStory) as exc:
        return Listing(array("q"), {}, {}, problem=str(exc))
    notes = note_counts(conn)
    needs_watch = sort == "watch" or filt.watchlist_only
    watch = watchlist_counts(conn) if needs_watch else {}
    only: set[int] | None = None
    if filt.mentions:
        only = set(articles_mentioning(conn, filt.mentions))
    if filt.watchlist_only:
        hits = {i for i, n in watch.items() if n}
        only = hits if only is None else only & hits
    counts = notes if sort == "notes" else watch if sort == "watch" else None
    ids = ordered_ids(
        conn,
        filt,
        sort,
        descending,
        only=None if only is None else sorted(only),
        counts=counts,
        plan=plan,
    )
    if plan is None:
        return Listing(ids, notes, watch, watch_counted=needs_watch)
    return Listing(
        ids,
        notes,
        watch,
        watch_counted=needs_watch,
        match=plan.match,
        expansions=plan.expansions,
        library=ArticleStore(conn).count(),
    )


def note_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Article id → number of highlights (with or without a note)."""
    return Notebook(conn).count_by_article()


def watchlist_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Article id → watchlist matches (imported here: the matcher pulls in numpy, which the
    window must not wait for at start-up)."""
    from desktop.core.library.watchlist import watchlist_counts as counts

    return counts(conn)


def articles_mentioning(conn: sqlite3.Connection, canonical: str) -> list[int]:
    """Ids of the articles naming ``canonical`` (imported here for the same reason)."""
    from desktop.core.library.entity_index import articles_mentioning as mentioning

    return mentioning(conn, canonical)


def initial_article_id(conn: sqlite3.Connection, remembered: int) -> int:
    """The article to open at start: the one open last time if it still exists, else the
    first sample article (a new library), else the most recently added; 0 for an empty one."""
    for sql, params in (
        (f"SELECT id FROM articles WHERE id = ? AND {LIVE}", (remembered,)),
        (f"SELECT id FROM articles WHERE origin LIKE 'seeds/%' AND {LIVE} ORDER BY id LIMIT 1", ()),
        (f"SELECT id FROM articles WHERE {LIVE} ORDER BY added DESC, id DESC LIMIT 1", ()),
    ):
        row = conn.execute(sql, params).fetchone()
        if row:
            return int(row[0])
    return 0
