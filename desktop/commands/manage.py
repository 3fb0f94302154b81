"""Library housekeeping: delete into the trash (and undo), edit metadata, stories and tags.

``delete`` moves articles to the trash with their notes; ``trash restore`` brings them back and
``trash empty --yes`` removes them for good, after saying how many notes go with them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.commands.common import CommandError, open_user_library, print_json, printable

EDIT_FLAGS = {"title": "title", "byline": "byline", "source": "source", "date": "published"}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "delete", help="move articles to the trash with their notes (undo: `dossier trash restore`)"
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help="article ids")
    p.set_defaults(run=run_delete)

    trash = commands.add_parser("trash", help="list, restore or empty the trash")
    actions = trash.add_subparsers(dest="trash_command", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="articles in the trash, newest first")
    listed.add_argument("--json", action="store_true", help="print a JSON array")
    listed.set_defaults(run=run_trash_list)
    back = actions.add_parser("restore", help="bring articles back with their notes")
    back.add_argument("ids", nargs="+", type=int, metavar="ID")
    back.set_defaults(run=run_trash_restore)
    empty = actions.add_parser(
        "empty", help="remove the trashed articles and their notes for good (asks for --yes)"
    )
    empty.add_argument("--yes", action="store_true", help="really remove them")
    empty.set_defaults(run=run_trash_empty)

    p = commands.add_parser(
        "edit", help="correct an article's metadata; kept when the same document is re-imported"
    )
    p.add_argument("id", type=int, metavar="ID", help="article id")
    p.add_argument("--title")
    p.add_argument("--byline")
    p.add_argument("--source")
    p.add_argument("--date", help='YYYY-MM-DD, or "" for no date')
    p.add_argument("--url")
    p.set_defaults(run=run_edit)

    story = commands.add_parser("story", help="stories: named collections of articles")
    actions = story.add_subparsers(dest="story_command", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="stories and how many articles each holds")
    listed.add_argument("--json", action="store_true", help="print a JSON array")
    listed.set_defaults(run=run_story_list)
    add = actions.add_parser("add", help="make a story")
    add.add_argument("name", metavar="NAME")
    add.set_defaults(run=run_story_add)
    rename = actions.add_parser("rename", help="rename a story")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW")
    rename.set_defaults(run=run_story_rename)
    delete = actions.add_parser("delete", help="remove a story (its articles stay)")
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(run=run_story_delete)
    for name, verb in (("attach", "put articles in a story (made if new)"),
                       ("detach", "take articles out of a story")):  # fmt: skip
        action = actions.add_parser(name, help=verb)
        action.add_argument("name", metavar="NAME")
        action.add_argument("ids", nargs="+", type=int, metavar="ID")
        action.set_defaults(run=run_story_members)

    tag = commands.add_parser("tag", help="tags on articles")
    actions = tag.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="tags and how many articles carry each")
    listed.add_argument("--json", action="store_true", help="print a JSON array")
    listed.set_defaults(run=run_tag_list)
    for name, verb in (("add", "tag articles"), ("remove", "take a tag off articles")):
        action = actions.add_parser(name, help=verb)
        action.add_argument("tag", metavar="TAG")
        action.add_argument("ids", nargs="+", type=int, metavar="ID")
        action.set_defaults(run=run_tag_members)


@contextmanager
def _library_action() -> Iterator:
    """The user's library; a story, tag or edit refused by the core is a one-line error."""
    from desktop.core.library.editing import EditError
    from desktop.core.library.stories import StoryError
    from desktop.core.storage.membership import UnknownStory

    with open_user_library() as library:
        try:
            yield library
        except (EditError, StoryError, UnknownStory) as exc:
            raise CommandError(str(exc.args[0])) from exc


def run_delete(args: argparse.Namespace) -> int:
    from desktop.core.library.trash import trash

    with open_user_library() as library:
        moved = trash(library.conn, args.ids)
    missing = sorted(set(args.ids) - set(moved))
    if moved:
        ids = " ".join(map(str, moved))
        print(f"Moved {len(moved)} article(s) to the trash; undo: dossier trash restore {ids}")
    if missing:
        raise CommandError(f"no article with id {', '.join(map(str, missing))} in the library")
    return 0


