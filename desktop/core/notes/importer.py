"""Notes into Dossier from W3C Web Annotation JSON: ``export``'s own, another tool's, or
Hypothesis' API export (``annotation_shapes`` reads each shape).

Highlights keep their ids (another tool's id becomes a stable uuid), so importing a file twice
changes nothing and an older copy never overwrites a newer edit. Annotations are matched to
local articles by text hash, URL, canonical URL, then by their quote (``article_match``), so the
same notes attach to the same articles in a freshly rebuilt library. An annotation whose quote
is no longer in the text, or whose article is not in the library (it is detached, and re-attaches
when that article is imported), is kept as an orphan with the reason reported. The whole import
is one transaction; an annotation that cannot be read is reported by number with the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.files import open_regular
from desktop.core.models import Highlight
from desktop.core.notes.annotation_shapes import (
    Incoming,
    NotPlaceable,
    annotation_items,
    read_annotation,
)
from desktop.core.notes.article_match import ArticleFinder, NoArticle
from desktop.core.notes.backups import backup_folder, create_backup
from desktop.core.notes.detached import NO_ARTICLE, ArticleIdentity, detach
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.notebook import DEFAULT_CATEGORY, Notebook
from desktop.core.notes.table import insert_category, normalize_tags, utc_now
from desktop.core.printable import is_valid_text, printable
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

_FALLBACK_COLOURS = ("#e0e0e0", "#4a4a4a")


@dataclass
class ImportReport:
    """Ids added, updated (the file was newer), unchanged, and placed as orphans; one line per
    annotation skipped (``problems``) and per orphan (``orphan_reasons``)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    orphan_reasons: list[str] = field(default_factory=list)


def load_annotations(path: Path | str) -> Any:
    """The parsed JSON in ``path``, or ``BadNotesFile`` naming the file and problem."""
    shown = printable(path)
    try:
        handle, _ = open_regular(path)
        with handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
        valid = is_valid_text(json.dumps(data, ensure_ascii=False))  # no lone surrogate
    except OSError as exc:
        raise BadNotesFile(f"{shown}: cannot read notes file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadNotesFile(f"{shown}: notes file is not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise BadNotesFile(
            f"{shown}: not a JSON notes file (invalid JSON at line {exc.lineno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise BadNotesFile(f"{shown}: not a notes file: nested too deeply") from exc
    if not valid:
        raise BadNotesFile(
            f"{shown}: not a notes file: it holds a \\u escape of half a character"
            " (a lone surrogate)"
        )
    try:
        annotation_items(data)
    except ValueError as exc:
        raise BadNotesFile(f"{shown}: {exc}") from exc
    return data


def import_notes(
    conn: sqlite3.Connection, path: Path | str, *, backup: bool = True
) -> ImportReport:
    """Import a Web Annotation file (ours, another tool's, Hypothesis') from ``path``.

    A ``pre-import`` backup is taken first (unless ``backup`` is false or the library is in
    memory): restoring it undoes the import.
    """
    data = load_annotations(path)
    folder = backup_folder(conn)
    if backup and folder is not None:
        create_backup(conn, folder, "pre-import")
    return import_collection(conn, data, source=printable(path))


def import_collection(
    conn: sqlite3.Connection, data: Any, *, source: str = "notes"
) -> ImportReport:
    """Import every annotation in ``data`` in one transaction; each one that cannot be used is
    reported (``problems``), each one placed as an orphan says why (``orphan_reasons``)."""
    notebook = Notebook(conn)
    report = ImportReport()
    items, own_categories = annotation_items(data)
    finder = ArticleFinder(conn)
    with transaction(conn):
        known = {c.name for c in notebook.categories()}
        # One read of every id's last change instead of a query per annotation.
        modified = dict(conn.execute("SELECT id, modified FROM highlights").fetchall())
        for category in own_categories:
            name = str(category.get("name", ""))
            if name and name not in known:
                _add_category(conn, name, category)
                known.add(name)
        for number, item in enumerate(items, start=1):
            where = f"{source}: annotation {number}"
            try:
                incoming = read_annotation(item)
            except NotPlaceable as exc:
                report.problems.append(f"{where}: {exc}")
                continue
            stored = modified.get(incoming.id)
            if stored is not None and (not incoming.modified or stored >= incoming.modified):
                report.unchanged.append(incoming.id)
                continue
            category = incoming.category or DEFAULT_CATEGORY
            if category not in known:
                _add_category(conn, category, {})
                known.add(category)
            placed, reason = _place(notebook, finder, incoming, category)
            modified[placed.id] = placed.modified
            (report.updated if stored is not None else report.added).append(placed.id)
            if placed.orphan:
                report.orphaned.append(placed.id)
                report.orphan_reasons.append(f"{where}: kept as an orphan: {reason}")
    return report


def _place(
    notebook: Notebook, finder: ArticleFinder, incoming: Incoming, category: str
) -> tuple[Highlight, str]:
    """Store the annotation on its article, re-anchored; with no article, detached (an orphan
    that re-attaches when its article is imported). Returns it and why it may be an orphan."""
    try:
        article_id = finder.find(incoming)
    except NoArticle as exc:
        url = next((s for s in incoming.source_ids if s.startswith(("http:", "https:"))), "")
        identity = ArticleIdentity(incoming.content_hash, url, incoming.title)
        highlight = _highlight(incoming, NO_ARTICLE, category)
        return detach(notebook, highlight, identity), f"{exc}; it waits for that article"
    placed = notebook.put(_highlight(incoming, article_id, category))
    reason = f"the quote {_short(incoming.quote)} is not in the current text of article"
    return placed, f"{reason} {article_id}"


def _short(quote: str) -> str:
    flat = " ".join(quote.split())
    return repr(flat if len(flat) <= 40 else flat[:39] + "…")


def _add_category(conn: sqlite3.Connection, name: str, fields: dict[str, Any]) -> None:
    insert_category(
        conn,
        name,
        str(fields.get("label") or name),
        str(fields.get("light") or fields.get("dsr:light") or _FALLBACK_COLOURS[0]),
        str(fields.get("dark") or fields.get("dsr:dark") or _FALLBACK_COLOURS[1]),
    )


def _highlight(incoming: Incoming, article_id: int, category: str) -> Highlight:
    """The highlight to ``put``: at its recorded position when that still holds the quote
    (same text hash), else placed by its quote and context (``Notebook.put`` re-anchors)."""
    created = incoming.created or utc_now()
    start = incoming.start if incoming.start is not None else 0
    end = incoming.end if incoming.end is not None else start + len(incoming.quote)
    return Highlight(
        id=incoming.id,
        article_id=article_id,
        start=start,
        end=end,
        quote=incoming.quote,
        prefix=incoming.prefix,
        suffix=incoming.suffix,
        content_hash=incoming.anchored_hash,
        category=category,
        note=incoming.note,
        tags=normalize_tags(incoming.tags),
        created=created,
        modified=incoming.modified or created,
        orphan=incoming.orphan,
        moved=incoming.moved,
        original_quote=incoming.original_quote,
    )
