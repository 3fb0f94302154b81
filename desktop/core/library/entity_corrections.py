"""The user's corrections to entities: rename, merge, change category, "not an entity".

Stored by name and applied whenever entities are read, so a correction made once holds in
every article, already indexed or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from desktop.core.library.store import now_iso
from desktop.core.models import Entity
from desktop.core.storage.db import transaction
from desktop.core.storage.engine import sqlite3
from desktop.core.text.categories import CATEGORIES

_MAX_HOPS = 16  # renames chain (A → B → C); a cycle the user made stops here


class CorrectionError(ValueError):
    """A correction that cannot be stored (empty name, unknown category, merge into itself)."""


@dataclass(frozen=True)
class Corrections:
    """All corrections, loaded once for a batch of entities."""

    new_names: dict[str, str]
    categories: dict[str, str]
    hidden: frozenset[str]

    def name(self, canonical: str) -> str:
        """Where renames and merges lead ``canonical``."""
        for _ in range(_MAX_HOPS):
            target = self.new_names.get(canonical)
            if target is None or target == canonical:
                break
            canonical = target
        return canonical

    def apply(self, entities: Iterable[Entity]) -> list[Entity]:
        out = []
        for entity in entities:
            name = self.name(entity.canonical)
            if entity.canonical in self.hidden or name in self.hidden:
                continue
            category = self.categories.get(name) or self.categories.get(entity.canonical)
            changed = replace(entity, canonical=name, category=category or entity.category)
            if changed.category not in ("leader",):
                changed = replace(changed, role="")
            out.append(changed)
        return out

    def sources(self, name: str) -> set[str]:
        """Every recognised name that the corrections turn into ``name``."""
        found = {n for n in self.new_names if self.name(n) == name}
        if name not in self.new_names or self.name(name) == name:
            found.add(name)
        return found - set(self.hidden)


def load_corrections(conn: sqlite3.Connection) -> Corrections:
    rows = conn.execute(
        "SELECT canonical, new_name, category, not_entity FROM entity_corrections"
    ).fetchall()
    return Corrections(
        new_names={r["canonical"]: r["new_name"] for r in rows if r["new_name"]},
        categories={r["canonical"]: r["category"] for r in rows if r["category"]},
        hidden=frozenset(r["canonical"] for r in rows if r["not_entity"]),
    )


def _name(value: str, what: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise CorrectionError(f"{what} must not be empty")
    return cleaned


def _upsert(conn: sqlite3.Connection, canonical: str, column: str, value: object) -> None:
    with transaction(conn):
        conn.execute(
            f"INSERT INTO entity_corrections (canonical, {column}, updated) VALUES (?, ?, ?) "
            f"ON CONFLICT (canonical) DO UPDATE SET {column} = excluded.{column}, "
            "updated = excluded.updated",
            (canonical, value, now_iso()),
        )


def rename_entity(conn: sqlite3.Connection, canonical: str, new_name: str) -> None:
    """Show ``canonical`` as ``new_name`` everywhere."""
    _upsert(conn, _name(canonical, "the entity"), "new_name", _name(new_name, "the new name"))


def merge_entities(conn: sqlite3.Connection, source: str, target: str) -> None:
    """Treat every mention of ``source`` as a mention of ``target``."""
    source, target = _name(source, "the entity to merge"), _name(target, "the target entity")
    if load_corrections(conn).name(target) == source:
        raise CorrectionError(f"cannot merge {source!r} into itself")
    _upsert(conn, source, "new_name", target)


def set_entity_category(conn: sqlite3.Connection, canonical: str, category: str) -> None:
    if category not in CATEGORIES:
        raise CorrectionError(f"unknown category {category!r} (use {', '.join(CATEGORIES)})")
    _upsert(conn, _name(canonical, "the entity"), "category", category)


def mark_not_entity(conn: sqlite3.Connection, canonical: str) -> None:
    """Never show ``canonical`` as an entity again."""
    _upsert(conn, _name(canonical, "the entity"), "not_entity", 1)


def remove_correction(conn: sqlite3.Connection, canonical: str) -> bool:
    """Forget every correction of ``canonical``; False when there was none."""
    with transaction(conn):
        cursor = conn.execute("DELETE FROM entity_corrections WHERE canonical = ?", (canonical,))
    return cursor.rowcount > 0


def list_corrections(conn: sqlite3.Connection) -> list[dict[str, object]]:
    rows = conn.execute(
        "SELECT canonical, new_name, category, not_entity, updated FROM entity_corrections "
        "ORDER BY canonical"
    ).fetchall()
    return [
        {
            "canonical": r["canonical"],
            "new_name": r["new_name"] or "",
            "category": r["category"] or "",
            "not_entity": bool(r["not_entity"]),
            "updated": r["updated"],
        }
        for r in rows
    ]
