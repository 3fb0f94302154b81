"""The library's index of entities and key terms: who is mentioned where, and how often.

Articles are indexed after import (``index_pending`` from a background worker) or on first
view (``article_entities``). The index holds what the recogniser found; the user's corrections
and watchlist are applied when it is read. This module is the one the window and the CLI use;
corrections and watchlist functions are re-exported here.

A long article opened before the indexer reached it is first coloured from
``window_entities`` — only the lines around what is on screen, a fraction of the tagger's work —
while the whole pass runs. Key terms wait for the whole pass: choosing them needs every name in
the article (a term never overlaps one) and costs about half the tagger's time on 10,000 words.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from desktop.core.library.cjk_check import check_unchecked
from desktop.core.library.entity_corrections import (
    CorrectionError,
    list_corrections,
    load_corrections,
    mark_not_entity,
    merge_entities,
    remove_correction,
    rename_entity,
    set_entity_category,
)
from desktop.core.library.languages import article_language, detect_pending_languages
from desktop.core.library.store import LIVE, ArticleStore, now_iso
from desktop.core.library.watchlist import (
    WatchItem,
    WatchlistError,
    add_watch_item,
    articles_watching,
    list_watch_items,
    remove_watch_item,
    watch_matches,
    watchlist_counts,
    with_watchlist,
)
from desktop.core.models import Article, Entity, Term
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryUnwritable, failing_as
from desktop.core.text.analysis import analyze, paragraph_window
from desktop.core.text.entities import find_entities, role_day
from desktop.core.text.keyterms import document_words
from desktop.core.text.language import is_modelled

__all__ = [
    "INDEX_VERSION",
    "CorrectionError",
    "LibraryFrequencies",
    "WatchItem",
    "WatchlistError",
    "add_watch_item",
    "article_entities",
    "articles_mentioning",
    "index_article",
    "index_pending",
    "is_indexed",
    "list_corrections",
    "list_watch_items",
    "mark_not_entity",
    "mention_counts",
    "merge_entities",
    "remove_correction",
    "remove_watch_item",
    "rename_entity",
    "set_entity_category",
    "watchlist_counts",
    "window_entities",
]

# Bump when the recogniser changes enough that stored results should be recomputed. 2: roles as
# of the article's date; 3: names among key terms, English only; 4: offices dated by year only;
# 5: a country's institution named by a short form only where the article names the country;
# a country named by its nations (Wales) and its head of government; 6: names taken for people
# that nothing supports are left out; a rare surname alone is no office holder outside politics;
# 7: a group or path named by a letter, an office after an organisation's "of", a name after a
# courtesy title, a person taken for an organisation and an advocacy group's name; 8: the labels
# an importer writes ("Slide 3", "Speaker notes", "Footnotes") are never key terms; 9: a letter's
# salutation ("Dear Ms Lopez") and a day's short form ("Mon") are no part of a name; Europe's
# companies' legal forms ("SL", "SRL", "Oy") end an organisation's name; a reference code's
# letters ("cv" of "2:15-cv-02641") and a press release's conventions ("FOR IMMEDIATE RELEASE")
# are no key terms; 10: a court filing's parties' roles ("Plaintiff", "Defendant Leon") and
# citation marks ("Dkt", "F.3d", "WL") are no names, its instruments ("Temporary Restraining
# Order", "Commerce Clause") no institutions.
INDEX_VERSION = 10
log = logging.getLogger(__name__)
_IN_CHUNK = 500


class LibraryFrequencies:
    """Document frequencies of words over the indexed articles (the key-term background)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @property
    def documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM entity_index_state").fetchone()[0])

    def frequencies(self, words: Iterable[str]) -> dict[str, int]:
        words = list(words)
        found: dict[str, int] = {}
        for i in range(0, len(words), _IN_CHUNK):
            chunk = words[i : i + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT word, documents FROM term_document_frequency WHERE word IN ({marks})",
                chunk,
            )
            found.update((r[0], int(r[1])) for r in rows)
        return found


def index_article(conn: sqlite3.Connection, article: Article) -> tuple[list[Entity], list[Term]]:
    """Recognise and store the entities and key terms of ``article``; returns them raw."""
    entities, terms = _analyse(conn, article)
    _store_index(conn, article, entities, terms)
    return entities, terms


def _analyse(conn: sqlite3.Connection, article: Article) -> tuple[list[Entity], list[Term]]:
    background = LibraryFrequencies(conn)
    return analyze(
        article.text,
        language=article_language(conn, article).language,
        background=background,
        as_of=article_day(article),
    )


def _store_index(
    conn: sqlite3.Connection, article: Article, entities: list[Entity], terms: list[Term]
) -> None:
    with failing_as("store the entities in the library"), transaction(conn):
        state = conn.execute(
            "SELECT content_hash FROM entity_index_state WHERE article_id = ?", (article.id,)
        ).fetchone()
        conn.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article.id,))
        conn.execute("DELETE FROM article_terms WHERE article_id = ?", (article.id,))
        conn.executemany(
            "INSERT OR IGNORE INTO entity_mentions (article_id, start_offset, end_offset, "
            "category, canonical, role) VALUES (?, ?, ?, ?, ?, ?)",
            [(article.id, e.start, e.end, e.category, e.canonical, e.role) for e in entities],
        )
        conn.executemany(
            "INSERT INTO article_terms (article_id, rank, text, score, spans) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (article.id, rank, t.text, t.score, json.dumps([list(s) for s in t.spans]))
                for rank, t in enumerate(terms)
            ],
        )
        if state is None:
            conn.executemany(
                "INSERT INTO term_document_frequency (word, documents) VALUES (?, 1) "
                "ON CONFLICT (word) DO UPDATE SET documents = documents + 1",
                [(w,) for w in sorted(document_words(article.text))],
            )
        conn.execute(
            "INSERT OR REPLACE INTO entity_index_state (article_id, content_hash, version, "
            "indexed_at) VALUES (?, ?, ?, ?)",
            (article.id, article.content_hash, INDEX_VERSION, now_iso()),
        )


