"""Sub-commands that take an article out of Dossier: ``cite`` (a quote with its citation) and
``export`` (the article with its highlights and notes, as Markdown or HTML).

The window's *Copy with Citation* and *File ▸ Export Article…* call the same core functions
(``core.library.citation``, ``core.notes.article_export``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import (
    CommandError,
    library_id,
    open_user_library,
    path_argument,
    write_atomically,
)
from desktop.core.library.citation import DEFAULT_STYLE, STYLES


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "cite",
        help="a quote (or a highlight's passage, or nothing) with the article's citation",
    )
    p.add_argument("id", type=library_id, help="article id (see `dossier list`)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--quote", metavar="TEXT", help="words from the article's text")
    source.add_argument("--highlight", metavar="HID", help="a highlight's id (`notes list`)")
    p.add_argument(
        "--style", choices=STYLES, default=DEFAULT_STYLE, help="citation style (default: plain)"
    )
    p.set_defaults(run=run_cite)

    p = commands.add_parser(
        "export", help="an article with its highlights and notes, as Markdown or HTML"
    )
    p.add_argument("id", type=library_id, help="article id (see `dossier list`)")
    p.add_argument(
        "--format", choices=("md", "html"), default="md", help="Markdown or HTML (default: md)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=path_argument,
        metavar="FILE",
        help="file to write (default: standard output)",
    )
    p.set_defaults(run=run_export)


def run_cite(args: argparse.Namespace) -> int:
    from desktop.core.library.citation import CitationError, cite_passage, find_quote
    from desktop.core.notes.errors import NotesError
    from desktop.core.notes.notebook import Notebook

    with open_user_library() as library:
        article = library.store.get(args.id)
        if article is None:
            raise CommandError(f"no article with id {args.id} (see `dossier list`)")
        quote, span = "", None
        try:
            if args.highlight is not None:
                highlight = Notebook(library.conn).get(args.highlight)
                if highlight.article_id != article.id:
                    raise CommandError(
                        f"highlight {args.highlight} is in article {highlight.article_id},"
                        f" not {article.id}"
                    )
                quote = highlight.quote
                span = None if highlight.orphan else (highlight.start, highlight.end)
            elif args.quote is not None:
                span = find_quote(article.text, args.quote)
                quote = article.text[span[0] : span[1]]
            print(cite_passage(article, args.style, quote, span))
        except (CitationError, NotesError) as exc:
            raise CommandError(f"cannot cite article {args.id}: {exc}") from exc
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.core.notes.article_export import export_article

    with open_user_library() as library:
        document = export_article(library.conn, args.id, args.format)
    if document is None:
        raise CommandError(f"no article with id {args.id} (see `dossier list`)")
    if args.output:
        write_atomically(Path(args.output), lambda out: out.write(document))
    else:
        sys.stdout.write(document)
    return 0
