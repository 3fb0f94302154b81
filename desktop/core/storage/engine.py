"""Which SQLite the library runs on: a current one where its wheel exists, else Python's own.

Search speed is FTS5's BM25 speed, about 1 µs per match. SQLite 3.53 (statically linked in the
``pysqlite3`` wheel) ranks about 30 % faster than the 3.40 that Debian's Python links, so the
wheel is a dependency on the platforms it is built for. Everywhere else the standard library's
``sqlite3`` does the same work, only slower. Every module takes ``sqlite3`` from here, so
connections, rows and exceptions always come from one engine.
"""

from __future__ import annotations

try:
    from pysqlite3 import dbapi2 as sqlite3
except ImportError:  # no wheel for this platform: the standard library's SQLite
    import sqlite3

__all__ = ["sqlite3"]
