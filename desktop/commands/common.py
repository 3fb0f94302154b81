"""What every sub-command shares: errors, the argument parser, output, the open library,
batch input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.printable import is_valid_text, printable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from typing import Any, TextIO, TypeVar

    from desktop.core.library.session import Library
    from desktop.core.models import Article

    T = TypeVar("T")

SQLITE_MAX_INTEGER = 2**63 - 1


def parse_id(text: str) -> int | None:
    """``text`` as a library id, or ``None``: ASCII digits within SQLite's integer range.
    (``str.isdigit`` also accepts '²', which ``int`` refuses, and a longer number would
    overflow the query instead of finding nothing.)"""
    if text.isascii() and text.isdigit() and int(text) <= SQLITE_MAX_INTEGER:
        return int(text)
    return None


def library_id(value: str) -> int:
    """The argparse type of an id argument: a number the library can hold, else a usage error."""
    number = parse_id(value)
    if number is None:
        raise argparse.ArgumentTypeError(f"not an id: {value!r}")
    return number


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exits non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class CommandParser(argparse.ArgumentParser):
    """The parser of ``dossier`` and its commands: an argument is text unless its ``type`` says
    otherwise (``path_argument`` for files), and text that is not UTF-8 is a usage error naming
    the argument. Undecodable bytes reach Python as lone surrogates, which SQLite and a UTF-8
    terminal refuse with a traceback far from the argument that brought them."""

    _building = False  # inside add_argument or add_subparsers (see _get_formatter)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("type", None, text_argument)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with self._while_building():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        with self._while_building():
            commands = super().add_subparsers(**kwargs)
        commands.type = str  # the words after a command are checked by that command's parser
        return commands

    @contextmanager
    def _while_building(self) -> Iterator[None]:
        self._building = True
        try:
            yield
        finally:
            self._building = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        # While the parser is built, argparse formats a new argument's metavar and the program
        # name of the sub-commands, each with a fresh formatter that asks the terminal's width
        # through shutil (importing zlib, bz2 and lzma: a visible part of a command's start).
        # Neither is wrapped, so neither needs the width; help and usage still ask for it.
        if self._building:
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()


def text_argument(value: str) -> str:
    """The default argument type: any text that is valid UTF-8."""
    if not is_valid_text(value):
        raise argparse.ArgumentTypeError(f"not valid UTF-8 text ({printable(value)})")
    return value


def path_argument(value: str) -> str:
    """The type of a file or folder argument: any bytes the file system allows, kept as
    Python gives them so the file is found; shown through ``printable``."""
    return value


def use_tolerant_output() -> None:
    """Write what the terminal's encoding lacks (``LANG=C``, a Windows code page) as escapes
    instead of failing half-way through the output with ``UnicodeEncodeError``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


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
    article_id = parse_id(target)
    if article_id is not None and not path.exists():
        with open_user_library() as library:
            article = library.store.get(article_id)
            if article is None:
                raise CommandError(f"no article with id {target} (see `dossier list`)")
            return [stored(library, article)]
    from desktop.core.library.importers import UnreadableFile, read_articles

    try:
        articles = read_articles(path)
    except UnreadableFile as exc:
        raise CommandError(str(exc)) from exc
    return [read(a) for a in articles]


def write_atomically(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``path`` whole or not at all (``files.write_whole``); a failure is one line."""
    from desktop.core.files import write_whole

    try:
        write_whole(path, write)
    except OSError as exc:
        reason = exc.strerror or exc
        raise CommandError(f"{printable(path)}: cannot write export: {reason}") from exc


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Human-friendly but machine-stable JSON (UTF-8, not ASCII-escaped)."""
    import json  # here: most commands print no JSON, and every command would pay its import

    out = stream or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_json_line(value: Any, stream: TextIO | None = None) -> None:
    import json

    out = stream or sys.stdout
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def iter_batch(path: str, problems: list[str]) -> Iterator[dict[str, Any]]:
    """Records ``{"id", "text"}`` of a JSON Lines file (``-`` reads standard input).

    A malformed line is reported on stderr with the file name and line number, appended to
    ``problems`` and skipped, so one bad record neither stops the batch nor goes unnoticed:
    callers exit non-zero when ``problems`` is not empty.
    """
    try:
        if path == "-":
            yield from _records(path, sys.stdin, problems)
            return
        with Path(path).open(encoding="utf-8") as handle:
            yield from _records(path, handle, problems)
    except OSError as exc:
        raise CommandError(
            f"{printable(path)}: cannot read batch file: {exc.strerror or exc}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{printable(path)}: batch file is not UTF-8 ({exc.reason})") from exc


def _records(path: str, handle: TextIO, problems: list[str]) -> Iterator[dict[str, Any]]:
    import json

    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        where = f"{printable(path)}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"{where}: not valid JSON ({exc.msg})"
        except RecursionError:
            problem = f"{where}: not valid JSON (nested too deeply)"
        else:
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield record
                continue
            problem = f'{where}: expected an object with a "text" string'
        problems.append(problem)
        print(f"dossier: {problem}", file=sys.stderr)
