"""Alias-aware search: a known entity's spellings find each other.

"Zelensky" also finds the articles that spell him "Zelenskyy" or "Zelenskiy". A query word or
phrase that is a spelling of exactly one known person or institution (the bundled knowledge)
or watched item (the user's watchlist) is searched as any of its spellings. Left out are
spellings of fewer words than the one typed, acronyms apart ("Joe Biden" does not widen to
every "Biden"; "United Nations" does to "UN"), and spellings holding a shorter one that is
kept ("Volodymyr Zelensky" adds nothing to "Zelensky"). An all-capital spelling is an acronym
and matches only as typed: "us" is not the "US".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from desktop.core.storage.engine import sqlite3

Group = tuple[str, ...]
_TOKEN = re.compile(r"\w+")


def spellings(conn: sqlite3.Connection, term: str) -> tuple[str, ...]:
    """The spellings ``term`` is searched as (``term`` first); only ``term`` when it is no
    known spelling, or a spelling of several entities (the watchlist is asked first)."""
    from desktop.core.library.watchlist import list_watch_items

    key = _key(term)
    watched = _index(item.spellings for item in list_watch_items(conn))
    for index in (watched, _knowledge_index()):  # the user's own list first
        groups = {g for g in index.get(key, ()) if _spelled(term, g)}
        if len(groups) == 1:
            return _expanded(term, groups.pop())
        if groups:
            return (term,)
    return (term,)


def _expanded(term: str, group: Group) -> tuple[str, ...]:
    typed = _tokens(term)
    unique: dict[tuple[str, ...], str] = {}
    for spelling in group:
        unique.setdefault(_tokens(spelling), spelling)
    kept = [t for t in unique if len(t) >= len(typed) or _is_acronym(unique[t])]
    kept = [t for t in kept if not any(o != t and _inside(o, t) for o in kept)]
    others = sorted({unique[t] for t in kept if t != typed}, key=str.casefold)
    return (term, *others)


def _spelled(term: str, group: Group) -> bool:
    """Whether ``term`` is one of ``group``'s spellings, acronyms compared as typed."""
    return any(_key(s) == _key(term) and (s == term or not _is_acronym(s)) for s in group)


def _is_acronym(spelling: str) -> bool:
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _key(spelling: str) -> str:
    return " ".join(spelling.split()).casefold()


def _tokens(spelling: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(spelling.casefold()))


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of ``whole``'s tokens (and shorter or equal)."""
    if not part or len(part) > len(whole):
        return False
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _index(groups: Iterable[Group]) -> dict[str, list[Group]]:
    index: dict[str, list[Group]] = {}
    for group in groups:
        if len(group) < 2:
            continue
        for spelling in dict.fromkeys(group):
            index.setdefault(_key(spelling), []).append(group)
    return index


@cache
def _knowledge_index() -> dict[str, list[Group]]:
    """Read once per process (about 0.1 s): only a search with words needs it."""
    from desktop.core.text.ner.knowledge import spelling_groups

    return _index(spelling_groups())
