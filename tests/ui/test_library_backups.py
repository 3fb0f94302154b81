"""Whole-library backups in the window: the daily one, File ▸ Back Up Library… and Restore
Library…, and the offer of the newest backup when the library is damaged at start."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.backup.files import list_library_backups
from desktop.core.backup.library_backup import backup_library
from desktop.core.library.session import open_library
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.errors import LibraryDamaged
from desktop.ui.library_refused import OPEN_FOLDER, QUIT, RESTORE_LIBRARY
from tests.core.storage.test_health import damage


def test_the_window_backs_up_the_library_once_a_day(make_window, dossier_home: Path) -> None:
    window = make_window()
    backups = list_library_backups(dossier_home / "data" / "backups")
    assert [b.kind for b in backups] == ["daily"]
    assert str(backups[0].path) in window.statusBar().currentMessage()
    window.close()
    make_window()  # a second start the same day adds none
    assert list_library_backups(dossier_home / "data" / "backups") == backups


def test_back_up_library_from_the_menu(window, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "from the menu.dossier.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.actions_by_name["back_up_library"].trigger()
    assert target.is_file()
    assert f"Library backed up to {target} (1 article," in window.statusBar().currentMessage()


def test_restore_library_from_the_menu_starts_again_on_the_restored_library(
    window, monkeypatch, tmp_path: Path
) -> None:
    backup = backup_library(window.library.paths, tmp_path / "before.dossier.zip").path
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        "desktop.ui.relaunch.QProcess.startDetached",
        lambda program, args: started.append((program, args)) or (True, 1),
    )
    Notebook(window.library.conn).add(1, 0, 12, note="after the backup")
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(backup), ""))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.actions_by_name["restore_library"].trigger()
    assert "1 article" in asked[0] and "library.before-restore-" in asked[0]
    assert "Restored 1 article" in shown[0] and "library.before-restore-" in shown[0]
    assert not window.isVisible() and not window.save_state_on_close
    assert "starts again" in shown[0]
    assert started == [(sys.executable, sys.orig_argv[1:])]  # as this process was started
    with open_library() as library:
        assert Notebook(library.conn).count_by_article() == {}


def test_a_bad_backup_chosen_in_the_window_is_a_message(window, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "bad.dossier.zip"
    bad.write_bytes(b"not a backup")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    window.actions_by_name["restore_library"].trigger()
    assert f"{bad}: not a Dossier library backup" in window.statusBar().currentMessage()
    assert window.isVisible()


def _damaged_with_a_backup() -> tuple[Path, bytes]:
    with open_library() as library:
        Notebook(library.conn).add(1, 0, 12, note="keep me")
        backup_library(library.paths)
        database = library.paths.database
    damage(database)
    return database, database.read_bytes()


def _keep_hooks(monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_a_damaged_library_at_start_offers_restore_quit_and_the_folder(
    qtbot, dossier_home, monkeypatch, capsys
) -> None:
    from desktop.app import main

    database, damaged = _damaged_with_a_backup()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    _keep_hooks(monkeypatch)
    assert main([]) == 1  # closed without a choice: quit, untouched
    buttons = [b.text() for b in shown[0].buttons()]
    assert sorted(buttons) == sorted([RESTORE_LIBRARY, OPEN_FOLDER, QUIT])
    assert "Restore the newest library backup" in shown[0].informativeText()
    assert "Traceback" not in capsys.readouterr().err
    assert database.read_bytes() == damaged


def test_restore_offered_at_start_brings_the_library_back(qtbot, dossier_home, monkeypatch):
    from desktop.ui.library_refused import explain_refused_library

    database, damaged = _damaged_with_a_backup()
    opened: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.library_refused.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    texts: list[str] = []
    answers = iter([OPEN_FOLDER, RESTORE_LIBRARY])

    def answer(box: QMessageBox) -> int:
        texts.append(box.text())
        wanted = next(answers, None)
        for button in box.buttons():
            if button.text() == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert explain_refused_library(LibraryDamaged("the library is damaged")) is True
    assert opened == [str(dossier_home / "data" / "backups")]
    assert texts[-1].startswith("Restored 1 article") and "library.damaged-" in texts[-1]
    (aside,) = database.parent.glob("library.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged
    with open_library() as library:
        (note,) = Notebook(library.conn).iter_all()
        assert note.note == "keep me" and not note.orphan


def test_relaunch_leaves_out_a_link_already_opened(monkeypatch) -> None:
    from desktop.ui.relaunch import relaunch_command

    monkeypatch.setattr(sys, "orig_argv", ["python3", "-m", "desktop", "dossier://article/x"])
    assert relaunch_command() == [sys.executable, "-m", "desktop"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/Dossier/dossier-gui", "--style", "fusion"])
    assert relaunch_command() == [sys.executable, "--style", "fusion"]
