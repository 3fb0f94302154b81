"""Library sub-commands: import, list, search, show, mark.

Human output is a compact table; ``--json`` prints stable JSON for scripts: ``list`` and
``search`` an array of article objects (``search`` adds ``snippet`` and ``score``), ``show`` one
object with its ``text``, ``import`` its report. ``search --json-page`` wraps the array with
the page's ``total``, ``offset``, ``limit`` and ``expansions``; a search that finds nothing
says so on stderr and exits 1 (``--json`` still prints ``[]``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.commands.common import (
    SQLITE_MAX_INTEGER,
    CommandError,
    library_id,
    open_user_library,
    path_argument,
    print_json,
    printable,
)
from desktop.core.library.store import SORT_COLUMNS, UNDATED
from desktop.core.models import Article
from desktop.core.text.cjk import CHARACTERS

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing costs every command 2 ms
if TYPE_CHECKING:
    from typing import Any

    from desktop.core.library.importing import ImportReport
    from desktop.core.library.session import Library

_LISTED_FIELDS = (
    "id", "title", "byline", "source", "url", "published", "added", "language", "words",
    "read", "starred", "origin", "length_unit",
)  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "import",
        help="add article files or folders (recursive): text, Markdown, HTML, RSS/Atom feeds,"
        " PDF, Word .docx, OpenDocument .odt, e-mail .eml/.emlx/.mbox and EPUB; other files in"
        " a folder are listed as skipped; a newer text of an article already in the library"
        " (same URL or file) updates it, keeps the old text as a version (`dossier versions`)"
        " and re-anchors its notes; a shorter or lesser text of it (a feed summary, a cut"
        " re-save) or an earlier-dated copy is a duplicate and replaces nothing",
    )
    p.add_argument(
        "paths", nargs="+", type=path_argument, metavar="PATH", help="files or folders to import"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run_import)

    p = commands.add_parser("list", help="list the articles in the library")
    p.add_argument("--sort", choices=sorted(SORT_COLUMNS), default="added")
    p.add_argument("--ascending", action="store_true", help="oldest / smallest first")
    p.add_argument("--limit", type=_positive, default=None, help="at most N articles")
    p.add_argument("--unread", action="store_true", help="only unread articles")
    p.add_argument("--starred", action="store_true", help="only starred articles")
    _filter_arguments(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=run_list)

    p = commands.add_parser(
        "search",
        help="full-text search, best matches first; prints how many match in all, and exits 1"
        " when none does",
    )
    p.add_argument(
        "query",
        nargs="*",
        help='words (all must match); a OR b; -word or NOT word; "a phrase"; prefix*; ( );'
        " title:WORD, source:NAME, story:NAME, tag:TAG, after:DATE, before:DATE (a day, month"
        " or year, included); a known name also finds its other spellings",
    )
    p.add_argument("--limit", type=_positive, default=20, help="at most N results (20)")
    p.add_argument("--offset", type=_not_negative, default=0, help="skip the first N results")
    p.add_argument("--after", metavar="DATE", help="only articles published on DATE or later")
    p.add_argument("--before", metavar="DATE", help="only articles published on DATE or earlier")
    _filter_arguments(p)
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON array of the hits")
    output.add_argument(
        "--json-page",
        action="store_true",
        help="print a JSON object: total, offset, limit, expansions and the hits as results",
    )
    p.set_defaults(run=run_search, dash_words="query")

    p = commands.add_parser("show", help="print one article with its text")
    p.add_argument("id", type=library_id, help="article id (see `dossier list`)")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(run=run_show)

    p = commands.add_parser("mark", help="mark an article read/unread or starred/unstarred")
    p.add_argument("id", type=library_id, help="article id")
    group = p.add_mutually_exclusive_group(required=True)
    for flag in ("read", "unread", "star", "unstar"):
        group.add_argument(f"--{flag}", dest="state", action="store_const", const=flag)
    p.set_defaults(run=run_mark)


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--story", metavar="NAME", help="only articles in this story")
    parser.add_argument("--tag", metavar="TAG", help="only articles with this tag")


@contextmanager
def _filtered_library() -> Iterator[Library]:
    """The user's library, where a filter naming no story is a one-line error."""
    from desktop.core.storage.membership import UnknownStory

    with open_user_library() as library:
        try:
            yield library
        except UnknownStory as exc:
            raise CommandError(str(exc.args[0])) from exc


