"""Notes out of Dossier: Markdown for a story file or an Obsidian vault, CSV for a spreadsheet,
and W3C Web Annotation JSON, the lossless format ``importer`` reads back.

Every format carries a locator back to the passage (``locators.passage_link``): by the hash of
the article's text and its URL, so it opens the same passage in another library. Text from
pages and users is escaped for each format (``markdown_text``; CSV cells that a spreadsheet
would run as formulas get a leading apostrophe).
"""

from __future__ import annotations

import csv
import json
import uuid
from typing import Any, TextIO

from desktop import __version__
from desktop.core.library.pages import cite
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.export_selection import (
    ArticleInfo,
    ExportArticles,
    article_link,
    locator,
    selection,
    w3c_time,
)
from desktop.core.notes.markdown_export import write_markdown
from desktop.core.notes.table import utc_now
from desktop.core.storage.engine import sqlite3

FORMATS = ("md", "json", "csv")
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Dossier's own keys ("dsr:contentHash"…). Not "dossier:", as up to version 0.1: with a
# "dossier" prefix, JSON-LD compaction takes "dossier://text/…" ids for compact IRIs and fails.
DOSSIER_PREFIX = "dsr"
DOSSIER_NAMESPACE = "urn:x-dossier:"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
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
    "page",
    "anchor",
    "original_quote",
)


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
        "anchor": h.anchor,
        "original_quote": h.first_quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "content_hash": h.content_hash,
        "created": h.created,
        "modified": h.modified,
    }


def export_notes(
    conn: sqlite3.Connection,
    fmt: str,
    out: TextIO,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    category: str | None = None,
    story: str | None = None,
    article_tag: str | None = None,
) -> int:
    """Write the matching highlights to ``out`` in ``fmt`` (md, json or csv); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    highlights, articles, categories = selection(
        conn, article_id, tag, category, story, article_tag
    )
    writer = {"md": write_markdown, "json": _write_annotations, "csv": _write_csv}[fmt]
    writer(out, highlights, articles, categories)
    return len(highlights)


def _csv_cell(value: object) -> object:
    """A text cell a spreadsheet shows as text: one starting with ``= + - @``, TAB or CR gets
    a leading apostrophe (OWASP's advice against CSV formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _write_csv(
    out: TextIO,
    highlights: list[Highlight],
    articles: ExportArticles,
    categories: dict[str, HighlightCategory],
) -> None:
    out.write("\ufeff")  # Excel reads UTF-8 only after a byte order mark
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for h in highlights:
        info = articles.of(h)
        category = categories.get(h.category)
        row = (
            h.id,
            h.article_id,
            info.title,
            info.url,
            h.quote,
            h.note,
            h.category,
            category.label if category else h.category,
            json.dumps(list(h.tags), ensure_ascii=False),
            h.start,
            h.end,
            int(h.orphan),
            h.created,
            h.modified,
            locator(h, info),
            "" if h.orphan else cite(info.pages, h.start, h.end),
            h.anchor,
            h.first_quote,
        )
        writer.writerow([_csv_cell(value) for value in row])


def annotation(h: Highlight, info: ArticleInfo, label: str) -> dict[str, Any]:
    """One highlight as a W3C Web Annotation (TextQuote + TextPosition selectors).

    Its source is the article's URL when it has one (so other tools can place it), else its
    ``dossier://`` link; the text hash rides along for an exact match in another library.
    """
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
            f"{DOSSIER_PREFIX}:label": label,
        }
    )
    source = {
        "id": info.url or article_link(info),
        "type": "Text",
        f"{DOSSIER_PREFIX}:title": info.title,
        f"{DOSSIER_PREFIX}:url": info.url,
        f"{DOSSIER_PREFIX}:contentHash": info.content_hash,
    }
    return {
        "id": f"urn:uuid:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if h.note else "highlighting",
        "created": w3c_time(h.created),
        "modified": w3c_time(h.modified or h.created),
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": h.quote,
                    "prefix": h.prefix,
                    "suffix": h.suffix,
                },
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
            f"{DOSSIER_PREFIX}:link": locator(h, info),
            f"{DOSSIER_PREFIX}:contentHash": h.content_hash,
            f"{DOSSIER_PREFIX}:orphan": h.orphan,
            f"{DOSSIER_PREFIX}:moved": h.moved,
            f"{DOSSIER_PREFIX}:originalQuote": h.first_quote,
        },
    }


def _write_annotations(
    out: TextIO,
    highlights: list[Highlight],
    articles: ExportArticles,
    categories: dict[str, HighlightCategory],
) -> None:
    """An AnnotationCollection with one embedded page, streamed item by item so 100,000 notes
    need no big string. Collection and page get fresh ``urn:uuid`` ids."""
    collection_id = f"urn:uuid:{uuid.uuid4()}"
    d = DOSSIER_PREFIX
    head = {
        "@context": [ANNOTATION_CONTEXT, {d: DOSSIER_NAMESPACE}],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Dossier notes",
        "generator": {"type": "Software", "name": "Dossier", f"{d}:version": __version__},
        "generated": w3c_time(utc_now()),
        "total": len(highlights),
        f"{d}:categories": [
            {"name": c.name, "label": c.label, f"{d}:light": c.light, f"{d}:dark": c.dark}
            for c in categories.values()
        ],
    }
    page = {
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationPage",
        "partOf": collection_id,
        "startIndex": 0,
    }
    text = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(text[:-2])
    out.write(',\n "first": ' + json.dumps(page, ensure_ascii=False)[:-1] + ', "items": [')
    for index, h in enumerate(highlights):
        info = articles.of(h)
        category = categories.get(h.category)
        item = annotation(h, info, category.label if category else h.category)
        out.write(",\n  " if index else "\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
    out.write("\n ]}\n}\n")
