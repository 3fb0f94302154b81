"""After-write backups hold every saved note; rotation keeps a history and never the last copy
of a note away."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

from desktop.core.notes import backups
from desktop.core.notes.backup_rotation import KEEP, KEEP_DAYS, KEEP_RECENT, STALE_PARTIAL_S
from desktop.core.notes.backups import (
    backup_after_write,
    create_backup,
    list_backups,
    read_backup,
    restore_backup,
)

START = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)


def _at(monkeypatch, moment: datetime) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment

    monkeypatch.setattr(backups, "datetime", Frozen)


def _ids(backup) -> set[str]:
    return {h.id for h in read_backup(backup.path)[0]}


def test_every_saved_note_is_in_the_newest_backup(notebook, add_article, library) -> None:
    article = add_article()
    saved = set()
    for word in ("minister", "budget", "fantasy", "room"):
        saved.add(notebook.add_quote(article, word).id)
        backup_after_write(library.conn, library.paths.backups)
        assert _ids(list_backups(library.paths.backups)[0]) == saved


def test_rotation_keeps_the_newest_and_one_a_day_for_a_week(
    notebook, add_article, library, monkeypatch
) -> None:
    folder = library.paths.backups
    notebook.add_quote(add_article(), "budget")
    moments = [START + timedelta(days=d, minutes=m) for d in range(10) for m in range(3)]
    moments += [moments[-1] + timedelta(seconds=s + 1) for s in range(12)]
    for moment in moments:
        _at(monkeypatch, moment)
        backup_after_write(library.conn, folder)
    kept = [b.created for b in list_backups(folder)]
    newest = sorted(moments, reverse=True)[:KEEP_RECENT]
    last_day = moments[-1].date()
    daily = [
        max(m for m in moments if m.date() == last_day - timedelta(days=d))
        for d in range(KEEP_DAYS)
        if last_day - timedelta(days=d) >= START.date()
    ]
    assert sorted(kept) == sorted(set(newest) | set(daily))
    assert min(kept).date() == last_day - timedelta(days=KEEP_DAYS - 1)


def test_rotation_never_deletes_the_only_backup_holding_a_note(
    notebook, add_article, library, monkeypatch
) -> None:
    folder = library.paths.backups
    article = add_article()
    _at(monkeypatch, START)
    empty = create_backup(library.conn, folder, "manual")
    precious = notebook.add_quote(article, "fantasy", note="only here soon")
    _at(monkeypatch, START + timedelta(minutes=1))
    holder = backup_after_write(library.conn, folder)
    _at(monkeypatch, START + timedelta(minutes=2))
    restore_backup(library.conn, folder, empty.path)  # the note leaves the library...
    kinds = ["pre-restore"] * (KEEP + 1) + ["after-write"] * (KEEP_RECENT + 1)
    for minute, kind in enumerate(kinds, start=3):  # ...and more newer backups than are kept
        _at(monkeypatch, START + timedelta(minutes=minute))
        create_backup(library.conn, folder, kind)
    remaining = list_backups(folder)
    holders = [b for b in remaining if precious.id in _ids(b)]
    assert len(holders) == 1  # past every count rule, yet one is kept (its twin went)
    assert holder.path in [b.path for b in holders]  # the last to fall out of the rules
    assert len([b for b in remaining if b.kind == "after-write"]) == KEEP_RECENT + 1
    assert len([b for b in remaining if b.kind == "pre-restore"]) == KEEP


def test_half_written_backups_left_by_a_crash_are_cleared(library) -> None:
    folder = library.paths.backups
    folder.mkdir(parents=True)
    stale, fresh = folder / "notes-old.partial", folder / "notes-new.partial"
    for partial in (stale, fresh):
        partial.write_bytes(b"cut off")
    old = time.time() - STALE_PARTIAL_S - 60
    os.utime(stale, (old, old))
    backup_after_write(library.conn, folder)
    assert not stale.exists() and fresh.exists()  # another process may be writing that one
