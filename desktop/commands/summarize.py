"""``dossier summarize``: the summary of a stored article or a file, or of a JSON Lines batch.

Human output is the chosen sentences in document order with their rank; ``--json`` prints
``{"method", "sentences": [{"text", "start", "end", "rank", "score"}]}``. ``--batch IN.jsonl``
reads ``{"id", "text"}`` lines and writes one ``{"id", "sentences": [...]}`` line per record, for
newsroom scripts and evaluation. A method that refuses a text too long for it is a one-line
``dossier: ID|FILE: reason`` (exit 1); in a batch that record's line carries the reason as
``error`` with no sentences, it is reported on stderr, and the batch goes on (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from desktop.commands.common import (
    CommandError,
    for_target,
    iter_batch,
    path_argument,
    print_json,
    write_json_line,
)
from desktop.core.models import Article, Summary
from desktop.core.text.method_names import METHODS
from desktop.core.text.methods import TextTooLong

if TYPE_CHECKING:
    from desktop.core.library.session import Library
    from desktop.core.storage.engine import sqlite3


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "summarize",
        help="summarise a stored article (by id), a file, or a JSON Lines batch",
        description="Print an extractive summary. Without a length, three sentences.",
    )
    p.add_argument(
        "target", nargs="?", type=path_argument, metavar="ID|FILE", help="article id or a file"
    )
    p.add_argument(
        "--batch",
        type=path_argument,
        metavar="IN.jsonl",
        help='summarise {"id","text"} lines ("-": stdin)',
    )
    p.add_argument("--method", choices=METHODS, default="news", help="summariser (news)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=_positive_int, metavar="N", help="N sentences")
    length.add_argument("--ratio", type=_ratio, metavar="R", help="this share of the sentences")
    length.add_argument("--words", type=_positive_int, metavar="W", help="at most W words")
    p.add_argument("--language", default=None, help="language code (default: the article's, en)")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(run=run_summarize)


def run_summarize(args: argparse.Namespace) -> int:
    if (args.batch is None) == (args.target is None):
        raise CommandError("give an article id or a file, or --batch IN.jsonl")
    length = {"sentences": args.sentences, "ratio": args.ratio, "words": args.words}
    if args.batch is not None:
        return _run_batch(args.batch, args.method, length, args.language or "en")
    for label, summary in _summaries(args.target, args.method, length, args.language):
        if args.json:
            print_json({"method": summary.method, **label, "sentences": _sentences(summary)})
        else:
            for s in summary.sentences:
                print(f"[{s.rank}] {s.text}")
            if not summary.sentences:
                print("(no sentences to summarise)")
    return 0


def _summaries(
    target: str, method: str, length: dict[str, Any], language: str | None
) -> list[tuple[dict[str, Any], Summary]]:
    """Stored article by id (cached summary), else every article a file holds."""

    def stored(library: Library, article: Article) -> tuple[dict[str, Any], Summary]:
        if language is not None:
            summary = _summarize(target, article, method, length, language)
            return {"id": article.id}, summary
        return {"id": article.id}, _cached(target, library.conn, article, method, length)

    def read(article: Article) -> tuple[dict[str, Any], Summary]:
        summary = _summarize(target, article, method, length, language or article.language)
        return {"title": article.title}, summary

    return for_target(target, stored, read)


def _cached(
    target: str,
    conn: sqlite3.Connection,
    article: Article,
    method: str,
    length: dict[str, Any],
) -> Summary:
    from desktop.core.library.summaries import article_summary

    with _command_errors(target):
        return article_summary(conn, article, method, **length)


def _summarize(
    target: str, article: Article, method: str, length: dict[str, Any], language: str
) -> Summary:
    # Imported when a summary is asked for: the summarisers load numpy, nltk and sumy.
    from desktop.core.text.summarize import summarize

    with _command_errors(target):
        return summarize(article.text, method, language=language, title=article.title, **length)


def _text_field(record: dict[str, Any], name: str) -> str:
    """A record's optional text field; anything but a string counts as absent."""
    value = record.get(name)
    return value if isinstance(value, str) else ""


@contextmanager
def _command_errors(target: str) -> Iterator[None]:
    """A method's refusal names the article or file it refused; other bad input is said as is."""
    try:
        yield
    except TextTooLong as exc:
        raise CommandError(f"{target}: {exc}") from exc
    except ValueError as exc:
        raise CommandError(str(exc)) from exc


def _run_batch(path: str, method: str, length: dict[str, Any], language: str) -> int:
    from desktop.core.text.summarize import summarize

    problems: list[str] = []
    for record in iter_batch(path, problems):
        language_of = record.get("language") or language
        with _command_errors(path):
            try:
                summary = summarize(
                    record["text"],
                    method,
                    language=language_of,
                    title=_text_field(record, "title"),
                    **length,
                )
            except TextTooLong as exc:
                problems.append(f"{path}: id {record.get('id')!r}: {exc}")
                print(f"dossier: {problems[-1]}", file=sys.stderr)
                write_json_line({"id": record.get("id"), "sentences": [], "error": str(exc)})
                continue
        sentences = [
            {"start": s.start, "end": s.end, "text": s.text, "rank": s.rank}
            for s in summary.sentences
        ]
        write_json_line({"id": record.get("id"), "sentences": sentences})
    return 1 if problems else 0


def _sentences(summary: Summary) -> list[dict[str, Any]]:
    return [
        {"text": s.text, "start": s.start, "end": s.end, "rank": s.rank, "score": s.score}
        for s in summary.sentences
    ]


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 1: {value}")
    return number
