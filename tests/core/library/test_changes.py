"""What another connection changed: data_version moves on its commits, the change counts say
which kinds of data, and the open article's state says whether it or its notes did."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.changes import (
    article_state,
    change_counts,
    changed_kinds,
    data_version,
)
from desktop.core.library.entity_corrections import rename_entity
from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.library.stories import add_story, add_tag, attach
from desktop.core.library.watchlist import add_watch_item
from desktop.core.models import Article
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.db import connect, connect_reader


def _article(title: str, text: str) -> Article:
    return with_hash(Article(0, title, text, "", 0))


def test_each_kind_of_change_is_counted_once(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    store = ArticleStore(conn)

    def kinds_after(change) -> set[str]:
        before = change_counts(conn)
        change()
        return changed_kinds(before, change_counts(conn))

    added: list[int] = []
    assert kinds_after(lambda: added.append(store.add(_article("A", "Some text.")).id)) == {
        "articles"
    }
    article_id = added[0]
    assert kinds_after(lambda: store.set_read(article_id, True)) == {"reads"}
    assert kinds_after(lambda: store.set_read(article_id, True)) == set()  # read already
    assert kinds_after(lambda: store.set_starred(article_id, True)) == {"articles"}
    assert kinds_after(lambda: Notebook(conn).add(article_id, 0, 4)) == {"notes"}
    category = lambda: Notebook(conn).add_category("Follow up", "#ffeeaa", "#554400")  # noqa: E731
    assert kinds_after(category) == {"categories"}
    assert kinds_after(lambda: add_story(conn, "Port")) == {"labels"}
    assert kinds_after(lambda: attach(conn, "Port", [article_id])) == {"labels"}
    assert kinds_after(lambda: add_tag(conn, "budget", [article_id])) == {"labels"}
    assert kinds_after(lambda: add_watch_item(conn, "Ana Ruiz", "person", [])) == {"entities"}
    assert kinds_after(lambda: rename_entity(conn, "Ana Ruiz", "A. Ruiz")) == {"entities"}
    from desktop.core.library.entity_index import index_pending

    assert kinds_after(lambda: index_pending(conn, 10)) == set()  # the index is not news


def test_data_version_moves_only_for_other_connections(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    writer = connect(path)
    watcher = connect_reader(path)
    before = data_version(watcher)
    ArticleStore(writer).add(_article("A", "Some text."))
    assert data_version(watcher) != before
    own = data_version(writer)
    ArticleStore(writer).add(_article("B", "Other text."))
    assert data_version(writer) == own


def test_article_state_follows_text_details_notes_and_the_trash(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    store = ArticleStore(conn)
    article_id = store.add(_article("A", "Some text here.")).id
    first = article_state(conn, article_id)
    assert first.notes == (0, "")
    highlight = Notebook(conn).add(article_id, 0, 4)
    noted = article_state(conn, article_id)
    assert noted.details == first.details and noted.notes[0] == 1
    Notebook(conn).delete(highlight.id)
    assert article_state(conn, article_id).notes[0] == 0
    store.replace_text(article_id, _article("A", "Some newer text here."))
    assert article_state(conn, article_id).details != first.details
    from desktop.core.library.trash import trash

    trash(conn, [article_id])
    assert article_state(conn, article_id).details is None
