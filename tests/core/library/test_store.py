from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.search_query import QueryError
from desktop.core.library.store import ArticleStore, content_hash, count_words, with_hash
from desktop.core.models import Article
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(connect(tmp_path / "library.sqlite3"))


def article(title: str, text: str, **fields: object) -> Article:
    return with_hash(Article(id=0, title=title, text=text, content_hash="", words=0, **fields))


def test_add_and_get_round_trip(store: ArticleStore) -> None:
    new = article("Port strike", "Dock workers walked out.", byline="Ann", source="Gazette")
    result = store.add(new)
    assert not result.duplicate
    stored = store.get(result.id)
    assert stored is not None
    assert (stored.title, stored.text, stored.byline, stored.source) == (
        "Port strike",
        "Dock workers walked out.",
        "Ann",
        "Gazette",
    )
    assert stored.words == 4
    assert stored.added
    assert store.by_hash(new.content_hash) == stored
    assert store.get(result.id + 100) is None


def test_same_content_is_a_duplicate_and_stored_once(store: ArticleStore) -> None:
    first = store.add(article("One", "Same words here.\n"))
    again = store.add(article("Another title", "Same words here.\r\n"))
    assert again.duplicate and again.id == first.id
    assert store.count() == 1
    assert store.get(first.id).title == "One"


def test_content_hash_ignores_line_endings_and_unicode_form() -> None:
    assert content_hash("Cafe\u0301\r\nbar") == content_hash("Café\nbar\n")
    assert content_hash("one text") != content_hash("another text")


def test_count_words_keeps_contractions_and_hyphens_together() -> None:
    assert count_words("Don't over-think U.S. policy, 3.5 times.") == 6


def test_add_many_failing_midway_stores_nothing(store: ArticleStore) -> None:
    store.add(article("Existing", "Already here."))
    broken = article("Broken", "No title allowed.").replace(title=None)
    batch = [article("A", "First new."), article("B", "Second new."), broken]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_many(batch)
    assert store.count() == 1
    assert store.search("new") == []


def test_search_ranks_title_matches_first_and_marks_snippets(store: ArticleStore) -> None:
    body_only = store.add(article("City news", "The harbour was quiet. " * 5 + "Flooding later."))
    in_title = store.add(article("Flooding closes roads", "Roads closed after rain."))
    hits = store.search("flooding")
    assert [h.article.id for h in hits] == [in_title.id, body_only.id]
    assert hits[0].score > hits[1].score
    assert "[Flooding]" in hits[1].snippet
    assert hits[0].article.text == ""


def test_search_stems_and_ignores_diacritics(store: ArticleStore) -> None:
    stored = store.add(article("Vote", "Elections were held at the café on Sunday."))
    assert [h.article.id for h in store.search("election")] == [stored.id]
    assert [h.article.id for h in store.search("cafe")] == [stored.id]
    assert store.search("elect*")
    assert store.search('"held at the"')
    assert store.search('"the held"') == []


def test_search_requires_every_word(store: ArticleStore) -> None:
    store.add(article("A", "Budget talks in parliament."))
    both = store.add(article("B", "Budget cuts for hospitals."))
    assert [h.article.id for h in store.search("budget hospitals")] == [both.id]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("*", False),
        ("NEAR(a b)", False),
        ("title:x", False),
        ("-", False),
        ("^a", True),
        ("'; DROP TABLE", False),
        ("x:y", False),
    ],
)
def test_search_never_fails_on_fts_syntax(store: ArticleStore, query: str, found: bool) -> None:
    store.add(article("A", "Some text with a title and x."))
    assert bool(store.search(query)) is found


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "(", ")", "a OR", "NOT"])
def test_a_query_that_means_nothing_is_a_one_line_error(store: ArticleStore, query: str) -> None:
    with pytest.raises(QueryError) as raised:
        store.search(query)
    assert "\n" not in str(raised.value) and "fts5" not in str(raised.value).lower()


def test_fts_query_quotes_tokens() -> None:
    assert fts_query('tax "prime minister" elect*') == '"tax" AND "prime minister" AND "elect"*'
    assert fts_query("  ") == ""


def test_search_follows_text_changes_and_deletes(store: ArticleStore) -> None:
    stored = store.add(article("Report", "Original wording about tariffs."))
    store.replace_text(stored.id, article("Report", "Revised wording about subsidies."))
    assert store.search("tariffs") == []
    assert [h.article.id for h in store.search("subsidies")] == [stored.id]
    assert store.get(stored.id).words == 4
    assert store.delete(stored.id)
    assert not store.delete(stored.id)
    assert store.search("subsidies") == []
    assert store.count() == 0


def test_list_sorts_filters_and_pages(store: ArticleStore) -> None:
    ids = [
        store.add(article(t, f"Text {t}.", published=p)).id
        for t, p in (("beta", "2020-01-02"), ("Alpha", "2021-05-01"), ("gamma", "2019-12-31"))
    ]
    store.set_read(ids[0])
    store.set_starred(ids[2])
    assert [a.title for a in store.list(sort="title", descending=False)] == [
        "Alpha",
        "beta",
        "gamma",
    ]
    assert [a.title for a in store.list(sort="published")] == ["Alpha", "beta", "gamma"]
    assert [a.id for a in store.list(unread_only=True, sort="id", descending=False)] == ids[1:]
    assert [a.id for a in store.list(starred_only=True)] == [ids[2]]
    assert [a.title for a in store.list(sort="title", descending=False, limit=1, offset=1)] == [
        "beta"
    ]
    assert all(a.text == "" for a in store.list())
    assert store.get(ids[0]).read and not store.get(ids[0]).starred
    store.set_read(ids[0], False)
    assert not store.get(ids[0]).read
    with pytest.raises(ValueError, match="cannot sort"):
        store.list(sort="text")


