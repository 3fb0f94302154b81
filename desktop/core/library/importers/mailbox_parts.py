"""A mailbox too large to read at once (years of mail exported from Gmail or Thunderbird, a
leaked inbox of gigabytes) read a part at a time: runs of whole messages of about
``PART_BYTES`` each, named by their messages' numbers (``inbox.mbox#1-812``).

The mailbox is scanned for the lines that start its messages without being held in memory.
Messages are numbered as a mailbox read whole numbers them (empty ones left out), so an
article's origin (the message's id, else its number) is the same however the mailbox was
read, and re-importing it updates its articles in place. One message larger than
``MAX_MESSAGE_BYTES`` is refused alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from desktop.core.files import open_regular
from desktop.core.library.importers.decoding import MAX_FILE_BYTES
from desktop.core.library.importers.errors import UnreadableFile

MBOX_SUFFIX = ".mbox"
PART_BYTES = MAX_FILE_BYTES
"""The most a part holds, unless one message alone is larger."""
MAX_MESSAGE_BYTES = 3 * MAX_FILE_BYTES
"""The largest message read (60 MiB: attachments of 45 MB, base64-encoded, and some)."""
_BLOCK = 8 * 1024 * 1024
MBOX_SEPARATOR = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
"""The line that starts a message of a mailbox (mboxo and mboxrd: any line from "From ")."""
_PART_NAME = re.compile(r"#(\d+)-(\d+)\Z")
MBOX_START = re.compile(rb"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ")
"""A mailbox's first line: ``From sender Tue Mar  5 09:30:00 2024``, not a text's "From the…"."""
_BLANK_CHECK = 64
"""A message this short after its ``From`` line is read to see whether it is blank."""


def is_large_mailbox(path: Path) -> bool:
    """Whether ``path`` is a mailbox too large to read at once: ``.mbox``, or without a suffix
    and starting as a mailbox does (Thunderbird's "Inbox"), over ``MAX_FILE_BYTES``."""
    suffix = path.suffix.lower()
    if suffix not in (MBOX_SUFFIX, ""):
        return False
    try:
        handle, size = open_regular(path)
    except OSError:
        return False
    with handle:
        return size > MAX_FILE_BYTES and (suffix == MBOX_SUFFIX or _starts_as_mailbox(handle))


def _starts_as_mailbox(handle: BinaryIO) -> bool:
    return MBOX_START.match(handle.read(200)) is not None


def mailbox_parts(path: Path) -> list[tuple[int, int]]:
    """``(first, last)`` message numbers of each part of the mailbox, in order; empty for a
    file in which no message starts (it is read whole, and refused as too large)."""
    starts = message_starts(path)
    parts: list[tuple[int, int]] = []
    first = 1
    for number in range(1, len(starts)):
        if starts[number] - starts[first - 1] > PART_BYTES and number > first:
            parts.append((first, number - 1))
            first = number
    if len(starts) > 1:
        parts.append((first, len(starts) - 1))
    return parts


def part_path(path: Path, first: int, last: int) -> Path:
    """How a part is named in reports: ``inbox.mbox#1-812``."""
    return Path(f"{path}#{first}-{last}")


def split_part_path(path: Path) -> tuple[Path, int, int] | None:
    """``(mailbox, first, last)`` for a part's path, None for any other path."""
    match = _PART_NAME.search(str(path))
    if match is None:
        return None
    mailbox = Path(str(path)[: match.start()])
    if not mailbox.is_file():
        return None
    return mailbox, int(match.group(1)), int(match.group(2))


def read_part(mailbox: Path, first: int, last: int) -> bytes:
    """The bytes of messages ``first`` to ``last``, each starting with its ``From`` line."""
    starts = message_starts(mailbox)
    shown = part_path(mailbox, first, last)
    if not 1 <= first <= last < len(starts):
        raise UnreadableFile(shown, "the mailbox changed since it was listed: import it again")
    size = starts[last] - starts[first - 1]
    if first == last and size > MAX_MESSAGE_BYTES:  # a part of several is at most PART_BYTES
        raise UnreadableFile(
            shown,
            f"message {first} is too large ({size / 1048576:.1f} MiB; the limit is "
            f"{MAX_MESSAGE_BYTES // 1048576} MiB)",
        )
    handle, _size = open_regular(mailbox)
    with handle:
        handle.seek(starts[first - 1])
        return handle.read(size)


_cache: dict[tuple[str, int, int], list[int]] = {}


def message_starts(path: Path) -> list[int]:
    """Where each non-empty message starts, and where the last one ends: entry ``n - 1`` is
    message ``n``'s ``From`` line. Scanned once while the file is unchanged (an import reads
    the parts one after another)."""
    info = os.stat(path)
    key = (os.path.realpath(path), info.st_size, info.st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _scan(path)
    return _cache[key]


def _scan(path: Path) -> list[int]:
    handle, size = open_regular(path)
    with handle:
        lines = _separator_lines(handle)
        ends = [start for start, _ in lines[1:]] + [size] if lines else []
        starts = [
            start
            for (start, line_end), end in zip(lines, ends, strict=True)
            if not _blank(handle, line_end, end)
        ]
    return [*starts, size] if starts else []


def _separator_lines(handle: BinaryIO) -> list[tuple[int, int]]:
    """``(start, end)`` of every ``From`` line that starts a message, read a block at a time
    (a line cut by a block's end is read again with the next block)."""
    found: list[tuple[int, int]] = []
    offset = 0  # of ``pending`` in the file
    pending = b""
    while True:
        block = handle.read(_BLOCK)
        data = pending + block
        complete = len(data) if not block else data.rfind(b"\n") + 1
        found += (
            (offset + match.start(), offset + match.end())
            for match in MBOX_SEPARATOR.finditer(data, 0, complete)
        )
        if not block:
            return found
        pending = data[complete:]
        offset += complete


def _blank(handle: BinaryIO, start: int, end: int) -> bool:
    """Whether the message between ``start`` and ``end`` holds only white space (a mailbox
    read whole leaves such messages out, and so do its parts)."""
    if end - start > _BLANK_CHECK:
        return False
    handle.seek(start)
    return not handle.read(end - start).strip()
