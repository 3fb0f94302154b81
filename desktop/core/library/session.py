"""Opening a user's library: the database, its store, and the sample articles on first start."""

from __future__ import annotations

import sys

from desktop.core.library.store import ArticleStore
from desktop.core.paths import Paths, user_paths
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.errors import LibraryReadOnly


class Library:
    """An open library. Connections are thread-confined: open one Library per thread."""

    def __init__(self, paths: Paths, conn: sqlite3.Connection, store: ArticleStore) -> None:
        self.paths = paths
        self.conn = conn
        self.store = store

    def close(self) -> None:
        # Reader connections exist only once a search has imported ``ranking``: a command
        # that never searched closes without importing it (and its threads).
        ranking = sys.modules.get("desktop.core.library.ranking")
        if ranking is not None:
            ranking.close_readers(self.conn)
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_library(paths: Paths | None = None, *, seed: bool = True) -> Library:
    """Open (creating and upgrading as needed) the library under ``paths``.

    On the very first open the sample articles from ``seeds/`` are added once; a user who
    deletes them later does not get them back.
    """
    paths = paths or user_paths()
    try:
        paths.ensure()
    except OSError as exc:
        raise LibraryReadOnly(
            f"cannot open the library: cannot create {exc.filename or paths.data}:"
            f" {exc.strerror or exc}; set DOSSIER_HOME to a writable folder"
        ) from exc
    conn = connect(paths.database)
    library = Library(paths, conn, ArticleStore(conn))
    if seed:
        from desktop.core.library.seeding import add_seeds_once

        add_seeds_once(library)
    return library
