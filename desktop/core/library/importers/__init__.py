"""Importers, one module per format, behind one call: ``read_articles(path)``.

The format comes from the file's suffix, or for unknown suffixes from a look at its first bytes.
Every problem with the file itself is an ``UnreadableFile`` naming the file and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from desktop.core.library.importers.decoding import (
    MAX_FILE_BYTES,
    declared_encoding,
    decode_text,
    read_file_bytes,
)
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.feed import parse_feed
from desktop.core.library.importers.html import parse_html
from desktop.core.library.importers.markdown import parse_markdown
from desktop.core.library.importers.plaintext import parse_plaintext
from desktop.core.models import Article

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "UnreadableFile", "read_articles"]

_TEXT_FORMATS: dict[str, Callable[[str, Path], list[Article]]] = {
    "text": parse_plaintext,
    "markdown": parse_markdown,
    "html": parse_html,
}
_SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
}
SUPPORTED_SUFFIXES = frozenset(_SUFFIX_FORMATS)
"""File suffixes a folder import picks up; a file named explicitly is tried whatever it is."""

_COMMENTS = rb"(?:<!--.*?-->\s*)*"
_HTML_START = re.compile(
    rb"^\s*" + _COMMENTS + rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?" + _COMMENTS + rb"<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


def detect_format(path: Path, data: bytes) -> str:
    """``text``, ``markdown``, ``html`` or ``feed``: by suffix, else by the first bytes."""
    known = _SUFFIX_FORMATS.get(path.suffix.lower())
    if known:
        return known
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    return "text"


def read_articles(path: Path | str) -> list[Article]:
    """The articles in one file (a feed holds several), not yet stored: ``id`` is 0.

    Raises ``UnreadableFile`` for anything wrong with the file; never touches the library.
    """
    path = Path(path)
    data = read_file_bytes(path)
    kind = detect_format(path, data)
    if kind == "feed":
        return parse_feed(data, path)
    text = decode_text(data, path, declared_encoding(data) if kind == "html" else None)
    if not text.strip():
        raise UnreadableFile(path, "file holds only white space")
    return _TEXT_FORMATS[kind](text, path)
