"""Which stored article a new text is a version of, and whether it is the fuller text.

A story is updated after it was imported; importing it again must not make a second article
beside the first. But a feed item linking to an article already in the library (a one-sentence
summary), or a truncated re-save of the same page, is the same story too, and must never
replace the full text. So a new text is compared with the stored one both ways:

- ``OTHER``: another story. Less than ``SAME_STORY`` of the shorter text's runs of three words
  are in the other: a page whose canonical URL is its site's home page, or a file name reused
  for another article, is imported as a new article and replaces nothing.
- ``NEWER``: a newer version that does not tell less. It keeps at least ``KEEP`` of the old
  text's runs and is at most ``SHRINK`` shorter (in words).
- ``LESSER``: the same story told less fully (a summary, a cut, an edit that mostly removes):
  the library keeps the fuller text it has, and the import reports a duplicate.
- ``OLDER``: of two versions that each tell as much as the other (each would pass for the
  other's update), the one dated earlier than the stored text (an old copy imported again):
  the library keeps the later one. A fuller text replaces a lesser one whatever the dates (the
  full article after a feed digest that links to it, dated days later).

Which stored article: the one with the same non-empty URL, else the one from the same origin
(the file's resolved absolute path, or with #entry; see ``origins``) that has no other URL;
the most recently added match that tells the same story wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.library.store import count_words
from desktop.core.models import Article
from desktop.core.storage.engine import sqlite3

SAME_STORY = 0.6
"""Share of the shorter text's runs of three words the other must contain. Among 400 articles of
the Wikinews evaluation set, unrelated pairs share at most 0.58 (templated interviews), the
median pair 0.004; an edited version keeps most of its runs."""
KEEP = 0.6
SHRINK = 0.04
"""Measured on 644 news articles of the evaluation sets and variants of each (``make eval
ONLY=versions``): no lead sentence, lead paragraph, lead-3, feed item (title and two
sentences), cut to 50-95 % of the words, or cut with a footer added replaces its article;
every edit of 10-50 % of the sentences, added paragraph, reformatting, one-word correction and
stored summary's full text does, and 642 of 644 five-word cuts; another article is never taken
for a version. A paragraph taken out is judged lesser (94 %): the fuller text stays."""

OTHER, NEWER, LESSER, OLDER = "other", "newer", "lesser", "older"
_CANDIDATES = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    """The stored article ``article_id`` tells the same story; ``verdict`` is ``NEWER``
    (the new text should replace it), ``LESSER`` (the stored text is the fuller one) or
    ``OLDER`` (the stored text is dated later)."""

    article_id: int
    verdict: str


def find_match(
    conn: sqlite3.Connection, article: Article, aliases: Sequence[str] = ()
) -> Match | None:
    """The stored article ``article`` is a version of, or None (a new article). ``aliases``
    are other origins the same file may be stored under (``origins.legacy_origins``).

    An article whose text is already stored (same content hash) is a duplicate, not a version:
    callers check that first.
    """
    new: _Profile | None = None  # computed at the first candidate: most imports have none
    lookups: list[tuple[str, tuple[str, ...]]] = []
    if article.url:
        lookups.append(("url = ?", (article.url,)))
    if article.origin:
        origins = list(dict.fromkeys((article.origin, *aliases)))
        marks = ",".join("?" * len(origins))
        # "+url": look up by origin; the url index would scan every article without a URL.
        lookups.append((f"origin IN ({marks}) AND +url IN ('', ?)", (*origins, article.url)))
    for condition, values in lookups:
        rows = conn.execute(
            f"SELECT id, text, published FROM articles WHERE {condition} ORDER BY id DESC LIMIT ?",
            (*values, _CANDIDATES),
        )
        for row in rows:
            new = new or _Profile.of(article.text)
            old = _Profile.of(row[1])
            verdict = _verdict(old, new)
            # Dates are ISO (YYYY-MM-DD): as strings, they sort by time.
            if verdict == NEWER and "" < article.published < row[2] and _verdict(new, old) == NEWER:
                verdict = OLDER
            if verdict != OTHER:
                return Match(int(row[0]), verdict)
    return None


def compare(old: str, new: str) -> str:
    """``NEWER``, ``LESSER`` or ``OTHER``: what ``new`` is to the stored text ``old``.

    Symmetric in what it measures (the shared runs of three words against each text) and with
    a length rule, so a text that tells less of the story can never pass for its update however
    much of it the old text contains. An edit that only removes (a paragraph taken out) cannot
    be told from a cut re-save, so it is judged lesser too: the text the library holds stays.
    """
    return _verdict(_Profile.of(old), _Profile.of(new))


@dataclass(frozen=True)
class _Profile:
    """What the comparison needs of a text, computed once per text."""

    triples: frozenset[tuple[str, ...]]
    words: int

    @classmethod
    def of(cls, text: str) -> _Profile:
        words = _WORD.findall(text.casefold())
        runs = {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))} if words else ()
        return cls(frozenset(runs), count_words(text))


def _verdict(old: _Profile, new: _Profile) -> str:
    a, b = old.triples, new.triples
    if not a or not b:
        return OTHER
    shared = len(a & b)
    if shared < SAME_STORY * min(len(a), len(b)):
        return OTHER
    if shared >= KEEP * len(a) and new.words >= (1 - SHRINK) * old.words:
        return NEWER
    return LESSER
