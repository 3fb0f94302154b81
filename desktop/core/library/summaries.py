"""Summaries of stored articles, computed once and then looked up in the library database.

The key is the article's content hash, the method, the length asked for, the language and the
summariser's ``ALGORITHM_VERSION``: the same text summarised the same way is one row, whichever
article holds it, and a new algorithm version simply misses and recomputes.
"""

from __future__ import annotations

import json
import logging

from desktop.core.library.store import now_iso
from desktop.core.models import Article, Summary, SummarySentence
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryUnwritable, failing_as
from desktop.core.text.summarize import ALGORITHM_VERSION, check_length, summarize

log = logging.getLogger(__name__)


def article_summary(
    conn: sqlite3.Connection,
    article: Article,
    method: str = "news",
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> Summary:
    """The summary of ``article``, from the cache when it has been computed before.

    A summary that cannot be cached (library locked, disk full, read-only) is still returned:
    the cache only saves time; the failure is logged as a warning.
    """
    check_length(sentences=sentences, ratio=ratio, words=words)
    key = (
        article.content_hash,
        method,
        length_key(sentences=sentences, ratio=ratio, words=words),
        article.language,
        ALGORITHM_VERSION,
    )
    row = conn.execute(
        "SELECT sentences FROM summaries WHERE content_hash = ? AND method = ? AND length = ?"
        " AND language = ? AND algorithm = ?",
        key,
    ).fetchone()
    if row is not None:
        return _decode(method, article.text, row[0])
    summary = summarize(
        article.text,
        method,
        sentences=sentences,
        ratio=ratio,
        words=words,
        language=article.language,
        title=article.title,
    )
    try:
        _cache(conn, key, summary)
    except LibraryUnwritable as exc:
        log.warning("%s", exc)
    return summary


def _cache(conn: sqlite3.Connection, key: tuple[str, ...], summary: Summary) -> None:
    with failing_as("cache the summary"), transaction(conn):
        conn.execute(
            "DELETE FROM summaries WHERE content_hash = ? AND method = ? AND length = ?"
            " AND language = ? AND algorithm <> ?",
            key,
        )
        conn.execute(
            "INSERT OR REPLACE INTO summaries (content_hash, method, length, language, algorithm,"
            " sentences, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (*key, _encode(summary), now_iso()),
        )


def length_key(
    *, sentences: int | None = None, ratio: float | None = None, words: int | None = None
) -> str:
    """A stable text for the requested length ("sentences=3" when none is given)."""
    if ratio is not None:
        return f"ratio={float(ratio)!r}"
    if words is not None:
        return f"words={words}"
    return f"sentences={sentences or 3}"


def _encode(summary: Summary) -> str:
    return json.dumps([[s.start, s.end, s.rank, s.score] for s in summary.sentences])


def _decode(method: str, text: str, stored: str) -> Summary:
    return Summary(
        method,
        tuple(
            SummarySentence(start, end, text[start:end], rank, score)
            for start, end, rank, score in json.loads(stored)
        ),
    )
