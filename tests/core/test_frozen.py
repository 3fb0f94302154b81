"""``Frozen`` values behave as the frozen dataclasses they replace on the reading path."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import re
from pathlib import Path

import pytest

from desktop.core.frozen import Frozen
from desktop.core.library.search_plan import SearchPlan
from desktop.core.library.search_query import All, Either, Filter, Not, Text
from desktop.core.library.store import AddResult, SearchHit, SearchResults
from desktop.core.library.stories import Label
from desktop.core.library.watchlist import WatchItem
from desktop.core.models import Article
from desktop.core.paths import Paths
from desktop.core.storage.db import Migration

VALUES = (
    Article, AddResult, SearchHit, Label, Paths, Migration, SearchResults, SearchPlan, Text,
    Filter, Not, All, Either, WatchItem,
)  # fmt: skip


def test_the_list_names_every_frozen_class() -> None:
    package = Path(__file__).resolve().parents[2] / "desktop"
    declared = {
        match.group(1)
        for module in package.rglob("*.py")
        for match in re.finditer(r"^class (\w+)\(Frozen\):", module.read_text(), re.MULTILINE)
    }
    assert declared == {cls.__name__ for cls in VALUES}


@pytest.mark.parametrize("cls", VALUES)
def test_init_sets_each_field_from_its_own_parameter(cls: type[Frozen]) -> None:
    """``_fields`` is the order ``__init__`` takes and passes on: a swap would put a value
    in the wrong field without an error."""
    parameters = list(inspect.signature(cls).parameters)
    assert parameters == list(cls._fields) == list(cls.__slots__)
    values = {name: object() for name in parameters}
    value = cls(**values)
    assert all(getattr(value, name) is values[name] for name in parameters)


@dataclasses.dataclass(frozen=True)
class _Twin:
    id: int
    title: str
    pages: tuple[tuple[int, int], ...] = ()


class _Value(Frozen):
    _fields = ("id", "title", "pages")
    __slots__ = _fields

    def __init__(self, id: int, title: str, pages: tuple[tuple[int, int], ...] = ()) -> None:
        self._set_fields(id, title, pages)


def test_equality_hash_and_repr_are_a_frozen_dataclass_s() -> None:
    a, twin = _Value(1, "Budget", ((1, 0),)), _Twin(1, "Budget", ((1, 0),))
    assert a == _Value(1, "Budget", ((1, 0),))
    assert a != _Value(2, "Budget", ((1, 0),))
    assert a != twin and a != (1, "Budget", ((1, 0),))
    assert hash(a) == hash(_Value(1, "Budget", ((1, 0),)))
    assert len({a, _Value(1, "Budget", ((1, 0),)), _Value(1, "Other")}) == 2
    assert repr(a).replace("_Value", "_Twin") == repr(twin)


def test_a_field_cannot_be_changed_only_replaced() -> None:
    a = _Value(1, "Budget")
    with pytest.raises(AttributeError):
        a.title = "Other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.title
    with pytest.raises(AttributeError):
        a.extra = 1  # type: ignore[attr-defined]
    b = a.replace(title="Other")
    assert (a.title, b.title, b.id) == ("Budget", "Other", 1)
    assert type(b) is _Value
    with pytest.raises(TypeError):
        a.replace(nothing=1)


def test_copies_and_pickles_are_equal() -> None:
    a = _Value(1, "Budget", ((1, 0),))
    assert copy.copy(a) == copy.deepcopy(a) == a
    article = Article(3, "Title", "Text.", "h", 1, tags=("x",))
    assert pickle.loads(pickle.dumps(article)) == article


def test_article_defaults_and_replace() -> None:
    article = Article(0, "Title", "Text.", "", 1)
    assert (article.language, article.read, article.pages, article.tags) == ("en", False, (), ())
    assert article.replace(language="de") == Article(0, "Title", "Text.", "", 1, language="de")
    assert Paths(*map(Path, "abcd")).database == Path("a") / "library.sqlite3"
