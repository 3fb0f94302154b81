"""Chinese, Japanese and Korean text: found by any run of its characters, counted in
characters, kept in step with edits, the trash and deletions, and backfilled on upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.cjk_check import check_unchecked
from desktop.core.library.editing import edit_metadata
from desktop.core.library.entity_index import index_pending
from desktop.core.library.store import ArticleStore
from desktop.core.library.trash import restore, trash
from desktop.core.models import Article
from desktop.core.storage.db import connect, migrate, migrations
from desktop.core.text.cjk import CHARACTERS, WORDS, text_length

TAIPEI = "台灣立法院今天三讀通過明年度中央政府總預算案。"


def _ids(store: ArticleStore, query: str) -> set[int]:
    return {h.article.id for h in store.search(query)}


@pytest.fixture
def store() -> ArticleStore:
    return ArticleStore(connect(":memory:"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The budget passed today.", (4, WORDS)),
        (TAIPEI, (22, CHARACTERS)),  # the full stop is no character of text
        ("首相はG7で演説した。", (9, CHARACTERS)),  # G7 is one word among the characters
        ("국회에서 예산안이 통과되었다.", (3, WORDS)),  # Korean puts spaces between words
        ("Taiwan’s 立法院 passed the budget on Friday.", (7, WORDS)),
    ],
)
def test_length_is_in_characters_for_chinese_and_japanese(text: str, expected) -> None:
    assert text_length(text) == expected


def test_a_run_inside_a_longer_run_is_found(store: ArticleStore) -> None:
    taipei = store.add(Article(0, "預算", TAIPEI, "", 0)).id
    store.add(Article(0, "Budget", "The budget passed in Taipei.", "", 0))
    for run in ("立法院", "立法", "總預算案", "中央政府", "三讀通過"):
        assert _ids(store, run) == {taipei}, run
    assert _ids(store, "立法委員") == set()
    stored = store.get(taipei)
    assert stored is not None and (stored.words, stored.length_unit) == (22, CHARACTERS)


def test_trigram_index_follows_edits_trash_and_deletes(store: ArticleStore) -> None:
    article = store.add(Article(0, "預算", TAIPEI, "", 0)).id
    store.replace_text(article, Article(0, "預算", "行政院今天開會。", "", 0))
    assert _ids(store, "立法院") == set() and _ids(store, "行政院") == {article}
    trash(store.conn, [article])
    assert _ids(store, "行政院") == set()
    restore(store.conn, [article])
    assert _ids(store, "行政院") == {article}
    store.replace_text(article, Article(0, "Budget", "No characters any more.", "", 0))
    assert _ids(store, "行政院") == set()
    assert store.get(article).length_unit == WORDS  # type: ignore[union-attr]
    store.replace_text(article, Article(0, "預算", TAIPEI, "", 0))
    assert store.delete(article)
    assert _ids(store, "立法院") == set()
    integrity = store.conn.execute(
        "INSERT INTO articles_trigram (articles_trigram, rank) VALUES ('integrity-check', 1)"
    )
    assert integrity is not None  # raises "database disk image is malformed" when out of step


def test_english_articles_stay_out_of_the_trigram_index(store: ArticleStore) -> None:
    store.add(Article(0, "Budget", "The budget passed in Taipei.", "", 0))
    assert store.conn.execute("SELECT count(*) FROM articles_trigram_docsize").fetchone()[0] == 0


def test_other_scripts_stay_out_of_the_trigram_index(store: ArticleStore) -> None:
    store.add(Article(0, "Yi", "ꀀꀁꀂ and \ue000 private use.", "", 0))
    assert store.conn.execute("SELECT count(*) FROM articles_trigram_docsize").fetchone()[0] == 0


def test_upgrade_checks_existing_articles_when_searched_or_in_the_background(
    tmp_path: Path,
) -> None:
    step = next(m.version for m in migrations() if m.name.endswith("_cjk_search.sql"))
    conn = connect(tmp_path / "library.sqlite3", migrate_schema=False)
    migrate(conn, target=step - 1)
    for title, text, digest in (
        ("預算", TAIPEI, "h1"),
        ("Budget", "The budget passed.", "h2"),
        ("국회", "국회에서 예산안이 통과되었다.", "h3"),
    ):
        conn.execute(
            "INSERT INTO articles (title, added, text, content_hash, words)"
            " VALUES (?, '2020-01-01', ?, ?, 1)",
            (title, text, digest),
        )
    migrate(conn)
    store = ArticleStore(conn)
    assert [r[0] for r in conn.execute("SELECT cjk FROM articles")] == [None, None, None]
    assert store.get(1).length_unit == WORDS  # type: ignore[union-attr]  # until checked
    new = store.add(Article(0, "新", "新的文章。", "", 0)).id  # marked as it is stored
    assert check_unchecked(conn, limit=2) == 2
    assert _ids(store, "预算") == set()  # simplified characters are other characters
    assert _ids(store, "立法院") == {1}
    assert _ids(store, "예산안") == {3}  # searching such characters checked the rest first
    marks = [r[0] for r in conn.execute("SELECT cjk FROM articles ORDER BY id")]
    assert marks == [1, None, 1, 1]  # only articles holding such characters are rewritten
    assert _ids(store, "的文章") == {new}
    assert (store.get(1).words, store.get(1).length_unit) == (22, CHARACTERS)  # type: ignore[union-attr]
    assert (store.get(3).words, store.get(3).length_unit) == (3, WORDS)  # type: ignore[union-attr]
    assert check_unchecked(conn) == 0


def test_background_indexing_checks_unchecked_articles(tmp_path: Path) -> None:
    conn = connect(tmp_path / "library.sqlite3")
    store = ArticleStore(conn)
    article = store.add(Article(0, "預算", TAIPEI, "", 0)).id
    conn.execute("UPDATE articles SET cjk = NULL, words = 1, length_unit = 'words'")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("cjk_check_from", article), ("cjk_check_to", article)],
    )
    assert conn.execute("SELECT count(*) FROM articles_trigram_docsize").fetchone()[0] == 0
    assert index_pending(conn, 10) >= 1
    assert check_unchecked(conn) == 0
    assert store.get(article).length_unit == CHARACTERS  # type: ignore[union-attr]
    assert conn.execute("SELECT count(*) FROM articles_trigram_docsize").fetchone()[0] == 1


def test_a_title_edited_into_chinese_is_found(store: ArticleStore) -> None:
    article = store.add(Article(0, "Budget", "The budget passed.", "", 0)).id
    edit_metadata(store.conn, article, {"title": "立法院預算"})
    assert _ids(store, "立法院") == {article}
