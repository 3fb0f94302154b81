"""Outlook .msg files made on the spot for the importer tests: MAPI properties ([MS-OXMSG]) in
an OLE compound file ([MS-CFB], version 3: 512-byte sectors, streams under 4,096 bytes in the
mini stream), written by hand as Outlook lays them out."""

from __future__ import annotations

import math
import struct
from datetime import datetime, timezone

from compressed_rtf import compress

SECTOR, MINI_SECTOR, CUTOFF = 512, 64, 4096
FREE, END, FAT_MARK = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_ENTRY = 0xFFFFFFFF
UNICODE, STRING8, BINARY = "001F", "001E", "0102"
PT_LONG, PT_SYSTIME = 0x0003, 0x0040


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file of ``streams`` ("storage/stream" paths; storages implied)."""
    tree: dict = {}
    for path, data in streams.items():
        *folders, name = path.split("/")
        node = tree
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = data
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "children": tree}]
    _number(entries, 0)
    mini = bytearray()
    minifat: list[int] = []
    big: list[tuple[dict, bytes]] = []
    for entry in entries:
        data = entry.get("data")
        if data is None:
            continue
        if len(data) < CUTOFF:
            first = len(mini) // MINI_SECTOR
            count = max(1, math.ceil(len(data) / MINI_SECTOR)) if data else 0
            minifat += [first + i + 1 for i in range(count - 1)] + ([END] if count else [])
            entry["start"] = first if count else END
            mini += data.ljust(count * MINI_SECTOR, b"\0")
        else:
            big.append((entry, data))
    directory = b"".join(_entry(e) for e in entries)
    directory = directory.ljust(math.ceil(len(directory) / SECTOR) * SECTOR, b"\0")
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_bytes = minifat_bytes.ljust(math.ceil(len(minifat_bytes) / SECTOR) * SECTOR, b"\xff")
    mini_size = len(mini)
    mini = bytes(mini.ljust(math.ceil(len(mini) / SECTOR) * SECTOR, b"\0"))
    chunks = [directory, minifat_bytes, mini] + [
        data.ljust(math.ceil(len(data) / SECTOR) * SECTOR, b"\0") for _, data in big
    ]
    sizes = [len(c) // SECTOR for c in chunks]
    fat_count = 1
    while fat_count * (SECTOR // 4) < fat_count + sum(sizes):
        fat_count += 1
    fat = [FAT_MARK] * fat_count
    starts = []
    for size in sizes:
        starts.append(len(fat) if size else END)
        fat += [len(fat) + i + 1 for i in range(size - 1)] + ([END] if size else [])
    entries[0]["start"], entries[0]["size"] = starts[2], mini_size
    for (entry, _), start in zip(big, starts[3:], strict=True):
        entry["start"] = start
    directory = b"".join(_entry(e) for e in entries)
    chunks[0] = directory.ljust(len(chunks[0]), b"\0")
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat).ljust(fat_count * SECTOR, b"\xff")
    difat = list(range(fat_count)) + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        starts[0],
        0,
        CUTOFF,
        starts[1] if minifat else END,
        sizes[1] if minifat else 0,
        END,
        0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    return header + fat_bytes + b"".join(chunks)


def _number(entries: list[dict], index: int) -> None:
    """Give each entry its children's ids: a storage's children as a chain of right
    siblings in the order the format sorts names (shorter first, then by capitals)."""
    children = entries[index].pop("children")
    ordered = sorted(children, key=lambda n: (len(n), n.upper()))
    ids = []
    for name in ordered:
        value = children[name]
        entry = {"name": name}
        if isinstance(value, dict):
            entry.update(type=1, children=value)
        else:
            entry.update(type=2, data=value, size=len(value))
        entries.append(entry)
        ids.append(len(entries) - 1)
    entries[index]["child"] = ids[0] if ids else NO_ENTRY
    for this, following in zip(ids, [*ids[1:], NO_ENTRY], strict=True):
        entries[this]["right"] = following
    for child in ids:
        if entries[child]["type"] == 1:
            _number(entries, child)


def _entry(entry: dict) -> bytes:
    name = entry["name"].encode("utf-16-le") + b"\0\0"
    return struct.pack(
        "<64sHBBIII16sIQQIII",
        name,
        len(name),
        entry["type"],
        1,
        NO_ENTRY,
        entry.get("right", NO_ENTRY),
        entry.get("child", NO_ENTRY),
        b"\0" * 16,
        0,
        0,
        0,
        entry.get("start", END),
        entry.get("size", 0),
        0,
    )


def properties(
    strings: dict[int, str] | None = None,
    binaries: dict[int, bytes] | None = None,
    *,
    fixed: dict[int, tuple[int, int]] | None = None,
    header: int = 32,
    unicode: bool = True,
    codec: str = "cp1252",
) -> dict[str, bytes]:
    """The streams of one object's properties: each string or binary in a stream of its own,
    the fixed-size ones (``{id: (type, value)}``) in ``__properties_version1.0``."""
    streams = {}
    for prop, text in (strings or {}).items():
        kind = UNICODE if unicode else STRING8
        encoded = text.encode("utf-16-le" if unicode else codec)
        streams[f"__substg1.0_{prop:04X}{kind}"] = encoded
    for prop, data in (binaries or {}).items():
        streams[f"__substg1.0_{prop:04X}{BINARY}"] = data
    table = bytearray(header)
    for prop, (kind, value) in (fixed or {}).items():
        table += struct.pack("<IIq", prop << 16 | kind, 6, value)
    streams["__properties_version1.0"] = bytes(table)
    return streams


def filetime(moment: datetime) -> int:
    """A time as Windows stores it: 100-nanosecond ticks since 1601 (UTC)."""
    start = datetime(1601, 1, 1, tzinfo=timezone.utc)
    return int((moment - start).total_seconds() * 10_000_000)


def outlook_message(
    *,
    subject: str,
    body: str = "",
    sender: str = "",
    sent: datetime | None = None,
    html: bytes = b"",
    rtf: str = "",
    attachments: dict[str, bytes] | None = None,
    attached_messages: dict[str, dict[str, bytes]] | None = None,
    unicode: bool = True,
    headers: str = "",
) -> dict[str, bytes]:
    """A message's streams as Outlook saves it: subject, sender's name, plain or HTML body (or
    only ``rtf``, compressed as Outlook keeps it), sending time, the file's code page, and its
    attachments (files, or messages attached in Outlook's own form: ``outlook_message``'s), and
    the Internet ``headers`` it arrived with."""
    strings = {0x0037: subject}
    if headers:
        strings[0x007D] = headers
    if body:
        strings[0x1000] = body
    if sender:
        strings[0x0C1A] = sender
    fixed = {0x3FFD: (PT_LONG, 1252)}
    if sent is not None:
        fixed[0x0039] = (PT_SYSTIME, filetime(sent))
    binaries = {0x1013: html} if html else {}
    if rtf:
        binaries[0x1009] = compress(rtf.encode("ascii"), compressed=True)
    streams = properties(strings, binaries, fixed=fixed, unicode=unicode)
    for number, (name, data) in enumerate((attachments or {}).items()):
        storage = f"__attach_version1.0_#{number:08X}"
        parts = properties({0x3707: name}, {0x3701: data}, header=8)
        streams.update({f"{storage}/{key}": value for key, value in parts.items()})
    for number, (name, inner) in enumerate(
        (attached_messages or {}).items(), start=len(attachments or {})
    ):
        storage = f"__attach_version1.0_#{number:08X}"
        parts = properties({0x3001: name}, header=8)
        streams.update({f"{storage}/{key}": value for key, value in parts.items()})
        for key, value in inner.items():
            if key == "__properties_version1.0":
                value = value[:24] + value[32:]  # an attached message's header is 24 bytes
            streams[f"{storage}/__substg1.0_3701000D/{key}"] = value
    return streams


def msg_bytes(**fields: object) -> bytes:
    """A whole .msg file of ``outlook_message(**fields)``."""
    return compound_file(outlook_message(**fields))  # type: ignore[arg-type]
