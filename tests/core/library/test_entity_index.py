"""The library's entity index, the user's corrections and the watchlist."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library import entity_index as index
from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.models import Article
from desktop.core.resources import seeds_dir
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3

OTHER = (
    "Chancellor Friedrich Merz met Emmanuel Macron in Berlin on Tuesday to discuss energy prices. "
    "Merz said Germany and France would act together."
)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "library.sqlite3")


def _add(conn: sqlite3.Connection, title: str, text: str) -> Article:
    store = ArticleStore(conn)
    result = store.add(with_hash(Article(id=0, title=title, text=text, content_hash="", words=0)))
    article = store.get(result.id)
    assert article is not None
    return article


@pytest.fixture
def seed(conn: sqlite3.Connection) -> Article:
    text = (seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")
    return _add(conn, "Seed", text)


def test_index_pending_indexes_new_articles_once(conn: sqlite3.Connection, seed: Article) -> None:
    other = _add(conn, "Other", OTHER)
    assert index.index_pending(conn, limit=10) == 2
    assert index.index_pending(conn, limit=10) == 0
    assert index.articles_mentioning(conn, "Donald Trump") == [seed.id]
    assert index.articles_mentioning(conn, "Emmanuel Macron") == [seed.id, other.id]
    counts = index.mention_counts(conn, seed.id)
    assert counts["Volodymyr Zelenskyy"] == 2
    assert counts["North Atlantic Treaty Organization"] >= 5


def test_article_entities_indexes_on_demand_and_reads_back_the_same(
    conn: sqlite3.Connection, seed: Article
) -> None:
    first = index.article_entities(conn, seed)
    again = index.article_entities(conn, seed)
    assert first == again
    entities, terms = first
    assert any(e.canonical == "Steve Witkoff" and e.role for e in entities)
    assert terms and all(seed.text[s:e] for t in terms for s, e in t.spans)


def test_rename_and_merge_apply_to_every_article(conn: sqlite3.Connection, seed: Article) -> None:
    other = _add(conn, "Other", OTHER)
    index.index_pending(conn)
    index.rename_entity(conn, "Emmanuel Macron", "President Macron")
    names = {e.canonical for e in index.article_entities(conn, other)[0]}
    assert "President Macron" in names and "Emmanuel Macron" not in names
    assert index.articles_mentioning(conn, "President Macron") == [seed.id, other.id]
    index.merge_entities(conn, "Friedrich Merz", "President Macron")
    assert index.mention_counts(conn, other.id)["President Macron"] == 3
    with pytest.raises(index.CorrectionError):
        index.merge_entities(conn, "President Macron", "Friedrich Merz")


def test_category_and_not_entity(conn: sqlite3.Connection, seed: Article) -> None:
    index.set_entity_category(conn, "Fox News", "person")
    index.mark_not_entity(conn, "Alaska")
    entities, _ = index.article_entities(conn, seed)
    assert {e.category for e in entities if e.text == "Fox News"} == {"person"}
    assert not [e for e in entities if e.text == "Alaska"]
    assert index.articles_mentioning(conn, "Alaska") == []
    assert index.remove_correction(conn, "Alaska")
    assert [e for e in index.article_entities(conn, seed)[0] if e.text == "Alaska"]
    with pytest.raises(index.CorrectionError):
        index.set_entity_category(conn, "Alaska", "planet")


def test_watchlist_matches_are_flagged_and_counted(conn: sqlite3.Connection, seed: Article) -> None:
    other = _add(conn, "Other", OTHER)
    item = index.add_watch_item(conn, "energy prices", "term", aliases=["energy costs"])
    index.add_watch_item(conn, "Kyiv", "place", aliases=["Kiev"])
    assert [i.name for i in index.list_watch_items(conn)] == ["energy prices", "Kyiv"]
    entities, _ = index.article_entities(conn, seed)
    kiev = [e for e in entities if e.text == "Kiev"]
    assert kiev and all(e.watchlist and e.canonical == "Kyiv" for e in kiev)
    assert index.watchlist_counts(conn) == {seed.id: len(kiev), other.id: 1}
    assert index.articles_mentioning(conn, "energy prices") == [other.id]
    with pytest.raises(index.WatchlistError):
        index.add_watch_item(conn, "Energy Prices", "term")
    assert index.remove_watch_item(conn, item.id)
    assert index.watchlist_counts(conn) == {seed.id: len(kiev)}


def test_changed_text_is_indexed_again(conn: sqlite3.Connection, seed: Article) -> None:
    index.index_pending(conn)
    conn.execute(
        "UPDATE articles SET text = ?, content_hash = 'changed' WHERE id = ?", (OTHER, seed.id)
    )
    assert index.index_pending(conn) == 1
    assert index.articles_mentioning(conn, "Donald Trump") == []


def test_entities_stored_before_the_unsupported_person_rules_are_recomputed(
    conn: sqlite3.Connection, seed: Article
) -> None:
    # Version 5 stored products and companies as people ("Alibaba", "Echo Dot").
    index.index_pending(conn)
    conn.execute("UPDATE entity_index_state SET version = 5 WHERE article_id = ?", (seed.id,))
    assert not index.is_indexed(conn, seed)
    assert index.index_pending(conn) == 1
    assert index.is_indexed(conn, seed)


LINES = (
    "Chancellor Friedrich Merz met Emmanuel Macron in Berlin on Tuesday to discuss energy prices.",
    "Keir Starmer told reporters in London that NATO would meet again after the summer.",
    "Giorgia Meloni flew home to Rome after the meeting in Brussels.",
)


def test_window_entities_match_the_whole_pass_inside_the_window(conn: sqlite3.Connection) -> None:
    article = _add(conn, "Three lines", "\n\n".join(LINES))
    index.rename_entity(conn, "Keir Starmer", "Prime Minister Starmer")
    index.add_watch_item(conn, "London", "place")
    start = article.text.index("reporters")
    assert not index.is_indexed(conn, article)
    window = index.window_entities(conn, article, start, start + 3)
    assert not index.is_indexed(conn, article)  # nothing stored by the window pass
    first, stop = article.text.index(LINES[1]), article.text.index(LINES[1]) + len(LINES[1])
    assert window and all(first <= e.start < e.end <= stop for e in window)
    assert all(article.text[e.start : e.end] == e.text for e in window)
    whole, _ = index.article_entities(conn, article)
    assert index.is_indexed(conn, article)
    assert window == [e for e in whole if first <= e.start < stop]
    names = {e.canonical: e for e in window}
    assert "Prime Minister Starmer" in names and "Keir Starmer" not in names
    assert names["London"].watchlist
    assert "Friedrich Merz" in {e.canonical for e in whole} - set(names)


def test_roles_are_those_of_the_article_date(conn: sqlite3.Connection) -> None:
    text = "Keir Starmer met Emmanuel Macron in Paris on Tuesday."
    store = ArticleStore(conn)
    dated = Article(id=0, title="2019", text=text, content_hash="", words=0, published="2019-06-01")
    article = store.get(store.add(with_hash(dated)).id)
    assert article is not None
    fresh, _ = index.article_entities(conn, article)
    stored, _ = index.article_entities(conn, article)  # read back from the index
    for entities in (fresh, stored):
        starmer = next(e for e in entities if e.canonical == "Keir Starmer")
        assert starmer.role_as_of == "2019-06-01"
        assert "Prime Minister" not in starmer.role
        macron = next(e for e in entities if e.canonical == "Emmanuel Macron")
        assert macron.category == "leader"
    shown = index.window_entities(conn, article, 0, len(text))
    assert next(e for e in shown if e.canonical == "Keir Starmer").role_as_of == "2019-06-01"


def test_article_in_another_language_has_no_entities_or_terms(conn: sqlite3.Connection) -> None:
    from tests.core.text.test_language import PARAGRAPHS

    for code in ("de", "fr", "es", "ru", "zh"):
        article = _add(conn, code, PARAGRAPHS[code])
        article = article.replace(language=code)
        assert index.article_entities(conn, article) == ([], [])
        assert index.window_entities(conn, article, 0, 50) == []


def test_old_library_rows_get_their_language_detected(conn: sqlite3.Connection) -> None:
    from tests.core.text.test_language import PARAGRAPHS

    german = _add(conn, "de", PARAGRAPHS["de"])
    english = _add(conn, "en", OTHER)
    conn.execute(
        "UPDATE articles SET language = ''"
    )  # as the article-language migration leaves them
    store = ArticleStore(conn)
    assert index.article_entities(conn, store.get(german.id)) == ([], [])  # detected on view
    assert store.get(german.id).language == "de"
    assert store.get(english.id).language == ""
    index.index_pending(conn)
    assert store.get(english.id).language == "en"
    assert index.article_entities(conn, store.get(english.id))[0]


def test_indexer_keeps_going_while_languages_are_pending(conn: sqlite3.Connection) -> None:
    from tests.core.text.test_language import PARAGRAPHS

    for code in ("de", "fr"):
        _add(conn, code, PARAGRAPHS[code])
    while index.index_pending(conn):
        pass
    conn.execute("UPDATE articles SET language = ''")  # indexed, but languages not yet known
    assert [index.index_pending(conn, limit=1) for _ in range(3)] == [1, 1, 0]
    assert [r[0] for r in conn.execute("SELECT language FROM articles ORDER BY id")] == [
        "de",
        "fr",
    ]
