"""Run something right after a module is first imported (Python has no post-import hook).

The command line prints core warnings through a ``logging`` handler, but most commands never
log: importing ``logging`` (and its ``threading``, ``traceback``, ``string``) only to install
the handler would cost every command a tenth of its start. So the handler is installed when
something else imports ``logging``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType


def when_imported(name: str, then: Callable[[], None]) -> None:
    """Call ``then()`` once ``name`` is imported: at once if it already is, else right after
    its module has run, before the importer gets it."""
    if name in sys.modules:
        then()
    else:
        sys.meta_path.insert(0, _Finder(name, then))


class _Finder:
    """A first entry of ``sys.meta_path`` that lets the usual finders find ``name`` and wraps
    its loader; it steps aside as soon as it has been asked (or if asked again)."""

    def __init__(self, name: str, then: Callable[[], None]) -> None:
        self.name = name
        self.then = then

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name != self.name:
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenLoader(spec.loader, self.then)
        return spec


class _ThenLoader:
    """The module's own loader, then ``then()``."""

    def __init__(self, loader: object, then: Callable[[], None]) -> None:
        self.loader = loader
        self.then = then

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[attr-defined]

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)  # type: ignore[attr-defined]
        module.__loader__ = self.loader  # as if imported the usual way (source lookups)
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.then()
