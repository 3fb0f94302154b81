"""`dossier notes …`: highlights and notes from the command line, through the same core
functions as the window. A write is reported only after it has been durably committed."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.commands.common import (
    CommandError,
    library_id,
    path_argument,
    print_json,
    printable,
    write_atomically,
)
from desktop.core.library.session import Library, open_library
from desktop.core.notes.backups import (
    Backup,
    backup_after_write,
    count_highlights,
    create_backup,
    list_backups,
)
from desktop.core.notes.errors import NotesError
from desktop.core.notes.export import FORMATS, export_notes, highlight_record
from desktop.core.notes.importer import import_notes
from desktop.core.notes.markdown_export import export_markdown_folder
from desktop.core.notes.notebook import DEFAULT_CATEGORY, Notebook
from desktop.core.paths import user_paths
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.membership import UnknownStory

CONTEXT = 80  # characters of text shown on each side of a passage

EXPORT_DESCRIPTION = """\
Formats:
  md    Markdown: a single file has one front matter block and a '# Title' per article;
        -o FOLDER/ writes one file per article named <title>-<key>.md, where the key is a
        hash of the article's URL (else of its text), the same in every library: a re-export
        overwrites, and the file of an earlier title is removed. Quotes, notes and titles are
        escaped: they show as written and cannot change the document's structure. Tags are
        made valid Obsidian tags: C++ -> Cplusplus, C# -> Csharp, & -> and, @ -> at, other
        characters -> '-', digits only (2019) -> _2019.
  csv   UTF-8 with a byte order mark (for Excel). A cell starting with = + - @, TAB or CR
        gets a leading apostrophe (') so a spreadsheet shows it as text instead of running
        it as a formula (OWASP: CSV injection). 'tags' is a JSON array, e.g. ["econ","C++"].
  json  W3C Web Annotation collection (re-importable with `dossier notes import`).
Links (dossier://text/HASH?url=URL#START-END) name the article by its text and URL, so
they open the passage in any library holding that article: `dossier LINK`."""
IMPORT_DESCRIPTION = (
    "Imports a W3C Web Annotation collection, page or single annotation, or Hypothesis' JSON"
    " export. Each annotation is matched to an article by text hash, URL, canonical URL, then"
    " by its quote; one whose quote is no longer in the text is kept as an orphan; one that"
    " matches no article is reported and skipped (exit status 1)."
)


@contextmanager
def _library() -> Iterator[Library]:
    """The user's library; notes problems become one-line command errors."""
    try:
        with open_library() as library:
            yield library
    except (NotesError, DatabaseError, UnknownStory) as exc:
        raise CommandError(str(exc)) from exc


def _add(args: argparse.Namespace) -> int:
    if args.quote is None and args.end is None:
        raise CommandError("--start needs --end")
    if args.quote is None and args.occurrence is not None:
        raise CommandError("--occurrence goes with --quote, not with --start/--end")
    occurrence = 1 if args.occurrence is None else args.occurrence
    with _library() as library:
        notebook = Notebook(library.conn)
        options = {"category": args.category, "note": args.note, "tags": args.tag}
        if args.quote is not None:
            highlight = notebook.add_quote(args.article, args.quote, occurrence, **options)
        else:
            highlight = notebook.add(args.article, args.start, args.end, **options)
        _back_up_after_write(library)
    print_json(highlight_record(highlight))
    return 0


def _back_up_after_write(library: Library) -> None:
    """Every committed notes write is followed by a backup, so no acknowledged note is in none.

    Always, not only when the newest backup is old: a command has no later moment to catch up,
    and a snapshot of the notes costs milliseconds. The note itself is saved already, so a
    failed backup is a warning, not a failure of the command.
    """
    try:
        backup_after_write(library.conn, library.paths.backups)
    except (OSError, DatabaseError, NotesError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(
            f"dossier: warning: the notes are saved, but the backup failed: {reason}",
            file=sys.stderr,
        )


def _known_article(library: Library, article_id: int | None) -> None:
    """Reject a filter on an article that neither exists nor has notes (a typo, surely)."""
    if article_id is None:
        return
    found = library.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)"
        " OR EXISTS (SELECT 1 FROM highlights WHERE article_id = ?)",
        (article_id, article_id),
    ).fetchone()[0]
    if not found:
        raise CommandError(f"unknown article {article_id}")


def _list(args: argparse.Namespace) -> int:
    with _library() as library:
        _known_article(library, args.article)
        notebook = Notebook(library.conn)
        highlights = list(notebook.iter_all(article_id=args.article))
    if args.json:
        print_json([highlight_record(h) for h in highlights])
        return 0
    for h in highlights:
        quote = " ".join(h.quote.split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        note = " ".join(h.note.split())
        flag = {"orphan": " ORPHAN", "moved": " MOVED (please check)"}.get(h.anchor, "")
        line = f"{h.id}  article {h.article_id}  {h.start}-{h.end}{flag}  [{h.category}]  “{quote}”"
        tags = " ".join("#" + t for t in h.tags)
        print(" ".join(part for part in (line, tags, f"— {note}" if note else "") if part))
    return 0


def _accept(args: argparse.Namespace) -> int:
    with _library() as library:
        notebook = Notebook(library.conn)
        highlight = notebook.get(args.highlight)
        if highlight.orphan:
            raise CommandError(
                f"highlight {args.highlight} is an orphan: there is no place to accept;"
                " re-attach it to a passage in the window"
            )
        accepted = notebook.accept(args.highlight)
        if accepted != highlight:
            _back_up_after_write(library)
    print_json(highlight_record(accepted))
    return 0


def _origin(args: argparse.Namespace) -> int:
    from desktop.core.library.version_changes import NoVersion, note_origin

    with _library() as library:
        try:
            origin = note_origin(library.store, args.highlight)
        except NoVersion as exc:  # its article was deleted
            raise CommandError(f"highlight {args.highlight}: {exc}") from exc
    h, text, passage = origin.highlight, origin.text, origin.passage
    start, end = passage if passage is not None else (None, None)
    if args.json:
        print_json(
            {
                "highlight": h.id,
                "article": h.article_id,
                "made_on": text.number,
                "title": text.title,
                "content_hash": text.content_hash,
                "start": start,
                "end": end,
                "passage": text.text[start:end] if passage is not None else None,
                "note": h.note,
            }
        )
        return 0
    where = "the current text" if text.number is None else f"version {text.number}"
    print(f"Highlight {h.id} was made on {where} of article {h.article_id}: {text.title}")
    if passage is None:
        print("Its passage cannot be found on that text.")
    else:
        t = text.text
        shown = f"{t[max(0, start - CONTEXT) : start]}[{t[start:end]}]{t[end : end + CONTEXT]}"
        print(f"…{' '.join(shown.split())}…")
    if h.note:
        print(f"Note: {h.note}")
    return 0


def _export(args: argparse.Namespace) -> int:
    filters = {
        "article_id": args.article,
        "tag": args.tag,
        "category": args.category,
        "story": args.story,
        "article_tag": args.article_tag,
    }
    with _library() as library:
        _known_article(library, args.article)
        if args.output and _names_folder(args.output):
            if args.format != "md":
                raise CommandError(
                    f"{printable(args.output)} is a folder; only --format md writes one"
                )
            try:
                written = export_markdown_folder(library.conn, Path(args.output), **filters)
            except OSError as exc:
                reason = exc.strerror or exc
                message = f"{printable(args.output)}: cannot write export: {reason}"
                raise CommandError(message) from exc
            shown = printable(args.output)
            print(f"wrote {len(written)} Markdown file(s) to {shown}", file=sys.stderr)
            return 0
        if not args.output:
            export_notes(library.conn, args.format, sys.stdout, **filters)
            return 0
        write_atomically(
            Path(args.output),
            lambda out: export_notes(library.conn, args.format, out, **filters),
        )
    return 0


def _names_folder(output: str) -> bool:
    """``-o`` names a folder when it is one, or ends with a path separator (created then)."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _import(args: argparse.Namespace) -> int:
    with _library() as library:
        report = import_notes(library.conn, args.file)
        if report.added or report.updated:
            _back_up_after_write(library)
    for problem in [*report.problems, *report.orphan_reasons]:
        print(f"dossier: {problem}", file=sys.stderr)
    print(
        f"added {len(report.added)}, updated {len(report.updated)},"
        f" unchanged {len(report.unchanged)}, orphans {len(report.orphaned)},"
        f" skipped {len(report.problems)}"
    )
    return 1 if report.problems else 0


def _backup(args: argparse.Namespace) -> int:
    with _library() as library:
        try:
            backup = create_backup(library.conn, library.paths.backups, "manual")
        except OSError as exc:
            raise CommandError(
                f"cannot back up the notes to {library.paths.backups}: {exc.strerror or exc}"
            ) from exc
    if args.json:
        print_json(_backup_record(backup))
    else:
        print(backup.path)
    return 0


def _backup_record(backup: Backup) -> dict[str, object]:
    return {
        "name": backup.name,
        "path": str(backup.path),
        "kind": backup.kind,
        "created": backup.created.isoformat(timespec="seconds"),
        "highlights": _count(backup),
    }


def _count(backup: Backup) -> int | None:
    """How many notes a backup holds; None for one that cannot be read."""
    try:
        return count_highlights(backup.path)
    except NotesError:
        return None


def _backups(args: argparse.Namespace) -> int:
    """Read from the backups folder alone: it must work when the library will not open."""
    found = list_backups(user_paths().backups)
    if args.json:
        print_json([_backup_record(b) for b in found])
        return 0
    if not found:
        print("no backups yet", file=sys.stderr)
    for backup in found:
        when = backup.created.isoformat(timespec="seconds")
        count = _count(backup)
        held = "unreadable" if count is None else f"{count} highlight(s)"
        print(f"{backup.name}  {backup.kind}  {when}  {held}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.core.notes.recovery import restore_notes

    try:
        recovery = restore_notes(user_paths(), args.backup)
    except (NotesError, DatabaseError) as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"cannot restore the notes: {exc.strerror or exc}") from exc
    if recovery.set_aside is not None:
        print(
            f"the damaged library was moved to {recovery.set_aside} (kept, not deleted);"
            " a fresh library was started — import your articles again and their notes"
            " re-attach"
        )
    report = recovery.report
    print(
        f"restored {report.restored} highlight(s) from {printable(args.backup)}; to undo:"
        f" dossier notes restore {report.pre_restore.name}"
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    notes = subparsers.add_parser(
        "notes",
        help="highlights and notes: add, list, accept, export, import, backup, backups, restore",
        description="Highlights and their notes, stored in the library database.",
    )
    actions = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="highlight a passage of an article (prints it as JSON)")
    add.add_argument("article", type=library_id, metavar="ID", help="article id")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the exact text to highlight")
    where.add_argument("--start", type=int, metavar="S", help="start offset (characters)")
    add.add_argument("--end", type=int, metavar="E", help="end offset (with --start)")
    add.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence of --quote (from 1; default 1)",
    )
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--category", default=DEFAULT_CATEGORY, metavar="NAME")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="repeatable")
    add.set_defaults(run=_add)

    show = actions.add_parser(
        "list",
        help="list highlights (orphans and moved ones flagged)",
        description=(
            "Lists highlights. 'anchor' (in --json) is exact, moved (placed after the article"
            " changed by a match that is not certain: check it, then `dossier notes accept`)"
            " or orphan (not placed); 'original_quote' is the text first highlighted."
        ),
    )
    show.add_argument("--article", type=library_id, metavar="ID")
    show.add_argument("--json", action="store_true", help="a JSON array")
    show.set_defaults(run=_list)

    accept = actions.add_parser(
        "accept",
        help="confirm where a moved highlight was placed (prints it as JSON)",
        description="Confirms a highlight flagged moved: it becomes an exact highlight.",
    )
    accept.add_argument("highlight", metavar="HIGHLIGHT", help="highlight id")
    accept.set_defaults(run=_accept)

    origin = actions.add_parser(
        "origin",
        help="show a highlight on the text it was made on (an earlier version, if the article"
        " changed since)",
        description=(
            "Shows the passage of a highlight on the article's text as it was when the note was"
            " written. In --json: 'made_on' is the version number (null: the current text),"
            " 'start'/'end' the passage on that text and 'passage' its words (null when it"
            " cannot be found there)."
        ),
    )
    origin.add_argument("highlight", metavar="HIGHLIGHT", help="highlight id")
    origin.add_argument("--json", action="store_true", help="a JSON object")
    origin.set_defaults(run=_origin)

    export = actions.add_parser(
        "export",
        help="export notes as Markdown, JSON or CSV",
        description=EXPORT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--article", type=library_id, metavar="ID")
    export.add_argument("--tag", metavar="T")
    export.add_argument("--category", metavar="C")
    export.add_argument("--story", metavar="NAME", help="only notes on articles in this story")
    export.add_argument(
        "--article-tag",
        metavar="T",
        help="only notes on articles with this tag (--tag filters the notes' own tags)",
    )
    export.add_argument(
        "-o",
        "--output",
        type=path_argument,
        metavar="FILE",
        help="file (default: standard output); a folder (one that exists, or a path ending"
        " in /, created) with --format md writes one file per article",
    )
    export.set_defaults(run=_export)

    load = actions.add_parser(
        "import",
        help="import Web Annotation JSON: a Dossier export, another tool's, or Hypothesis'"
        " (no duplicates)",
        description=IMPORT_DESCRIPTION,
    )
    load.add_argument("file", type=path_argument, metavar="FILE")
    load.set_defaults(run=_import)

    backup = actions.add_parser("backup", help="back up the notes now (prints the file)")
    backup.add_argument("--json", action="store_true", help="a JSON object")
    backup.set_defaults(run=_backup)

    backups = actions.add_parser("backups", help="list the notes backups (newest first)")
    backups.add_argument("--json", action="store_true", help="a JSON array")
    backups.set_defaults(run=_backups)

    restore = actions.add_parser("restore", help="replace the notes with a backup's")
    restore.add_argument(
        "backup",
        type=path_argument,
        metavar="BACKUP",
        help="a name from `notes backups`, or a path",
    )
    restore.set_defaults(run=_restore)
