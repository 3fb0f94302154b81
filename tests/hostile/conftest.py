"""Shared set-up of the hostile-input suite: depth of each run and a library with an article."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article


def fuzz_settings(**overrides: object) -> settings:
    """Hypothesis settings for this suite: ``FUZZ_EXAMPLES`` (10 in `make test`, more in
    `make fuzz`) examples, no per-example deadline (a slow machine is not a failure; a hang is
    caught by the suite's own timeouts)."""
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10")),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
        **overrides,
    )


def depths(fast_step: int) -> list[object]:
    """Two runs of a corpus test: every ``fast_step``-th item in `make test`, all in `make fuzz`."""
    return [
        pytest.param(fast_step, id="sample"),
        pytest.param(1, id="all", marks=pytest.mark.fuzz),
    ]


@pytest.fixture
def add_article():
    """Store an article directly (set-up, not under test); returns its id."""

    def add(text: str, title: str = "Hostile", url: str = "") -> int:
        with open_library() as library:
            article = with_hash(Article(0, title, text, "", 0, url=url))
            return library.store.add(article).id

    return add
