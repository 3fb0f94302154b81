"""The search language against a fixed small corpus: each query and the ids it must find."""

from __future__ import annotations

import pytest

from desktop.core.library.search_query import QueryError
from desktop.core.library.store import ArticleStore
from desktop.core.library.stories import add_story, add_tag, attach
from desktop.core.library.trash import trash
from desktop.core.library.watchlist import add_watch_item
from desktop.core.models import Article
from desktop.core.storage.db import connect
from desktop.core.storage.engine import sqlite3

# name: (title, text, source, published)
CORPUS = {
    "rally": ("Trump rally in Ohio", "Donald Trump spoke to supporters.", "Reuters", "2024-01-05"),
    "speech": ("Biden speech", "Joe Biden spoke about the economy.", "AP", "2024-02-10"),
    "debate": ("Debate night", "Trump and Biden debated taxes.", "Reuters", "2024-03-01"),
    "visit": ("Kyiv visit", "President Zelenskyy met the delegation.", "BBC News", "2023-12-01"),
    "interview": ("Interview", "Zelensky said the talks would go on or not.", "BBC News", ""),
    "mail": ("E-mail leak", "The e-mail was leaked by trumpet players.", "AP", "2024-02-29"),
    "budget": (
        "Budget vote",
        "Parliament passed the budget. Nothing more.",
        "Courier",
        "2024-03-31",
    ),
    "taipei": ("台灣新聞", "台灣立法院今天通過預算。", "中央社", "2024-01-20"),
    "tokyo": ("東京の会議", "首相は国会で演説した。", "NHK", "2024-02-01"),
    "seoul": ("국회 소식", "국회에서 예산안이 통과되었다.", "연합뉴스", "2024-02-02"),
    "trashed": ("Trump old", "Trump and Biden in the trash.", "Reuters", "2024-01-01"),
}

CASES = [
    ("trump", {"rally", "debate"}),
    ("Trump biden", {"debate"}),
    ("trump OR biden", {"rally", "speech", "debate"}),
    ("-trump biden", {"speech"}),
    ("biden -trump", {"speech"}),
    ("NOT trump biden", {"speech"}),
    ("biden NOT trump", {"speech"}),
    ("-(trump OR biden) spoke", set()),
    ("(trump OR biden) -debated", {"rally", "speech"}),
    ("trump OR biden -debated", {"rally", "speech"}),
    ("trump OR biden spoke", {"rally", "speech"}),
    ("spoke trump OR biden", {"rally", "speech"}),
    (
        "-trump OR debated",
        {"speech", "visit", "interview", "mail", "budget", "taipei", "tokyo", "seoul", "debate"},
    ),
    ('"joe biden"', {"speech"}),
    ('"biden joe"', set()),
    ("trump*", {"rally", "debate", "mail"}),
    ("title:biden", {"speech"}),
    ('title:"trump rally"', {"rally"}),
    ("title:trump OR title:debate", {"rally", "debate"}),
    ("source:reuters", {"rally", "debate"}),
    ('source:"bbc news" trump', set()),
    ("source:bbc", {"visit", "interview"}),
    ("-source:reuters trump*", {"mail"}),
    ("after:2024-02-10", {"speech", "debate", "mail", "budget"}),
    ("after:2024-03", {"debate", "budget"}),
    ("before:2024-01", {"rally", "visit", "taipei"}),
    ("before:2023", {"visit"}),
    ("after:2024-02 before:2024-02 spoke", {"speech"}),
    ("after:2024 trump", {"rally", "debate"}),
    ("or", {"interview"}),
    ("not", {"interview"}),
    ("NOT NOT trump", {"rally", "debate"}),
    ("e-mail", {"mail"}),
    ("Zelensky", {"visit", "interview"}),
    ("zelenskyy", {"visit", "interview"}),
    ("立法院", {"taipei"}),
    ("法院", {"taipei"}),
    ("立法院今天", {"taipei"}),
    ("院立", set()),
    ("title:台灣", {"taipei"}),
    ("title:立法院", set()),
    ("国会", {"tokyo"}),
    ("首相は国会", {"tokyo"}),
    ("국회", {"seoul"}),
    ("예산안이", {"seoul"}),
    ("立法院 OR 国会", {"taipei", "tokyo"}),
    ("立法院 budget", set()),
    ("-立法院 預算", set()),
    ("預算 -trump", {"taipei"}),
    ("story:Campaign", {"rally", "speech"}),
    ("story:Campaign trump", {"rally"}),
    ("tag:economy", {"speech", "budget"}),
    ("tag:economy OR source:reuters", {"speech", "budget", "rally", "debate"}),
    ("-tag:economy after:2024-02", {"debate", "mail", "tokyo", "seoul"}),
    ("&&& trump", {"rally", "debate"}),
]


