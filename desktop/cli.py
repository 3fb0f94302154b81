"""The front door: no sub-command opens the window; sub-commands run headless.

Each group of sub-commands lives in its own module under ``desktop.commands`` and registers
itself; this module only builds the parser and turns every error into a clean exit: one line
on stderr, never a traceback (a bug's details go to a log file, exit code 70).
A command registers only its own module: a newsroom script calling ``dossier`` in a loop should
not pay for importing every other command's code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands.common import CommandError, CommandParser, use_tolerant_output
from desktop.commands.post_import import when_imported

# Each command module and the sub-commands it registers (a test keeps the two in step).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "desktop.commands.library": ("import", "list", "search", "show", "mark"),
    "desktop.commands.summarize": ("summarize",),
    "desktop.commands.notes": ("notes",),
    "desktop.commands.entities": ("entities", "correct", "watch"),
    "desktop.commands.versions": ("versions",),
    "desktop.commands.manage": ("delete", "trash", "edit", "story", "tag"),
    "desktop.commands.backup": ("backup", "backups", "restore"),
    "desktop.commands.sharing": ("cite", "export"),
}

INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug, not something the user did
ACTIONS = {
    "import": "import into the library",
    "list": "list the library",
    "search": "search the library",
    "show": "show the article",
    "mark": "mark the article",
    "summarize": "summarise",
    "entities": "find the entities",
    "correct": "save the correction",
    "watch": "change the watchlist",
    "notes add": "save the note",
    "notes list": "list the notes",
    "notes export": "export the notes",
    "notes import": "import the notes",
    "notes backup": "back up the notes",
    "notes backups": "list the notes backups",
    "notes restore": "restore the notes",
    "versions": "read or restore the article's versions",
    "delete": "move the articles to the trash",
    "trash": "change the trash",
    "edit": "edit the article",
    "story": "change the stories",
    "tag": "change the tags",
    "backup": "back up the library",
    "backups": "list the library backups",
    "restore": "restore the library",
    "cite": "cite the article",
    "export": "export the article",
}


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for ``argv``: the one module owning its command registers (that command's
    parsing and help are the same as with every module); help, an unknown word or no command
    registers them all, so the listing and error messages stay complete."""
    parser = CommandParser(
        prog="dossier",
        description="Dossier, an offline reader for journalists. No command opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _modules_for(argv):
        importlib.import_module(name).register(commands)
    return parser


def _modules_for(argv: Sequence[str]) -> list[str]:
    first = argv[0] if argv else ""
    if first == "--version":
        return []  # argparse prints the version and exits before it reads a command
    owners = [name for name, words in COMMAND_MODULES.items() if first in words]
    return owners or list(COMMAND_MODULES)


def opens_window(argv: Sequence[str]) -> bool:
    """No sub-command (only window options, or a ``dossier://`` link to open): the window,
    without importing every sub-command (their language libraries would delay the window by a
    second)."""
    return all(
        (a.startswith("-") and a not in ("-h", "--help", "--version")) or a.startswith("dossier:")
        for a in argv
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_tolerant_output()
    if opens_window(argv):
        from desktop.app import main as run_window

        return run_window(argv)
    parser = build_parser(argv)
    args, rest = parser.parse_known_args(argv)
    if args.command is None:
        from desktop.app import main as run_window

        return run_window(rest)
    if rest:
        _take_dash_words(args, argv, rest, parser)
    _print_warnings()
    try:
        return int(args.run(args) or 0)
    except CommandError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # no traceback reaches a user: see failure_message
        message, code = failure_message(exc, args)
        print(f"dossier: {message}", file=sys.stderr)
        return code


def _take_dash_words(
    args: argparse.Namespace,
    argv: list[str],
    rest: list[str],
    parser: argparse.ArgumentParser,
) -> None:
    """``dossier search -trump biden``: words starting with one ``-`` that are no option
    belong to a command that takes them (``dash_words`` names its list), in their order on
    the command line; anything else unrecognised is a usage error."""
    into = getattr(args, "dash_words", None)
    if into is None or any(word.startswith("--") for word in rest):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    wanted = [*getattr(args, into), *rest]
    ordered = []
    for word in argv:
        if word in wanted:
            wanted.remove(word)
            ordered.append(word)
    setattr(args, into, ordered + wanted)


def _print_warnings() -> None:
    """Core warnings (a result that could not be cached, say) as ``dossier: warning: …`` on
    the standard error of the moment (tests swap it between commands). The handler waits for
    ``logging`` to be imported by the code that warns: most commands never import it."""
    when_imported("logging", _add_warning_line)


def _add_warning_line() -> None:
    import logging

    class WarningLine(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            # Warnings only: an error logged with its traceback is for a log file, and the
            # command reports that failure in its own line.
            if record.levelno == logging.WARNING and not record.exc_info:
                print(f"dossier: warning: {record.getMessage()}", file=sys.stderr)

    logger = logging.getLogger("desktop")
    if not any(type(h).__name__ == "WarningLine" for h in logger.handlers):
        logger.addHandler(WarningLine(logging.WARNING))


def action_of(args: argparse.Namespace) -> str:
    """What the command was doing, for "cannot …" messages."""
    command = " ".join(filter(None, (args.command, getattr(args, "notes_command", None))))
    return ACTIONS.get(command, f"run `dossier {command}`")


def failure_message(exc: Exception, args: argparse.Namespace) -> tuple[str, int]:
    """A library failure (locked, full, read-only, damaged) as one line naming the operation,
    exit 1; anything else is a bug: its details go to a log file, exit ``INTERNAL_ERROR``."""
    from desktop.core.storage.engine import sqlite3
    from desktop.core.storage.errors import DatabaseError, database_error

    if isinstance(exc, DatabaseError):
        return str(exc), 1
    if isinstance(exc, sqlite3.Error):
        from desktop.core.paths import user_paths

        # The library's path lets a damaged one's message name the backup that restores it.
        return str(database_error(exc, action_of(args), user_paths().database)), 1
    from desktop.core.crash_log import internal_error_message, write_crash_log

    log = write_crash_log(exc, context=f"dossier {' '.join(sys.argv[1:])}")
    return internal_error_message(exc, log), INTERNAL_ERROR
