"""Which local article an imported annotation belongs to: by the hash of its text, its URL,
its canonical URL, a ``dossier://`` link, and last by the quote itself."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from desktop.core.notes.annotation_shapes import Incoming, NotPlaceable
from desktop.core.notes.detached import ArticleIdentity, local_article
from desktop.core.notes.locators import BadLocator, find_article, parse_locator
from desktop.core.storage.engine import sqlite3

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid")


class NoArticle(NotPlaceable):
    """No article in the library is the annotation's (or several might be)."""


def canonical_url(url: str) -> str:
    """``url`` with what differs between links to one page removed: scheme (http/https),
    ``www.``, case of the host, fragment, tracking parameters, parameter order, final ``/``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    return urlunsplit(("https", host, parts.path.rstrip("/"), urlencode(query), ""))


class ArticleFinder:
    """Finds articles for one import, remembering answers: thousands of annotations usually
    share a few articles."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._by_key: dict[tuple[object, ...], int | None] = {}
        self._canonical: dict[str, int] | None = None

    def find(self, incoming: Incoming) -> int:
        """The article's id, or ``NoArticle`` saying what was tried."""
        key = (incoming.content_hash, incoming.anchored_hash, incoming.source_ids)
        if key not in self._by_key:
            self._by_key[key] = self._by_source(incoming)
        found = self._by_key[key]
        if found is None:
            found = self._by_quote(incoming)
        return found

    def _by_source(self, incoming: Incoming) -> int | None:
        by_hash = ArticleIdentity(incoming.content_hash, "", "")
        found = local_article(self.conn, by_hash, incoming.anchored_hash)
        for source in incoming.source_ids:
            if found is not None:
                return found
            if source.startswith("dossier:"):
                try:
                    found = find_article(self.conn, parse_locator(source))
                except BadLocator:
                    continue
            else:
                found = local_article(self.conn, ArticleIdentity("", source, ""))
        for source in incoming.source_ids:
            if found is not None:
                return found
            found = self._canonical_urls().get(canonical_url(source))
        return found

    def _by_quote(self, incoming: Incoming) -> int:
        """The one article whose text holds the quote (with its context, if several do)."""
        rows = self.conn.execute(
            "SELECT id, instr(text, ?) > 0 FROM articles WHERE instr(text, ?) > 0 LIMIT 50",
            (incoming.prefix + incoming.quote + incoming.suffix, incoming.quote),
        ).fetchall()
        with_context = [r[0] for r in rows if r[1]]
        candidates = with_context if len(with_context) == 1 else [r[0] for r in rows]
        if len(candidates) == 1:
            return int(candidates[0])
        named = incoming.title or (incoming.source_ids[0] if incoming.source_ids else "?")
        if candidates:
            raise NoArticle(
                f"its quote occurs in {len(candidates)} articles and its source {named!r} is"
                " none of them (by text hash, URL or canonical URL)"
            )
        raise NoArticle(
            f"no article in the library matches {named!r} (by text hash, URL, canonical URL"
            " or its quote)"
        )

    def _canonical_urls(self) -> dict[str, int]:
        if self._canonical is None:
            self._canonical = {}
            rows = self.conn.execute("SELECT id, url FROM articles WHERE url != '' ORDER BY id")
            for article_id, url in rows:
                self._canonical.setdefault(canonical_url(url), int(article_id))
        return self._canonical
