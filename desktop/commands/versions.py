"""`dossier versions ID`: the earlier texts of an article, one shown, or one restored.

Every text an import replaced (or a restore) is kept; ``--show N`` prints one, ``--restore N``
makes it the article's text again (the text it replaces becomes a version in turn, and the
highlights are re-anchored as after an import), ``--diff N [M]`` prints what changed word by
word. ``--json`` prints stable JSON for scripts.
Core modules are imported inside the functions: listing versions needs no language library.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.commands.common import CommandError, open_user_library, print_json

if TYPE_CHECKING:
    from desktop.core.library.session import Library
    from desktop.core.library.version_changes import VersionChanges
    from desktop.core.library.versions import ArticleVersion

_LISTED_FIELDS = ("number", "replaced", "title", "words", "content_hash", "published", "source",
                  "url", "byline")  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "versions",
        help="list the earlier texts of an article (every text an update replaced), show one,"
        " restore one or show what changed",
        description="List the earlier texts of an article, show one, restore one, or show what"
        " changed between two texts word by word. --diff N compares version N with the current"
        " text, --diff N M with version M. The plain output prints the paragraphs that changed,"
        " removed words as [-words-] and added ones as {+words+} (like git's --word-diff=plain),"
        " skipped unchanged paragraphs as '…'. With --json: the two texts ('old', 'new': number,"
        " null for the current text, title, text), 'spans' covering both texts in order (kind:"
        " equal, insert, delete or replace; a_start/a_end in the old text, b_start/b_end in the"
        " new, Python string offsets), and the highlights placed on each text ('old_highlights',"
        " 'new_highlights': id, category, start, end).",
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
    action.add_argument(
        "--diff",
        type=int,
        nargs="+",
        metavar=("N", "M"),
        help="what changed word by word from version N to the current text (--diff N M: to"
        " version M)",
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
        if args.diff is not None:
            return _diff(library, args)
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


def _diff(library: Library, args: argparse.Namespace) -> int:
    from desktop.core.library.version_changes import NoVersion, version_changes

    if len(args.diff) > 2:
        raise CommandError("--diff takes one or two version numbers (N, or N M)", exit_code=2)
    for number in args.diff:
        _version(library, args.id, number)
    against = args.diff[1] if len(args.diff) == 2 else None
    try:
        changes = version_changes(library.store, args.id, args.diff[0], against)
    except NoVersion as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json(_changes_json(changes))
        return 0
    print(word_diff_text(changes))
    return 0


def _changes_json(changes: VersionChanges) -> dict[str, Any]:
    def text(t: Any) -> dict[str, Any]:
        return {"number": t.number, "title": t.title, "content_hash": t.content_hash,
                "text": t.text}  # fmt: skip

    def placed(highlights: list[Any]) -> list[dict[str, Any]]:
        return [{"id": h.id, "category": h.category, "start": h.start, "end": h.end}
                for h in highlights]  # fmt: skip

    return {
        "id": changes.article_id,
        "old": text(changes.old),
        "new": text(changes.new),
        "spans": [vars(s) for s in changes.spans],
        "old_highlights": placed(changes.old_highlights),
        "new_highlights": placed(changes.new_highlights),
    }


def word_diff_text(changes: VersionChanges) -> str:
    """The changed paragraphs, ``[-removed-]{+added+}``, with ``…`` for the ones skipped."""
    old, new = changes.old.text, changes.new.text
    marked: list[str] = []
    changed: list[tuple[int, int]] = []  # ranges of ``marked`` text that are changes
    at = 0
    for s in changes.spans:
        piece = old[s.a_start : s.a_end]
        if s.kind != "equal":
            removed = f"[-{piece}-]" if piece else ""
            added = new[s.b_start : s.b_end]
            piece = removed + (f"{{+{added}+}}" if added else "")
            changed.append((at, at + len(piece)))
        marked.append(piece)
        at += len(piece)
    text = "".join(marked)
    shown: list[str] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(a <= end and b > start for a, b in changed):
            shown.append(line)
        elif not line.strip():
            if shown[-1:] not in ([], [""], ["…"]):
                shown.append("")
        elif shown[-1:] != ["…"]:
            shown.append("…")
        start = end + 1
    old_name = f"version {changes.old.number}"
    new_name = "the current text" if changes.new.number is None else f"version {changes.new.number}"
    if not changed:
        return f"No change from {old_name} to {new_name}."
    return f"--- {old_name}\n+++ {new_name}\n" + "\n".join(shown).rstrip("\n")


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
