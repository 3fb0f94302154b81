"""Notes out of Dossier: Markdown for a story file or an Obsidian vault, CSV for a spreadsheet,
and W3C Web Annotation JSON, the lossless format ``importer`` reads back.

Every format carries a locator back to the passage (``locators.passage_link``): by the hash of
the article's text and its URL, so it opens the same passage in another library. Text from
pages and users is escaped for each format (``markdown_text``; CSV cells that a spreadsheet
would run as formulas get a leading apostrophe).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from desktop import __version__
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.locators import passage_link
from desktop.core.notes.markdown_text import (
    block_quote,
    obsidian_tag,
    one_line,
    paragraphs,
    yaml_string,
)
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.table import slug, stored_time, utc_now
from desktop.core.storage.engine import sqlite3

FORMATS = ("md", "json", "csv")
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Dossier's own keys ("dsr:contentHash"…). Not "dossier:", as up to version 0.1: with a
# "dossier" prefix, JSON-LD compaction takes "dossier://text/…" ids for compact IRIs and fails.
DOSSIER_PREFIX = "dsr"
OLD_DOSSIER_PREFIX = "dossier"
DOSSIER_NAMESPACE = "urn:x-dossier:"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FILE_KEY_FIELD = "dossier_key"
_SAFE_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+")
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


def article_link(info: ArticleInfo) -> str:
    """The article, by text hash and URL (the same in every library)."""
    return passage_link(info.content_hash, info.url)


def locator(highlight: Highlight, info: ArticleInfo) -> str:
    """A link back to the passage, as ``dossier dossier://…`` and the window understand it."""
    digest = info.content_hash or highlight.content_hash
    return passage_link(digest, info.url, highlight.start, highlight.end)


def w3c_time(stamp: str) -> str:
    """A stored timestamp in the form the Web Annotation model asks for: UTC with ``Z``."""
    utc = stored_time(stamp)
    return utc.replace("+00:00", "Z") if utc else stamp


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


def _missing_article(article_id: int, highlight: Highlight) -> ArticleInfo:
    """An article deleted since: named by the text its highlights were made on."""
    title = f"(article {article_id} is no longer in the library)"
    return ArticleInfo(article_id, title, "", "", "", highlight.content_hash)


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


def article_groups(
    highlights: list[Highlight], articles: dict[int, ArticleInfo]
) -> Iterator[tuple[ArticleInfo, list[Highlight]]]:
    """The highlights, grouped by article in the order they come (text order per article)."""
    start = 0
    while start < len(highlights):
        article_id = highlights[start].article_id
        stop = start
        while stop < len(highlights) and highlights[stop].article_id == article_id:
            stop += 1
        group = highlights[start:stop]
        yield articles.get(article_id) or _missing_article(article_id, group[0]), group
        start = stop


def _front_matter(fields: list[tuple[str, str | list[str]]]) -> list[str]:
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list):
            lines.append(f"{key}:" + ("" if value else " []"))
            lines += [f"  - {yaml_string(item)}" for item in value]
        else:
            lines.append(f"{key}: {yaml_string(value)}")
    return [*lines, "---", ""]


def _article_section(
    info: ArticleInfo, highlights: list[Highlight], categories: dict[str, HighlightCategory]
) -> list[str]:
    """``# Title``, where it came from, its highlights in text order, then ``## Orphans``."""
    about = [one_line(value) for value in (info.source, info.date) if value.strip()]
    if info.url:
        safe = _SAFE_URL.fullmatch(info.url) and "%%" not in info.url
        about.append(f"<{info.url}>" if safe else one_line(info.url))
    about.append(f"[open in Dossier]({article_link(info)})")
    lines = [f"# {one_line(info.title) or 'Untitled'}", "", " · ".join(about), ""]
    placed = [h for h in highlights if not h.orphan]
    orphans = [h for h in highlights if h.orphan]
    for h in placed:
        lines += _markdown_highlight(h, info, categories)
    if orphans:
        lines += ["## Orphans", "", "Not found in the current text of the article.", ""]
        for h in orphans:
            lines += _markdown_highlight(h, info, categories)
    return lines


