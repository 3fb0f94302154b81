"""Entity sub-commands: ``entities`` (what an article names, and its key terms), ``correct``
(the user's corrections) and ``watch`` (the watchlist).

``dossier entities ID|FILE --json`` prints ``{"entities": [...], "terms": [...]}``; an article
from the library (ID) shows the user's corrections and watchlist, a FILE is read as imported
but shows only what the recogniser finds. ``--batch IN.jsonl`` reads ``{"id", "text"}`` lines
(optionally ``"date": "YYYY-MM-DD"``, the article's date roles are resolved for; today when
absent; and ``"language"``, an ISO 639-1 code that overrides detection) and writes
``{"id", "language", "entities", "terms"}`` lines; each entity's ``role_as_of`` is the day its
role was resolved for. Entities and key terms are found in English text only: an article in
another language gets none, and ID|FILE says so on stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.commands.common import (
    CommandError,
    for_target,
    iter_batch,
    open_user_library,
    parse_id,
    path_argument,
    print_json,
    write_json_line,
)
from desktop.core.models import Article, Entity, Term
from desktop.core.text.keyterms import DEFAULT_LIMIT

if TYPE_CHECKING:
    from desktop.core.library.session import Library


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "entities", help="leaders, people, institutions, places and key terms of an article"
    )
    p.add_argument(
        "target", nargs="?", type=path_argument, metavar="ID|FILE", help="article id or a file"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--batch",
        type=path_argument,
        metavar="IN.jsonl",
        help='analyse {"id","text"} lines ("-": stdin)',
    )
    p.add_argument(
        "--terms",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"key terms to list ({DEFAULT_LIMIT})",
    )
    p.add_argument(
        "--mentioning", metavar="NAME", help="the library's articles naming NAME, as `list` shows"
    )
    _details_argument(p)
    p.set_defaults(run=run_entities)

    p = commands.add_parser("correct", help="correct an entity in every article")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("rename", help="show an entity under another name")
    a.add_argument("name")
    a.add_argument("new_name")
    a = actions.add_parser("merge", help="treat one entity as another")
    a.add_argument("source")
    a.add_argument("target")
    a = actions.add_parser("category", help="change an entity's category")
    a.add_argument("name")
    a.add_argument("category", choices=("leader", "person", "institution", "place"))
    a = actions.add_parser("not-entity", help="never show this name as an entity")
    a.add_argument("name")
    a = actions.add_parser("undo", help="forget the corrections of a name")
    a.add_argument("name")
    a = actions.add_parser("list", help="list the corrections")
    a.add_argument("--json", action="store_true")
    p.set_defaults(run=run_correct)

    p = commands.add_parser("watch", help="the watchlist of names and terms to follow")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("add", help="watch a name or term")
    a.add_argument("name")
    a.add_argument(
        "--category", default="person", choices=("leader", "person", "institution", "place", "term")
    )
    a.add_argument("--alias", action="append", default=[], help="another spelling (repeatable)")
    a = actions.add_parser("remove", help="stop watching (name or id)")
    a.add_argument("item")
    a = actions.add_parser("list", help="list the watchlist")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("counts", help="matches per article")
    a.add_argument("--json", action="store_true")
    _details_argument(a)
    p.set_defaults(run=run_watch)


def _details_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--details",
        action="store_true",
        help="with --json: an array of articles (as `list --json`) instead of bare ids",
    )


def entity_json(entity: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "category": entity.category,
        "canonical": entity.canonical,
        "role": entity.role,
        "role_as_of": entity.role_as_of,
    }
    if entity.watchlist:
        out["watchlist"] = True
    return out


def term_json(term: Term) -> dict[str, Any]:
    return {"text": term.text, "score": term.score, "spans": [list(s) for s in term.spans]}


def run_entities(args: argparse.Namespace) -> int:
    from desktop.core.text.analysis import analyze
    from desktop.core.text.language import detect_language

    if args.batch:
        if args.target:
            raise CommandError("give either ID|FILE or --batch, not both")
        problems: list[str] = []
        for record in iter_batch(args.batch, problems):
            day, language = record.get("date"), record.get("language")
            wrong = _wrong_field(day, language)
            if wrong:
                problem = f"{args.batch}: record {record.get('id')!r}: {wrong}"
                problems.append(problem)
                print(f"dossier: {problem}", file=sys.stderr)
                continue
            language = (language or detect_language(record["text"])).lower()
            entities, terms = analyze(
                record["text"], language=language, limit=args.terms, as_of=day
            )
            write_json_line(
                {
                    "id": record.get("id"),
                    "language": language,
                    "entities": [entity_json(e) for e in entities],
                    "terms": [term_json(t) for t in terms],
                }
            )
        return 1 if problems else 0
    if args.mentioning:
        from desktop.core.library.entity_index import articles_mentioning, index_pending

        with open_user_library() as library:
            indexed = 0
            while done := index_pending(library.conn, 200):
                indexed += done
                print(f"dossier: indexed {indexed} articles…", file=sys.stderr)
            ids = articles_mentioning(library.conn, args.mentioning)
            _print_articles(library, {article_id: None for article_id in ids}, args)
        return 0
    if not args.target:
        raise CommandError("give an article id, a file, or --batch IN.jsonl")
    results = _analyse_target(args.target, args.terms)
    if args.json:
        objects = [
            {"entities": [entity_json(e) for e in ents], "terms": [term_json(t) for t in terms]}
            for _, ents, terms in results
        ]
        print_json(objects[0] if len(objects) == 1 else objects)
        return 0
    for title, entities, terms in results:
        _print_human(title, entities, terms)
    return 0


def _wrong_field(day: object, language: object) -> str:
    """What is wrong with a batch record's optional ``date`` and ``language``, or ""."""
    if day is not None and not _is_day(day):
        return f"date must be YYYY-MM-DD, not {day!r}"
    if language is not None and not _is_language(language):
        return f"language must be a two-letter code such as en, not {language!r}"
    return ""


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_language(value: object) -> bool:
    return isinstance(value, str) and (value == "und" or (len(value) == 2 and value.isalpha()))


