"""The Notes menu in one call: ``build_notes_menu(window, controller)``.

The main window adds ``menu`` to its menu bar (and may also put ``export_action`` and
``import_action`` in its File menu: an action can sit in two menus) and connects
``open_highlight`` to "open this article and scroll to this passage".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.notes.category_dialog import CategoryDialog
from desktop.ui.notes.export_dialogs import ExportNotesDialog, NotesImporter
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.notes.notebook_window import NotebookWindow

HIGHLIGHT_KEY = "H"
NOTE_KEY = "N"
NOTEBOOK_KEY = "Ctrl+Shift+B"


class NotesMenu(QObject):
    """The Notes menu, its actions, and the windows they open (created on first use)."""

    open_highlight = Signal(int, int, int)  # article id, start, end: from the Notebook
    notes_changed = Signal()  # an import or category change: refresh note counts
    message = Signal(str)  # for the status bar

    def __init__(self, window: QWidget, controller: HighlightController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._notebook: NotebookWindow | None = None
        self.importer = NotesImporter(window)
        self.importer.finished.connect(self._on_imported)
        controller.failed.connect(self.message)

        self.menu = QMenu("&Notes", window)
        self.highlight_action = self._action(
            "&Highlight selection", HIGHLIGHT_KEY, controller.highlight_selection
        )
        self.note_action = self._action(
            "Add or edit &note…", NOTE_KEY, controller.note_on_selection
        )
        self.menu.addSeparator()
        stack = controller.undo_stack
        self.undo_action = stack.createUndoAction(window, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(window, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            self.menu.addAction(action)
            window.addAction(action)
        self.menu.addSeparator()
        self.notebook_action = self._action("Note&book", NOTEBOOK_KEY, self.show_notebook)
        self.categories_action = self._action("&Categories…", None, self.show_categories)
        self.menu.addSeparator()
        self.export_action = self._action("Export &Notes…", None, self.show_export)
        self.import_action = self._action("Import N&otes…", None, self.importer.ask)

    def _action(self, text: str, key: str | None, slot) -> QAction:
        action = QAction(text, self._window)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._window.addAction(action)  # shortcuts work even while the menu is closed
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def notebook(self) -> NotebookWindow:
        if self._notebook is None:
            self._notebook = NotebookWindow(self._window)
            self._notebook.open_highlight.connect(self.open_highlight)
            self._controller.highlights_changed.connect(self.refresh_notebook)
        return self._notebook

    def show_notebook(self) -> None:
        notebook = self.notebook()
        notebook.show()
        notebook.raise_()
        notebook.activateWindow()

    def show_categories(self) -> None:
        dialog = CategoryDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.categories_changed.connect(self._on_categories_changed)
        dialog.show()

    def show_export(self) -> None:
        dialog = ExportNotesDialog(self._controller.article_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda path, n: self.message.emit(f"Exported {n} notes to {path}"))
        dialog.show()

    def refresh_notebook(self, *_changed: object) -> None:
        """Keep an open Notebook in step with edits made in the main window."""
        if self._notebook is not None and self._notebook.isVisible():
            self._notebook.refresh()

    def _on_categories_changed(self) -> None:
        self._controller.reload_categories()
        self.refresh_notebook()

    def _on_imported(self, message: str, ok: bool) -> None:
        self.message.emit(message.splitlines()[0] if ok else message)
        if ok:
            self._controller.reload()
            self.refresh_notebook()
            self.notes_changed.emit()


def build_notes_menu(window: QWidget, controller: HighlightController) -> NotesMenu:
    """Everything the Notes menu needs, ready for ``window.menuBar().addMenu(result.menu)``."""
    return NotesMenu(window, controller)
