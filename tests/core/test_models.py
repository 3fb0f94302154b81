"""The models module defines Article at import and the other models on first use, with one API:
immutable values (Article a ``Frozen`` one, the others frozen dataclasses)."""

from __future__ import annotations

import dataclasses

import pytest

import desktop.core.models as models
from desktop.core.frozen import Frozen
from desktop.core.models.notes import Highlight
from desktop.core.models.text import Sentence


def test_every_model_is_reachable_from_the_models_module() -> None:
    assert sorted(models.__all__) == sorted(["Article", *models._LAZY])
    for name in models.__all__:
        cls = getattr(models, name)
        assert cls.__name__ == name
        if cls is models.Article:
            assert issubclass(cls, Frozen)
        else:
            assert dataclasses.is_dataclass(cls)
            assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert models.Sentence is Sentence
    assert models.Highlight is Highlight


def test_from_import_gives_the_same_classes() -> None:
    from desktop.core.models import Highlight as Imported
    from desktop.core.models import Sentence as Same

    assert Same is Sentence and Imported is Highlight
    assert Same(1, 3, "ab") == Sentence(1, 3, "ab")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="Nothing"):
        models.Nothing  # noqa: B018
    with pytest.raises(ImportError):
        from desktop.core.models import Nothing  # noqa: F401
