"""What every OLE compound file (Outlook's .msg, old Word and PowerPoint files) is read with:
its magic, its opening, the errors a damaged one raises, its summary properties."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import olefile

from desktop.core.library.importers.building import iso_date
from desktop.core.library.importers.decoding import text_codec
from desktop.core.library.importers.errors import UnreadableFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of every OLE compound file (a .msg, but also an old .doc or .xls)."""
COMPOUND_FILE_ERRORS = (
    OSError,
    ValueError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    RecursionError,
)
"""What olefile and the reading of a compound file's streams raise on a damaged file."""
_UTF8_PAGE = 65001
_SUMMARY = "\x05SummaryInformation"
_SUMMARY_BYTES = 1 << 20  # far more than titles and names take
_MOST_PROPERTIES = 1000
_CODE_PAGE, _TITLE, _AUTHOR, _CREATED = 1, 2, 4, 12  # PIDSI_CODEPAGE, _TITLE, _AUTHOR, _CREATE_DTM
_SHORT, _STRING, _FILETIME = 2, 30, 64  # VT_I2, VT_LPSTR, VT_FILETIME


@contextmanager
def open_compound_file(data: bytes, path: Path, kind: str) -> Iterator[olefile.OleFileIO]:
    """The compound file in ``data``, open while the block reads it. ``kind`` names what it
    should be ("a Word document"): a file that is no compound file is "not" one, and any fault
    met inside the block makes it "a damaged" one."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except COMPOUND_FILE_ERRORS as exc:
        raise UnreadableFile(path, f"not {kind} ({exc})") from exc
    with ole:
        try:
            yield ole
        except UnreadableFile:
            raise
        except COMPOUND_FILE_ERRORS as exc:
            noun = kind.split(" ", 1)[1]
            raise UnreadableFile(path, f"a damaged {noun} ({exc})") from exc


def refuse_encrypted(ole: olefile.OleFileIO, path: Path, noun: str) -> None:
    """An Office file saved with a password is a compound file holding only its encrypted
    package, whatever its name says it is."""
    if ole.exists("EncryptedPackage"):
        raise UnreadableFile(path, encrypted(noun))


def encrypted(noun: str) -> str:
    return (
        f"the {noun} is encrypted (password-protected) — save an unprotected copy and import that"
    )


def summary_properties(ole: olefile.OleFileIO) -> tuple[str, str, str]:
    """Title, author and creation day from a compound file's summary information (old Word
    and PowerPoint files), in its own code page, where it has one. Read here, not with
    olefile's ``get_metadata``, which walks every property: a damaged list's count of four
    billion values had it fill memory for minutes."""
    if not ole.exists(_SUMMARY):
        return "", "", ""
    with ole.openstream(_SUMMARY) as stream:
        values = _summary_values(stream.read(_SUMMARY_BYTES))
    page = struct.unpack("<h", values[_CODE_PAGE][:2])[0] % 0x10000 if _CODE_PAGE in values else 0
    codec = "utf-8" if page == _UTF8_PAGE else text_codec(f"cp{page}") or "cp1252"

    def field(key: int) -> str:
        """A property's text up to its terminating NUL: what a writer left after it is not."""
        text = values.get(key, b"").decode(codec, "replace")
        return " ".join(text.split("\x00", 1)[0].split())

    created = values.get(_CREATED, b"")
    when = ""
    if len(created) == 8:
        ticks = int.from_bytes(created, "little")  # 100 ns since 1601
        try:
            when = iso_date(datetime(1601, 1, 1) + timedelta(microseconds=ticks // 10))
        except OverflowError:
            when = ""
    return field(_TITLE), field(_AUTHOR), when


def _summary_values(data: bytes) -> dict[int, bytes]:
    """The raw values of the first property set's strings, code page and times, by id
    ([MS-OLEPS]: a header, a section of (id, offset) pairs, each value after its type)."""
    values: dict[int, bytes] = {}
    try:
        (section,) = struct.unpack_from("<I", data, 44)
        _size, count = struct.unpack_from("<II", data, section)
        for index in range(min(count, _MOST_PROPERTIES)):
            key, offset = struct.unpack_from("<II", data, section + 8 + 8 * index)
            at = section + offset
            (kind,) = struct.unpack_from("<I", data, at)
            if kind == _STRING:
                (length,) = struct.unpack_from("<I", data, at + 4)
                values[key] = data[at + 8 : at + 8 + min(length, len(data))]
            elif kind in (_SHORT, _FILETIME):
                values[key] = data[at + 4 : at + 4 + (2 if kind == _SHORT else 8)]
    except struct.error:
        pass  # a damaged list keeps what was read before the damage
    return values
