"""What every sub-command shares: errors, JSON output, the open library, batch input."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from desktop.core.library.session import Library
    from desktop.core.models import Article

T = TypeVar("T")


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exits non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@contextmanager
def open_user_library() -> Iterator[Library]:
    """The user's library for one command; a database that cannot be opened is a clean
    one-line error (locked, corrupt, written by a newer Dossier) instead of a traceback."""
    from desktop.core.library.session import open_library
    from desktop.core.resources import ResourceNotFound
    from desktop.core.storage.db import DatabaseError

    try:
        library = open_library()
    except (DatabaseError, ResourceNotFound) as exc:
        raise CommandError(str(exc)) from exc
    with library:
        try:
            yield library
        except DatabaseError as exc:
            raise CommandError(str(exc)) from exc


def for_target(
    target: str,
    stored: Callable[[Library, Article], T],
    read: Callable[[Article], T],
) -> list[T]:
    """Apply a command to its ``ID|FILE`` argument: an id (that is not also a file name) is the
    stored article, given to ``stored`` while its library is open; anything else is a file whose
    articles, read as an import would, each go to ``read``."""
    path = Path(target)
    if target.isdigit() and not path.exists():
        with open_user_library() as library:
            article = library.store.get(int(target))
            if article is None:
                raise CommandError(f"no article with id {target} (see `dossier list`)")
            return [stored(library, article)]
    from desktop.core.library.importers import UnreadableFile, read_articles

    try:
        articles = read_articles(path)
    except UnreadableFile as exc:
        raise CommandError(str(exc)) from exc
    return [read(a) for a in articles]


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Human-friendly but machine-stable JSON (UTF-8, not ASCII-escaped)."""
    out = stream or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_json_line(value: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def iter_batch(path: str, problems: list[str]) -> Iterator[dict[str, Any]]:
    """Records ``{"id", "text"}`` of a JSON Lines file (``-`` reads standard input).

    A malformed line is reported on stderr with the file name and line number, appended to
    ``problems`` and skipped, so one bad record neither stops the batch nor goes unnoticed:
    callers exit non-zero when ``problems`` is not empty.
    """
    if path == "-":
        yield from _records(path, sys.stdin, problems)
        return
    try:
        with Path(path).open(encoding="utf-8") as handle:
            yield from _records(path, handle, problems)
    except OSError as exc:
        raise CommandError(f"{path}: cannot read batch file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: batch file is not UTF-8 ({exc.reason})") from exc


def _records(path: str, handle: TextIO, problems: list[str]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"{path}:{number}: not valid JSON ({exc.msg})"
        else:
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield record
                continue
            problem = f'{path}:{number}: expected an object with a "text" string'
        problems.append(problem)
        print(f"dossier: {problem}", file=sys.stderr)
