"""Importers, one module per format, behind one call: ``read_articles(path)``.

The format comes from the file's suffix; a file without one is recognised by its first bytes.
A gzip-compressed copy (``page.html.gz``, as saved pages and benchmark sets often come) is
read as the file it holds. A file with any other suffix (``page.php``, a photo, a ``.doc``,
``backup.tar.gz``) is refused as unsupported, never stored as text. Every problem with the
file itself is an ``UnreadableFile`` naming the file and the reason.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop.core.library.importers.archive import DAMAGED, gunzip
from desktop.core.library.importers.building import canonical_origin
from desktop.core.library.importers.decoding import (
    MAX_FILE_BYTES,
    declared_encoding,
    decode_text,
    read_file_bytes,
)
from desktop.core.library.importers.epub import parse_epub
from desktop.core.library.importers.errors import UnreadableFile, UnsupportedFile
from desktop.core.library.importers.feed import parse_feed
from desktop.core.library.importers.flat_documents import flat_document_articles
from desktop.core.library.importers.formats import (
    COMPRESSED,
    SUFFIX_FORMATS,
    SUPPORTED_KINDS,
    SUPPORTED_SUFFIXES,
    format_suffix,
    is_supported,
    unsupported_reason,
    unsupported_type,
)
from desktop.core.library.importers.html import parse_html
from desktop.core.library.importers.mail import (
    mailbox_articles,
    parse_eml,
    parse_emlx,
    parse_mbox,
)
from desktop.core.library.importers.mailbox_parts import (
    MAX_MESSAGE_BYTES,
    MBOX_START,
    read_part,
    split_part_path,
)
from desktop.core.library.importers.markdown import parse_markdown
from desktop.core.library.importers.opendocument import parse_odt
from desktop.core.library.importers.opendocument_slides import parse_odp
from desktop.core.library.importers.outlook import is_outlook_message, parse_msg
from desktop.core.library.importers.pdf import parse_pdf
from desktop.core.library.importers.plaintext import parse_plaintext
from desktop.core.library.importers.presentation_binary import is_powerpoint_97, parse_ppt
from desktop.core.library.importers.rich_text import RTF_START, parse_rtf
from desktop.core.library.importers.saved_page import (
    MAX_SAVED_PAGE_BYTES,
    WEB_ARCHIVE_MAGIC,
    is_mhtml,
    parse_mhtml,
    parse_webarchive,
)
from desktop.core.library.importers.slides import PRESENTATION, parse_pptx
from desktop.core.library.importers.transcript import is_transcript, parse_transcript
from desktop.core.library.importers.word import parse_docx
from desktop.core.library.importers.word_binary import is_word_97, parse_doc
from desktop.core.library.importers.zip_archive import (
    REFUSED,
    ZIP_SUFFIX,
    find_entry,
    split_entry_path,
    unpacked,
)
from desktop.core.models import Article

_log = logging.getLogger(__name__)
# The traceback of an unexpected error goes to the handlers the application sets up (a log
# file), never by default to a user's terminal, where the file's failure line says enough.
_log.addHandler(logging.NullHandler())

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_KINDS",
    "SUPPORTED_SUFFIXES",
    "UnreadableFile",
    "UnsupportedFile",
    "format_suffix",
    "is_supported",
    "read_articles",
    "unsupported_type",
]

_TEXT_FORMATS: dict[str, Callable[[str, Path], list[Article]]] = {
    "text": parse_plaintext,
    "markdown": parse_markdown,
    "html": parse_html,
    "transcript": parse_transcript,
}
_ZIP_KINDS = (
    (b"application/epub+zip", "epub"),
    (b"application/vnd.oasis.opendocument.text", "odt"),
    (b"application/vnd.oasis.opendocument.presentation", "odp"),
)

_XML_DECLARATION = re.compile(rb"<\?xml[^>]*>")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_FEED_START = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|RDF|nitf|newsMessage|newsItem|NewsML)\b")


def detect_format(path: Path, data: bytes) -> str:
    """The format's name (``text``, ``html``, ``pdf``, ``mbox`` …): by suffix; without a
    suffix, by the first bytes. Any other suffix is an ``UnsupportedFile``."""
    suffix = format_suffix(path)
    known = SUFFIX_FORMATS.get(suffix)
    if known:
        return known
    if suffix or path.suffix.lower() == COMPRESSED:
        raise UnsupportedFile(path, unsupported_reason(path))
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, path)
    if is_outlook_message(data):
        return "msg"
    if is_word_97(data):
        return "doc"
    if is_powerpoint_97(data):
        return "ppt"
    if data[:1024].lstrip().startswith(RTF_START):
        return "rtf"
    if MBOX_START.match(data):
        return "mbox"
    if data.startswith(WEB_ARCHIVE_MAGIC) and b"WebMainResource" in data:
        return "webarchive"
    if is_mhtml(data):
        return "mhtml"
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    declaration = _XML_DECLARATION.match(head)
    if declaration and _FEED_START.match(_after_comments(head[declaration.end() :])):
        return "feed"
    head = _after_comments(head)
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if is_transcript(head):
        return "transcript"
    return "text"


def _zip_format(data: bytes, path: Path) -> str:
    """``epub``, ``odt``, ``odp``, ``docx`` or ``pptx`` for a zip container without a suffix, by its
    parts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)  # never the whole of a hostile member
    except DAMAGED as exc:
        raise UnreadableFile(path, f"a damaged zip archive ({exc})") from exc
    for marker, kind in _ZIP_KINDS:
        if mimetype.startswith(marker):
            return kind
    if "word/document.xml" in names:
        return "docx"
    if PRESENTATION in names:
        return "pptx"
    return "zip"


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
    if not path.exists() and (inside := split_entry_path(path)) is not None:
        return _read_entry(path, *inside)
    if not path.exists() and (part := split_part_path(path)) is not None:
        mailbox, first, last = part
        data = read_part(mailbox, first, last)
        return mailbox_articles(data, mailbox, read_attachment=parse_bytes, first=first)
    if path.suffix.lower() == ZIP_SUFFIX:
        return _archive_articles(path, path)
    limit = _SIZE_LIMITS.get(SUFFIX_FORMATS.get(path.suffix.lower(), ""))
    return parse_bytes(read_file_bytes(path, limit), path)