def test_iter_all_streams_every_article_with_text(store: ArticleStore) -> None:
    store.add_many(article(f"T{i}", f"Body number {i}.") for i in range(7))
    streamed = list(store.iter_all(batch=3))
    assert [a.title for a in streamed] == [f"T{i}" for i in range(7)]
    assert all(a.text.startswith("Body number") for a in streamed)


def test_search_pages_through_the_ranking(store: ArticleStore) -> None:
    for i in range(6):
        store.add(article(f"Story {i}", "budget " * (i + 1) + "and other words " * 10))
    everything = [h.article.id for h in store.search("budget", limit=1000)]
    assert len(everything) == 6
    assert [h.article.id for h in store.search("budget", limit=2, offset=2)] == everything[2:4]
    assert store.search("budget", limit=5, offset=6) == []


def _statements(store: ArticleStore) -> list[str]:
    """Every SQL statement ``store``'s connection runs from now on."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    return seen


def test_repeated_search_on_an_unchanged_library_is_not_ranked_again(store: ArticleStore) -> None:
    store.add(article("Budget vote", "The budget passed."))
    first = store.search("budget")
    seen = _statements(store)
    again = store.search("budget")
    assert again == first
    assert not any("articles_fts" in sql for sql in seen)
    store.search("budget", limit=5)
    assert any("bm25" in sql for sql in seen)


def test_search_cache_follows_adds_updates_flags_and_deletes(store: ArticleStore) -> None:
    first = store.add(article("Budget vote", "The budget passed."))
    assert [h.article.id for h in store.search("budget")] == [first.id]
    second = store.add(article("Debate", "A long debate on the budget."))
    assert [h.article.id for h in store.search("budget")] == [first.id, second.id]
    store.set_read(second.id)
    assert [h.article.read for h in store.search("budget")] == [False, True]
    store.replace_text(first.id, article("Vote", "The spending plan passed."))
    assert [h.article.id for h in store.search("budget")] == [second.id]
    store.delete(second.id)
    assert store.search("budget") == []


def test_search_cache_sees_writes_from_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    reader, writer = ArticleStore(connect(path)), ArticleStore(connect(path))
    assert reader.search("harbour") == []
    added = writer.add(article("Harbour", "The harbour reopened."))
    assert [h.article.id for h in reader.search("harbour")] == [added.id]
    writer.delete(added.id)
    assert reader.search("harbour") == []


def test_search_cache_keeps_only_recent_queries(store: ArticleStore) -> None:
    from desktop.core.library.store import SEARCH_CACHE_SIZE

    store.add(article("Words", " ".join(f"w{i}" for i in range(SEARCH_CACHE_SIZE + 1))))
    for i in range(SEARCH_CACHE_SIZE + 1):
        assert len(store.search(f"w{i}")) == 1
    seen = _statements(store)
    store.search(f"w{SEARCH_CACHE_SIZE}")
    assert not any("bm25" in sql for sql in seen)
    store.search("w0")
    assert any("bm25" in sql for sql in seen)


def test_search_cache_bounds_the_hits_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.core.library.store.SEARCH_CACHE_HITS", 3)
    store = ArticleStore(connect(tmp_path / "library.sqlite3"))
    store.add_many(article(f"Budget {i}", f"Budget line {i}.") for i in range(3))
    store.add(article("Tax", "A tax rise."))
    assert len(store.search("budget")) == 3
    assert len(store.search("tax")) == 1
    seen = _statements(store)
    store.search("tax")
    assert not any("bm25" in sql for sql in seen)
    store.search("budget")
    assert any("bm25" in sql for sql in seen)


def test_listed_gives_live_articles_by_id_without_text(store: ArticleStore) -> None:
    from desktop.core.library.trash import trash

    ids = [store.add(article(f"Title {n}", f"Text number {n}.")).id for n in range(3)]
    trash(store.conn, [ids[1]])
    found = store.listed([ids[2], ids[1], ids[0], 999])
    assert sorted(found) == [ids[0], ids[2]]
    assert found[ids[2]].title == "Title 2" and found[ids[2]].text == ""


@pytest.mark.parametrize("descending", [True, False])
def test_every_page_by_date_is_the_page_of_one_sort_with_undated_last(
    store: ArticleStore, descending: bool
) -> None:
    import random

    from desktop.core.library.store import LIVE, order_by

    rng = random.Random(1)
    dates = ["", "", "2020-01-03", "2020-01-09", "2021-05-05", "2019-12-31"]
    store.add_many(
        with_hash(
            Article(0, f"T{i}", f"Report {i} on the budget.", "", 0, published=rng.choice(dates))
        )
        for i in range(120)
    )
    whole = [
        row["id"]
        for row in store.conn.execute(
            f"SELECT id FROM articles WHERE {LIVE} ORDER BY {order_by('published', descending)}"
        )
    ]
    for limit in (None, 1, 7, 50, 200):
        for offset in (0, 3, 40, 70, 119, 130):
            page = store.list(sort="published", descending=descending, limit=limit, offset=offset)
            end = None if limit is None else offset + limit
            assert [a.id for a in page] == whole[offset:end], (limit, offset)
