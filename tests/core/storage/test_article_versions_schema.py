"""The ``article_versions`` migration from every earlier schema: the table arrives empty,
existing articles stay, and an article's versions are deleted with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.store import ArticleStore
from desktop.core.library.versions import get_version, keep_version, list_versions
from desktop.core.storage.db import connect, migrate, migrations

VERSIONS = next(m.version for m in migrations() if m.name.endswith("_article_versions.sql"))
INSERT = (
    "INSERT INTO articles (title, added, text, content_hash, words)"
    " VALUES ('Old', '2020-01-01', 'Stored before the upgrade', 'h1', 4)"
)


@pytest.mark.parametrize("start", range(VERSIONS))
def test_upgrade_adds_article_versions_that_follow_their_article(
    tmp_path: Path, start: int
) -> None:
    conn = connect(tmp_path / "library.sqlite3", migrate_schema=False)
    migrate(conn, target=start)
    if start >= 1:
        conn.execute(INSERT)
    migrate(conn)
    if start == 0:
        conn.execute(INSERT)
    store = ArticleStore(conn)
    assert conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
    article = store.by_hash("h1")
    assert article is not None and article.text == "Stored before the upgrade"

    assert keep_version(conn, article.id, "2026-12-04T10:00:00+00:00") == 1
    assert keep_version(conn, article.id, "2026-12-04T11:00:00+00:00") == 2
    assert [v.number for v in list_versions(conn, article.id)] == [1, 2]
    assert get_version(conn, article.id, 2).text == "Stored before the upgrade"

    store.delete(article.id)
    assert conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
