"""Notes out of Dossier: Markdown for a story file or an Obsidian vault, CSV for a spreadsheet,
and W3C Web Annotation JSON, the lossless format ``importer`` reads back.

Every format carries a locator back to the passage (``dossier://article/<id>#<start>-<end>``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from desktop import __version__
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.table import slug, utc_now
from desktop.core.storage.engine import sqlite3

FORMATS = ("md", "json", "csv")
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOSSIER_NAMESPACE = "urn:x-dossier:"
CSV_COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "url",
    "quote",
    "note",
    "category",
    "category_label",
    "tags",
    "start",
    "end",
    "orphan",
    "created",
    "modified",
    "locator",
)


@dataclass(frozen=True)
class ArticleInfo:
    """What an export says about an article, without its text."""

    id: int
    title: str
    source: str
    url: str
    date: str
    content_hash: str


def article_uri(article_id: int) -> str:
    return f"dossier://article/{article_id}"


def locator(highlight: Highlight) -> str:
    """A link back to the passage, as the window's "open at" understands it."""
    return f"{article_uri(highlight.article_id)}#{highlight.start}-{highlight.end}"


def highlight_record(highlight: Highlight) -> dict[str, Any]:
    """A highlight as plain JSON-ready data (the CLI's ``notes add`` and ``notes list``)."""
    h = highlight
    return {
        "id": h.id,
        "article": h.article_id,
        "quote": h.quote,
        "note": h.note,
        "category": h.category,
        "tags": list(h.tags),
        "start": h.start,
        "end": h.end,
        "orphan": h.orphan,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "content_hash": h.content_hash,
        "created": h.created,
        "modified": h.modified,
    }


def articles_info(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, ArticleInfo]:
    ids = sorted(set(article_ids))
    found: dict[int, ArticleInfo] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        rows = conn.execute(
            "SELECT id, title, source, url, published, added, content_hash FROM articles"
            f" WHERE id IN ({', '.join('?' * len(part))})",
            part,
        )
        for r in rows:
            date = r["published"] or r["added"]
            found[r["id"]] = ArticleInfo(
                r["id"], r["title"], r["source"], r["url"], date, r["content_hash"]
            )
    return found


def _missing_article(article_id: int) -> ArticleInfo:
    return ArticleInfo(
        article_id, f"(article {article_id} is no longer in the library)", "", "", "", ""
    )


def _selection(
    conn: sqlite3.Connection, article_id: int | None, tag: str | None, category: str | None
) -> tuple[list[Highlight], dict[int, ArticleInfo], dict[str, HighlightCategory]]:
    notebook = Notebook(conn)
    highlights = list(notebook.iter_all(article_id=article_id, tag=tag, category=category))
    articles = articles_info(conn, (h.article_id for h in highlights))
    return highlights, articles, {c.name: c for c in notebook.categories()}


