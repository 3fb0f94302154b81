"""Which notes backups to delete, so the folder stays small and no note is ever lost by it.

After-write backups come after every saved change: the newest ``KEEP_RECENT`` are kept, and
the newest of each of the last ``KEEP_DAYS`` days, so a change regretted next week can still be
undone. Every other kind keeps its newest ``KEEP``. Above all rules: a backup that is the only
one holding some note (a highlight id) is kept, whatever its age — a restore that removed notes
from the library must never be followed by rotation removing them from the backups too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Protocol

KEEP = 7
KEEP_RECENT = 10
STALE_PARTIAL_S = 3600  # a backup still being written after an hour was cut off by a crash
KEEP_DAYS = 7
AFTER_WRITE = "after-write"


class BackupLike(Protocol):
    path: Path
    kind: str
    created: datetime


@dataclass(frozen=True)
class Backup:
    """A backup file, with its kind and time as its name gives them."""

    path: Path
    kind: str
    created: datetime

    @property
    def name(self) -> str:
        return self.path.name


def list_named(folder: Path, name: re.Pattern[str], stamp: str) -> list[Backup]:
    """The files in ``folder`` whose name matches ``name`` (groups: the time in the
    ``strptime`` format ``stamp``, UTC, and the kind), newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = name.match(entry.name)
        if match and entry.is_file():
            created = datetime.strptime(match.group(1), stamp).replace(tzinfo=timezone.utc)
            found.append(Backup(entry, match.group(2), created))
    found.sort(key=lambda b: (b.created, b.name), reverse=True)
    return found


def expendable(backups: list[BackupLike], now: datetime) -> list[BackupLike]:
    """Backups (newest first, as listed) that the age and count rules would delete."""
    keep: set[Path] = set()
    counts: dict[str, int] = {}
    days: set[object] = set()
    for backup in backups:
        seen = counts.get(backup.kind, 0)
        counts[backup.kind] = seen + 1
        if seen < (KEEP_RECENT if backup.kind == AFTER_WRITE else KEEP):
            keep.add(backup.path)
        day = backup.created.date()
        recent = now - backup.created < timedelta(days=KEEP_DAYS)
        if backup.kind == AFTER_WRITE and recent and day not in days:
            days.add(day)
            keep.add(backup.path)
    return [b for b in backups if b.path not in keep]


def expendable_by_calendar(backups: list[BackupLike], days: int, weeks: int) -> list[BackupLike]:
    """Backups (newest first) beyond the newest of each of the ``days`` latest days that have
    one and the newest of each of the ``weeks`` latest ISO weeks: the usual daily/weekly
    schedule for backups too large to keep many of."""
    keep: set[Path] = set()
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for backup in backups:
        day, week = backup.created.date(), backup.created.isocalendar()[:2]
        if day not in seen_days and len(seen_days) < days:
            keep.add(backup.path)
        if week not in seen_weeks and len(seen_weeks) < weeks:
            keep.add(backup.path)
        seen_days.add(day)
        seen_weeks.add(week)
    return [b for b in backups if b.path not in keep]


def prune(
    backups: list[BackupLike], now: datetime, notes_in: Callable[[Path], set[str] | None]
) -> None:
    """Delete the expendable backups that hold no note missing from every kept backup.

    ``notes_in(path)`` reads the highlight ids a backup holds (None: unreadable, so never
    deleted). Notes are only soft-deleted, so the newest kept backup usually covers an older
    one alone and only two files are read.
    """
    doomed = expendable(backups, now)
    if not doomed:
        return
    cache: dict[Path, set[str] | None] = {}

    def ids(path: Path) -> set[str] | None:
        if path not in cache:
            cache[path] = notes_in(path)
        return cache[path]

    kept = [b.path for b in backups if b not in doomed]
    for backup in doomed:
        if _covered(ids(backup.path), kept, ids):
            backup.path.unlink(missing_ok=True)
        else:
            kept.append(backup.path)


def _covered(
    notes: set[str] | None, others: Iterable[Path], ids: Callable[[Path], set[str] | None]
) -> bool:
    if notes is None:
        return False
    missing = set(notes)
    for other in others:
        if not missing:
            break
        missing -= ids(other) or set()
    return not missing


def remove_stale_partials(folder: Path) -> None:
    """Delete half-written backups (``*.partial``) left by a process killed while writing one;
    they were never backups (the name is only given once the file is complete)."""
    cutoff = time.time() - STALE_PARTIAL_S
    for partial in folder.glob("*.partial"):
        try:
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
        except OSError:
            continue
