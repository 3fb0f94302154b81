"""Text files of the model folder, gzip-compressed when their name ends in ``.gz``.

The gazetteer, the phrase list and the word clusters are large word tables; compressed they
take a quarter of the room in the installed bundle. Writing uses no name and no time in the
gzip header, so the same table always gives the same bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path


def read_text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def write_text(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        with (
            path.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out,
        ):
            out.write(data)
    else:
        path.write_bytes(data)
