"""Notes back into Dossier from the W3C Web Annotation JSON that ``export`` writes.

Highlights keep their ids, so importing a file twice changes nothing and an older copy never
overwrites a newer edit. Annotations are matched to local articles by content hash (then URL),
so the same notes attach to the same articles in a freshly rebuilt library. The whole import is
one transaction; an annotation that cannot be used is reported by number and skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.models import Highlight
from desktop.core.notes.backups import backup_folder, create_backup
from desktop.core.notes.detached import ArticleIdentity, local_article
from desktop.core.notes.errors import BadNotesFile
from desktop.core.notes.notebook import Notebook
from desktop.core.notes.table import insert_category, normalize_tags
from desktop.core.printable import is_valid_text, printable
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3

_FALLBACK_COLOURS = ("#e0e0e0", "#4a4a4a")


@dataclass
class ImportReport:
    """Ids added, updated (the file was newer), unchanged, and placed as orphans."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class _Skip(Exception):
    """One annotation cannot be imported; the message says why."""


def load_annotations(path: Path | str) -> dict[str, Any]:
    """The parsed collection in ``path``, or ``BadNotesFile`` naming the file and problem."""
    shown = printable(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        valid = is_valid_text(json.dumps(data, ensure_ascii=False))  # no lone surrogate
    except OSError as exc:
        raise BadNotesFile(f"{shown}: cannot read notes file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadNotesFile(f"{shown}: notes file is not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise BadNotesFile(
            f"{shown}: not a Dossier JSON notes export (invalid JSON at line {exc.lineno}:"
            f" {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise BadNotesFile(f"{shown}: not a notes file: nested too deeply") from exc
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise BadNotesFile(f"{shown}: not a W3C AnnotationCollection (export with --format json)")
    if not valid:
        raise BadNotesFile(
            f"{shown}: not a notes file: it holds a \\u escape of half a character"
            " (a lone surrogate), which no Dossier export writes"
        )
    return data


def import_notes(
    conn: sqlite3.Connection, path: Path | str, *, backup: bool = True
) -> ImportReport:
    """Import a JSON notes export from ``path`` into the library.

    A ``pre-import`` backup is taken first (unless ``backup`` is false or the library is in
    memory): restoring it undoes the import.
    """
    data = load_annotations(path)
    folder = backup_folder(conn)
    if backup and folder is not None:
        create_backup(conn, folder, "pre-import")
    return import_collection(conn, data, source=printable(path))


def import_collection(
    conn: sqlite3.Connection, data: dict[str, Any], *, source: str = "notes"
) -> ImportReport:
    notebook = Notebook(conn)
    report = ImportReport()
    items = (data.get("first") or {}).get("items") or []
    with transaction(conn):
        known = {c.name for c in notebook.categories()}
        matched: dict[tuple[str, ...], int | None] = {}
        # One read of every id's last change instead of a query per annotation.
        modified = dict(conn.execute("SELECT id, modified FROM highlights").fetchall())
        for category in data.get("dossier:categories") or []:
            name = str(category.get("name", ""))
            if name and name not in known:
                _add_category(conn, name, category)
                known.add(name)
        for number, item in enumerate(items, start=1):
            try:
                highlight = _highlight(conn, item, known, matched)
            except _Skip as exc:
                report.problems.append(f"{source}: annotation {number}: {exc}")
                continue
            stored = modified.get(highlight.id)
            if stored is not None and stored >= highlight.modified:
                report.unchanged.append(highlight.id)
                continue
            placed = notebook.put(highlight)
            modified[placed.id] = placed.modified
            (report.updated if stored is not None else report.added).append(placed.id)
            if placed.orphan:
                report.orphaned.append(placed.id)
    return report


def _add_category(conn: sqlite3.Connection, name: str, fields: dict[str, Any]) -> None:
    insert_category(
        conn,
        name,
        str(fields.get("label") or name),
        str(fields.get("light") or _FALLBACK_COLOURS[0]),
        str(fields.get("dark") or _FALLBACK_COLOURS[1]),
    )


def _highlight(
    conn: sqlite3.Connection,
    item: Any,
    categories: set[str],
    matched: dict[tuple[str, ...], int | None],
) -> Highlight:
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise _Skip("not an Annotation object")
    ident = str(item.get("id", ""))
    if not ident.startswith("urn:uuid:") or len(ident) <= len("urn:uuid:"):
        raise _Skip(f"id {ident!r} is not a urn:uuid")
    target = item.get("target")
    if not isinstance(target, dict):
        raise _Skip("no target")
    selectors = {s.get("type"): s for s in target.get("selector") or [] if isinstance(s, dict)}
    quote = selectors.get("TextQuoteSelector")
    position = selectors.get("TextPositionSelector")
    if not quote or not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise _Skip("missing TextQuoteSelector")
    if not position or not _is_span(position.get("start"), position.get("end")):
        raise _Skip("missing or invalid TextPositionSelector")
    source = target.get("source") or {}
    anchored_hash = str(target.get("dossier:contentHash") or "")
    if not isinstance(source, dict):
        source = {}
    key = tuple(str(source.get(k) or "") for k in ("dossier:contentHash", "dossier:url", "title"))
    key += (anchored_hash,)
    if key not in matched:  # thousands of notes share a few articles: look each up once
        identity = ArticleIdentity(key[0], key[1], key[2])
        matched[key] = local_article(conn, identity, anchored_hash)
    article_id = matched[key]
    if article_id is None:
        title = source.get("title") or source.get("id") or "?"
        raise _Skip(f"no article in the library matches {title!r}: import that article first")
    bodies = [b for b in item.get("body") or [] if isinstance(b, dict)]
    note = next((str(b.get("value", "")) for b in bodies if b.get("purpose") == "commenting"), "")
    tags = normalize_tags(str(b.get("value", "")) for b in bodies if b.get("purpose") == "tagging")
    category = next(
        (str(b.get("value")) for b in bodies if b.get("purpose") == "classifying"), "key-fact"
    )
    if category not in categories:
        _add_category(conn, category, {})
        categories.add(category)
    created = str(item.get("created") or "")
    if not created:
        raise _Skip("missing created time")
    return Highlight(
        id=ident[len("urn:uuid:") :],
        article_id=article_id,
        start=position["start"],
        end=position["end"],
        quote=quote["exact"],
        prefix=str(quote.get("prefix") or ""),
        suffix=str(quote.get("suffix") or ""),
        content_hash=anchored_hash,
        category=category,
        note=note,
        tags=tags,
        created=created,
        modified=str(item.get("modified") or created),
        orphan=bool(target.get("dossier:orphan", False)),
    )


def _is_span(start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
