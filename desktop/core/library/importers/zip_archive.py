"""Zip archives of files to import (a records release, a folder sent zipped, an e-mail's
zipped attachment): each file inside is treated as if it lay in a folder.

Listing an archive reads its directory only. Hidden entries and macOS's ``__MACOSX`` forks are
left out as a folder walk leaves out hidden files, and a saved page's folder of pictures and
frames is one skipped entry. An entry that cannot be unpacked (encrypted, packed with a method
Python's zipfile lacks, over the size limit of a file) is named with the reason before anything
is read. An entry is read alone, never past the size its directory declares, so a zip bomb
costs at most one refused entry; an archive whose entries would unpack past
``MAX_ARCHIVE_UNPACKED`` (overlapping entries, petabytes declared) is refused whole.

An entry's path is the archive's, ``#`` and the entry's name (``release.zip#2019/memo.pdf``;
a zip in a zip: ``release.zip#scans.zip#memo.pdf``), shown in reports and kept as the origin,
so re-importing the archive updates its articles in place.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop.core.files import NotRegularFile, open_regular
from desktop.core.library.importers.archive import DAMAGED, MAX_MEMBERS
from desktop.core.library.importers.decoding import MAX_FILE_BYTES
from desktop.core.library.importers.errors import UnreadableFile
from desktop.core.library.importers.formats import RESOURCES_SUFFIX, is_supported, page_resources
from desktop.core.library.importers.zip_names import entry_names

ZIP_SUFFIX = ".zip"
ZIP_MAGIC = b"PK\x03\x04"
MAX_DEPTH = 3
"""Zips inside zips are opened this deep; deeper ones are listed with the reason (a crafted
archive can nest thousands of levels, each multiplying what is unpacked)."""
MAX_ARCHIVE_UNPACKED = 4 * 1024**3
"""Most the entries of one archive may unpack to in all (4 GiB): above a large records
release, far below what overlapping-entry zip bombs declare."""
_ENCRYPTED = 0x1  # the general-purpose flag bit of an encrypted entry
_UNPACKABLE = {
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
}
_METHOD_NAMES = {
    9: "Deflate64",
    10: "PKWARE DCL Implode",
    6: "Implode",
    98: "PPMd",
    93: "Zstandard",
}
_HIDDEN_FOLDERS = {"__MACOSX"}
NAMELESS = "(no name)"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""Characters no file name shows (a damaged or crafted name): written as ``\\x0a``, so a report
stays one line per file."""
_RELATIVE = {".", ".."}  # "../memo.txt" is no hidden file: it is listed and read

SPLIT = (
    "the last part of a zip archive split over several files (.z01, .z02 … beside it): join "
    "them with a zip program (zip -s 0 part.zip --out whole.zip) and import the whole archive"
)
FILE, UNSUPPORTED, RESOURCES, REFUSED = "file", "unsupported", "resources", "refused"
"""What an entry is: a file to read; a file of a type Dossier does not import; a saved page's
folder of resources; a file that cannot be unpacked (``Entry.reason`` says why)."""


@dataclass(frozen=True)
class Entry:
    """One file (or skipped folder) of an archive: its name as written and what it is."""

    name: str
    kind: str
    reason: str = ""
    stored: str = ""
    """The name zipfile knows the entry by (differs from ``name`` for UTF-8 stored without its
    flag); empty for a folder."""


def is_zip_archive(name: str, data: bytes) -> bool:
    """Whether a file called ``name`` holding ``data`` is a zip archive to open."""
    return name.lower().endswith(ZIP_SUFFIX) and data.startswith(ZIP_MAGIC)


def open_zip(source: Path | bytes, path: Path) -> zipfile.ZipFile:
    """The archive at ``source`` (a file, or an entry's bytes), its directory read; refused
    when damaged, when it lists too many entries, or when they would unpack too far."""
    try:
        if isinstance(source, bytes):
            archive = zipfile.ZipFile(io.BytesIO(source))
        else:
            handle, _size = open_regular(source)  # refuses a FIFO or device without blocking
            handle.close()
            archive = zipfile.ZipFile(source)  # by name: closing the archive closes the file
        infos = archive.infolist()
    except NotRegularFile as exc:
        raise UnreadableFile(path, "not a regular file") from exc
    except (*DAMAGED, zipfile.LargeZipFile) as exc:
        if "multiple disks" in str(exc):
            raise UnreadableFile(path, SPLIT) from exc
        raise UnreadableFile(
            path, f"not a valid zip archive (damaged or truncated: {exc})"
        ) from exc
    if any(info.volume for info in infos):  # entries on the other parts (.z01 …)
        archive.close()
        raise UnreadableFile(path, SPLIT)
    if len(infos) > MAX_MEMBERS:
        archive.close()
        raise UnreadableFile(path, f"the zip archive holds too many entries ({len(infos):,})")
    unpacked = sum(info.file_size for info in infos if not _is_dir(info))
    if unpacked > MAX_ARCHIVE_UNPACKED:
        archive.close()
        raise UnreadableFile(
            path,
            f"the zip archive would unpack to {unpacked / 1024**3:,.1f} GiB (the limit is "
            f"{MAX_ARCHIVE_UNPACKED // 1024**3} GiB), refused for safety: unpack it with "
            "another program and import the folder",
        )
    return archive


