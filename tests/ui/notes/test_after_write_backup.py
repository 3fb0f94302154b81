"""The window backs the notes up a few seconds after the last change, so every saved note is
in a backup — not once at start-up, before the day's notes were written."""

from __future__ import annotations

import pytest

from desktop.core.notes.backups import list_backups, read_backup
from desktop.ui.notes import backup_timer


@pytest.fixture(autouse=True)
def short_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_timer, "BACKUP_DELAY_MS", 200)


def _after_write(window) -> list:
    return [b for b in list_backups(window.library.paths.backups) if b.kind == "after-write"]


def test_a_burst_of_changes_is_backed_up_once_after_the_last(window, qtbot) -> None:
    assert _after_write(window) == []  # opening articles writes no note: no backup
    for start in (0, 10, 20):
        window.highlights.promote(start, start + 5)
    assert window.notes_backup.is_due() and _after_write(window) == []
    qtbot.waitUntil(lambda: bool(_after_write(window)), timeout=5_000)
    (backup,) = _after_write(window)
    held = read_backup(backup.path)[0]
    assert sorted(h.start for h in held) == [0, 10, 20]


def test_closing_the_window_takes_a_due_backup_at_once(window) -> None:
    window.highlights.promote(3, 9)
    assert window.notes_backup.is_due()
    window.close()
    (backup,) = _after_write(window)
    assert [(h.start, h.end) for h in read_backup(backup.path)[0]] == [(3, 9)]
