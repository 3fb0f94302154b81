"""What every OLE compound file (Outlook's .msg, old Word and PowerPoint files) is read with:
its magic, its opening, the errors a damaged one raises, its summary properties."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
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
    and PowerPoint files), in its own code page, where it has one."""
    meta = ole.get_metadata()
    page = (meta.codepage or 0) % 0x10000  # stored as a signed number: 65001 reads -535
    codec = "utf-8" if page == _UTF8_PAGE else text_codec(f"cp{page}") or "cp1252"

    def field(value: object) -> str:
        """A property's text up to its terminating NUL: what a writer left after it is not."""
        text = value.decode(codec, "replace") if isinstance(value, bytes) else str(value or "")
        return " ".join(text.split("\x00", 1)[0].split())

    created = meta.create_time
    return field(meta.title), field(meta.author), iso_date(created) if created else ""
