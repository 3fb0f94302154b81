"""Zip containers (Word, OpenDocument, EPUB) and gzip-compressed files opened safely, and XML
parts parsed safely.

A 20 MiB zip can unpack to gigabytes. Python's zipfile never inflates a member past the size
its directory declares, so checking the declared sizes before reading anything caps what a
hostile archive can make us unpack. XML parts go through defusedxml, which refuses entity
declarations (billion laughs) and external references.
"""

from __future__ import annotations

import gzip
import io
import unicodedata
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

from desktop.core.library.importers.errors import UnreadableFile

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Most a container may unpack to in all (200 MiB): ten times the file size limit, far above
any real document, low enough that a zip bomb fails at once."""
MAX_MEMBERS = 20_000
_UTF8_NAME = 0x800  # the general-purpose flag bit of a name stored in UTF-8
DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)
"""What reading a damaged member raises: a bad CRC or header, corrupt deflate data, a method
zipfile does not know."""


def open_archive(data: bytes, path: Path, kind: str) -> zipfile.ZipFile:
    """The container as a ``ZipFile``, refused when damaged or when it would unpack too far."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (*DAMAGED, zipfile.LargeZipFile) as exc:
        raise UnreadableFile(
            path, f"not a valid {kind} file (damaged or truncated: {exc})"
        ) from exc
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(path, f"the {kind} file holds too many parts ({len(members)})")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            path,
            f"the {kind} file would unpack to {unpacked / 1048576:.0f} MiB (the limit is "
            f"{MAX_UNPACKED_BYTES // 1048576} MiB), refused for safety",
        )
    return archive


def gunzip(data: bytes, path: Path, limit: int) -> bytes:
    """A gzip-compressed file's content, read no further than ``limit`` bytes: a file that
    would unpack past it is refused (a few kilobytes can unpack to gigabytes)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            content = handle.read(limit + 1)
    except (*DAMAGED, gzip.BadGzipFile) as exc:
        raise UnreadableFile(path, f"not a valid gzip file (damaged or truncated: {exc})") from exc
    if len(content) > limit:
        raise UnreadableFile(
            path,
            f"would unpack past {limit // 1048576} MiB (the size limit of a file), refused for "
            "safety",
        )
    if not content.strip():
        raise UnreadableFile(path, "file is empty once unpacked")
    return content


def read_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """One part's bytes; a missing or corrupt part is the file's failure. A name is found
    whatever the Unicode form of its accents (a book zipped on a Mac stores "ü" as "u" and a
    combining mark where its package writes one character) and in UTF-8 stored without the
    flag that says so ("表紙.xhtml", which zipfile then reads in code page 437)."""
    try:
        return archive.read(_stored_name(archive, name))
    except KeyError as exc:
        raise UnreadableFile(path, f"part {name!r} is missing") from exc
    except DAMAGED as exc:
        raise UnreadableFile(path, f"part {name!r} is damaged ({exc})") from exc


def _stored_name(archive: zipfile.ZipFile, name: str) -> str:
    try:
        return archive.getinfo(name).filename
    except KeyError:
        if name.isascii():
            return name
    wanted = unicodedata.normalize("NFC", name)
    stored = (
        member.filename
        for member in archive.infolist()
        if unicodedata.normalize("NFC", written_name(member)) == wanted
    )
    return next(stored, name)


def written_name(member: zipfile.ZipInfo) -> str:
    if member.flag_bits & _UTF8_NAME:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return member.filename


def parse_xml(data: bytes, path: Path, part: str) -> Element:
    """An XML part as an ElementTree, parsed without entity declarations or external refs."""
    try:
        return defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException as exc:
        raise UnreadableFile(
            path, f"{part} declares entities or external references, refused for safety"
        ) from exc
    except ParseError as exc:
        raise UnreadableFile(path, f"{part} is not well-formed XML ({exc})") from exc


def member_xml(archive: zipfile.ZipFile, name: str, path: Path) -> Element:
    return parse_xml(read_member(archive, name, path), path, name)