def _read_entry(path: Path, archive: Path, rest: str) -> list[Article]:
    """The articles of one file inside a zip archive (``release.zip#memo.pdf``, as an import
    lists it), with the origin of its archive's canonical path."""
    found = find_entry(archive, rest)
    if found is None:
        raise UnreadableFile(path, "no such file in the zip archive")
    data, names = found
    try:
        return parse_bytes(data, Path("#".join([canonical_origin(archive), *names])))
    except UnreadableFile as exc:
        raise type(exc)(path, exc.reason) from exc


def _archive_articles(source: Path | bytes, path: Path) -> list[Article]:
    """Every article of a zip archive's files (``dossier summarize release.zip``, a zip with
    no suffix); refused, with each file's problem, when none can be read. (An import lists
    the files of an archive as its own, see ``unpacking``.)"""
    articles: list[Article] = []
    problems: list[str] = []
    for file in unpacked(source, str(path), with_data=True):
        if file.name == str(path):  # the archive itself: damaged or empty
            raise UnreadableFile(path, file.reason)
        inside = file.name.removeprefix(f"{path}#")
        try:
            if file.data is not None:
                articles += parse_bytes(file.data, Path(file.name))
            elif file.kind == REFUSED:
                problems.append(f"{inside}: {file.reason}")
        except UnreadableFile as exc:
            problems.append(f"{inside}: {exc.reason}")
    if not articles:
        held = "; ".join(problems) if problems else "it holds no file of a type Dossier imports"
        raise UnreadableFile(path, f"nothing in the zip archive could be imported ({held})")
    return articles


def parse_bytes(data: bytes, path: Path) -> list[Article]:
    """The articles in ``data``, a file's bytes (or an e-mail attachment's, whose ``path`` is
    ``mail.eml#name``): the format comes from ``path``'s suffix."""
    if path.suffix.lower() == COMPRESSED and format_suffix(path) in SUPPORTED_SUFFIXES:
        data = gunzip(data, path, MAX_FILE_BYTES)
    kind = detect_format(path, data)
    binary = _BINARY_FORMATS.get(kind)
    if binary is not None:
        return binary(data, path)
    if kind == "zip":
        return _archive_articles(data, path)
    text = decode_text(data, path, declared_encoding(data) if kind == "html" else None)
    if not text.strip():
        raise UnreadableFile(path, "file holds only white space")
    return _TEXT_FORMATS[kind](text, path)


_SIZE_LIMITS = {
    "mhtml": MAX_SAVED_PAGE_BYTES,
    "webarchive": MAX_SAVED_PAGE_BYTES,
    "eml": MAX_MESSAGE_BYTES,
    "emlx": MAX_MESSAGE_BYTES,
    "msg": MAX_MESSAGE_BYTES,
}
"""Formats whose files are larger than ``MAX_FILE_BYTES`` for good reason: a page saved with
its pictures, a message with its attachments (as a large mailbox's messages are read)."""

_BINARY_FORMATS: dict[str, Callable[[bytes, Path], list[Article]]] = {
    "feed": parse_feed,
    "pdf": partial(parse_pdf, read_attachment=parse_bytes),
    "docx": parse_docx,
    "doc": parse_doc,
    "rtf": parse_rtf,
    "pptx": parse_pptx,
    "ppt": parse_ppt,
    "odt": parse_odt,
    "odp": parse_odp,
    "flat": flat_document_articles,
    "epub": parse_epub,
    "mhtml": parse_mhtml,
    "webarchive": parse_webarchive,
    "eml": partial(parse_eml, read_attachment=parse_bytes),
    "emlx": partial(parse_emlx, read_attachment=parse_bytes),
    "mbox": partial(parse_mbox, read_attachment=parse_bytes),
    "msg": partial(parse_msg, read_attachment=parse_bytes),
}
