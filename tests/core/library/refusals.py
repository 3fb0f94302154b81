"""One check for the importer tests: a file Dossier cannot read is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles


def assert_refused(path: Path, reason: str) -> None:
    """Reading ``path`` fails with a message that names the file, then matches ``reason``."""
    with pytest.raises(UnreadableFile, match=reason) as refused:
        read_articles(path)
    assert str(refused.value).startswith(f"{path}: ")