def list_entries(archive: zipfile.ZipFile) -> list[Entry]:
    """The archive's files in its own order, hidden ones left out, each saved page's
    resource folder once as a ``RESOURCES`` entry."""
    names = entry_names(archive)
    infos = [
        (_CONTROL.sub(_escaped, names[index]) or NAMELESS, info)
        for index, info in enumerate(archive.infolist())
        if not _is_dir(info) and not _hidden(names[index])
    ]
    siblings: dict[str, set[str]] = {}
    for name, _info in infos:
        parts = PurePosixPath(name).parts
        for depth, part in enumerate(parts):
            siblings.setdefault("/".join(parts[:depth]), set()).add(part)
    entries: list[Entry] = []
    resource_folders: set[str] = set()
    for name, info in infos:
        folder = _resource_folder(name, siblings)
        if folder is not None:
            if folder not in resource_folders:
                resource_folders.add(folder)
                entries.append(Entry(folder, RESOURCES))
            continue
        entries.append(_entry(name, info))
    return entries


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def _is_dir(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith("/")  # ``ZipInfo.is_dir`` fails on an empty name


def _entry(name: str, info: zipfile.ZipInfo) -> Entry:
    if not info.filename:
        return Entry(name, REFUSED, "an entry without a name (the archive is damaged)")
    if not is_supported(Path(name)):
        return Entry(name, UNSUPPORTED, stored=info.filename)
    reason = _refusal(info)
    return Entry(name, REFUSED if reason else FILE, reason, info.filename)


def _refusal(info: zipfile.ZipInfo) -> str:
    """Why an entry cannot be unpacked, read from the directory alone; empty when it can."""
    if info.flag_bits & _ENCRYPTED:
        return (
            "encrypted in the zip archive: unpack the archive with its password and import the file"
        )
    if info.compress_type not in _UNPACKABLE:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        return (
            f"packed with a compression Dossier cannot unpack ({method}): unpack the archive "
            "with another program and import the file"
        )
    if info.file_size > MAX_FILE_BYTES:
        return (
            f"file is too large ({info.file_size / 1048576:.1f} MiB; the limit is "
            f"{MAX_FILE_BYTES // 1048576} MiB)"
        )
    if info.file_size == 0:
        return "file is empty"
    return ""


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(
        (part.startswith(".") and part not in _RELATIVE) or part in _HIDDEN_FOLDERS
        for part in parts
    )


def _resource_folder(name: str, siblings: dict[str, set[str]]) -> str | None:
    """The saved page's resource folder ``name`` lies in (``Story_files``), if any."""
    parts = PurePosixPath(name).parts
    for depth, part in enumerate(parts[:-1]):
        parent = "/".join(parts[:depth])
        if part.endswith(RESOURCES_SUFFIX) and page_resources(part, siblings[parent]):
            return "/".join(parts[: depth + 1])
    return None


def read_entry(archive: zipfile.ZipFile, entry: Entry, path: Path) -> bytes:
    """An entry's bytes (``path`` names it in errors); a damaged one is its failure."""
    if entry.kind == REFUSED:
        raise UnreadableFile(path, entry.reason)
    try:
        data = archive.read(entry.stored)
    except (*DAMAGED, RuntimeError) as exc:
        reason = " ".join(str(exc).split())  # zipfile's message quotes a name as stored
        raise UnreadableFile(path, f"damaged in the zip archive ({reason})") from exc
    if not data.strip():
        raise UnreadableFile(path, "file is empty")
    return data


@dataclass(frozen=True)
class Unpacked:
    """One file of an archive, through the zips inside it: its name after the archive's
    (``release.zip#scans.zip#memo.pdf``), what it is, and its bytes when asked for."""

    name: str
    kind: str
    reason: str = ""
    data: bytes | None = None


EMPTY = "the zip archive holds no files"
TOO_DEEP = (
    "a zip archive inside zip archives nested too deep: unpack it with another program and "
    "import its files"
)


def unpacked(
    source: Path | bytes, name: str, *, with_data: bool, depth: int = 1
) -> Iterator[Unpacked]:
    """Every file of the archive at ``source`` (called ``name``), the files of a zip inside
    in its place, ``MAX_DEPTH`` levels deep; a damaged or empty archive is one ``REFUSED``
    file. A ``FILE``'s bytes are read ``with_data`` only (a zip inside is always read)."""
    try:
        archive = open_zip(source, Path(name))
    except UnreadableFile as exc:
        yield Unpacked(name, REFUSED, exc.reason)
        return
    with archive:
        entries = list_entries(archive)
        if not entries:
            yield Unpacked(name, REFUSED, EMPTY)
        for entry in entries:
            shown = f"{name}#{entry.name}"
            inner = entry.name.lower().endswith(ZIP_SUFFIX)
            if entry.kind != FILE or not (inner or with_data):
                yield Unpacked(shown, entry.kind, entry.reason)
                continue
            if inner and depth >= MAX_DEPTH:
                yield Unpacked(shown, REFUSED, TOO_DEEP)
                continue
            try:
                data = read_entry(archive, entry, Path(shown))
            except UnreadableFile as exc:
                yield Unpacked(shown, REFUSED, exc.reason)
                continue
            if inner:
                yield from unpacked(data, shown, with_data=with_data, depth=depth + 1)
            else:
                yield Unpacked(shown, FILE, data=data)


def entry_path(container: Path | str, name: str) -> Path:
    """How an entry is named in reports and origins: ``release.zip#2019/memo.pdf``."""
    return Path(f"{container}#{name}")


def find_entry(archive_path: Path, rest: str) -> tuple[bytes, list[str]] | None:
    """The bytes of the entry ``rest`` names inside the archive at ``archive_path``
    (``memo.pdf``, or ``scans.zip#memo.pdf`` through a zip inside), and the names followed;
    None when the archive holds no such entry."""
    info = os.stat(archive_path)
    chain = (f"{os.path.realpath(archive_path)}|{info.st_size}|{info.st_mtime_ns}",)
    archive, entries = _opened(chain, lambda: open_zip(archive_path, archive_path))
    while True:
        entry = entries.get(_shown(rest))
        if entry is not None:
            data = read_entry(archive, entry, entry_path(archive_path, rest))
            return data, [*chain[1:], entry.name]
        inner = _inner_archive(entries, rest)
        if inner is None or len(chain) >= MAX_DEPTH:
            return None
        entry, rest = inner
        chain = (*chain, entry.name)
        archive, entries = _opened(
            chain,
            lambda outer=archive, entry=entry: open_zip(
                read_entry(outer, entry, archive_path), archive_path
            ),
        )


def _inner_archive(entries: dict[str, Entry], rest: str) -> tuple[Entry, str] | None:
    """The zip entry ``rest`` starts with (``scans.zip#…``) and what follows it."""
    at = rest.lower().find(ZIP_SUFFIX + "#")
    while at >= 0:
        entry = entries.get(_shown(rest[: at + len(ZIP_SUFFIX)]))
        if entry is not None and entry.kind == FILE:
            return entry, rest[at + len(ZIP_SUFFIX) + 1 :]
        at = rest.lower().find(ZIP_SUFFIX + "#", at + 1)
    return None


def split_entry_path(path: Path) -> tuple[Path, str] | None:
    """``(archive, rest)`` for the path of an entry (``…/release.zip#2019/memo.pdf``): the
    first ``.zip#`` whose left side is a file; None for any other path."""
    text = str(path)
    lowered = text.lower()
    at = lowered.find(ZIP_SUFFIX + "#")
    while at >= 0:
        archive = Path(text[: at + len(ZIP_SUFFIX)])
        if archive.is_file():
            return archive, text[at + len(ZIP_SUFFIX) + 1 :]
        at = lowered.find(ZIP_SUFFIX + "#", at + 1)
    return None


def _shown(name: str) -> str:
    """An entry's name as it reads in its path (``Path`` folds ``a//b`` and ``a/./b``)."""
    return str(Path("#" + name))[1:]


_cache: dict[tuple[str, ...], tuple[zipfile.ZipFile, dict[str, Entry]]] = {}


def _opened(
    chain: tuple[str, ...], open_archive: Callable[[], zipfile.ZipFile]
) -> tuple[zipfile.ZipFile, dict[str, Entry]]:
    """The archive ``chain`` names (the file with its size and time, then the zips inside)
    and its entries by name, opened once while its entries are read one after another (an
    import reads each entry by its path). Only the archives on one path with the last one
    asked for are kept: a zip inside is unpacked once for all its entries, not once for each."""
    for other in [key for key in _cache if not _on_one_path(key, chain)]:
        _cache.pop(other)[0].close()
    if chain not in _cache:
        archive = open_archive()
        entries: dict[str, Entry] = {}
        for entry in list_entries(archive):
            entries.setdefault(_shown(entry.name), entry)
        _cache[chain] = (archive, entries)
    return _cache[chain]


def _on_one_path(key: tuple[str, ...], chain: tuple[str, ...]) -> bool:
    shorter = min(len(key), len(chain))
    return key[:shorter] == chain[:shorter]
