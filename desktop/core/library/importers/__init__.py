"""Importers, one module per format, behind one call: ``read_articles(path)``.

The format comes from the file's suffix, or for unknown suffixes from a look at its first bytes.
Every problem with the file itself is an ``UnreadableFile`` naming the file and the reason.
"""

from __future__ import annotations

import logging
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

_log = logging.getLogger(__name__)
# The traceback of an unexpected error goes to the handlers the application sets up (a log
# file), never by default to a user's terminal, where the file's failure line says enough.
_log.addHandler(logging.NullHandler())

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

_XML_DECLARATION = re.compile(rb"<\?xml[^>]*>")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")


def detect_format(path: Path, data: bytes) -> str:
    """``text``, ``markdown``, ``html`` or ``feed``: by suffix, else by the first bytes."""
    known = _SUFFIX_FORMATS.get(path.suffix.lower())
    if known:
        return known
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    declaration = _XML_DECLARATION.match(head)
    if declaration and _FEED_START.match(_after_comments(head[declaration.end() :])):
        return "feed"
    head = _after_comments(head)
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    return "text"


def _after_comments(head: bytes) -> bytes:
    """``head`` past any leading ``<!-- … -->`` comments and white space. (A regex with a
    repeated lazy comment backtracks exponentially on a head of many comments.)"""
    head = head.lstrip()
    while head.startswith(b"<!--"):
        end = head.find(b"-->", 4)
        if end < 0:
            break
        head = head[end + 3 :].lstrip()
    return head


def read_articles(path: Path | str) -> list[Article]:
    """The articles in one file (a feed holds several), not yet stored: ``id`` is 0.

    Raises ``UnreadableFile`` for anything wrong with the file, and for anything else that goes
    wrong while reading it: a hostile file must not stop the other files of an import, so an
    unexpected error is logged with its traceback and reported as the file's failure. Never
    touches the library.
    """
    path = Path(path)
    try:
        return _read(path)
    except UnreadableFile:
        raise
    except Exception as exc:  # the safety net: one file's failure, whatever the cause
        _log.exception("unexpected error while reading %s", path)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise UnreadableFile(path, f"could not be read: {reason}") from exc


def _read(path: Path) -> list[Article]:
    data = read_file_bytes(path)
    kind = detect_format(path, data)
    if kind == "feed":
        return parse_feed(data, path)
    text = decode_text(data, path, declared_encoding(data) if kind == "html" else None)
    if not text.strip():
        raise UnreadableFile(path, "file holds only white space")
    return _TEXT_FORMATS[kind](text, path)
