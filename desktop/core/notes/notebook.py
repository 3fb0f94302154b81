"""Every highlight in the library: create, edit, find. The one API the window and CLI share.

Each mutating call is one transaction that has committed (WAL, ``synchronous=FULL``) when it
returns, and returns the resulting ``Highlight`` so callers (and ``history.NoteHistory``) can
redraw and undo without another query. Deleting is soft: a note is only ever hidden.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.anchoring import TextChanges, reanchor, selectors
from desktop.core.notes.errors import (
    BadOffsets,
    OccurrenceOutOfRange,
    QuoteNotFound,
    UnknownArticle,
    UnknownCategory,
    UnknownHighlight,
)
from desktop.core.notes.table import (
    COLUMNS,
    NOT_TRASHED,
    QUALIFIED_COLUMNS,
    category_from_row,
    highlight_from_row,
    insert_category,
    normalize_tags,
    read_highlight,
    slug,
    utc_now,
    write_highlight,
)
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import membership

DEFAULT_CATEGORY = "key-fact"
RANK_LIMIT = 2_000
ALIGNMENTS_KEPT = 8
DateLike = date | datetime | str


def _bound(value: DateLike, *, end_of_day: bool) -> str:
    """A date filter as an ISO string comparable with stored UTC timestamps."""
    if isinstance(value, datetime):
        return (value.astimezone(timezone.utc) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        day = value + timedelta(days=1) if end_of_day else value
        return day.isoformat()
    if end_of_day and len(value) == 10:
        return (date.fromisoformat(value) + timedelta(days=1)).isoformat()
    return value


class Notebook:
    """Highlights of one library database. Thread-confined, like its connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # Alignments of kept versions with current texts, by (version hash, text hash): a
        # restore re-anchors many notes of one article against the same pair.
        self._alignments: dict[tuple[str, str], TextChanges | None] = {}

    # -- creating --------------------------------------------------------------------------

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        category: str = DEFAULT_CATEGORY,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight ``text[start:end]`` of an article."""
        with transaction(self.conn):
            anchor = self._anchor(article_id, start, end)
            now = utc_now()
            highlight = Highlight(
                id=str(uuid.uuid4()),
                article_id=article_id,
                **anchor,
                category=self._category_name(category),
                note=note,
                tags=normalize_tags(tags),
                created=now,
                modified=now,
                original_quote=anchor["quote"],
            )
            write_highlight(self.conn, highlight)
        return highlight

    def add_quote(
        self,
        article_id: int,
        quote: str,
        occurrence: int = 1,
        *,
        category: str = DEFAULT_CATEGORY,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight the ``occurrence``-th (1-based) place where ``quote`` appears as whole
        words: "the" is never found inside "another"."""
        text, _ = self._article_text(article_id)
        if not quote:
            raise QuoteNotFound(f"empty quote for article {article_id}")
        inside_words = 0
        positions = []
        found = text.find(quote)
        while found >= 0:
            if _cuts_a_word(text, found, found + len(quote)):
                inside_words += 1
            else:
                positions.append(found)
            found = text.find(quote, found + 1)
        if not positions:
            where = f" (only inside longer words, {inside_words} time(s))" if inside_words else ""
            raise QuoteNotFound(f"quote not found in article {article_id}{where}: {quote!r}")
        if not 1 <= occurrence <= len(positions):
            raise OccurrenceOutOfRange(
                f"occurrence {occurrence} is out of range: the quote occurs {len(positions)}"
                f" time(s) in article {article_id}"
            )
        start = positions[occurrence - 1]
        return self.add(
            article_id, start, start + len(quote), category=category, note=note, tags=tags
        )

    # -- reading ---------------------------------------------------------------------------

    def get(self, highlight_id: str) -> Highlight:
        highlight = read_highlight(self.conn, highlight_id)
        if highlight is None:
            raise UnknownHighlight(f"no highlight with id {highlight_id}")
        return highlight

    def for_article(self, article_id: int) -> list[Highlight]:
        """An article's highlights in text order; orphans (flagged) come last."""
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM highlights WHERE article_id = ? AND deleted = 0"
            ' ORDER BY orphan, start, "end", created',
            (article_id,),
        )
        return [highlight_from_row(r) for r in rows]

    def orphans(self, article_id: int | None = None) -> list[Highlight]:
        """Highlights that could not be placed in their article's current text."""
        where = "" if article_id is None else " AND article_id = ?"
        params = () if article_id is None else (article_id,)
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM highlights WHERE orphan = 1 AND deleted = 0{where}"
            f" AND {NOT_TRASHED}"
            " ORDER BY article_id, start",
            params,
        )
        return [highlight_from_row(r) for r in rows]

    def search(
        self,
        query: str = "",
        *,
        category: str | None = None,
        tag: str | None = None,
        article_id: int | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        limit: int = 200,
    ) -> list[Highlight]:
        """The notebook: the library's search language (``notebook_query``) over quotes,
        notes and tags, filters combined; ``QueryError`` for a query that means nothing.

        Without a query, the most recently added come first. With one, the best matches come
        first (BM25, quotes weighted double) — unless more than ``RANK_LIMIT`` highlights
        match, when ranking them all would cost more than a keystroke may; then the most
        recently added matches come first. ``until`` as a date includes that day.
        """
        # The library's query language, loaded by a search only: placing notes never needs it.
        from desktop.core.notes.notebook_query import plan_notes

        plan = plan_notes(self.conn, query)
        if query.strip() and plan is None:
            return []
        match = plan.fts if plan is not None else ""
        where = ["h.deleted = 0", f"h.{NOT_TRASHED}"]
        params: list[object] = []
        if match:
            source = "highlights_fts JOIN highlights h ON h.seq = highlights_fts.rowid"
            where.append("highlights_fts MATCH ?")
            params.append(match)
            order = "highlights_fts.rowid DESC"
            if self._matches_at_most(match, RANK_LIMIT):
                order = "bm25(highlights_fts, 2.0, 1.0, 1.0), h.seq DESC"
        elif tag is not None:
            # Walk the tag's own index newest first: as fast for a rare tag as a common one.
            source = "highlight_tags t JOIN highlights h ON h.seq = t.seq"
            order = "t.seq DESC"
        else:
            source = "highlights h"
            order = "h.seq DESC"
        if plan is not None:
            where += plan.where
            params += plan.params
        if tag is not None:
            if match:
                where.append(
                    "EXISTS (SELECT 1 FROM highlight_tags t WHERE t.tag = ? AND t.seq = h.seq)"
                )
            else:
                where.append("t.tag = ?")
            params.append(tag.strip().lstrip("#"))
        if category is not None:
            where.append("h.category = ?")
            params.append(self._category_name(category))
        if article_id is not None:
            where.append("h.article_id = ?")
            params.append(article_id)
        if since is not None:
            where.append("h.created >= ?")
            params.append(_bound(since, end_of_day=False))
        if until is not None:
            where.append("h.created < ?")
            params.append(_bound(until, end_of_day=True))
        sql = (
            f"SELECT {QUALIFIED_COLUMNS} FROM {source} WHERE {' AND '.join(where)}"
            f" ORDER BY {order} LIMIT ?"
        )
        rows = self.conn.execute(sql, (*params, limit))
        return [highlight_from_row(r) for r in rows]

    def _matches_at_most(self, match: str, most: int) -> bool:
        found = self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM highlights_fts WHERE highlights_fts MATCH ?"
            " LIMIT ?)",
            (match, most + 1),
        ).fetchone()[0]
        return int(found) <= most

    def iter_all(
        self,
        *,
        article_id: int | None = None,
        tag: str | None = None,
        category: str | None = None,
        include_deleted: bool = False,
        story: str | None = None,
        article_tag: str | None = None,
    ) -> Iterator[Highlight]:
        """Every matching highlight, by article then text order (for export); those of
        articles in the trash are left out. ``story`` and ``article_tag`` keep the notes on
        articles in that story or with that tag."""
        where, params = membership(self.conn, story, article_tag, column="article_id")
        where.append(NOT_TRASHED)
        if not include_deleted:
            where.append("deleted = 0")
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if category is not None:
            where.append("category = ?")
            params.append(self._category_name(category))
        if tag is not None:
            where.append("seq IN (SELECT seq FROM highlight_tags WHERE tag = ?)")
            params.append(tag.strip().lstrip("#"))
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM highlights WHERE {' AND '.join(where)}"
            ' ORDER BY article_id, orphan, start, "end", created',
            params,
        )
        for row in rows:
            yield highlight_from_row(row)

    def count_by_article(self) -> dict[int, int]:
        """How many (visible) highlights each article has, for badges in the library list."""
        rows = self.conn.execute(
            "SELECT article_id, count(*) FROM highlights WHERE deleted = 0"
            f" AND {NOT_TRASHED} GROUP BY article_id"
        )
        return {int(a): int(n) for a, n in rows}

    def tags(self) -> list[str]:
        """Every tag in use, for completion and the notebook's tag filter."""
        rows = self.conn.execute(
            "SELECT DISTINCT t.tag FROM highlight_tags t JOIN highlights h ON h.seq = t.seq"
            f" WHERE h.deleted = 0 AND h.{NOT_TRASHED} ORDER BY t.tag COLLATE NOCASE"
        )
        return [r[0] for r in rows]

    def article_titles(self, article_ids: Iterable[int]) -> dict[int, str]:
        """Titles for a page of search results, without loading article texts."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", ids)
        return {int(i): t for i, t in rows}

    # -- changing --------------------------------------------------------------------------

    def update(
        self,
        highlight_id: str,
        *,
        note: str | None = None,
        category: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change a highlight's note, category or tags; ``None`` leaves a field as it is."""
        with transaction(self.conn):
            old = self.get(highlight_id)
            new = replace(
                old,
                note=old.note if note is None else note,
                category=old.category if category is None else self._category_name(category),
                tags=old.tags if tags is None else normalize_tags(tags),
            )
            if new == old:
                return old
            new = replace(new, modified=utc_now())
            write_highlight(self.conn, new)
        return new

    def delete(self, highlight_id: str) -> Highlight:
        """Hide a highlight (soft delete); ``undelete`` brings it back."""
        return self._set_deleted(highlight_id, True)

    def undelete(self, highlight_id: str) -> Highlight:
        return self._set_deleted(highlight_id, False)

    def reattach(self, highlight_id: str, start: int, end: int) -> Highlight:
        """Anchor a highlight (an orphan, or a moved one placed wrongly) to a new selection of
        its article; the user chose the place, so it is exact. Its original quote stays."""
        with transaction(self.conn):
            old = self.get(highlight_id)
            new = replace(
                old,
                **self._anchor(old.article_id, start, end),
                orphan=False,
                moved=False,
                modified=utc_now(),
            )
            write_highlight(self.conn, new)
        return new

    def accept(self, highlight_id: str) -> Highlight:
        """Confirm where a *moved* highlight was placed: it becomes an exact highlight."""
        with transaction(self.conn):
            old = self.get(highlight_id)
            if not old.moved or old.orphan:
                return old
            new = replace(old, moved=False, modified=utc_now())
            write_highlight(self.conn, new)
        return new

    def put(self, highlight: Highlight) -> Highlight:
        """Write a highlight exactly as given (undo/redo, import, restore) — its moved flag
        and original quote too; if its article's text changed since it was anchored, it is
        re-anchored first (followed through the kept version it was made on, when there is
        one), or kept as an orphan (as it is when its article is not in the library)."""
        h = replace(highlight, original_quote=highlight.first_quote)
        with transaction(self.conn):
            # SQLite's substr counts characters, like Python: check in place, no text copy.
            row = self.conn.execute(
                "SELECT content_hash = ? AND substr(text, ?, ?) = ? FROM articles WHERE id = ?",
                (h.content_hash, h.start + 1, h.end - h.start, h.quote, h.article_id),
            ).fetchone()
            if row is None:
                h = replace(h, orphan=True)
            elif h.orphan or not row[0]:
                text, digest = self._article_text(h.article_id)
                h = reanchor(h, text, digest, self._changes_since(h, text, digest))
            write_highlight(self.conn, h)
        return h

    def _changes_since(self, highlight: Highlight, text: str, digest: str) -> TextChanges | None:
        """The alignment of the kept version a highlight was anchored in (if the library still
        has it) with the article's text, so a restored note follows its passage exactly."""
        key = (highlight.content_hash, digest)
        if key not in self._alignments:
            row = self.conn.execute(
                "SELECT text FROM article_versions WHERE article_id = ? AND content_hash = ?"
                " ORDER BY number DESC LIMIT 1",
                (highlight.article_id, highlight.content_hash),
            ).fetchone()
            if len(self._alignments) >= ALIGNMENTS_KEPT:
                self._alignments.clear()
            changes = None if row is None else TextChanges(row[0], text, highlight.content_hash)
            self._alignments[key] = changes
        return self._alignments[key]

    def _set_deleted(self, highlight_id: str, deleted: bool) -> Highlight:
        with transaction(self.conn):
            old = self.get(highlight_id)
            if old.deleted == deleted:
                return old
            new = replace(old, deleted=deleted, modified=utc_now())
            write_highlight(self.conn, new)
        return new

    # -- categories ------------------------------------------------------------------------

    def categories(self) -> list[HighlightCategory]:
        rows = self.conn.execute(
            "SELECT * FROM highlight_categories ORDER BY position, label COLLATE NOCASE"
        )
        return [category_from_row(r) for r in rows]

    def category(self, name_or_label: str) -> HighlightCategory:
        """A category by style name, or by label in any case (what a user types)."""
        wanted = name_or_label.strip()
        for candidate in self.categories():
            if wanted == candidate.name:
                return candidate
        for candidate in self.categories():
            if wanted.casefold() == candidate.label.casefold() or slug(wanted) == candidate.name:
                return candidate
        known = ", ".join(c.name for c in self.categories())
        raise UnknownCategory(f"unknown category {name_or_label!r}; known: {known}")

    def add_category(
        self, label: str, light: str, dark: str, *, name: str | None = None
    ) -> HighlightCategory:
        """A new category; its style name is derived from the label unless given."""
        style = name or slug(label)
        if not style or not label.strip():
            raise UnknownCategory("a category needs a non-empty label")
        with transaction(self.conn):
            if self.conn.execute(
                "SELECT 1 FROM highlight_categories WHERE name = ?", (style,)
            ).fetchone():
                raise UnknownCategory(f"a category named {style!r} already exists")
            insert_category(self.conn, style, label.strip(), light, dark)
        return self.category(style)

    def rename_category(self, name: str, label: str) -> HighlightCategory:
        """Change what a category is called; highlights keep referring to its style name."""
        if not label.strip():
            raise UnknownCategory("a category needs a non-empty label")
        return self._update_category(name, "label = ?", (label.strip(),))

    def recolour_category(self, name: str, light: str, dark: str) -> HighlightCategory:
        return self._update_category(name, "light = ?, dark = ?", (light, dark))

    def _update_category(
        self, name: str, assignments: str, values: tuple[str, ...]
    ) -> HighlightCategory:
        with transaction(self.conn):
            style = self._category_name(name)
            self.conn.execute(
                f"UPDATE highlight_categories SET {assignments} WHERE name = ?", (*values, style)
            )
        return self.category(style)

    def _category_name(self, name_or_label: str) -> str:
        row = self.conn.execute(
            "SELECT name FROM highlight_categories WHERE name = ?", (name_or_label,)
        ).fetchone()
        return row[0] if row else self.category(name_or_label).name

    def _anchor(self, article_id: int, start: int, end: int) -> dict[str, Any]:
        """The ``Highlight`` fields that place a selection (offsets, quote, prefix, suffix and
        text hash), or ``BadOffsets``: creating and re-attaching anchor alike."""
        text, digest = self._article_text(article_id)
        if not 0 <= start < end <= len(text):
            raise BadOffsets(
                f"bad offsets {start}-{end} for article {article_id}: need"
                f" 0 <= start < end <= {len(text)} (its length)"
            )
        quote, prefix, suffix = selectors(text, start, end)
        return {
            "start": start,
            "end": end,
            "quote": quote,
            "prefix": prefix,
            "suffix": suffix,
            "content_hash": digest,
        }

    def _article_text(self, article_id: int) -> tuple[str, str]:
        row = self.conn.execute(
            "SELECT text, content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise UnknownArticle(f"unknown article {article_id}")
        return row["text"], row["content_hash"]


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends in the middle of a word."""
    before = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    after = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return before or after
