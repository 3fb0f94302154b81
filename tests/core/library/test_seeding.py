from __future__ import annotations

from desktop.core.library.seeding import SEED_SOURCE
from desktop.core.library.session import open_library
from desktop.core.resources import seeds_dir


def seed_count() -> int:
    return sum(1 for p in seeds_dir().iterdir() if p.suffix == ".txt")


def test_first_open_adds_the_seeds() -> None:
    with open_library() as library:
        articles = library.store.list()
    assert len(articles) == seed_count() >= 1
    first = next(a for a in articles if a.origin == "seeds/000_66ae021c01a1e4e0.txt")
    assert first.published == "2025-08-18"
    assert first.source == SEED_SOURCE


def test_seeds_are_added_once_and_stay_deleted() -> None:
    with open_library() as library:
        for article in library.store.list():
            library.store.delete(article.id)
    with open_library() as library:
        assert library.store.count() == 0


def test_opening_without_seeding_adds_nothing_and_seeds_later() -> None:
    with open_library(seed=False) as library:
        assert library.store.count() == 0
    with open_library() as library:
        assert library.store.count() == seed_count()
