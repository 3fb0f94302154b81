"""Outlook messages (.msg): an e-mail as Outlook saves it, read with olefile.

A .msg file is an OLE compound file of MAPI properties ([MS-OXMSG]): each string or binary
property is a stream named for its tag (``__substg1.0_0037001F``: the subject, in UTF-16), the
fixed-size ones (the dates, the code page) sit in one ``__properties_version1.0`` stream, and
each attachment and each message attached in Outlook's own form is a storage of its own. The
message becomes an article as an .eml does: subject as title, sender as byline, sending date as
published, its plain text (else its HTML or its compressed rich text, reduced to text) as body;
an attachment of a format Dossier imports becomes its own article, and the message's text
lists what became of each.
"""

from __future__ import annotations

import email.utils
import struct
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import olefile

from desktop.core.library.importers.attachments import (
    Reader,
    attached_articles,
    nested,
    too_deep,
    with_attachment_list,
)
from desktop.core.library.importers.building import build_article, canonical_origin, iso_date
from desktop.core.library.importers.compound_files import OLE_MAGIC, open_compound_file
from desktop.core.library.importers.decoding import text_codec
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.mail_html import html_mail_text
from desktop.core.library.importers.rich_text import compressed_rtf_text
from desktop.core.models import Article

MSG_MARK = "__substg1.0_".encode("utf-16-le")
"""How a property stream's name is stored in the file's directory: a compound file holding it
is a message."""

_SUBJECT, _SENDER_NAME, _SENT_FOR_NAME = 0x0037, 0x0C1A, 0x0042
_SENDER_ADDRESS, _SENT_FOR_ADDRESS = 0x0C1F, 0x0065
_SUBMITTED, _DELIVERED, _HEADERS = 0x0039, 0x0E06, 0x007D
_BODY, _HTML, _RTF = 0x1000, 0x1013, 0x1009
_CODE_PAGE, _HTML_CODE_PAGE = 0x3FFD, 0x3FDE
_LONG_NAME, _SHORT_NAME, _DISPLAY_NAME, _DATA = 0x3707, 0x3704, 0x3001, 0x3701
_UNICODE, _STRING8, _BINARY, _OBJECT = "001F", "001E", "0102", "000D"
_PT_LONG, _PT_SYSTIME = 0x0003, 0x0040
_TOP_HEADER, _EMBEDDED_HEADER, _ATTACHMENT_HEADER = 32, 24, 8
"""Bytes before the fixed-size properties of the message itself, of an attached message and
of an attachment."""
_FILETIME_START = datetime(1601, 1, 1, tzinfo=timezone.utc)

Storage = tuple[str, ...]


def is_outlook_message(data: bytes) -> bool:
    """Whether ``data`` (a file without a suffix) is a .msg: a compound file of properties."""
    return data.startswith(OLE_MAGIC) and MSG_MARK in data


def parse_msg(data: bytes, path: Path, *, read_attachment: Reader) -> list[Article]:
    """The message as an article (when it has text or brought an article in), then one per
    importable attachment, as for an .eml."""
    with open_compound_file(data, path, "an Outlook message") as ole:
        message = _Properties(ole, (), _TOP_HEADER)
        articles = _articles(message, path, canonical_origin(path), read_attachment)
    if not articles:
        raise UnreadableFile(path, "the Outlook message holds no text")
    return articles


class _Properties:
    """The properties of one message in the file: the file's own, or one attached to it."""

    def __init__(self, ole: olefile.OleFileIO, storage: Storage, header: int) -> None:
        self.ole, self.storage, self.header = ole, storage, header
        page = self.fixed(_CODE_PAGE, _PT_LONG)
        self.codec = text_codec(f"cp{page}") if page else None

    def has(self, prop: int, kind: str) -> bool:
        return bool(self.ole.exists(self._name(prop, kind)))

    def text(self, prop: int) -> str:
        """A string property, stored in UTF-16 or in the message's code page."""
        if self.has(prop, _UNICODE):
            value = self._read(self._name(prop, _UNICODE)).decode("utf-16-le", "replace")
        elif self.has(prop, _STRING8):
            value = self._read(self._name(prop, _STRING8)).decode(self.codec or "cp1252", "replace")
        else:
            return ""
        return value.split("\x00", 1)[0]

    def binary(self, prop: int) -> bytes:
        return self._read(self._name(prop, _BINARY)) if self.has(prop, _BINARY) else b""

    def fixed(self, prop: int, kind: int) -> int | None:
        """A fixed-size property's value (a 32-bit number or a 64-bit time), if stored."""
        name = "/".join((*self.storage, "__properties_version1.0"))
        if not self.ole.exists(name):
            return None
        table = self._read(name)
        for at in range(self.header, len(table) - 15, 16):
            tag, value = struct.unpack_from("<I4xq", table, at)
            if tag == (prop << 16 | kind):
                return value & 0xFFFFFFFF if kind == _PT_LONG else value
        return None

    def _name(self, prop: int, kind: str) -> str:
        return "/".join((*self.storage, f"__substg1.0_{prop:04X}{kind}"))

    def _read(self, name: str) -> bytes:
        with self.ole.openstream(name) as stream:
            return stream.read()


