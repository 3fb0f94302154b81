"""An empty library (no seed article) for the library tests that store what they import."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core.library.session import Library, open_library


@pytest.fixture
def empty_library() -> Iterator[Library]:
    with open_library(seed=False) as opened:
        yield opened
