"""The short council-budget article that the summary tests store and summarise."""

from __future__ import annotations

from desktop.core.library.session import Library
from desktop.core.library.store import with_hash
from desktop.core.models import Article

TEXT = (
    "The council approved the new budget on Tuesday after a long debate. "
    "Spending on roads will rise by a tenth next year. "
    "Opposition members said the plan ignored rural areas. "
    "The mayor promised a review of rural transport in the spring. "
    "A final vote on the detailed spending plan is due in March."
)


def store_budget(library: Library) -> Article:
    """Add the article (titled "Budget") to ``library``; returns it with its new id."""
    return library.store.add(with_hash(Article(0, "Budget", TEXT, "", 0)))