@pytest.fixture(scope="module")
def corpus() -> tuple[ArticleStore, dict[str, int]]:
    conn = connect(":memory:")
    store = ArticleStore(conn)
    ids = {}
    for name, (title, text, source, published) in CORPUS.items():
        ids[name] = store.add(Article(0, title, text, "", 0, source=source, published=published)).id
    trash(conn, [ids["trashed"]])
    add_story(conn, "Campaign")
    attach(conn, "Campaign", [ids["rally"], ids["speech"]])
    add_tag(conn, "economy", [ids["speech"], ids["budget"]])
    return store, ids


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_exactly_its_reference_ids(
    corpus: tuple[ArticleStore, dict[str, int]], query: str, expected: set[str]
) -> None:
    store, ids = corpus
    found = store.find(query, limit=50)
    names = {name for name, i in ids.items() if i in {h.article.id for h in found.hits}}
    assert names == expected
    assert found.total == len(expected)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"trump', "unbalanced quote"),
        ("OR trump", "OR needs"),
        ("trump OR", "OR needs"),
        ("trump OR OR biden", "OR needs"),
        ("trump NOT", "NOT needs"),
        ("(trump", "never closed"),
        ("trump)", "has no"),
        ("after:yesterday", "after: needs a date"),
        ("source:", "source: needs a value"),
    ],
)
def test_malformed_query_is_one_clear_line(
    corpus: tuple[ArticleStore, dict[str, int]], query: str, message: str
) -> None:
    with pytest.raises(QueryError, match=message) as raised:
        corpus[0].find(query)
    assert "\n" not in str(raised.value)


def test_pages_count_every_match(corpus: tuple[ArticleStore, dict[str, int]]) -> None:
    store = corpus[0]
    first = store.find("trump OR biden OR zelensky", limit=2)
    rest = store.find("trump OR biden OR zelensky", limit=2, offset=2)
    assert (first.total, rest.total) == (5, 5)
    assert len(first.hits) == 2 and len(rest.hits) == 2
    assert not {h.article.id for h in first.hits} & {h.article.id for h in rest.hits}


def test_filters_alone_list_newest_first_with_the_text_start(
    corpus: tuple[ArticleStore, dict[str, int]],
) -> None:
    store, ids = corpus
    found = store.find("source:reuters")
    assert [h.article.id for h in found.hits] == [ids["debate"], ids["rally"]]
    assert found.hits[0].snippet == "Trump and Biden debated taxes."


def test_expansion_is_reported(corpus: tuple[ArticleStore, dict[str, int]]) -> None:
    found = corpus[0].find("Zelensky")
    ((term, spellings),) = found.expansions
    assert term == "Zelensky" and {"Zelenskyy", "Zelenskiy"} <= set(spellings)
    assert {h.snippet for h in found.hits} >= {"President [Zelenskyy] met the delegation."}
    assert corpus[0].find("trump").expansions == ()


def test_character_runs_have_character_snippets(
    corpus: tuple[ArticleStore, dict[str, int]],
) -> None:
    (hit,) = corpus[0].find("立法院").hits
    assert "[立法院]" in hit.snippet


