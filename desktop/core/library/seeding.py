"""The sample articles a new library starts with, added exactly once.

A ``meta`` row records that the seeds were added, in the same transaction as the articles, so
a user who deletes the samples never gets them back and two first starts never add them twice.
"""

from __future__ import annotations

from desktop.core.resources import seeds_dir
from desktop.core.storage.db import transaction

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from desktop.core.library.session import Library

SEEDED_KEY = "seeds_added"
SEED_SOURCE = "Dossier sample"


def add_seeds_once(library: Library) -> int:
    """Add the bundled sample articles unless this library already had them; returns how many
    were added now."""
    if _already_seeded(library):
        return 0
    # Imported only now: the parsers (feedparser, trafilatura) cost half a second, which every
    # later start-up of the window would otherwise pay.
    from desktop.core.library.importers import is_supported, read_articles

    files = sorted(p for p in seeds_dir().iterdir() if p.is_file() and is_supported(p))
    articles = [
        article.replace(source=article.source or SEED_SOURCE, origin=f"seeds/{path.name}")
        for path in files
        for article in read_articles(path)
    ]
    with transaction(library.conn):
        if _already_seeded(library):
            return 0
        added = [library.store.add(article) for article in articles]
        library.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)", (SEEDED_KEY, str(len(articles)))
        )
    return sum(not a.duplicate for a in added)


def _already_seeded(library: Library) -> bool:
    row = library.conn.execute("SELECT 1 FROM meta WHERE key = ?", (SEEDED_KEY,)).fetchone()
    return row is not None
