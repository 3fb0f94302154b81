"""Notes as Markdown: one file for a story, or one file per article in a folder (an Obsidian
vault). Quotes, notes and titles are escaped (``markdown_text``) so no note can change the
document's structure; front matter is YAML every parser reads back exactly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TextIO

from desktop.core.library.pages import cite
from desktop.core.models import Highlight, HighlightCategory
from desktop.core.notes.export_selection import (
    ArticleInfo,
    ExportArticles,
    article_groups,
    article_link,
    locator,
    selection,
    w3c_time,
)
from desktop.core.notes.markdown_text import (
    block_quote,
    front_matter,
    markdown_url,
    obsidian_tag,
    one_line,
    paragraphs,
    yaml_string,
)
from desktop.core.notes.table import slug, utc_now
from desktop.core.storage.engine import sqlite3

FILE_KEY_FIELD = "dossier_key"


def _article_section(
    info: ArticleInfo, highlights: list[Highlight], categories: dict[str, HighlightCategory]
) -> list[str]:
    """``# Title``, where it came from, its highlights in text order, then ``## Orphans``."""
    about = [one_line(value) for value in (info.source, info.date) if value.strip()]
    if info.url:
        about.append(markdown_url(info.url))
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
    state = {"orphan": " (orphan)", "moved": " (moved — please check)"}.get(h.anchor, "")
    where = f"characters {h.start}–{h.end}{state}"
    page = "" if h.orphan else cite(info.pages, h.start, h.end)
    where = f"{page}, {where}" if page else where
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
    head = front_matter(
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


def write_markdown(
    out: TextIO,
    highlights: list[Highlight],
    articles: ExportArticles,
    categories: dict[str, HighlightCategory],
) -> None:
    """One file for every article: a single front matter block, then a ``#`` heading each."""
    groups = list(article_groups(highlights, articles))
    head = [("title", "Dossier notes"), ("generated", w3c_time(utc_now()))]
    out.write("\n".join(front_matter([*head, ("articles", [i.title for i, _ in groups])])))
    for info, group in groups:
        out.write("\n")
        out.write("\n".join(_article_section(info, group, categories)))
    out.write("\n")


def export_markdown_folder(
    conn: sqlite3.Connection,
    folder: Path,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    category: str | None = None,
    story: str | None = None,
    article_tag: str | None = None,
) -> list[Path]:
    """One Markdown file per article in ``folder`` (created if missing; an Obsidian vault, say).

    Files are named by ``markdown_file_name``, so a re-export overwrites them. An article's
    file written before under another title (same key, our ``dossier_key`` in its front
    matter) is removed; no other file in the folder is touched.
    """
    highlights, articles, categories = selection(
        conn, article_id, tag, category, story, article_tag
    )
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
