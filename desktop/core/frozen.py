"""Immutable value classes that cost nothing to import.

A frozen dataclass would do, but importing ``dataclasses`` imports ``inspect`` (and with it
``ast``, ``dis`` and ``tokenize``), and each class is compiled when its module loads: together
about a fifth of the start of ``dossier list``. The few classes every reading command builds
(``Article``, the store's results, story and tag labels, the user folders, the schema steps)
derive from ``Frozen`` instead; the rest of the code keeps its dataclasses.

A subclass names its fields in ``_fields`` (its ``__slots__`` too) and its ``__init__`` passes
them, in that order, to ``_set_fields``. It then behaves as a frozen dataclass: equal and
hashed by its field values, shown with them, assignment refused, copied and pickled by its
fields; ``replace`` stands for ``dataclasses.replace``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    F = TypeVar("F", bound="Frozen")


class Frozen:
    """Base of an immutable value class (see the module's docstring)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    """The field names in the order ``__init__`` takes them."""
    _setters: tuple[Callable[[Frozen, object], None], ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Each field's slot sets its value past ``__setattr__``: faster than a frozen
        # dataclass's ``object.__setattr__`` by name (a long listing builds many articles).
        cls._setters = tuple(getattr(cls, name).__set__ for name in cls._fields)

    def _set_fields(self, *values: object) -> None:
        """Set every field once, from ``__init__``: the values in ``_fields`` order."""
        for set_field, value in zip(self._setters, values, strict=True):
            set_field(self, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def replace(self: F, **changes: Any) -> F:
        """A copy with the fields in ``changes`` set to new values; an unknown name is a
        ``TypeError``, as with ``dataclasses.replace``."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __reduce__(self) -> tuple[type[Frozen], tuple[object, ...]]:
        # copy and pickle would set the slots one by one, which ``__setattr__`` refuses.
        return type(self), self._values()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({fields})"