def _markdown_highlight(
    h: Highlight, info: ArticleInfo, categories: dict[str, HighlightCategory]
) -> list[str]:
    label = categories[h.category].label if h.category in categories else h.category
    meta = [f"**{one_line(label)}**"]
    if h.tags:
        meta.append(" ".join("#" + obsidian_tag(tag) for tag in h.tags))
    where = f"characters {h.start}–{h.end}" + (" (orphan)" if h.orphan else "")
    meta.append(f"[{where}]({locator(h, info)})")
    note = paragraphs(h.note)
    return [*block_quote(h.quote), "", *note, *([""] if note else []), " · ".join(meta), ""]


def markdown_file_key(info: ArticleInfo) -> str:
    """The part of an article's file name that is the same in every library and after a new
    title: a hash of its URL (kept when the article is updated), else of its text."""
    if info.url:
        return hashlib.sha256(info.url.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return info.content_hash[:12] or f"article-{info.id}"


def markdown_file_name(info: ArticleInfo) -> str:
    """``<title slug>-<key>.md``: readable in a vault, and stable (see ``markdown_file_key``)."""
    name = slug(info.title)[:60].strip("-") or "article"
    return f"{name}-{markdown_file_key(info)}.md"


def article_document(
    info: ArticleInfo, highlights: list[Highlight], categories: dict[str, HighlightCategory]
) -> str:
    """One article's Markdown file: its own front matter, then its section."""
    head = _front_matter(
        [
            ("title", info.title),
            ("source", info.source),
            ("url", info.url),
            ("date", info.date),
            ("dossier", article_link(info)),
            (FILE_KEY_FIELD, markdown_file_key(info)),
            ("tags", sorted({obsidian_tag(t) for h in highlights for t in h.tags})),
        ]
    )
    return "\n".join([*head, *_article_section(info, highlights, categories)])


def _write_markdown(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> None:
    """One file for every article: a single front matter block, then a ``#`` heading each."""
    groups = list(article_groups(highlights, articles))
    head = [("title", "Dossier notes"), ("generated", w3c_time(utc_now()))]
    out.write("\n".join(_front_matter([*head, ("articles", [i.title for i, _ in groups])])))
    for info, group in groups:
        out.write("\n")
        out.write("\n".join(_article_section(info, group, categories)))
    out.write("\n")


def _csv_cell(value: object) -> object:
    """A text cell a spreadsheet shows as text: one starting with ``= + - @``, TAB or CR gets
    a leading apostrophe (OWASP's advice against CSV formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _write_csv(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
    categories: dict[str, HighlightCategory],
) -> None:
    out.write("\ufeff")  # Excel reads UTF-8 only after a byte order mark
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for h in highlights:
        info = articles.get(h.article_id) or _missing_article(h.article_id, h)
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
        },
    }


def _write_annotations(
    out: TextIO,
    highlights: list[Highlight],
    articles: dict[int, ArticleInfo],
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
        info = articles.get(h.article_id) or _missing_article(h.article_id, h)
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
    """One Markdown file per article in ``folder`` (created if missing; an Obsidian vault, say).

    Files are named by ``markdown_file_name``, so a re-export overwrites them. An article's
    file written before under another title (same key, our ``dossier_key`` in its front
    matter) is removed; no other file in the folder is touched.
    """
    highlights, articles, categories = _selection(conn, article_id, tag, category)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for info, group in article_groups(highlights, articles):
        path = folder / markdown_file_name(info)
        if path in written:  # two articles with one URL: the second is named by its text
            path = folder / f"{path.stem}-{info.content_hash[:8] or info.id}.md"
        text = article_document(info, group, categories)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(text + "\n", encoding="utf-8")
        partial.replace(path)
        _remove_stale(folder, path, markdown_file_key(info))
        written.append(path)
    return written


def _remove_stale(folder: Path, current: Path, key: str) -> None:
    """Delete this article's files of earlier exports (another title, same key)."""
    marker = f"{FILE_KEY_FIELD}: {yaml_string(key)}\n"
    for old in folder.glob(f"*-{key}.md"):
        if old == current or not old.is_file():
            continue
        try:
            with old.open(encoding="utf-8") as existing:
                head = existing.read(4096)
        except (OSError, UnicodeDecodeError):
            continue
        if head.startswith("---\n") and marker in head.split("\n---\n", 1)[0] + "\n":
            old.unlink()
