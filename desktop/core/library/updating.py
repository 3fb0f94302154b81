"""Updating an article's text: one operation above the store, its kept versions and the notes.

compare → keep the old text as a version → replace the text → re-place the highlights, in one
transaction, so a failure anywhere leaves the article, its versions and its notes as they were.
Imports (a newer text of a stored article) and restores (an earlier version brought back) both
go through ``replace_text``; anchoring itself stays pure (old highlight, new text → placement).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.library.matching import NEWER, find_match
from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.library.versions import get_version, keep_version
from desktop.core.models import Article
from desktop.core.notes.anchoring import ReanchorReport, reanchor_article
from desktop.core.notes.table import utc_now
from desktop.core.storage.db import transaction


class VersionError(ValueError):
    """A restore that cannot be done (no such article or version, or its text is already the
    article's or another article's: a text is stored once); the message says why."""


@dataclass(frozen=True)
class Update:
    """Article ``article_id`` got a new text; the one it had is kept as version ``version``."""

    article_id: int
    version: int
    highlights: ReanchorReport


@dataclass(frozen=True)
class Offer:
    """What became of a text offered as a version of a stored article: ``updated`` (it replaced
    the stored text) or not, with the ``verdict`` of the comparison saying why (``matching``:
    the stored text of ``article_id`` is the fuller one, or dated later)."""

    article_id: int
    update: Update | None
    verdict: str

    @property
    def updated(self) -> bool:
        return self.update is not None


def offer_text(store: ArticleStore, article: Article, aliases: Sequence[str] = ()) -> Offer | None:
    """Update the stored article ``article`` is a newer version of; None when it is no version
    of a stored article (a new article). ``aliases`` are other origins its file may be stored
    under (``origins.legacy_origins``). Call after checking the text is not stored already."""
    with transaction(store.conn):
        match = find_match(store.conn, article, aliases)
        if match is None:
            return None
        if match.verdict != NEWER:
            return Offer(match.article_id, None, match.verdict)
        return Offer(match.article_id, replace_text(store, match.article_id, article), NEWER)


def replace_text(store: ArticleStore, article_id: int, article: Article) -> Update:
    """Give article ``article_id`` the text and metadata of ``article`` (read, starred, added
    stay), atomically: its current text kept as a version, its highlights re-anchored, and its
    entity index dropped (its offsets point into the old text; the background indexer sees the
    changed content hash and indexes it again)."""
    article = with_hash(article)
    with transaction(store.conn):
        found = store.conn.execute(
            "SELECT text, content_hash FROM articles WHERE id = ?", (article_id,)
        )
        row = found.fetchone()
        if row is None:
            raise VersionError(f"no article with id {article_id}")
        old_text, old_digest = row[0], row[1]
        # To the millisecond, as notes are: a note made the same second is placed right.
        number = keep_version(store.conn, article_id, utc_now())
        store.replace_text(article_id, article)
        report = reanchor_article(
            store.conn, article_id, article.text, article.content_hash, old_text, old_digest
        )
        for table in ("entity_mentions", "article_terms"):
            store.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    return Update(article_id, number, report)


def restore_version(store: ArticleStore, article_id: int, number: int) -> Update:
    """Bring back version ``number`` of an article; the text it replaces becomes a version in
    turn, and the highlights are re-anchored as after an import."""
    with transaction(store.conn):
        current = store.get(article_id)
        if current is None:
            raise VersionError(f"no article with id {article_id}")
        version = get_version(store.conn, article_id, number)
        if version is None:
            raise VersionError(f"article {article_id} has no version {number}")
        holder = store.by_hash(version.content_hash)
        if holder is not None and holder.id == article_id:
            raise VersionError(f"article {article_id} already has the text of version {number}")
        if holder is not None:
            raise VersionError(
                f"the text of version {number} of article {article_id} is already"
                f" article {holder.id}"
            )
        return replace_text(store, article_id, version.as_article(current))