def _articles(
    message: _Properties, path: Path, origin: str, read_attachment: Reader
) -> list[Article]:
    """The message's article and its attachments' (a message attached in Outlook's own form
    read as this one is, ``MAX_NESTING`` levels deep at most)."""
    with nested():
        attachments, outcomes = attached_articles(
            _attached_files(message), Path(origin), read_attachment
        )
        for name, inner in _attached_messages(message):
            if too_deep():
                outcomes.append(f"{name} (not imported: attached too many levels deep)")
                continue
            found = _articles(inner, path, f"{origin}#{name}", read_attachment)
            attachments += found
            outcomes.append(f"{name} ({'imported as its own article' if found else 'no text'})")
    body = _body(message, path)
    if not body.strip() and not attachments:
        return []
    article = build_article(
        path,
        title=message.text(_SUBJECT),
        text=with_attachment_list(body, outcomes),
        byline=_sender(message),
        published=_date(message),
        origin=origin,
    )
    return [article, *attachments]


def _body(message: _Properties, path: Path) -> str:
    """The message's plain text, else its HTML reduced to text, else its rich text; a
    newsletter's HTML first (``html_mail_text``)."""
    plain = message.text(_BODY)
    bulk = bool(_header(message, "list-unsubscribe"))
    has_html = message.has(_HTML, _BINARY) or message.has(_HTML, _UNICODE)
    if plain.strip() and not (bulk and has_html):
        return plain
    html = message.binary(_HTML)
    if not html and not message.has(_HTML, _UNICODE) and message.has(_RTF, _BINARY):
        return compressed_rtf_text(message.binary(_RTF), path)
    if html:
        page = message.fixed(_HTML_CODE_PAGE, _PT_LONG)
        codec = (text_codec(f"cp{page}") if page else None) or message.codec or "utf-8"
        document = html.decode(codec, "replace")
    else:
        document = message.text(_HTML)
    return html_mail_text(document, bulk=bulk)


def _sender(message: _Properties) -> str:
    """The sender's name, else their address (not an Exchange path: "/O=ORG/OU=…")."""
    name = message.text(_SENDER_NAME) or message.text(_SENT_FOR_NAME)
    if name.strip():
        return name
    shown, address = email.utils.parseaddr(_header(message, "from"))
    if shown.strip():
        return shown
    addresses = (address, message.text(_SENDER_ADDRESS), message.text(_SENT_FOR_ADDRESS))
    return next((a.strip() for a in addresses if "@" in a), "")


def _date(message: _Properties) -> str:
    """The day the message was sent: its Date header (the sender's own day), else the time
    Outlook recorded it was sent or delivered."""
    try:
        stated = email.utils.parsedate_to_datetime(_header(message, "date"))
    except (ValueError, TypeError, IndexError, OverflowError):
        stated = None
    if stated is not None:
        return iso_date(stated)
    for prop in (_SUBMITTED, _DELIVERED):
        ticks = message.fixed(prop, _PT_SYSTIME)
        if ticks and ticks > 0:
            try:
                return iso_date(_FILETIME_START + timedelta(microseconds=ticks // 10))
            except OverflowError:
                continue
    return ""


def _header(message: _Properties, name: str) -> str:
    """One field of the Internet headers the message arrived with, if Outlook kept them."""
    headers = message.text(_HEADERS)
    if not headers:
        return ""
    return str(email.message_from_string(headers).get(name) or "")


def _attachment_storages(message: _Properties) -> Iterator[tuple[int, Storage]]:
    """The storages of the message's attachments, in order, numbered from 1."""
    depth = len(message.storage) + 1
    found = sorted(
        tuple(entry)
        for entry in message.ole.listdir(streams=False, storages=True)
        if len(entry) == depth
        and tuple(entry[:-1]) == message.storage
        and entry[-1].startswith("__attach_version1.0_#")
    )
    yield from enumerate(found, start=1)


def _attachment_name(attachment: _Properties, number: int, default: str) -> str:
    """An attachment's file name, without folders."""
    name = next(
        (n for n in map(attachment.text, (_LONG_NAME, _SHORT_NAME, _DISPLAY_NAME)) if n.strip()),
        "",
    )
    return Path(name.replace("\\", "/")).name or default.format(number)


def _attached_files(message: _Properties) -> Iterator[tuple[str, bytes]]:
    for number, storage in _attachment_storages(message):
        attachment = _Properties(message.ole, storage, _ATTACHMENT_HEADER)
        if attachment.has(_DATA, _BINARY):
            yield _attachment_name(attachment, number, "attachment-{}"), attachment.binary(_DATA)


def _attached_messages(message: _Properties) -> Iterator[tuple[str, _Properties]]:
    """Messages attached in Outlook's own form (a forwarded e-mail), each with its name."""
    for number, storage in _attachment_storages(message):
        inner = (*storage, f"__substg1.0_{_DATA:04X}{_OBJECT}")
        if message.ole.exists("/".join(inner)):
            attachment = _Properties(message.ole, storage, _ATTACHMENT_HEADER)
            name = _attachment_name(attachment, number, "message-{}.msg")
            yield name, _Properties(message.ole, inner, _EMBEDDED_HEADER)
