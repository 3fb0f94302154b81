"""The one error an importer raises: a file the user gave cannot become an article."""

from __future__ import annotations

from pathlib import Path

from desktop.core.printable import printable


class UnreadableFile(ValueError):
    """A file cannot be imported; the message names the file and the reason.

    Raised for input the user can fix or drop (empty, binary, undecodable, too large, malformed
    markup), never for bugs, so callers can report it and go on with the other files.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = printable(reason)
        super().__init__(f"{printable(self.path)}: {self.reason}")


class UnsupportedFile(UnreadableFile):
    """A file of a type Dossier does not import (``page.php``, a photo, a ``.doc``)."""