def _labelled(library: Library, articles: list[Article]) -> list[dict[str, Any]]:
    """Articles as JSON, each with its ``tags`` and ``stories`` arrays."""
    from desktop.core.library.stories import labels_of

    labels = labels_of(library.conn, (a.id for a in articles))
    values = []
    for article in articles:
        tags, stories = labels.get(article.id, ([], []))
        values.append({**article_json(article), "tags": tags, "stories": stories})
    return values


def article_json(article: Article, *, with_text: bool = False) -> dict[str, Any]:
    """The JSON shape of an article; ``text``, ``content_hash`` and ``pages`` (where each page
    of a PDF starts in ``text``) only when asked."""
    value = {name: getattr(article, name) for name in _LISTED_FIELDS}
    if with_text:
        value["content_hash"] = article.content_hash
        value["text"] = article.text
        value["pages"] = [{"number": number, "start": start} for number, start in article.pages]
    return value


def run_import(args: argparse.Namespace) -> int:
    # Imported here: the parsers (feedparser, lxml, trafilatura) would slow every command.
    from desktop.core.library.importing import import_paths

    on_terminal = sys.stdout.isatty() and sys.stderr.isatty()
    progress = _ProgressBar() if on_terminal and not args.json else None
    with open_user_library() as library:
        report = import_paths(library, args.paths, progress.update if progress else None)
    if progress:
        progress.finish()
    if args.json:
        print_json(_report_json(report))
    else:
        for failure in report.failures:
            print(f"dossier: {failure.error}", file=sys.stderr)
        for skipped in report.skipped:
            print(f"dossier: skipped {printable(skipped.path)}: {skipped.skipped}", file=sys.stderr)
        if any(skipped.unsupported for skipped in report.skipped):
            from desktop.core.library.importers import SUPPORTED_KINDS

            print(f"dossier: Dossier imports {SUPPORTED_KINDS}", file=sys.stderr)
        for result in report.files:
            for reason in result.reasons:
                print(f"{printable(result.path)}: {reason}")
        updated = f"updated {len(report.updated)}, " if report.updated else ""
        not_read = f", skipped {len(report.skipped)}" if report.skipped else ""
        print(
            f"Imported {len(report.imported)}, {updated}duplicates {len(report.duplicates)}, "
            f"failed {len(report.failures)}{not_read}."
        )
    return 1 if report.failures else 0


