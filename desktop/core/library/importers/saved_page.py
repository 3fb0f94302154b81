"""Web pages a browser saved as one file: MHTML (``.mhtml``, ``.mht``: Chrome's and Edge's
"Webpage, Single File") and Safari's web archive (``.webarchive``).

Such a file holds the page as the browser showed it — the document after its scripts ran, so a
story a site builds in the browser is there — beside its pictures, styles and frames, which
make up most of the file. Only the page itself is decoded, then read as any saved web page;
the address it was saved from is the article's URL when the page names none.
"""

from __future__ import annotations

import binascii
import email
import email.message
import plistlib
import re
from collections.abc import Iterator
from pathlib import Path

from desktop.core.library.importers.decoding import declared_encoding, decode_text, text_codec
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.html import parse_html
from desktop.core.models import Article

MAX_SAVED_PAGE_BYTES = 100 * 1024 * 1024
"""Largest saved page read (100 MiB): its pictures come with it, so it runs far larger than the
page; only the page's own part is decoded."""
WEB_ARCHIVE_MAGIC = b"bplist00"
"""A binary property list's first bytes, as Safari writes its web archives (an XML property
list, which could declare entities, is not read)."""
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_NESTED_PARTS = 3
"""How deep parts inside parts are looked into for the page."""
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_FIELD_LINE = re.compile(rb"[!-9;-~]+:|[ \t]+\S|\r?\n")
_MHTML_HEAD = re.compile(
    rb"(?im)^content-type:[ \t]*multipart/related\b(?:[^\n]*\n[ \t])*[^\n]*\btype=\"?text/html"
)
_PLIST_ERRORS = (
    plistlib.InvalidFileException,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    RecursionError,
)


def is_mhtml(data: bytes) -> bool:
    """Whether ``data`` (a file without a suffix) is a saved page in MHTML: its head declares
    related parts led by an HTML page."""
    head = _BLANK_LINE.split(data[:8192], maxsplit=1)[0]
    return bool(_MHTML_HEAD.search(head))


def parse_mhtml(data: bytes, path: Path) -> list[Article]:
    """The page of an MHTML file, read as a web page."""
    page, address = mhtml_page(data, path)
    return parse_html(page, path, address)


def mhtml_page(data: bytes, path: Path) -> tuple[str, str]:
    """The decoded HTML of an MHTML file's page, and the address it was saved from: the part
    the head names as its start, else its first HTML part (Chrome writes the page first, then
    its frames, styles and pictures)."""
    head, body = _split(data)
    root = _head(head)
    address = _header(root, "Snapshot-Content-Location")
    if root.get_content_maintype() != "multipart":
        return _page(root, body, path, address)
    boundary = root.get_boundary()
    if not boundary:
        raise UnreadableFile(path, "a saved web page (MHTML) whose parts have no boundary")
    start = str(root.get_param("start") or "").strip("<> ")
    first: tuple[email.message.Message, bytes] | None = None
    for part, content in _page_parts(body, boundary, _NESTED_PARTS):
        if not start or _header(part, "Content-ID").strip("<> ") == start:
            return _page(part, content, path, address)
        first = first or (part, content)
    if first is None:
        raise UnreadableFile(path, "a saved web page (MHTML) without the page: no HTML part")
    return _page(*first, path, address)


def parse_webarchive(data: bytes, path: Path) -> list[Article]:
    """The page of a Safari web archive: its main resource, with its address and charset."""
    if not data.startswith(WEB_ARCHIVE_MAGIC):
        raise UnreadableFile(path, "not a Safari web archive (no binary property list)")
    try:
        archive = plistlib.loads(data, fmt=plistlib.FMT_BINARY)
    except _PLIST_ERRORS as exc:
        reason = str(exc) or type(exc).__name__
        raise UnreadableFile(path, f"a damaged Safari web archive ({reason})") from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(main, dict) or not isinstance(page, bytes):
        raise UnreadableFile(path, "a Safari web archive without its page")
    kind = str(main.get("WebResourceMIMEType") or "text/html")
    if kind not in _PAGE_TYPES:
        raise UnreadableFile(path, f"a Safari web archive of a {kind} file, not of a web page")
    charset = text_codec(str(main.get("WebResourceTextEncodingName") or ""))
    address = str(main.get("WebResourceURL") or "")
    return parse_html(decode_text(page, path, charset or declared_encoding(page)), path, address)


def _page(part: email.message.Message, content: bytes, path: Path, address: str) -> tuple[str, str]:
    """One HTML part decoded by its transfer encoding and charset, and its address."""
    page = _decoded(content, _header(part, "Content-Transfer-Encoding").lower(), path)
    charset = text_codec(part.get_content_charset() or "")
    text = decode_text(page, path, charset or declared_encoding(page))
    return text, address or _header(part, "Content-Location")


def _decoded(content: bytes, encoding: str, path: Path) -> bytes:
    if encoding == "quoted-printable":
        return binascii.a2b_qp(content)
    if encoding == "base64":
        try:
            return binascii.a2b_base64(b"".join(content.split()))
        except binascii.Error as exc:
            raise UnreadableFile(path, f"a saved web page whose page is damaged ({exc})") from None
    return content


def _page_parts(
    body: bytes, boundary: str, depth: int
) -> Iterator[tuple[email.message.Message, bytes]]:
    """The HTML parts, in order, also inside a part of parts: Internet Explorer saves the page
    inside alternatives of its own (``multipart/alternative`` in the ``multipart/related``)."""
    for part, content in _parts(body, boundary.encode("ascii", "replace")):
        inner = part.get_boundary() if part.get_content_maintype() == "multipart" else None
        if inner and depth > 0:
            yield from _page_parts(content, inner, depth - 1)
        elif part.get_content_type() in _PAGE_TYPES:
            yield part, content


def _parts(body: bytes, boundary: bytes) -> Iterator[tuple[email.message.Message, bytes]]:
    """Each part between the boundary lines, with its head parsed; a file cut short keeps
    its last part as far as it goes."""
    delimiter = b"--" + boundary
    at = _delimiter(body, delimiter, 0)
    while at >= 0:
        line_end = body.find(b"\n", at)
        if body.startswith(b"--", at + len(delimiter)) or line_end < 0:
            return  # the closing delimiter, or a delimiter the file ends on
        following = _delimiter(body, delimiter, line_end + 1)
        part = body[line_end + 1 : following if following >= 0 else len(body)]
        head, content = _split(part)
        yield _head(head), content.removesuffix(b"\n").removesuffix(b"\r")
        at = following


def _delimiter(body: bytes, delimiter: bytes, start: int) -> int:
    """Where the next delimiter line begins (at a line's start), or -1."""
    at = body.find(delimiter, start)
    while at > 0 and body[at - 1 : at] != b"\n":
        at = body.find(delimiter, at + 1)
    return at


def _split(data: bytes) -> tuple[bytes, bytes]:
    """A MIME entity's head (with the blank line that ends it) and its content."""
    found = _BLANK_LINE.search(data)
    if found is None:
        return data, b""
    return data[: found.end()], data[found.end() :]


def _head(head: bytes) -> email.message.Message:
    """A head's fields, past any line that is neither a field nor a field's continuation: a
    browser wrote a page title across lines unfolded ("X-Snapshot-Title: =?utf-8?Q?This is on
    multiple" / "lines"), after which the parser took every field for text."""
    lines = head.splitlines(keepends=True)
    return email.message_from_bytes(b"".join(line for line in lines if _FIELD_LINE.match(line)))


def _header(message: email.message.Message, name: str) -> str:
    value = message.get(name)
    return " ".join(str(value).split()) if value is not None else ""
