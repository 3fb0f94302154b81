"""Editing an article's metadata (title, byline, source, date, URL).

Imported metadata is often wrong; the user's correction is stored with a note of which fields
were edited, so a re-import of the same document (``versions``) keeps the user's values.
"""

from __future__ import annotations

import json
from datetime import date

from desktop.core.library.store import EDITABLE, LIVE
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.text.cjk import has_cjk


class EditError(ValueError):
    """An edit that cannot be stored (unknown article, empty title, a malformed date)."""


def edit_metadata(conn: sqlite3.Connection, article_id: int, changes: dict[str, str]) -> list[str]:
    """Set the given fields (names from ``EDITABLE``) of a live article; the fields changed.

    ``published`` is a date ``YYYY-MM-DD`` or '' (no date); a title cannot be empty.
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise EditError(f"cannot edit {', '.join(unknown)}; choose from {', '.join(EDITABLE)}")
    values = {name: " ".join(value.split()) for name, value in changes.items()}
    if "title" in values and not values["title"]:
        raise EditError("the title cannot be empty")
    if values.get("published"):
        try:
            values["published"] = date.fromisoformat(values["published"]).isoformat()
        except ValueError:
            raise EditError(
                f"date {values['published']!r} is not a date YYYY-MM-DD (or '' for none)"
            ) from None
    with transaction(conn):
        row = conn.execute(
            f"SELECT edited, {', '.join(EDITABLE)} FROM articles WHERE id = ? AND {LIVE}",
            (article_id,),
        ).fetchone()
        if row is None:
            raise EditError(f"no article with id {article_id} (see `dossier list`)")
        changed = [name for name in EDITABLE if name in values and values[name] != row[name]]
        if changed:
            edited = sorted(set(json.loads(row[0])) | set(changed))
            assignments = ", ".join(f"{name} = ?" for name in changed)
            # A title in Chinese, Japanese or Korean puts the article in the trigram index.
            cjk = int("title" in changed and has_cjk(values["title"]))
            conn.execute(
                f"UPDATE articles SET {assignments}, edited = ?,"
                " cjk = CASE WHEN ? THEN 1 ELSE cjk END WHERE id = ?",
                (*(values[n] for n in changed), json.dumps(edited), cjk, article_id),
            )
    return changed
