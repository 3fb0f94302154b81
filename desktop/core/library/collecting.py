"""Which files an import reads: the files named, and the supported files inside folders (the
others there are listed as skipped, never opened).

Nothing here opens a file. Only regular files are handed on: opening a FIFO blocks for good and
a device file never ends, so both are reported instead. A folder walk stays inside the folder
the user gave (a link out of it, say to ``/etc/passwd``, is reported, not followed), visits each
folder once (link loops end) and reports every folder it cannot read, so an import never skips
part of a folder in silence.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.core.library.importers import is_supported
from desktop.core.library.importers.formats import page_resources

NOT_REGULAR = "not a regular file"
MISSING = "no such file or folder"
LINK_LOOP = "symbolic link loop"
UNSUPPORTED = "unsupported"
"""The problem of a file in a folder whose type Dossier does not import: listed as skipped."""
PAGE_RESOURCES = "page resources"
"""The problem of a folder of a saved page's pictures, styles and frames: listed as skipped."""
LIBRARY_BACKUP = "library backup"
"""The problem of a zip archive that is a backup of a Dossier library: listed as skipped."""
Found = tuple[Path, str]
"""A file to read and ``""``, or a path and the problem that keeps it from being read."""


def collect_files(paths: Iterable[Path | str]) -> Iterator[Found]:
    """``(file, problem)`` pairs: folders are walked recursively (hidden entries left out,
    sorted, files before subfolders; a file of a type Dossier does not import comes with the
    problem ``UNSUPPORTED``); a named regular file is always tried, whatever its suffix;
    anything else named is a problem."""
    for given in paths:
        path = Path(given).expanduser()
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield path, _stat_problem(exc)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        else:
            yield path, "" if stat.S_ISREG(mode) else NOT_REGULAR


def _walk(root: Path) -> Iterator[Found]:
    """The files under ``root`` and the problems met on the way, depth first.

    A stack instead of recursion: a folder nested thousands deep must not exhaust Python's
    recursion limit. Folders are recognised by device and inode, so a second way into one
    (a link loop, two links to the same folder) is not walked again.
    """
    top = os.path.realpath(root)
    seen = {_identity(os.stat(root))}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            yield folder, f"cannot read the folder ({exc.strerror or exc})"
            continue
        names = {entry.name for entry in entries}
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            supported = is_supported(path)
            try:
                info = entry.stat(follow_symlinks=True)
            except OSError as exc:
                if supported or exc.errno == errno.ELOOP:
                    yield path, _stat_problem(exc)
                continue
            is_folder = stat.S_ISDIR(info.st_mode)
            if entry.is_symlink() and (is_folder or supported):
                target = os.path.realpath(path)
                if not _inside(target, top):
                    yield path, f"symbolic link to {target}, outside the folder: not followed"
                    continue
            if is_folder and page_resources(entry.name, names):
                yield path, PAGE_RESOURCES
            elif is_folder:
                if _identity(info) not in seen:
                    seen.add(_identity(info))
                    subfolders.append(path)
            elif supported:
                yield path, "" if stat.S_ISREG(info.st_mode) else NOT_REGULAR
            else:
                yield path, UNSUPPORTED
        stack.extend(reversed(subfolders))


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _inside(target: str, top: str) -> bool:
    return target == top or target.startswith(top.rstrip(os.sep) + os.sep)


def _stat_problem(exc: OSError) -> str:
    """Why a path cannot even be looked at, in the words the import report uses."""
    if exc.errno == errno.ENOENT:
        return MISSING
    if exc.errno == errno.ELOOP:
        return LINK_LOOP
    return f"cannot read ({exc.strerror or exc})"
