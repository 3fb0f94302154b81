"""What an export is made of: the chosen highlights grouped by article, each article's
description without its text, and the links back to the passages.

Links (``locators.passage_link``) name the article by the hash of its text and its URL, so
they open the same passage in another library.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby

from desktop.core.library.pages import Pages
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.detached import NO_ARTICLE
from desktop.core.notes.locators import passage_link
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.table import stored_time
from desktop.core.storage.engine import sqlite3


@dataclass(frozen=True)
class ArticleInfo:
    """What an export says about an article, without its text."""

    id: int
    title: str
    source: str
    url: str
    date: str
    content_hash: str
    pages: Pages = ()
    """Where each page of a PDF starts in the article's text, to cite a passage by page."""


def article_link(info: ArticleInfo) -> str:
    """The article, by text hash and URL (the same in every library)."""
    return passage_link(info.content_hash, info.url)


def locator(highlight: Highlight, info: ArticleInfo) -> str:
    """A link back to the passage, as ``dossier dossier://…`` and the window understand it."""
    digest = info.content_hash or highlight.content_hash
    return passage_link(digest, info.url, highlight.start, highlight.end)


def w3c_time(stamp: str) -> str:
    """A stored timestamp in the form the Web Annotation model asks for: UTC with ``Z``."""
    utc = stored_time(stamp)
    return utc.replace("+00:00", "Z") if utc else stamp


def articles_info(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, ArticleInfo]:
    """The articles with these ids (ids no longer in the library are left out)."""
    ids = sorted(set(article_ids))
    found: dict[int, ArticleInfo] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        rows = conn.execute(
            "SELECT id, title, source, url, published, added, content_hash FROM articles"
            f" WHERE id IN ({', '.join('?' * len(part))})",
            part,
        )
        for r in rows:
            date = r["published"] or r["added"]
            found[r["id"]] = ArticleInfo(
                r["id"], r["title"], r["source"], r["url"], date, r["content_hash"]
            )
        paged = conn.execute(
            "SELECT article_id, number, start FROM article_pages"
            f" WHERE article_id IN ({', '.join('?' * len(part))}) ORDER BY article_id, number",
            part,
        )
        for article_id, group in groupby(paged, key=lambda row: row[0]):
            pages = tuple((row[1], row[2]) for row in group)
            found[article_id] = replace(found[article_id], pages=pages)
    return found


def missing_article(highlight: Highlight) -> ArticleInfo:
    """An article deleted since: named by the text its highlights were made on."""
    title = f"(article {highlight.article_id} is no longer in the library)"
    return ArticleInfo(highlight.article_id, title, "", "", "", highlight.content_hash)


@dataclass(frozen=True)
class ExportArticles:
    """The articles of an export's highlights: live ones by id; for a detached highlight
    (its article not in this library), the article it waits for, as it remembers it."""

    by_id: dict[int, ArticleInfo]
    detached: dict[str, ArticleInfo]

    def of(self, highlight: Highlight) -> ArticleInfo:
        h = highlight
        return self.by_id.get(h.article_id) or self.detached.get(h.id) or missing_article(h)


def _detached_info(conn: sqlite3.Connection, highlights: list[Highlight]) -> dict[str, ArticleInfo]:
    waiting = {h.id: h for h in highlights if h.article_id == NO_ARTICLE}
    found: dict[str, ArticleInfo] = {}
    if not waiting:
        return found
    rows = conn.execute("SELECT highlight_id, content_hash, url, title FROM detached_highlights")
    for highlight_id, digest, url, title in rows:
        h = waiting.get(highlight_id)
        if h is not None:
            name = title or "(an article not in the library)"
            found[h.id] = ArticleInfo(NO_ARTICLE, name, "", url, "", digest or h.content_hash)
    return found


def selection(
    conn: sqlite3.Connection,
    article_id: int | None,
    tag: str | None,
    category: str | None,
    story: str | None = None,
    article_tag: str | None = None,
) -> tuple[list[Highlight], ExportArticles, dict[str, HighlightCategory]]:
    notebook = Notebook(conn)
    highlights = list(
        notebook.iter_all(
            article_id=article_id,
            tag=tag,
            category=category,
            story=story,
            article_tag=article_tag,
        )
    )
    by_id = articles_info(conn, (h.article_id for h in highlights))
    articles = ExportArticles(by_id, _detached_info(conn, highlights))
    return highlights, articles, {c.name: c for c in notebook.categories()}


def article_groups(
    highlights: list[Highlight], articles: ExportArticles
) -> Iterator[tuple[ArticleInfo, list[Highlight]]]:
    """The highlights grouped by article, in the order they come (text order per article)."""
    groups: dict[ArticleInfo, list[Highlight]] = {}
    for h in highlights:
        groups.setdefault(articles.of(h), []).append(h)
    yield from groups.items()