def run_trash_list(args: argparse.Namespace) -> int:
    from desktop.core.library.trash import trash_contents

    with open_user_library() as library:
        items = trash_contents(library.conn)
    if args.json:
        print_json([{"id": i.id, "title": i.title, "trashed": i.trashed, "notes": i.notes}
                    for i in items])  # fmt: skip
        return 0
    for item in items:
        print(f"{item.id:>5}  {item.trashed[:16]:<16} {item.notes:>4} notes  {item.title}")
    if not items:
        print("The trash is empty.")
    return 0


def run_trash_restore(args: argparse.Namespace) -> int:
    from desktop.core.library.trash import restore

    with open_user_library() as library:
        restored = restore(library.conn, args.ids)
    missing = sorted(set(args.ids) - set(restored))
    if restored:
        print(f"Restored {len(restored)} article(s) with their notes.")
    if missing:
        raise CommandError(f"no article with id {', '.join(map(str, missing))} in the trash")
    return 0


def run_trash_empty(args: argparse.Namespace) -> int:
    from desktop.core.library.trash import empty_trash, trash_contents

    with open_user_library() as library:
        items = trash_contents(library.conn)
        notes = sum(i.notes for i in items)
        if not args.yes:
            if not items:
                print("The trash is empty.")
                return 0
            raise CommandError(
                f"this removes {len(items)} article(s) and {notes} note(s) on them for good;"
                " run `dossier trash empty --yes` to do it"
            )
        articles, notes = empty_trash(library.conn)
    print(f"Removed {articles} article(s) and {notes} note(s) for good.")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from desktop.core.library.editing import edit_metadata

    changes = {field: getattr(args, flag) for flag, field in EDIT_FLAGS.items()}
    changes["url"] = args.url
    changes = {field: value for field, value in changes.items() if value is not None}
    if not changes:
        raise CommandError("nothing to edit: give --title, --byline, --source, --date or --url")
    with _library_action() as library:
        changed = edit_metadata(library.conn, args.id, changes)
    print(f"Edited {', '.join(changed)}." if changed else "Nothing changed.")
    return 0


def _print_labels(labels: list, as_json: bool, empty: str) -> None:
    if as_json:
        print_json([{"name": label.name, "articles": label.articles} for label in labels])
        return
    for label in labels:
        print(f"{label.articles:>6}  {printable(label.name)}")
    if not labels:
        print(empty, file=sys.stderr)


def run_story_list(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import stories

    with open_user_library() as library:
        _print_labels(stories(library.conn), args.json, "No stories yet: dossier story add NAME")
    return 0


def run_story_add(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import add_story

    with _library_action() as library:
        add_story(library.conn, args.name)
    return 0


def run_story_rename(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import rename_story

    with _library_action() as library:
        rename_story(library.conn, args.name, args.new_name)
    return 0


def run_story_delete(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import delete_story

    with _library_action() as library:
        delete_story(library.conn, args.name)
    return 0


def run_story_members(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import attach, detach

    with _library_action() as library:
        if args.story_command == "attach":
            count = attach(library.conn, args.name, args.ids)
            print(f"Added {count} article(s) to {printable(args.name)}.")
        else:
            count = detach(library.conn, args.name, args.ids)
            print(f"Took {count} article(s) out of {printable(args.name)}.")
    return 0


def run_tag_list(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import tags

    with open_user_library() as library:
        _print_labels(tags(library.conn), args.json, "No tags yet: dossier tag add TAG ID…")
    return 0


def run_tag_members(args: argparse.Namespace) -> int:
    from desktop.core.library.stories import add_tag, remove_tag

    with _library_action() as library:
        if args.tag_command == "add":
            count = add_tag(library.conn, args.tag, args.ids)
            print(f"Tagged {count} article(s) {printable(args.tag)}.")
        else:
            count = remove_tag(library.conn, args.tag, args.ids)
            print(f"Took {printable(args.tag)} off {count} article(s).")
    return 0
