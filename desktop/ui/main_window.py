"""The main window: lays the panes out and wires their signals; it owns no feature logic.

Library (left) | Reader (centre) | Summary / Entities / Notes tabs (right). Panes never import
each other: everything one pane asks of another goes through a connection made here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from desktop import __version__
from desktop.core.library.session import Library
from desktop.core.models import Article
from desktop.core.storage.engine import sqlite3
from desktop.ui.actions import install_menus, menu_shortcuts
from desktop.ui.entities.entity_pane import EntityPane
from desktop.ui.importing.controller import ImportController
from desktop.ui.importing.progress_bar import ImportProgress
from desktop.ui.importing.report_dialog import ImportReportDialog, report_summary
from desktop.ui.library.indexer import BackgroundIndexer
from desktop.ui.library.library_pane import LibraryPane
from desktop.ui.library.note_version_dialog import NoteVersionDialog
from desktop.ui.library.versions_dialog import VersionsDialog
from desktop.ui.library_backups import LibraryBackups
from desktop.ui.library_damage import damage_notice, report_damage
from desktop.ui.library_watch import LibraryWatch
from desktop.ui.messages import plain_box
from desktop.ui.notes.backup_timer import NotesBackupTimer
from desktop.ui.notes.highlight_controller import HighlightController
from desktop.ui.notes.notes_menu import NotesMenu
from desktop.ui.notes.notes_pane import NotesPane
from desktop.ui.notes.notes_tasks import run_notes_task, wait_for_notes_tasks
from desktop.ui.plain_text import display_line, literal_title
from desktop.ui.reader.reader_view import DEFAULT_FONT, ReaderView
from desktop.ui.settings import WindowSettings
from desktop.ui.sharing.article_output import ArticleOutput
from desktop.ui.sharing.citation_actions import CitationActions
from desktop.ui.shortcuts_dialog import ShortcutsDialog
from desktop.ui.summary.summary_pane import SummaryPane
from desktop.ui.watchlist.watchlist_dialog import WatchlistDialog
from desktop.ui.window_state import (
    first_article,
    remember_place,
    restore_layout,
    restore_place,
    save_state,
    saved_place,
)
from desktop.ui.workers import lean

if TYPE_CHECKING:
    from desktop.core.library.importing import ImportReport
    from desktop.core.notes.notebook import Notebook

IMPORT_FILTER = (
    "Articles (*.txt *.text *.md *.markdown *.mdown *.html *.htm *.xhtml *.mhtml *.mht"
    " *.webarchive *.xml *.rss *.atom *.rdf *.nitf *.newsml *.pdf *.docx *.doc *.pptx *.ppt"
    " *.odp *.fodp *.rtf *.odt *.fodt *.eml *.emlx *.mbox *.msg *.epub *.vtt *.srt *.gz *.zip)"
    ";;All files (*)"
)
"""Every suffix Dossier imports (the importers are not loaded before the window shows)."""
SIDE_TABS = ("Summary", "Entities", "Notes")
LIST_REFRESH_MS = 500
INDEX_DELAY_MS = 3000
SHUTDOWN_WAIT_MS = 5000


class MainWindow(QMainWindow):
    """Dossier's one window."""

    article_shown = Signal(object)  # the Article now in the reader
    first_painted = Signal()  # the window is on screen; background work may begin

    def __init__(self, library: Library, settings: WindowSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        lean(library.conn)
        self.settings = settings
        self.article: Article | None = None
        self.library_damaged = ""  # the message, once the library file is found damaged
        self.save_state_on_close = True  # not after a restore: the settings are the backup's
        self._jump: tuple[int, int] | None = None
        self._painted = False
        self._first_passage: tuple[int, int | None, int | None] | None = None
        self.setWindowTitle("Dossier")
        self.setAcceptDrops(True)

        self.library_pane = LibraryPane(library.conn, self)
        self.reader = ReaderView(self)
        self.highlights = HighlightController(self.reader, self)
        self.notes_pane = NotesPane(self.highlights, self)
        self.summary_pane = SummaryPane(self)
        self.entity_pane = EntityPane(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setDocumentMode(True)
        for pane, title in zip(
            (self.summary_pane, self.entity_pane, self.notes_pane), SIDE_TABS, strict=True
        ):
            self.side_tabs.addTab(pane, title)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.library_pane, self.reader, self.side_tabs):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.imports = ImportController(self)
        self.indexer = BackgroundIndexer(self)
        self.import_progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.notes_menu = NotesMenu(self, self.highlights)
        self.citations = CitationActions(self.reader, self.highlights, settings, self)
        self.article_output = ArticleOutput(self.reader, self.highlights, self)
        self.notes_backup = NotesBackupTimer(library.paths.backups, self)
        self.backups = LibraryBackups(self)
        self.actions_by_name = install_menus(self, self.notes_menu.menu)
        self._list_refresh = QTimer(self, singleShot=True, interval=LIST_REFRESH_MS)
        self.library_watch = LibraryWatch(library.paths.database, self)
        self._wire()
        restore_layout(self)
        self._index_timer = QTimer(self, singleShot=True, interval=INDEX_DELAY_MS)
        self._index_timer.timeout.connect(self.indexer.start)
        self.installEventFilter(self)  # until the first paint: see eventFilter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start background work only once the window has been painted, so it does not
        compete with drawing the first frame."""
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        self._painted = True
        self.first_painted.emit()
        if self._first_passage is not None:
            self.open_passage(*self._first_passage)
            article_id = None
        else:
            article_id = first_article(self)
        if article_id:
            self.library_pane.show_opened(article_id)
            self.open_article(article_id)
        self._index_timer.start()  # the rest of the library, once the window is up
        self.library_watch.start()
        self._backup_notes()
        self.backups.back_up_if_due()

    def _backup_notes(self) -> None:
        """Today's backup of the notes as they were at start, if there is none yet (changes
        made since are backed up after they are written: ``notes_backup``). On the notes
        worker, so it never delays the window and a note saved meanwhile waits for it."""
        folder = self.library.paths.backups

        def backup(notebook: Notebook) -> object:
            from desktop.core.notes.backups import backup_if_due

            return backup_if_due(notebook.conn, folder)

        run_notes_task(
            backup,
            None,
            lambda exc: self.statusBar().showMessage(f"Notes backup failed: {exc}", 15000),
        )

    # --- wiring --------------------------------------------------------------------------
    def _wire(self) -> None:
        lib, reader, status = self.library_pane, self.reader, self.statusBar()
        summary, entities, notes = self.summary_pane, self.entity_pane, self.notes_pane
        lib.article_opened.connect(self.open_article)
        lib.reader_focus_requested.connect(reader.page.setFocus)
        self.article_shown.connect(reader.show_article)
        self.article_shown.connect(summary.show_article)
        self.article_shown.connect(entities.clear)
        reader.entities_shown.connect(entities.show_entities)
        summary.sentence_activated.connect(reader.scroll_to)
        summary.tint_changed.connect(reader.set_summary_tint)
        summary.method_changed.connect(self.settings.set_summary_method)
        summary.highlight_requested.connect(self.highlights.promote)
        entities.highlight_requested.connect(self.highlights.promote)
        self.highlights.note_edit_requested.connect(self._show_notes_tab)
        entities.mention_activated.connect(reader.scroll_to)
        entities.filter_library_requested.connect(lib.filter_mentions)
        entities.corrections_changed.connect(self.on_entities_changed)
        notes.highlight_activated.connect(reader.scroll_to)
        notes.version_view_requested.connect(self.show_note_version)
        self.notes_menu.open_highlight.connect(self.open_article_at)
        self.notes_menu.notes_changed.connect(self._list_refresh.start)
        self.highlights.written.connect(self.notes_backup.note_written)
        self.notes_menu.notes_changed.connect(self.notes_backup.note_written)
        self.notes_backup.failed.connect(lambda message: status.showMessage(message, 15000))
        self.highlights.highlights_changed.connect(self._list_refresh.start)
        self._list_refresh.timeout.connect(lib.refresh)
        notes.cite_requested.connect(self.citations.copy_highlight)
        messages = (self.notes_menu.message, self.citations.message, self.article_output.message)
        for source in (reader.entities_failed, entities.correction_failed, *messages):
            source.connect(lambda message: status.showMessage(message, 8000))
        self.imports.running_changed.connect(self.import_progress.set_running)
        self.imports.progress.connect(self.import_progress.set_progress)
        self.imports.finished.connect(self._on_import_finished)
        self.imports.failed.connect(self._on_import_failed)
        self.import_progress.cancel_button.clicked.connect(self.imports.cancel)
        self.indexer.finished.connect(lambda count: count and lib.refresh())
        self.indexer.failed.connect(lambda message: status.showMessage(message, 8000))
        lib.actions.message.connect(lambda message: status.showMessage(message, 8000))
        lib.actions.details_edited.connect(self._on_details_edited)
        damage_notice().damaged.connect(self._on_library_damaged)
        watch = self.library_watch
        self.article_shown.connect(lambda article: watch.watch_article(article.id))
        watch.changed.connect(self._on_library_changed)
        watch.article_changed.connect(self._on_details_edited)
        watch.notes_changed.connect(self._on_notes_changed)

    def _on_library_changed(self, kinds: set[str]) -> None:
        """Another process (or a second window) wrote: show what it changed."""
        if kinds - {"reads"}:
            self.library_pane.refresh()
        else:  # only articles marked read or unread: the rows shown are read again
            self.library_pane.model.reread_rows()
        if "labels" in kinds:
            self.library_pane.sidebar.reload()
        if "entities" in kinds:
            self.reader.refresh_entities()
        if "categories" in kinds:
            self.highlights.reload_categories()
        if kinds & {"notes", "categories"}:
            self.notes_menu.refresh_notebook()

    def _on_notes_changed(self, article_id: int) -> None:
        if article_id == self.highlights.article_id:
            self.highlights.reload()

    def _on_details_edited(self, article_id: int) -> None:
        """The open article's title, details or text changed (here or elsewhere): show them."""
        if self.article is not None and self.article.id == article_id:
            self.open_article(article_id)

    def on_entities_changed(self) -> None:
        """A correction or watchlist change: re-colour the article and recount the list."""
        self.reader.refresh_entities()
        self._list_refresh.start()

    # --- opening articles ----------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        """Show ``article_id`` in every pane.

        The text is read here, on the GUI thread: one primary-key lookup (about a millisecond
        even in a 100,000-article library; SQLite in WAL mode never makes a reader wait for a
        writer), so the text appears at once instead of queueing behind background work. The
        slow parts (entities, summary) are computed by the panes in workers.
        """
        try:
            article = self.library.store.get(article_id)
        except sqlite3.Error as exc:
            if not report_damage(exc):
                self.statusBar().showMessage(f"Cannot open the article: {exc}", 8000)
            return
        if article is not None:
            self._show_article(article)
        else:
            self.statusBar().showMessage(f"Article {article_id} is no longer in the library", 8000)

    def open_article_at(self, article_id: int, start: int, end: int) -> None:
        """Open ``article_id`` (if it is not already open) and show ``[start, end)``."""
        if self.article is not None and self.article.id == article_id:
            self.reader.scroll_to(start, end)
            return
        self._jump = (start, end)
        self.library_pane.show_opened(article_id)
        self.open_article(article_id)

    def open_passage(self, article_id: int, start: int | None, end: int | None) -> None:
        """Open ``article_id`` at ``[start, end)`` (or at its top): at once, or, before the
        window is painted, in place of the article read last (a ``dossier://`` link)."""
        if not self._painted:
            self._first_passage = (article_id, start, end)
        elif start is None or end is None:
            self.library_pane.show_opened(article_id)
            self.open_article(article_id)
        else:
            self.open_article_at(article_id, start, end)

    def _show_article(self, article: Article) -> None:
        remember_place(self)  # of the article being left
        self.article = article
        self.setWindowTitle(f"{literal_title(display_line(article.title))} — Dossier")
        self.settings.set_open_article(article.id)
        jump, self._jump = self._jump, None
        place = 0 if jump else saved_place(self, article)
        if jump or place:
            # Once the reader shows the new text (a book-length one is built in a worker) and
            # has laid it out, so the scroll range is known.
            def restore(_shown_id: int) -> None:
                self.reader.article_shown.disconnect(restore)
                QTimer.singleShot(0, self, lambda: restore_place(self, article, jump, place))

            self.reader.article_shown.connect(restore)
        self.article_shown.emit(article)

    # --- import --------------------------------------------------------------------------
    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import Files", "", IMPORT_FILTER)
        self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import Folder")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str] | list[Path]) -> None:
        if paths and self.library_damaged:
            self.statusBar().showMessage("Import refused: the library is damaged", 15000)
            plain_box(self, "Import refused", self.library_damaged).open()
        elif paths:
            self.imports.start(paths)

    def _on_library_damaged(self, message: str) -> None:
        """Say it once, stop importing into the damaged file, and keep what is on screen."""
        if self.library_damaged:
            return
        self.library_damaged = message
        self.imports.cancel()
        self.indexer.stop()
        self.statusBar().showMessage("The library is damaged; see the message", 0)
        plain_box(self, "The library is damaged", message).open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        else:
            super().dropEvent(event)

    def _on_import_finished(self, report: ImportReport) -> None:
        self.statusBar().showMessage(report_summary(report), 15000)
        self.library_pane.refresh()
        self.library_pane.sidebar.reload()  # a feed's categories arrive as tags
        if self.article is not None and self.article.id in report.updated:
            self.open_article(self.article.id)  # its new text, highlights re-anchored
        self.indexer.start()
        if report.failures or report.skipped:
            self.import_report = ImportReportDialog(report, self)
            self.import_report.show()

    def _on_import_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Import stopped: {message}", 15000)
        if not self.library_damaged:  # that has its own message
            plain_box(self, "Import stopped", message).open()

    # --- menu commands -------------------------------------------------------------------
    def zoom_reset(self) -> None:
        self.reader.set_font_size(DEFAULT_FONT)

    def show_side_tab(self, index: int) -> None:
        self.side_tabs.setCurrentIndex(index)

    def _show_notes_tab(self, _highlight_id: str) -> None:
        """A note is to be written: show the Notes tab, where its editor is."""
        self.show_side_tab(SIDE_TABS.index("Notes"))

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def mark_current_unread(self) -> None:
        if self.article is not None:
            self.library_pane.model.mark_read(self.article.id, False)

    def show_changes(self) -> None:
        """Earlier Versions opened on What Changed in the last update."""
        self.show_versions(open_changes=True)

    def show_versions(self, *, open_changes: bool = False) -> None:
        if self.article is None:
            return
        dialog = VersionsDialog(
            self.article.id,
            self.article.title,
            self._on_version_restored,
            self,
            open_changes=open_changes,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.versions_dialog = dialog
        dialog.show()

    def show_note_version(self, highlight_id: str) -> None:
        dialog = NoteVersionDialog(highlight_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.note_version_dialog = dialog
        dialog.show()

    def _on_version_restored(self, article_id: int) -> None:
        """Its text changed: show it with its highlights re-anchored; list and entities follow."""
        self.library_pane.refresh()
        if self.article is not None and self.article.id == article_id:
            self.open_article(article_id)
        self.indexer.start()

    def open_watchlist(self) -> None:
        dialog = WatchlistDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.watchlist_changed.connect(self.on_entities_changed)
        dialog.show()

    def show_shortcuts(self) -> None:
        groups = [*menu_shortcuts(self), ("Library list", self.library_pane.shortcut_hints())]
        self.shortcuts_dialog = ShortcutsDialog(groups, self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Dossier",
            f"<b>Dossier {__version__}</b><p>An offline reader for journalists: a library of"
            " articles, coloured entities, summaries and notes. Nothing leaves this computer.</p>",
        )

    def finish_background_work(self, msecs: int = SHUTDOWN_WAIT_MS) -> None:
        """Let writes in flight (a star, an import batch, the notes backup taken at close)
        finish before the process ends; the import's reading process is stopped."""
        self.imports.close()
        self.indexer.stop()
        pools = (
            QThreadPool.globalInstance(),
            self.imports.pool,
            self.indexer.pool,
            *self.library_pane.model.pools,
        )
        for pool in pools:
            pool.clear()
            pool.waitForDone(msecs)
        wait_for_notes_tasks(msecs)  # queued notes writes are kept, never cleared

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.save_state_on_close:
            save_state(self)
        self.notes_backup.flush()  # the notes worker finishes it before the program exits
        self.imports.close()
        self._index_timer.stop()
        self._list_refresh.stop()
        self.library_watch.close()
        super().closeEvent(event)


def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
