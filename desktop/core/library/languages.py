"""Languages of articles stored before detection existed: the migration that added it left
them empty.

The background indexer calls ``detect_pending_languages`` before indexing; an article opened
before it got there is detected by ``article_language``. Detection reads only the opening words,
so a whole library of old articles takes about a millisecond each.
"""

from __future__ import annotations

import logging

from desktop.core.models import Article
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryUnwritable, failing_as
from desktop.core.text.language import detect_language

log = logging.getLogger(__name__)


def detect_pending_languages(conn: sqlite3.Connection, limit: int = 500) -> int:
    """Detect and store the language of up to ``limit`` articles that have none; returns how
    many were done."""
    rows = conn.execute(
        "SELECT id, text FROM articles WHERE language = '' ORDER BY id LIMIT ?", (limit,)
    ).fetchall()
    if rows:
        with failing_as("store the articles' languages"), transaction(conn):
            conn.executemany(
                "UPDATE articles SET language = ? WHERE id = ?",
                [(detect_language(text), article_id) for article_id, text in rows],
            )
    return len(rows)


def article_language(conn: sqlite3.Connection, article: Article) -> Article:
    """``article`` with its language, detected and stored now if the library had none (a
    library that cannot be written to gets it another time)."""
    if article.language:
        return article
    language = detect_language(article.text)
    if article.id:
        try:
            with failing_as("store the article's language"), transaction(conn):
                conn.execute(
                    "UPDATE articles SET language = ? WHERE id = ? AND language = ''",
                    (language, article.id),
                )
        except LibraryUnwritable as exc:
            log.warning("%s", exc)
    return article.replace(language=language)
