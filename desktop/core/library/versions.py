"""Earlier texts of an article: every text an update or a restore replaced, kept for good.

An import that updates an article, or a restore of an earlier version, first copies the text it
is about to replace here, so nothing a journalist once had in the library is ever lost. The
versions of one article are numbered from 1 in the order they were replaced; they go when the
article is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.models import Article
from desktop.core.storage.engine import sqlite3

_FIELDS = "number, title, byline, source, url, published, text, content_hash, words, replaced"
_LIST_FIELDS = _FIELDS.replace("text,", "'' AS text,")


@dataclass(frozen=True)
class ArticleVersion:
    """A text article ``article_id`` held until ``replaced`` (UTC, ISO 8601)."""

    article_id: int
    number: int
    title: str
    text: str
    content_hash: str
    words: int
    replaced: str
    byline: str = ""
    source: str = ""
    url: str = ""
    published: str = ""

    def as_article(self, current: Article) -> Article:
        """``current`` with this version's text and metadata (read, starred, added stay)."""
        return Article(
            id=current.id,
            title=self.title,
            text=self.text,
            content_hash=self.content_hash,
            words=self.words,
            byline=self.byline,
            source=self.source,
            url=self.url,
            published=self.published,
            added=current.added,
            language=current.language,
            read=current.read,
            starred=current.starred,
            origin=current.origin,
        )


def keep_version(conn: sqlite3.Connection, article_id: int, replaced: str) -> int:
    """Copy article ``article_id``'s current text and metadata as its next version; its number.
    Call inside the transaction that replaces the text, so copy and replacement commit together.
    """
    number = conn.execute(
        "SELECT coalesce(max(number), 0) + 1 FROM article_versions WHERE article_id = ?",
        (article_id,),
    ).fetchone()[0]
    conn.execute(
        f"INSERT INTO article_versions (article_id, {_FIELDS}) SELECT id, ?,"
        " title, byline, source, url, published, text, content_hash, words, ?"
        " FROM articles WHERE id = ?",
        (number, replaced, article_id),
    )
    return int(number)


def list_versions(conn: sqlite3.Connection, article_id: int) -> list[ArticleVersion]:
    """The earlier texts of an article, oldest first, without their text (cheap to list)."""
    rows = conn.execute(
        f"SELECT {_LIST_FIELDS} FROM article_versions WHERE article_id = ? ORDER BY number",
        (article_id,),
    )
    return [_version(article_id, row) for row in rows]


def get_version(conn: sqlite3.Connection, article_id: int, number: int) -> ArticleVersion | None:
    row = conn.execute(
        f"SELECT {_FIELDS} FROM article_versions WHERE article_id = ? AND number = ?",
        (article_id, number),
    ).fetchone()
    return _version(article_id, row) if row else None


def _version(article_id: int, row: sqlite3.Row) -> ArticleVersion:
    return ArticleVersion(
        article_id=article_id,
        number=row[0],
        title=row[1],
        byline=row[2],
        source=row[3],
        url=row[4],
        published=row[5],
        text=row[6],
        content_hash=row[7],
        words=row[8],
        replaced=row[9],
    )
