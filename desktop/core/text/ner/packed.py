"""Text files of the model folder, gzip-compressed when their name ends in ``.gz``.

The gazetteer, the phrase list and the word clusters are large word tables; compressed they
take a quarter of the room in the installed bundle. Writing uses no name and no time in the
gzip header, so the same table always gives the same bytes.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path


def read_text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed with no name and no time in the header."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def write_text(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    path.write_bytes(gzip_bytes(data) if path.suffix == ".gz" else data)