def export_notes(
    conn: sqlite3.Connection,
    fmt: str,
    out: TextIO,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    category: str | None = None,
) -> int:
    """Write the matching highlights to ``out`` in ``fmt`` (md, json or csv); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    highlights, articles, categories = _selection(conn, article_id, tag, category)
    writer = {"md": _write_markdown, "json": _write_annotations, "csv": _write_csv}[fmt]
    writer(out, highlights, articles, categories)
    return len(highlights)


def markdown_documents(
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> Iterator[tuple[ArticleInfo, str]]:
    """One Markdown document per article (front matter, then its highlights in text order)."""
    start = 0
    while start < len(highlights):
        article_id = highlights[start].article_id
        stop = start
        while stop < len(highlights) and highlights[stop].article_id == article_id:
            stop += 1
        info = articles.get(article_id) or _missing_article(article_id)
        yield info, _markdown_article(info, highlights[start:stop], categories)
        start = stop


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON string escapes are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _markdown_article(
    info: ArticleInfo, highlights: list[Highlight], categories: dict[str, HighlightCategory]
) -> str:
    lines = [
        "---",
        f"title: {_yaml(info.title)}",
        f"source: {_yaml(info.source)}",
        f"url: {_yaml(info.url)}",
        f"date: {_yaml(info.date)}",
        f"dossier: {_yaml(article_uri(info.id))}",
        "---",
        "",
        f"# {info.title}",
        "",
    ]
    placed = [h for h in highlights if not h.orphan]
    orphans = [h for h in highlights if h.orphan]
    for h in placed:
        lines += _markdown_highlight(h, categories)
    if orphans:
        lines += ["## Orphans", "", "Not found in the current text of the article.", ""]
        for h in orphans:
            lines += _markdown_highlight(h, categories)
    return "\n".join(lines)


def _markdown_highlight(h: Highlight, categories: dict[str, HighlightCategory]) -> list[str]:
    quote = [f"> {line}".rstrip() for line in h.quote.splitlines() or [""]]
    label = categories[h.category].label if h.category in categories else h.category
    meta = [f"**{label}**"]
    if h.tags:
        meta.append(" ".join("#" + "-".join(tag.split()) for tag in h.tags))
    where = f"characters {h.start}–{h.end}" + (" (orphan)" if h.orphan else "")
    meta.append(f"[{locator(h)}]({locator(h)}) {where}")
    note = [h.note.rstrip(), ""] if h.note.strip() else []
    return [*quote, "", *note, " · ".join(meta), ""]


def _write_markdown(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> None:
    for _, document in markdown_documents(highlights, articles, categories):
        out.write(document)
        out.write("\n")


def _write_csv(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for h in highlights:
        info = articles.get(h.article_id) or _missing_article(h.article_id)
        category = categories.get(h.category)
        writer.writerow(
            (
                h.id,
                h.article_id,
                info.title,
                info.url,
                h.quote,
                h.note,
                h.category,
                category.label if category else h.category,
                "; ".join(h.tags),
                h.start,
                h.end,
                int(h.orphan),
                h.created,
                h.modified,
                locator(h),
            )
        )


def annotation(h: Highlight, info: ArticleInfo, label: str) -> dict[str, Any]:
    """One highlight as a W3C Web Annotation (TextQuote + TextPosition selectors)."""
    body: list[dict[str, Any]] = []
    if h.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": h.note,
                "format": "text/markdown",
            }
        )
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in h.tags]
    body.append(
        {
            "type": "TextualBody",
            "purpose": "classifying",
            "value": h.category,
            "dossier:label": label,
        }
    )
    return {
        "id": f"urn:uuid:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if h.note else "highlighting",
        "created": h.created,
        "modified": h.modified,
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {
                "id": article_uri(h.article_id),
                "type": "Text",
                "title": info.title,
                "dossier:url": info.url,
                "dossier:contentHash": info.content_hash,
            },
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": h.quote,
                    "prefix": h.prefix,
                    "suffix": h.suffix,
                },
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
            "dossier:contentHash": h.content_hash,
            "dossier:orphan": h.orphan,
        },
    }


def _write_annotations(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> None:
    """An AnnotationCollection, streamed item by item so 100,000 notes need no big string."""
    head = {
        "@context": [ANNOTATION_CONTEXT, {"dossier": DOSSIER_NAMESPACE}],
        "type": "AnnotationCollection",
        "label": "Dossier notes",
        "generator": {"type": "Software", "name": "Dossier", "dossier:version": __version__},
        "generated": utc_now(),
        "total": len(highlights),
        "dossier:categories": [
            {"name": c.name, "label": c.label, "light": c.light, "dark": c.dark}
            for c in categories.values()
        ],
    }
    text = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(text[:-2])
    out.write(',\n "first": {"type": "AnnotationPage", "startIndex": 0, "items": [')
    for index, h in enumerate(highlights):
        info = articles.get(h.article_id) or _missing_article(h.article_id)
        category = categories.get(h.category)
        item = annotation(h, info, category.label if category else h.category)
        out.write(",\n  " if index else "\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
    out.write("\n ]}\n}\n")


def export_markdown_folder(
    conn: sqlite3.Connection,
    folder: Path,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    category: str | None = None,
) -> list[Path]:
    """One Markdown file per article in ``folder`` (an Obsidian vault, say); returns them."""
    highlights, articles, categories = _selection(conn, article_id, tag, category)
    written = []
    for info, document in markdown_documents(highlights, articles, categories):
        name = slug(info.title)[:60] or "article"
        path = folder / f"{info.id:05d}-{name}.md"
        path.write_text(document + "\n", encoding="utf-8")
        written.append(path)
    return written
