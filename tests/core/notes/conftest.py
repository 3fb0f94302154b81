"""A library with articles to highlight, for every notes test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.core.library.session import Library, open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.notes.notebook import Notebook

TEXT = (
    "The minister said the budget would rise by four percent next year. "
    "Critics said the budget was a fantasy. The minister left the room without questions. "
    "Later, the finance ministry published a correction: the rise would be two percent."
)


@pytest.fixture
def library() -> Iterator[Library]:
    with open_library(seed=False) as lib:
        yield lib


@pytest.fixture
def add_article(library: Library) -> Callable[..., int]:
    def add(text: str = TEXT, title: str = "Budget", **fields: str) -> int:
        return library.store.add(with_hash(Article(0, title, text, "", 0, **fields))).id

    return add


@pytest.fixture
def notebook(library: Library) -> Notebook:
    return Notebook(library.conn)
