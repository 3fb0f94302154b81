"""Highlights whose article is not in the library, and how they find it again.

A backup restored into a library without some article (a fresh one after a damaged file was
set aside, say) cannot keep that article's old id: a later import may give the same id to a
different article, and the notes would silently point at it. Such a highlight gets article id
0, stays an orphan with its quote and note, and keeps its article's identity (text hash, URL,
title) in ``detached_highlights``. Importing an article with that text, or that URL, re-attaches
it there, re-anchored in the new text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.models import Highlight
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

NO_ARTICLE = 0


@dataclass(frozen=True)
class ArticleIdentity:
    """What identifies an article across libraries: its text's hash, its URL, its title."""

    content_hash: str
    url: str
    title: str


def local_article(
    conn: sqlite3.Connection, identity: ArticleIdentity, text_hash: str = ""
) -> int | None:
    """The live article that ``identity`` is: same text (the article's hash, or the hash of
    the text the highlight was anchored in), then same URL; None if there is none."""
    for digest in dict.fromkeys(d for d in (identity.content_hash, text_hash) if d):
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        if row is not None:
            return int(row[0])
    if identity.url:
        row = conn.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1", (identity.url,)
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def detach(notebook: Notebook, highlight: Highlight, identity: ArticleIdentity) -> Highlight:
    """Store ``highlight`` as an orphan of no article, remembering which article it is for."""
    with transaction(notebook.conn):
        stored = notebook.put(replace(highlight, article_id=NO_ARTICLE, orphan=True))
        notebook.conn.execute(
            "INSERT OR REPLACE INTO detached_highlights (highlight_id, content_hash, url, title)"
            " VALUES (?, ?, ?, ?)",
            (highlight.id, identity.content_hash, identity.url, identity.title),
        )
    return stored


def any_detached(conn: sqlite3.Connection) -> bool:
    """Whether any highlight waits for its article (most libraries: none, and an import of
    thousands of files need not look for each one's)."""
    return conn.execute("SELECT 1 FROM detached_highlights LIMIT 1").fetchone() is not None


def reattach_to(conn: sqlite3.Connection, article_id: int) -> list[Highlight]:
    """Re-attach every detached highlight whose article is ``article_id`` (same text hash or
    URL), re-anchored in its text; call it when an article is imported."""
    row = conn.execute(
        "SELECT content_hash, url FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return []
    digest, url = row[0], row[1]
    notebook = Notebook(conn)
    attached = []
    with transaction(conn):
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT highlight_id FROM detached_highlights WHERE content_hash = ?"
                " UNION SELECT highlight_id FROM detached_highlights WHERE url = ? AND url <> ''",
                (digest, url),
            )
        ]
        for highlight_id in ids:
            highlight = notebook.get(highlight_id)
            attached.append(notebook.put(replace(highlight, article_id=article_id)))
            conn.execute("DELETE FROM detached_highlights WHERE highlight_id = ?", (highlight_id,))
    return attached
