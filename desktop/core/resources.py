"""The one lookup for files that ship with Dossier (resources/ and seeds/).

They live beside the package in a checkout, inside the package (``desktop/_bundled``) in an
installed wheel, and under ``sys._MEIPASS`` in a frozen bundle. Every caller asks here so the
three layouts never leak into feature code.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


class ResourceNotFound(FileNotFoundError):
    """A bundled file is missing: the installation is broken, not the user's input."""


def _candidate_roots() -> list[Path]:
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(_PACKAGE_DIR / "_bundled")
    roots.append(_PACKAGE_DIR.parent)
    return roots


@cache
def _root_with(kind: str) -> Path:
    for root in _candidate_roots():
        if (root / kind).is_dir():
            return root / kind
    searched = ", ".join(str(r / kind) for r in _candidate_roots())
    raise ResourceNotFound(f"Dossier's {kind} folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("text", "abbreviations-en.txt")``."""
    path = _root_with("resources").joinpath(*parts)
    if not path.exists():
        raise ResourceNotFound(f"bundled resource {'/'.join(parts)} is missing ({path})")
    return path


def seeds_dir() -> Path:
    """Folder of the sample articles that a new library starts with."""
    return _root_with("seeds")