def test_watchlist_aliases_find_each_other() -> None:
    conn = connect(":memory:")
    store = ArticleStore(conn)
    mayor = store.add(Article(0, "Town hall", "Mayor Ana Ruiz opened it.", "", 0)).id
    nick = store.add(Article(0, "Market", "La Alcaldesa cut the ribbon.", "", 0)).id
    assert [h.article.id for h in store.search("Ruiz")] == [mayor]
    add_watch_item(conn, "Ana Ruiz", "leader", ["Ruiz", "La Alcaldesa"])
    assert {h.article.id for h in store.search("Ruiz")} == {mayor, nick}
    assert {h.article.id for h in store.search('"la alcaldesa"')} == {mayor, nick}


def test_acronyms_widen_only_as_typed() -> None:
    conn = connect(":memory:")
    store = ArticleStore(conn)
    un = store.add(Article(0, "Assembly", "The United Nations met.", "", 0)).id
    store.add(Article(0, "Plain", "Send us a letter, un petit mot.", "", 0))
    assert un in {h.article.id for h in store.search("UN")}
    assert un not in {h.article.id for h in store.search("un")}


def test_known_spellings_are_cached_in_a_file_rebuilt_when_stale(monkeypatch, tmp_path) -> None:
    from desktop.core.library import search_aliases
    from desktop.core.paths import Paths

    conn = connect(":memory:")
    paths = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "cache", tmp_path / "l")
    monkeypatch.setattr("desktop.core.paths.user_paths", lambda: paths)
    search_aliases._cache_connection.cache_clear()
    assert "Zelenskyy" in search_aliases.spellings(conn, "Zelensky")
    cache_file = tmp_path / "cache" / search_aliases.CACHE_FILE
    with sqlite3.connect(cache_file) as stale:
        stale.execute("UPDATE meta SET value = 'other knowledge'")
        stale.execute("DELETE FROM spellings")
    search_aliases._cache_connection.cache_clear()
    assert "Zelenskyy" in search_aliases.spellings(conn, "Zelensky")  # rebuilt
    assert sorted(p.name for p in cache_file.parent.iterdir()) == [search_aliases.CACHE_FILE]

    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    paths = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "blocked", tmp_path / "l")
    search_aliases._cache_connection.cache_clear()
    assert search_aliases._cache_connection() is None
    assert "Zelenskyy" in search_aliases.spellings(conn, "Zelensky")  # read into memory
    search_aliases._cache_connection.cache_clear()


def test_total_of_a_large_library_comes_from_the_probe(monkeypatch) -> None:
    """Where ranking probes the matches (a large library), the probe's exact count is the
    total; where the page is full, a count; where it is not, the page."""
    from desktop.core.library import ranking

    conn = connect(":memory:")
    store = ArticleStore(conn)
    for n in range(7):
        store.add(Article(0, f"Report {n}", f"Harbour report number {n}.", "", 0))
    monkeypatch.setattr(ranking, "PARALLEL_FROM", 3)
    counted = []
    monkeypatch.setattr(ranking, "count_among", lambda *a, **k: counted.append(a) or -5)
    assert store.find("harbour", limit=2).total == 7
    assert store.find("harbour report", limit=3, offset=5).total == 7
    assert counted == []
    monkeypatch.setattr(ranking, "PARALLEL_FROM", 100)
    assert store.find("number", limit=50).total == 7  # the page holds them all
    assert counted == []
    assert store.find("number", limit=2).total == -5  # counted


def test_cache_file_holds_every_spelling_group_the_knowledge_has(tmp_path) -> None:
    """The cache is grouped in SQLite, the fallback in a dictionary: both must say the same."""
    from desktop.core.library import search_aliases
    from desktop.core.text.ner.knowledge import spelling_groups

    search_aliases._build_cache(tmp_path / "spellings.sqlite3", "stamp")
    with sqlite3.connect(tmp_path / "spellings.sqlite3") as cached:
        rows = dict(cached.execute("SELECT key, groups FROM spellings"))
    in_memory = search_aliases._index(spelling_groups())
    assert rows.keys() == in_memory.keys()
    assert all(
        sorted(search_aliases._decoded(rows[key])) == sorted(groups)
        for key, groups in in_memory.items()
    )
