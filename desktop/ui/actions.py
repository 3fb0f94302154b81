"""The window's menus and actions, with Qt's standard keys wherever a standard exists.

Kept apart from ``main_window`` so the window module only lays out and wires. Every action is
also added to the window itself, so its shortcut works whichever pane has focus — a pane's own
action too (Ctrl+F finds in the article from the library list as from the reader).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: label, shortcut, what it does, and an optional status tip."""

    name: str
    text: str
    key: Key | None
    slot: Callable[[], object]
    tip: str = ""
    fallback: str = ""  # for a standard key this platform leaves unbound (Quit on some)


MenuEntry = ActionSpec | QAction | QMenu | None


def _menu_specs(window: MainWindow) -> dict[str, list[MenuEntry]]:
    """The menu bar as data: ``None`` is a separator; a QAction is a pane's own action, a
    QMenu a submenu."""
    lib, reader, notes = window.library_pane, window.reader, window.notes_menu
    cites, output = window.citations, window.article_output
    return {
        "&File": [
            ActionSpec(
                "import_files",
                "&Import Files…",
                QKeySequence.StandardKey.Open,
                window.import_files_dialog,
                "Import text, Markdown, HTML, feed, PDF, Word, OpenDocument, e-mail or EPUB files",
            ),
            ActionSpec(
                "import_folder",
                "Import &Folder…",
                "Ctrl+Shift+O",
                window.import_folder_dialog,
                "Import every supported file in a folder and its subfolders",
            ),
            None,
            output.export_action,
            output.print_action,
            None,
            notes.import_action,
            notes.export_action,
            None,
            ActionSpec(
                "back_up_library",
                "&Back Up Library…",
                None,
                window.backups.back_up,
                "Write the articles, notes, stories, tags, corrections and settings into one file",
            ),
            ActionSpec(
                "restore_library",
                "&Restore Library…",
                None,
                window.backups.restore,
                "Replace the library with a backup (the current library is kept beside it)",
            ),
            None,
            ActionSpec(
                "quit", "&Quit", QKeySequence.StandardKey.Quit, window.close, fallback="Ctrl+Q"
            ),
        ],
        "&Edit": [
            cites.copy_action,
            cites.style_menu,
            None,
            reader.find_action,
            ActionSpec("search", "&Search the Library", "Ctrl+Shift+F", lib.focus_search),
        ],
        "&View": [
            reader.zoom_in_action,
            reader.zoom_out_action,
            ActionSpec("zoom_reset", "&Normal Text Size", "Ctrl+0", window.zoom_reset),
            None,
            ActionSpec("show_summary", "S&ummary", "Ctrl+1", lambda: window.show_side_tab(0)),
            ActionSpec("show_entities", "&Entities", "Ctrl+2", lambda: window.show_side_tab(1)),
            ActionSpec("show_notes", "N&otes", "Ctrl+3", lambda: window.show_side_tab(2)),
            None,
            ActionSpec(
                "full_screen",
                "&Full Screen",
                QKeySequence.StandardKey.FullScreen,
                window.toggle_full_screen,
            ),
        ],
        "&Article": [
            ActionSpec("next", "&Next Article", "Alt+Down", lambda: lib.step(1)),
            ActionSpec("previous", "&Previous Article", "Alt+Up", lambda: lib.step(-1)),
            None,
            ActionSpec("star", "&Star / Unstar", "Ctrl+D", lib.toggle_star_current),
            ActionSpec("unread", "Mark &Unread", "Ctrl+Shift+U", window.mark_current_unread),
            None,
            output.open_original_action,
            ActionSpec(
                "versions",
                "Earlier &Versions…",
                None,
                window.show_versions,
                "Texts this article had before an update; read or restore one",
            ),
            ActionSpec(
                "changes",
                "What &Changed…",
                None,
                window.show_changes,
                "What the last update changed, word by word, with the highlights on each text",
            ),
            None,
            lib.actions.edit_action,
            ActionSpec(
                "trash",
                "Move to &Trash",
                None,
                lib.actions.trash_selected,
                "Move the selected articles and their notes to the trash (Delete in the list)",
            ),
            lib.actions.undo_delete_action,
            lib.actions.trash_dialog_action,
        ],
        "&Tools": [
            ActionSpec(
                "watchlist",
                "&Watchlist…",
                "Ctrl+Shift+W",
                window.open_watchlist,
                "People, institutions and terms to colour and count in every article",
            ),
        ],
        "&Help": [
            ActionSpec(
                "shortcuts",
                "&Keyboard Shortcuts",
                QKeySequence.StandardKey.HelpContents,
                window.show_shortcuts,
            ),
            ActionSpec("about", "&About Dossier", None, window.show_about),
        ],
    }


def install_menus(window: MainWindow, *extra: QMenu) -> dict[str, QAction]:
    """Build the menu bar of ``window`` (``extra`` menus go before Help); returns its own
    actions by name."""
    actions: dict[str, QAction] = {}
    for title, specs in _menu_specs(window).items():
        if title == "&Help":
            for menu in extra:
                window.menuBar().addMenu(menu)
        menu = window.menuBar().addMenu(title)
        for spec in specs:
            if spec is None:
                menu.addSeparator()
                continue
            if isinstance(spec, QMenu):
                menu.addMenu(spec)
                continue
            if isinstance(spec, QAction):
                # One action, one shortcut: widening its context (rather than adding a second
                # action on the same keys) leaves Qt nothing ambiguous to refuse.
                spec.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                menu.addAction(spec)
                window.addAction(spec)
                continue
            action = QAction(spec.text, window)
            if spec.key is not None:
                keys = QKeySequence(spec.key)
                action.setShortcut(keys if not keys.isEmpty() else QKeySequence(spec.fallback))
            if spec.tip:
                action.setStatusTip(spec.tip)
            action.triggered.connect(spec.slot)
            menu.addAction(action)
            window.addAction(action)
            actions[spec.name] = action
    return actions


def menu_shortcuts(window: MainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(menu, [(keys, what)])`` for every menu action that has a shortcut, in menu order."""
    groups = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        rows = [
            (
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                a.text().replace("&", ""),
            )
            for a in menu.actions()
            if not a.isSeparator() and not a.shortcut().isEmpty()
        ]
        if rows:
            groups.append((menu_action.text().replace("&", ""), rows))
    return groups
