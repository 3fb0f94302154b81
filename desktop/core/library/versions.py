"""Newer versions of articles already in the library.

A story is updated after it was imported; importing it again must not make a second article
beside the first, with the journalist's highlights left on the old one. The new text replaces
the old under the same id (read, starred and added stay), and the highlights are re-anchored
to it in the same transaction: moved where their passage still is, orphans where it is gone.

Which stored article a new text is a version of: the one with the same non-empty URL, else the
one from the same origin (file path, or feed path#entry) that has no other URL — provided the
two texts tell the same story (``same_story``). A page whose canonical URL is its site's home
page, or a file name reused for another article, must not overwrite an unrelated article: such
a text is imported as a new article instead, and nothing is replaced.
"""

from __future__ import annotations

import re

from desktop.core.library.store import ArticleStore
from desktop.core.models import Article
from desktop.core.notes.anchoring import ReanchorReport, replace_text_and_reanchor
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

SAME_STORY = 0.6
"""Share of the shorter text's runs of three words the other must contain. Among 400 articles of
the Wikinews evaluation set, unrelated pairs share at most 0.58 (templated interviews), the
median pair 0.004; an edited version keeps most of its runs."""
_CANDIDATES = 5
_WORD = re.compile(r"\w+")


def previous_version(conn: sqlite3.Connection, article: Article) -> int | None:
    """Id of the stored article that ``article`` is a newer version of, or None.

    An article whose text is already stored (same content hash) is a duplicate, not a version:
    callers check that first. The most recently added match that tells the same story wins.
    """
    lookups = []
    if article.url:
        lookups.append(("url = ?", (article.url,)))
    if article.origin:
        lookups.append(("origin = ? AND url IN ('', ?)", (article.origin, article.url)))
    for condition, values in lookups:
        rows = conn.execute(
            f"SELECT id, text FROM articles WHERE {condition} ORDER BY id DESC LIMIT ?",
            (*values, _CANDIDATES),
        )
        for row in rows:
            if same_story(row[1], article.text):
                return int(row[0])
    return None


def same_story(old: str, new: str) -> bool:
    """Whether ``new`` is an edit of ``old`` rather than another article: at least
    ``SAME_STORY`` of the shorter one's runs of three words are in the other."""
    a, b = _triples(old), _triples(new)
    if not a or not b:
        return False
    return len(a & b) >= SAME_STORY * min(len(a), len(b))


def _triples(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if not words:
        return set()
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def store_version(store: ArticleStore, article_id: int, article: Article) -> ReanchorReport:
    """Replace article ``article_id`` with its new version, atomically: text and metadata,
    highlights re-anchored, and its entity index dropped (its offsets point into the old
    text; the background indexer sees the changed content hash and indexes it again)."""
    with transaction(store.conn):
        report = replace_text_and_reanchor(store, article_id, article)
        for table in ("entity_mentions", "article_terms"):
            store.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    return report
