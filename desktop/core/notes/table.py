"""The highlights table: mapping rows to ``Highlight`` and the one function that writes them.

Every write goes through ``write_highlight`` so the tag index and the full-text index (kept by
triggers) can never disagree with the row; ``write_anchor`` is its narrow twin for re-anchoring,
which only moves a highlight and so leaves both indexes alone unless the quote changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from desktop.core.models import Highlight, HighlightCategory
from desktop.core.storage.engine import sqlite3

NOT_TRASHED = "article_id NOT IN (SELECT id FROM articles WHERE trashed <> '')"
"""A highlight whose article is not in the trash: the notebook, exports and badges show only
these; backups keep every highlight, so notes in the trash are never lost."""
COLUMNS = (
    'id, article_id, start, "end", quote, prefix, suffix, content_hash, category, note, tags,'
    " created, modified, orphan, deleted, moved, original_quote"
)
QUALIFIED_COLUMNS = ", ".join(f"h.{c.strip()}" for c in COLUMNS.split(","))
_ADDED_LATER = {"moved": "0", "original_quote": "''"}
"""Columns a backup written before migration 0013 lacks, with the value they stand for."""


def readable_columns(conn: sqlite3.Connection) -> str:
    """``COLUMNS`` as a select list for a highlights table that may predate some of them (an
    older backup): a missing column reads as its default, so old backups still restore."""
    present = {row[1] for row in conn.execute("PRAGMA table_info(highlights)")}
    names = [c.strip() for c in COLUMNS.split(",")]
    return ", ".join(
        name if name.strip('"') in present else f"{_ADDED_LATER[name]} AS {name}" for name in names
    )


def utc_now() -> str:
    """Timestamps with milliseconds: two edits in one second still sort in order."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def stored_time(value: Any) -> str:
    """A timestamp from a file as this table stores it (UTC, milliseconds, ``+00:00``, like
    ``utc_now``), so stored and imported times compare as strings; "" if it is none."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def slug(text: str) -> str:
    """A name safe for a style name or a file name: lower case words joined by hyphens."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as the user meant them: trimmed, without a leading ``#``, no duplicates (any case)."""
    seen: set[str] = set()
    result = []
    for tag in tags:
        clean = " ".join(str(tag).strip().lstrip("#").split())
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            result.append(clean)
    return tuple(result)


def highlight_from_row(row: sqlite3.Row) -> Highlight:
    return Highlight(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        content_hash=row["content_hash"],
        category=row["category"],
        note=row["note"],
        tags=tuple(json.loads(row["tags"])) if row["tags"] != "[]" else (),
        created=row["created"],
        modified=row["modified"],
        orphan=bool(row["orphan"]),
        deleted=bool(row["deleted"]),
        moved=bool(row["moved"]),
        original_quote=row["original_quote"] or row["quote"],
    )


def category_from_row(row: sqlite3.Row) -> HighlightCategory:
    return HighlightCategory(
        name=row["name"],
        label=row["label"],
        light=row["light"],
        dark=row["dark"],
        builtin=bool(row["builtin"]),
        position=row["position"],
    )


def read_highlight(conn: sqlite3.Connection, highlight_id: str) -> Highlight | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM highlights WHERE id = ?", (highlight_id,)).fetchone()
    return highlight_from_row(row) if row else None


def write_highlight(conn: sqlite3.Connection, highlight: Highlight) -> None:
    """Insert or fully overwrite one highlight (by id). Call inside a transaction."""
    h = highlight
    conn.execute(
        f"INSERT INTO highlights ({COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,"
        ' start = excluded.start, "end" = excluded."end", quote = excluded.quote,'
        " prefix = excluded.prefix, suffix = excluded.suffix,"
        " content_hash = excluded.content_hash, category = excluded.category,"
        " note = excluded.note, tags = excluded.tags, created = excluded.created,"
        " modified = excluded.modified, orphan = excluded.orphan, deleted = excluded.deleted,"
        " moved = excluded.moved, original_quote = excluded.original_quote",
        (
            h.id,
            h.article_id,
            h.start,
            h.end,
            h.quote,
            h.prefix,
            h.suffix,
            h.content_hash,
            h.category,
            h.note,
            json.dumps(list(h.tags), ensure_ascii=False),
            h.created,
            h.modified,
            int(h.orphan),
            int(h.deleted),
            int(h.moved),
            h.first_quote,
        ),
    )
    seq = conn.execute("SELECT seq FROM highlights WHERE id = ?", (h.id,)).fetchone()[0]
    conn.execute("DELETE FROM highlight_tags WHERE seq = ?", (seq,))
    conn.executemany(
        "INSERT OR IGNORE INTO highlight_tags (tag, seq) VALUES (?, ?)",
        [(tag, seq) for tag in h.tags],
    )


def write_anchor(conn: sqlite3.Connection, highlight: Highlight) -> None:
    """Store where a highlight now sits (position, selectors, text hash, orphan and moved
    flags); its original quote is never touched."""
    h = highlight
    quote_changed = conn.execute(
        "SELECT quote IS NOT ? FROM highlights WHERE id = ?", (h.quote, h.id)
    ).fetchone()[0]
    conn.execute(
        'UPDATE highlights SET start = ?, "end" = ?, prefix = ?, suffix = ?, content_hash = ?,'
        f" orphan = ?, moved = ?{', quote = ?' if quote_changed else ''} WHERE id = ?",
        (
            h.start,
            h.end,
            h.prefix,
            h.suffix,
            h.content_hash,
            int(h.orphan),
            int(h.moved),
            *((h.quote,) if quote_changed else ()),
            h.id,
        ),
    )


def insert_category(conn: sqlite3.Connection, name: str, label: str, light: str, dark: str) -> None:
    """Add a user category after the existing ones. Call inside a transaction."""
    conn.execute(
        "INSERT INTO highlight_categories (name, label, light, dark, builtin, position)"
        " SELECT ?, ?, ?, ?, 0, coalesce(max(position), -1) + 1 FROM highlight_categories",
        (name, label, light, dark),
    )
