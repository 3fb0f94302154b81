"""Links back to a passage that survive another library: ``dossier://`` by text, not by id.

``dossier://text/<content hash>?url=<article URL>#<start>-<end>`` names the article by the hash
of its text (the same in every library that imported the same text) and by its URL (the same
after the article was updated); the window finds it by hash, then URL. Links of the first
version (``dossier://article/<id>#<start>-<end>``) still open, by id, in the library that wrote
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs, quote, unquote, urlsplit

from desktop.core.notes.detached import ArticleIdentity, local_article
from desktop.core.storage.engine import sqlite3

SCHEME = "dossier"
_SPAN = re.compile(r"(\d+)-(\d+)")
_HASH = re.compile(r"[0-9a-f]{8,128}")


class BadLocator(ValueError):
    """A ``dossier://`` link this version cannot read; the message says what is wrong."""


@dataclass(frozen=True)
class Locator:
    """What a ``dossier://`` link names: an article (by hash, URL or id) and a passage."""

    content_hash: str = ""
    url: str = ""
    article_id: int | None = None
    start: int | None = None
    end: int | None = None


def passage_link(
    content_hash: str, url: str, start: int | None = None, end: int | None = None
) -> str:
    """The link to an article's text (and passage ``[start, end)`` when given).

    Everything after the host is percent-encoded, so the link holds no space, parenthesis or
    bracket and can sit in a Markdown link, a CSV cell or a JSON-LD ``id`` as it is.
    """
    link = _article_part(content_hash, url)
    return link if start is None or end is None else f"{link}#{start}-{end}"


@lru_cache(maxsize=4096)
def _article_part(content_hash: str, url: str) -> str:
    """Cached: an export writes one article's link for each of its highlights."""
    link = f"{SCHEME}://text/{quote(content_hash, safe='')}"
    return link + "?url=" + quote(url, safe="") if url else link


def parse_locator(link: str) -> Locator:
    """The article and passage a ``dossier://`` link names, or ``BadLocator``."""
    parts = urlsplit(link.strip())
    if parts.scheme != SCHEME:
        raise BadLocator(f"{link!r} is not a dossier:// link")
    start = end = None
    if parts.fragment:
        span = _SPAN.fullmatch(parts.fragment)
        if span is None or int(span[1]) > int(span[2]):
            raise BadLocator(f"{link!r}: the passage must be #START-END (characters)")
        start, end = int(span[1]), int(span[2])
    name = unquote(parts.path.lstrip("/"))
    if parts.netloc == "article" and name.isascii() and name.isdecimal():
        return Locator(article_id=int(name), start=start, end=end)
    if parts.netloc == "text":
        url = (parse_qs(parts.query).get("url") or [""])[0]
        if _HASH.fullmatch(name) or (not name and url):
            return Locator(content_hash=name, url=url, start=start, end=end)
    raise BadLocator(f"{link!r}: expected dossier://text/HASH?url=URL#START-END")


def find_article(conn: sqlite3.Connection, locator: Locator) -> int | None:
    """The local article a link names: same text (hash), else same URL, else same id."""
    found = local_article(conn, ArticleIdentity(locator.content_hash, locator.url, ""))
    if found is None and locator.article_id:
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (locator.article_id,))
        found = next((int(r[0]) for r in row), None)
    return found