def article_day(article: Article) -> str:
    """The date roles are resolved for: when the article was published, else when it was
    added to the library (text beginning YYYY-MM-DD; empty means today)."""
    return article.published or article.added


def index_pending(conn: sqlite3.Connection, limit: int = 50) -> int:
    """Index up to ``limit`` articles that are new, changed or indexed by an older version.

    Returns how many were indexed, plus how many articles whose language was never detected
    (a library from before detection) got it first, and how many stored before the trigram
    index were checked for it (``cjk_check``, cheap: 25 for each article indexed): a
    background worker calls it until it returns 0.
    """
    detected = detect_pending_languages(conn, limit) + check_unchecked(conn, limit * 25)
    rows = conn.execute(
        "SELECT a.id FROM articles AS a LEFT JOIN entity_index_state AS s ON s.article_id = a.id "
        f"WHERE a.{LIVE} AND (s.article_id IS NULL OR s.version != ?"
        " OR s.content_hash != a.content_hash) "
        "ORDER BY a.id LIMIT ?",
        (INDEX_VERSION, limit),
    ).fetchall()
    store = ArticleStore(conn)
    done = 0
    for row in rows:
        article = store.get(int(row[0]))
        if article is not None:
            index_article(conn, article)
            done += 1
    return done + detected


def is_indexed(conn: sqlite3.Connection, article: Article) -> bool:
    """Whether the index holds ``article`` as it is now (one primary-key lookup)."""
    state = conn.execute(
        "SELECT content_hash, version FROM entity_index_state WHERE article_id = ?",
        (article.id,),
    ).fetchone()
    return state is not None and state[0] == article.content_hash and state[1] == INDEX_VERSION


def _stored(conn: sqlite3.Connection, article: Article) -> tuple[list[Entity], list[Term]] | None:
    if not is_indexed(conn, article):
        return None
    day = role_day(article_day(article))
    entities = [
        Entity(r[0], r[1], article.text[r[0] : r[1]], r[2], r[3], r[4], role_as_of=day)
        for r in conn.execute(
            "SELECT start_offset, end_offset, category, canonical, role FROM entity_mentions "
            "WHERE article_id = ? ORDER BY start_offset",
            (article.id,),
        )
    ]
    terms = [
        Term(r[0], r[1], tuple(tuple(s) for s in json.loads(r[2])))
        for r in conn.execute(
            "SELECT text, score, spans FROM article_terms WHERE article_id = ? ORDER BY rank",
            (article.id,),
        )
    ]
    return entities, terms


def article_entities(conn: sqlite3.Connection, article: Article) -> tuple[list[Entity], list[Term]]:
    """What the window colours in ``article``: indexed entities (indexing now if needed) with
    the user's corrections applied and watchlist matches added, and the key terms."""
    stored = _stored(conn, article) if article.id else None
    if stored is None and not article.id:
        stored = analyze(article.text, language=article.language, as_of=article_day(article))
    elif stored is None:
        stored = _analyse(conn, article)
        try:
            _store_index(conn, article, *stored)
        except LibraryUnwritable as exc:  # shown all the same; indexed another time
            log.warning("%s", exc)
    entities, terms = stored
    return _as_shown(conn, article.text, entities), terms


def window_entities(
    conn: sqlite3.Connection, article: Article, start: int, end: int
) -> list[Entity]:
    """The entities of the lines of ``article`` around ``[start, end)`` as the window shows
    them (corrections applied, watch matches added), with offsets into the whole text.

    Nothing is stored: the whole pass (``article_entities``) follows and replaces them.
    """
    if not is_modelled(article_language(conn, article).language):
        return []
    first, stop = paragraph_window(article.text, start, end)
    part = article.text[first:stop]
    return [
        replace(e, start=e.start + first, end=e.end + first)
        for e in _as_shown(conn, part, find_entities(part, as_of=article_day(article)))
    ]


def _as_shown(conn: sqlite3.Connection, text: str, entities: list[Entity]) -> list[Entity]:
    """Recognised entities of ``text`` with the user's corrections and watch matches."""
    corrected = load_corrections(conn).apply(entities)
    watched = watch_matches(list_watch_items(conn), text)
    return with_watchlist(corrected, watched)


def articles_mentioning(conn: sqlite3.Connection, canonical: str) -> list[int]:
    """Ids of the indexed articles that mention ``canonical`` (after corrections), and of
    those where a watch item of that name occurs."""
    names = sorted(load_corrections(conn).sources(canonical))
    ids: set[int] = set(articles_watching(conn, canonical))
    if names:
        marks = ",".join("?" * len(names))
        ids.update(
            int(r[0])
            for r in conn.execute(
                f"SELECT DISTINCT article_id FROM entity_mentions WHERE canonical IN ({marks})",
                names,
            )
        )
    return sorted(ids)


def mention_counts(conn: sqlite3.Connection, article_id: int) -> dict[str, int]:
    """Canonical name → mentions in one article (after corrections, with watch matches)."""
    article = ArticleStore(conn).get(article_id)
    if article is None:
        return {}
    entities, _ = article_entities(conn, article)
    return dict(Counter(e.canonical for e in entities))