def _report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "imported": report.imported,
        "duplicates": report.duplicates,
        "failed": [{"path": printable(f.path), "reason": f.error} for f in report.failures],
        "updated": report.updated,
        "skipped": [{"path": printable(f.path), "reason": f.skipped} for f in report.skipped],
        "files": [
            {
                "path": printable(f.path),
                "imported": list(f.imported),
                "duplicates": list(f.duplicates),
                "updated": list(f.updated),
                "error": f.error,
                "skipped": f.skipped,
                "reasons": list(f.reasons),
            }
            for f in report.files
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    with _filtered_library() as library:
        articles = library.store.list(
            sort=args.sort,
            descending=not args.ascending,
            limit=args.limit,
            unread_only=args.unread,
            starred_only=args.starred,
            story=args.story,
            tag=args.tag,
        )
        listed = _labelled(library, articles) if args.json else []
    if args.json:
        print_json(listed)
    else:
        for article in articles:
            print(article_row(article))
    return 0


def run_search(args: argparse.Namespace) -> int:
    from desktop.core.library.search_query import QueryError

    query = " ".join(args.query)
    if not query.strip() and not (args.after or args.before or args.story or args.tag):
        raise CommandError("nothing to search for: give words or a filter")
    with _filtered_library() as library:
        try:
            found = library.store.find(
                query,
                limit=args.limit,
                offset=args.offset,
                story=args.story,
                tag=args.tag,
                after=args.after,
                before=args.before,
            )
        except QueryError as exc:
            raise CommandError(f"cannot search for {printable(query)!r}: {exc}") from exc
    hits = [{**article_json(h.article), "snippet": h.snippet, "score": h.score} for h in found.hits]
    expansions = [{"term": term, "spellings": list(also)} for term, also in found.expansions]
    if args.json_page:
        page = {"total": found.total, "offset": args.offset, "limit": args.limit}
        print_json({**page, "expansions": expansions, "results": hits})
    elif args.json:
        print_json(hits)
    for term, also in found.expansions:
        print(
            f"dossier: {printable(term)} also found as {printable(', '.join(also[1:]))}",
            file=sys.stderr,
        )
    if not found.hits:
        shown = f'"{printable(query.strip())}"' if query.strip() else "these filters"
        more = f" beyond the first {args.offset} of {found.total}" if found.total else ""
        print(f"dossier: No matches for {shown}{more}", file=sys.stderr)
        return 1
    if not (args.json or args.json_page):
        for hit in found.hits:
            print(article_row(hit.article))
            print(f"      {' '.join(hit.snippet.split())}")
        print(_page_line(args.offset, len(found.hits), found.total))
    return 0


def _page_line(offset: int, shown: int, total: int) -> str:
    """ "20 of 23 matches", with the next page's option when there is one."""
    first, last = offset + 1, offset + shown
    span = f"{shown:,}" if offset == 0 else f"{first:,}–{last:,}"
    line = f"{span} of {total:,} match{'es' if total != 1 else ''}"
    return line + (f" (next: --offset {last})" if last < total else "")


def run_show(args: argparse.Namespace) -> int:
    with open_user_library() as library:
        article = library.store.get(args.id, trashed=True)
        if article is not None and article.trashed:
            raise CommandError(
                f"article {args.id} is in the trash (dossier trash restore {args.id})"
            )
        if article is None:
            raise CommandError(f"no article with id {args.id} (see `dossier list`)")
        labelled = _labelled(library, [article])[0]
        tags, stories = labelled["tags"], labelled["stories"]
    if args.json:
        print_json({**article_json(article, with_text=True), "tags": tags, "stories": stories})
        return 0
    print(article.title)
    published = article.published or "undated"
    details = [article.byline, article.source, published, f"{article.words} {article.length_unit}"]
    if article.pages:
        details.append(f"{len(article.pages)} pages")
    print(" · ".join(d for d in details if d))
    labels = [f"#{t}" for t in tags] + [f"story: {s}" for s in stories]
    if labels:
        print(printable("  ".join(labels)))
    if article.url:
        print(article.url)
    print()
    print(article.text)
    return 0


def run_mark(args: argparse.Namespace) -> int:
    with open_user_library() as library:
        if library.store.get(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see `dossier list`)")
        if args.state in ("read", "unread"):
            library.store.set_read(args.id, args.state == "read")
        else:
            library.store.set_starred(args.id, args.state == "star")
    return 0


def article_row(article: Article) -> str:
    """One line of ``list``: id, starred and unread marks, date, words, title, source."""
    flags = ("*" if article.starred else " ") + (" " if article.read else "•")
    date = article.published or UNDATED
    source = f"  ({article.source})" if article.source else ""
    unit = "c" if article.length_unit == CHARACTERS else "w"
    return f"{article.id:>5} {flags} {date:<10} {article.words:>6}{unit}  {article.title}{source}"


def _not_negative(value: str) -> int:
    number = int(value)
    if not 0 <= number <= SQLITE_MAX_INTEGER:
        raise argparse.ArgumentTypeError("must be 0 or more (and less than 2^63)")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if not 1 <= number <= SQLITE_MAX_INTEGER:
        raise argparse.ArgumentTypeError("must be 1 or more (and less than 2^63)")
    return number


class _ProgressBar:
    """A one-line progress bar on stderr, redrawn in place; only used on a terminal."""

    WIDTH = 30

    def __init__(self) -> None:
        self._shown = False

    def update(self, done: int, total: int, path: str) -> None:
        filled = self.WIDTH * done // max(total, 1)
        name = path[-40:]
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} {name:<40}")
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
