"""Outlook's wrapping of a message for other mail programs: ``winmail.dat`` ([MS-OXTNEF]).

Outlook sends a rich-text message to a recipient outside Exchange as plain text plus one
attachment, ``winmail.dat`` (``application/ms-tnef``), holding the message's formatted body and
every file attached to it: a mail program that is not Outlook shows only that one attachment,
and the files in it were "a file type Dossier does not read". The format is a run of
attributes (level, id, length, value, checksum); the message's text and an attachment's long
name and data may also stand in MAPI property lists, as in a ``.msg`` file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.library.importers.decoding import text_codec
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.mail_html import html_mail_text
from desktop.core.library.importers.rich_text import compressed_rtf_text

SIGNATURE = b"\x78\x9f\x3e\x22"
_BODY, _MESSAGE_PROPERTIES, _CODE_PAGE = 0x800C, 0x9003, 0x9007
_NEW_ATTACHMENT, _ATTACHMENT_TITLE, _ATTACHMENT_DATA, _ATTACHMENT_PROPERTIES = (
    0x9002,
    0x8010,
    0x800F,
    0x9005,
)
_PR_BODY, _PR_RTF_COMPRESSED, _PR_HTML = 0x1000, 0x1009, 0x1013
_PR_LONG_FILENAME, _PR_FILENAME, _PR_ATTACH_DATA = 0x3707, 0x3704, 0x3701
_STRING8, _UNICODE, _BINARY, _OBJECT = 0x001E, 0x001F, 0x0102, 0x000D
_COUNTED = (_STRING8, _UNICODE, _BINARY, _OBJECT)
_MULTIPLE = 0x1000
_FIXED_BYTES = {
    0x0002: 4,  # 16-bit integer, padded
    0x0003: 4,
    0x0004: 4,
    0x0005: 8,
    0x0006: 8,
    0x0007: 8,
    0x000A: 4,
    0x000B: 4,  # boolean, padded
    0x0014: 8,
    0x0040: 8,  # time
    0x0048: 16,  # GUID
}
_OBJECT_ID_BYTES = 16  # an object value opens with its interface's id


@dataclass
class Wrapped:
    """What ``winmail.dat`` holds: the message's text ("" when none) and its files."""

    text: str = ""
    files: list[tuple[str, bytes]] = field(default_factory=list)


def is_tnef(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


def read_tnef(data: bytes, path: Path) -> Wrapped:
    """The message's text and files; a file too damaged to walk is an ``UnreadableFile``."""
    try:
        attributes = list(_attributes(data))
    except struct.error as exc:
        raise UnreadableFile(path, "Outlook's winmail.dat is damaged") from exc
    codec = "cp1252"
    body, properties = "", {}
    files: list[dict[int, bytes | str]] = []
    for attribute, value in attributes:
        if attribute == _CODE_PAGE and len(value) >= 4:
            codec = text_codec(f"cp{struct.unpack_from('<I', value)[0]}") or codec
        elif attribute == _BODY:
            body = value.decode(codec, "replace").strip("\x00")
        elif attribute == _MESSAGE_PROPERTIES:
            properties = _mapi_properties(value, codec)
        elif attribute == _NEW_ATTACHMENT:
            files.append({})
        elif files and attribute == _ATTACHMENT_TITLE:
            files[-1][_PR_FILENAME] = value.decode(codec, "replace").strip("\x00")
        elif files and attribute == _ATTACHMENT_DATA:
            files[-1][_PR_ATTACH_DATA] = value
        elif files and attribute == _ATTACHMENT_PROPERTIES:
            files[-1].update(_mapi_properties(value, codec))
    named = [_named_file(file, number) for number, file in enumerate(files, start=1)]
    try:
        text = _text(properties, body, path)
    except UnreadableFile:  # damaged rich text costs the text, not the files
        text = ""
    return Wrapped(text, [f for f in named if f[1]])


def _text(properties: dict[int, bytes | str], body: str, path: Path) -> str:
    """The message's plain text, else its HTML, else its compressed rich text, as text."""
    plain = properties.get(_PR_BODY)
    if isinstance(plain, str) and plain.strip():
        return plain
    if body.strip():
        return body
    html = properties.get(_PR_HTML)
    if html:
        document = html if isinstance(html, str) else html.decode("utf-8", "replace")
        return html_mail_text(document, bulk=False)
    rich = properties.get(_PR_RTF_COMPRESSED)
    return compressed_rtf_text(rich, path) if isinstance(rich, bytes) and rich else ""


def _named_file(file: dict[int, bytes | str], number: int) -> tuple[str, bytes]:
    name = file.get(_PR_LONG_FILENAME) or file.get(_PR_FILENAME) or f"attachment-{number}"
    data = file.get(_PR_ATTACH_DATA, b"")
    return str(name).replace("\\", "/").rsplit("/", 1)[-1], data if isinstance(data, bytes) else b""


def _attributes(data: bytes) -> list[tuple[int, bytes]]:
    """``(attribute, value)`` in order: the attribute's id without its type bits."""
    found = []
    at = 6  # the signature, then a 16-bit key
    while at + 9 <= len(data):
        attribute, length = struct.unpack_from("<II", data, at + 1)
        value = data[at + 9 : at + 9 + length]
        if len(value) < length:
            raise struct.error("an attribute runs past the end")
        found.append((attribute & 0xFFFF, value))
        at += 9 + length + 2  # and its checksum
    return found


def _mapi_properties(block: bytes, codec: str) -> dict[int, bytes | str]:
    """The properties of a MAPI list, by id: strings as text, the rest as bytes; a list cut
    short or of a type not known keeps what was read before it."""
    found: dict[int, bytes | str] = {}
    try:
        (count,) = struct.unpack_from("<I", block, 0)
        at = 4
        for _ in range(count):
            kind, prop = struct.unpack_from("<HH", block, at)
            at += 4
            if prop >= 0x8000:  # a named property: its set's GUID and its number or name
                (named_by,) = struct.unpack_from("<I", block, at + 16)
                at += 20
                if named_by:
                    (length,) = struct.unpack_from("<I", block, at)
                    at += 4 + _padded(length)
                else:
                    at += 4
            base = kind & ~_MULTIPLE
            values, at = _values(block, at, base, counted=bool(kind & _MULTIPLE))
            if values and not kind & _MULTIPLE:
                found[prop] = _value(values[0], base, codec)
    except (struct.error, KeyError):
        pass
    return found


def _values(block: bytes, at: int, base: int, *, counted: bool) -> tuple[list[bytes], int]:
    count = 1
    if counted or base in _COUNTED:
        (count,) = struct.unpack_from("<I", block, at)
        at += 4
    if count > len(block) - at:  # each value takes a byte at least: a damaged count
        raise struct.error("more values than bytes")
    values = []
    for _ in range(count):
        if base in _COUNTED:
            (length,) = struct.unpack_from("<I", block, at)
            at += 4
            values.append(block[at : at + length])
            at += _padded(length)
        else:
            size = _FIXED_BYTES[base]
            values.append(block[at : at + size])
            at += size
    return values, at


def _value(raw: bytes, base: int, codec: str) -> bytes | str:
    if base == _STRING8:
        return raw.decode(codec, "replace").rstrip("\x00")
    if base == _UNICODE:
        return raw.decode("utf-16-le", "replace").rstrip("\x00")
    if base == _OBJECT:
        return raw[_OBJECT_ID_BYTES:]
    return raw


def _padded(length: int) -> int:
    return (length + 3) & ~3
