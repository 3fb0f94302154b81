"""Summaries of stored articles are computed once, then looked up in the library database."""

from __future__ import annotations

import pytest

from desktop.core.library import summaries
from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.text.summarize import summarize
from tests.summary_sample import TEXT, store_budget


@pytest.fixture
def library():
    with open_library(seed=False) as lib:
        yield lib


@pytest.fixture
def article(library) -> Article:
    return library.store.get(store_budget(library).id)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    made: list[tuple] = []

    def counting(text: str, method: str = "news", **kwargs: object):
        made.append((method, tuple(sorted(kwargs.items()))))
        return summarize(text, method, **kwargs)

    monkeypatch.setattr(summaries, "summarize", counting)
    return made


def test_second_request_is_a_lookup(library, article, calls) -> None:
    first = summaries.article_summary(library.conn, article, "news", sentences=2)
    second = summaries.article_summary(library.conn, article, "news", sentences=2)
    assert len(calls) == 1
    assert second == first
    assert all(TEXT[s.start : s.end] == s.text for s in second.sentences)


def test_each_method_and_length_is_its_own_entry(library, article, calls) -> None:
    summaries.article_summary(library.conn, article, "news", sentences=2)
    summaries.article_summary(library.conn, article, "lexrank", sentences=2)
    summaries.article_summary(library.conn, article, "news", ratio=0.5)
    summaries.article_summary(library.conn, article, "news", words=20)
    summaries.article_summary(library.conn, article, "news", words=20)
    assert len(calls) == 4


def test_cache_survives_reopening_the_library(article, calls) -> None:
    with open_library(seed=False) as lib:
        summaries.article_summary(lib.conn, article)
    with open_library(seed=False) as lib:
        summaries.article_summary(lib.conn, article)
    assert len(calls) == 1


def test_new_algorithm_version_recomputes(library, article, calls, monkeypatch) -> None:
    summaries.article_summary(library.conn, article)
    monkeypatch.setattr(summaries, "ALGORITHM_VERSION", "test-next")
    summaries.article_summary(library.conn, article)
    assert len(calls) == 2
    rows = library.conn.execute("SELECT algorithm FROM summaries").fetchall()
    assert [r[0] for r in rows] == ["test-next"]


def test_changed_text_is_not_served_a_stale_summary(library, article, calls) -> None:
    summaries.article_summary(library.conn, article)
    edited = with_hash(article.replace(text=TEXT + " One more line.", content_hash=""))
    summaries.article_summary(library.conn, edited)
    assert len(calls) == 2


def test_bad_length_is_refused_before_anything_is_stored(library, article) -> None:
    with pytest.raises(ValueError, match="sentences must be"):
        summaries.article_summary(library.conn, article, sentences=0)
    with pytest.raises(ValueError, match="unknown summary method"):
        summaries.article_summary(library.conn, article, "magic")
    assert library.conn.execute("SELECT COUNT(*) FROM summaries").fetchone()[0] == 0
