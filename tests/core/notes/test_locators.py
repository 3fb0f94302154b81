"""dossier:// links name an article by text hash and URL, so they open in another library."""

from __future__ import annotations

import pytest

from desktop.core.notes.locators import (
    BadLocator,
    Locator,
    find_article,
    parse_locator,
    passage_link,
)

DIGEST = "ab12" * 16
URL = "https://news.example/a b?x=(1)&y=[2]#frag"


def test_a_link_reads_back_and_holds_nothing_markdown_or_csv_would_split() -> None:
    link = passage_link(DIGEST, URL, 3, 9)
    assert not set(" ()[]<>\"'\n") & set(link)
    assert parse_locator(link) == Locator(content_hash=DIGEST, url=URL, start=3, end=9)
    assert parse_locator(passage_link(DIGEST, "")) == Locator(content_hash=DIGEST)


def test_links_of_version_0_1_still_read_by_id() -> None:
    assert parse_locator("dossier://article/12#5-8") == Locator(article_id=12, start=5, end=8)


@pytest.mark.parametrize(
    "link",
    [
        "https://news.example/",
        "dossier://article/x#1-2",
        "dossier://article/²",
        "dossier://text/not-a-hash",
        f"dossier://text/{DIGEST}#9-3",
        f"dossier://text/{DIGEST}#one-two",
        "dossier://elsewhere/1",
    ],
)
def test_bad_links_say_what_is_wrong(link: str) -> None:
    with pytest.raises(BadLocator, match=r"dossier://|#START-END"):
        parse_locator(link)


def test_an_article_is_found_by_hash_then_url_then_id(library, add_article) -> None:
    first = add_article("First text.", url="https://news.example/1")
    second = add_article("Second text.", url="https://news.example/2")
    digest = library.store.get(second).content_hash
    conn = library.conn
    assert find_article(conn, Locator(content_hash=digest, url="https://news.example/1")) == second
    stale = Locator(content_hash="0" * 64, url="https://news.example/1")
    assert find_article(conn, stale) == first  # the text changed since: its URL still holds
    assert find_article(conn, Locator(article_id=first)) == first
    assert find_article(conn, Locator(content_hash="0" * 64, url="https://x.example")) is None
