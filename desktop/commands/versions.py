"""`dossier versions ID`: the earlier texts of an article, one shown, or one restored.

Every text an import replaced (or a restore) is kept; ``--show N`` prints one, ``--restore N``
makes it the article's text again (the text it replaces becomes a version in turn, and the
highlights are re-anchored as after an import). ``--json`` prints stable JSON for scripts.
Core modules are imported inside the functions: listing versions needs no language library.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.commands.common import CommandError, open_user_library, print_json

if TYPE_CHECKING:
    from desktop.core.library.session import Library
    from desktop.core.library.versions import ArticleVersion

_LISTED_FIELDS = ("number", "replaced", "title", "words", "content_hash", "published", "source",
                  "url", "byline")  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "versions",
        help="list the earlier texts of an article (every text an update replaced), show one"
        " or restore one",
    )
    p.add_argument("id", type=int, help="article id (see `dossier list`)")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--show", type=int, metavar="N", help="print the text of version N")
    action.add_argument(
        "--restore",
        type=int,
        metavar="N",
        help="make version N the article's text again (the current text is kept as a version)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run_versions)


def version_json(version: ArticleVersion, *, with_text: bool = False) -> dict[str, Any]:
    value = {name: getattr(version, name) for name in _LISTED_FIELDS}
    if with_text:
        value["text"] = version.text
    return value


def run_versions(args: argparse.Namespace) -> int:
    with open_user_library() as library:
        if library.store.get(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see `dossier list`)")
        if args.restore is not None:
            return _restore(library, args)
        if args.show is not None:
            return _show(library, args)
        return _list(library, args)


def _list(library: Library, args: argparse.Namespace) -> int:
    from desktop.core.library.versions import list_versions

    versions = list_versions(library.conn, args.id)
    if args.json:
        print_json([version_json(v) for v in versions])
        return 0
    if not versions:
        print(f"Article {args.id} has no earlier versions.")
    for v in versions:
        replaced = v.replaced[:16].replace("T", " ")
        print(f"{v.number:>4}  {replaced}  {v.words:>6}w  {v.content_hash[:12]}  {v.title}")
    return 0


def _show(library: Library, args: argparse.Namespace) -> int:
    version = _version(library, args.id, args.show)
    if args.json:
        print_json(version_json(version, with_text=True))
        return 0
    print(version.text)
    return 0


def _restore(library: Library, args: argparse.Namespace) -> int:
    from desktop.core.library.updating import VersionError, restore_version
    from desktop.core.storage.engine import sqlite3

    _version(library, args.id, args.restore)
    try:
        update = restore_version(library.store, args.id, args.restore)
    except VersionError as exc:
        raise CommandError(str(exc)) from exc
    except sqlite3.Error as exc:  # locked, full or read-only: nothing was changed
        raise CommandError(
            f"cannot restore version {args.restore} of article {args.id}: {exc}"
        ) from exc
    placed = update.highlights
    if args.json:
        print_json(
            {
                "id": args.id,
                "restored": args.restore,
                "kept_as": update.version,
                "highlights": {
                    "unchanged": list(placed.unchanged),
                    "exact": list(placed.exact),
                    "fuzzy": list(placed.fuzzy),
                    "moved": list(placed.moved),
                    "orphaned": list(placed.orphaned),
                },
            }
        )
        return 0
    print(
        f"Restored version {args.restore} of article {args.id}; the text it replaced is version"
        f" {update.version}. Highlights: {len(placed.unchanged)} unchanged,"
        f" {len(placed.exact)} placed exactly, {len(placed.moved)} moved (please check),"
        f" {len(placed.orphaned)} orphaned."
    )
    return 0


def _version(library: Library, article_id: int, number: int) -> ArticleVersion:
    from desktop.core.library.versions import get_version

    version = get_version(library.conn, article_id, number)
    if version is None:
        raise CommandError(
            f"article {article_id} has no version {number} (see `dossier versions {article_id}`)"
        )
    return version