def _say_if_unmodelled(language: str) -> None:
    """The one-line notice for an article whose language has no entities or key terms."""
    from desktop.core.text.language import is_modelled, unmodelled_notice

    if not is_modelled(language):
        print(f"dossier: {unmodelled_notice(language)}", file=sys.stderr)


def _analyse_target(target: str, limit: int) -> list[tuple[str, list[Entity], list[Term]]]:
    from desktop.core.text.analysis import analyze

    def stored(library: Library, article: Article) -> tuple[str, list[Entity], list[Term]]:
        from desktop.core.library.entity_index import article_entities
        from desktop.core.library.languages import article_language

        article = article_language(library.conn, article)
        _say_if_unmodelled(article.language)
        entities, terms = article_entities(library.conn, article)
        return article.title, entities, terms[:limit]

    def read(article: Article) -> tuple[str, list[Entity], list[Term]]:
        from desktop.core.library.entity_index import article_day

        _say_if_unmodelled(article.language)
        found = analyze(
            article.text, language=article.language, limit=limit, as_of=article_day(article)
        )
        return article.title, *found

    return for_target(target, stored, read)


def _print_human(title: str, entities: list[Entity], terms: list[Term]) -> None:
    if title:
        print(f"# {title}")
    seen: dict[tuple[str, str], int] = {}
    roles: dict[tuple[str, str], str] = {}
    for e in entities:
        key = (e.category, e.canonical)
        seen[key] = seen.get(key, 0) + 1
        roles.setdefault(key, e.role)
    for (category, canonical), count in sorted(seen.items()):
        role = roles[(category, canonical)]
        print(f"{category:<12} {canonical}" + (f" ({role})" if role else "") + f"  ×{count}")
    if terms:
        print("terms: " + "; ".join(t.text for t in terms))


def _print_articles(
    library: Library, counts: dict[int, int | None], args: argparse.Namespace
) -> None:
    """Articles by id, each with its count of matches (``None``: no count): a line each as
    ``list`` prints them; with ``--json`` the bare ids (``{"id": count}`` with counts), or with
    ``--details`` the articles as ``list --json`` gives them, with a ``count``."""
    from desktop.commands.library import article_json, article_row

    if args.json and not args.details:
        with_counts = any(n is not None for n in counts.values())
        print_json({str(k): n for k, n in counts.items()} if with_counts else list(counts))
        return
    articles = library.store.listed(counts)
    found = [(articles[i], n) for i, n in counts.items() if i in articles]
    if args.json:
        print_json([{**article_json(a), **({} if n is None else {"count": n})} for a, n in found])
        return
    for article, n in found:
        print(article_row(article) if n is None else f"{n:>4}×  {article_row(article)}")


def run_correct(args: argparse.Namespace) -> int:
    from desktop.core.library import entity_corrections as index

    with open_user_library() as library:
        conn = library.conn
        try:
            if args.action == "rename":
                index.rename_entity(conn, args.name, args.new_name)
            elif args.action == "merge":
                index.merge_entities(conn, args.source, args.target)
            elif args.action == "category":
                index.set_entity_category(conn, args.name, args.category)
            elif args.action == "not-entity":
                index.mark_not_entity(conn, args.name)
            elif args.action == "undo":
                if not index.remove_correction(conn, args.name):
                    raise CommandError(f"no correction for {args.name!r}")
            else:
                rows = index.list_corrections(conn)
                if args.json:
                    print_json(rows)
                for row in [] if args.json else rows:
                    print(_correction_line(row))
        except index.CorrectionError as exc:
            raise CommandError(str(exc)) from exc
    return 0


def _correction_line(row: dict[str, Any]) -> str:
    parts = [str(row["canonical"])]
    if row["new_name"]:
        parts.append(f"→ {row['new_name']}")
    if row["category"]:
        parts.append(f"as {row['category']}")
    if row["not_entity"]:
        parts.append("not an entity")
    return " ".join(parts)


def run_watch(args: argparse.Namespace) -> int:
    # The watchlist alone: entity_index would load the recogniser (numpy, crfsuite) for nothing.
    from desktop.core.library import watchlist as index

    with open_user_library() as library:
        conn = library.conn
        if args.action == "add":
            try:
                item = index.add_watch_item(conn, args.name, args.category, args.alias)
            except index.WatchlistError as exc:
                raise CommandError(str(exc)) from exc
            print(f"watching {item.name} ({item.category}) as item {item.id}")
        elif args.action == "remove":
            found_id = parse_id(args.item)
            key: int | str = args.item if found_id is None else found_id
            if not index.remove_watch_item(conn, key):
                raise CommandError(f"{args.item!r} is not on the watchlist")
        elif args.action == "list":
            items = index.list_watch_items(conn)
            if args.json:
                print_json(
                    [
                        {"id": i.id, "name": i.name, "category": i.category, "aliases": i.aliases}
                        for i in items
                    ]
                )
            for i in [] if args.json else items:
                aliases = f" (also {', '.join(i.aliases)})" if i.aliases else ""
                print(f"{i.id:>4}  {i.category:<12} {i.name}{aliases}")
        else:
            counts = index.watchlist_counts(conn)
            _print_articles(library, dict(sorted(counts.items())), args)
    sys.stdout.flush()
    return 0
