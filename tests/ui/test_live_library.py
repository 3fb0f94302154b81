"""The window follows what other processes write: an import from the command line, notes
added by a script, a changed text, stories — without a restart, keeping the selection and the
place in the text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.ui.library.model import ARTICLE_ID_ROLE
from tests.ui.conftest import add_article

WAIT_MS = 10_000  # a few polls
ROOT = Path(__file__).resolve().parents[2]


def _titles(window) -> list[str]:
    model = window.library_pane.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _dossier(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], env=env, capture_output=True, text=True
    )


def test_an_import_from_the_command_line_appears_in_the_list(window, tmp_path, qtbot) -> None:
    opened = window.article.id
    path = tmp_path / "harbour.txt"
    path.write_text("Harbour strike\n\nDock workers in Rotterdam walked out on Monday.\n")
    done = _dossier("import", str(path))
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "Harbour strike" in _titles(window), timeout=WAIT_MS)
    table = window.library_pane.table
    assert table.currentIndex().data(ARTICLE_ID_ROLE) == opened  # the selection stays
    assert window.article.id == opened


def test_notes_added_elsewhere_show_in_the_open_article(window, qtbot) -> None:
    article = window.article
    done = _dossier("notes", "add", str(article.id), "--quote", "security guarantees")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: len(window.highlights.highlights()) == 1, timeout=WAIT_MS)
    assert window.notes_pane.model.rowCount() == 1
    start = article.text.index("security guarantees")
    assert window.reader.highlight_at(start + 2) == window.highlights.highlights()[0].id


def test_a_text_changed_by_another_connection_is_shown_in_place(window, library, qtbot) -> None:
    text = "\n\n".join(f"Paragraph {n} on the port budget." for n in range(300))
    article_id = add_article(library, "Port budget", text)
    qtbot.waitUntil(lambda: "Port budget" in _titles(window), timeout=WAIT_MS)
    window.library_pane.show_opened(article_id)
    window.open_article(article_id)
    window.reader.scroll_to_offset(text.index("Paragraph 200"))
    qtbot.waitUntil(lambda: window.reader.first_visible_offset() > 0)
    updated = "An update at the top.\n\n" + text.replace(
        "Paragraph 250", "Paragraph 250 (corrected)"
    )
    with open_library(seed=False) as other:  # another connection, as a second process has
        other.store.replace_text(
            article_id, with_hash(Article(0, "Port budget (updated)", updated, "", 0))
        )
    qtbot.waitUntil(lambda: window.reader.article().text == updated, timeout=WAIT_MS)
    assert window.library_pane.table.currentIndex().data(ARTICLE_ID_ROLE) == article_id
    qtbot.waitUntil(
        lambda: (
            updated[window.reader.first_visible_offset() :].lstrip().startswith("Paragraph 200")
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: "Port budget (updated)" in _titles(window), timeout=WAIT_MS)


def test_stories_made_elsewhere_appear_in_the_sidebar(window, qtbot) -> None:
    done = _dossier("story", "add", "Harbour strike")
    assert done.returncode == 0, done.stderr
    sidebar = window.library_pane.sidebar

    def listed() -> bool:
        return any(
            "Harbour strike" in (sidebar.topLevelItem(i).text(0) or "")
            or any(
                "Harbour strike" in sidebar.topLevelItem(i).child(j).text(0)
                for j in range(sidebar.topLevelItem(i).childCount())
            )
            for i in range(sidebar.topLevelItemCount())
        )

    qtbot.waitUntil(listed, timeout=WAIT_MS)


def test_articles_marked_read_elsewhere_reread_rows_not_the_list(
    window, library, qtbot, monkeypatch
) -> None:
    """Opening an article marks it read, so every window would re-sort its whole list for
    each article opened in another: a change of ``reads`` alone re-reads the rows shown."""
    other = add_article(library, "Second", "A second article to open.")
    qtbot.waitUntil(lambda: "Second" in _titles(window), timeout=WAIT_MS)
    model = window.library_pane.model
    row = model.row_of(other)
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is not None  # unread: bold
    library.store.set_read(other, True)  # another connection
    recomputed: list[object] = []
    with monkeypatch.context() as patch:
        patch.setattr(model, "refresh", lambda: recomputed.append(1))
        window._on_library_changed({"reads"})
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None
        assert recomputed == []
        window._on_library_changed({"reads", "articles"})
        assert recomputed == [1]
    window.library_pane.unread.setChecked(True)  # the list itself depends on it now
    qtbot.waitUntil(lambda: model.row_of(other) < 0, timeout=WAIT_MS)
    library.store.set_read(other, False)
    window._on_library_changed({"reads"})
    qtbot.waitUntil(lambda: model.row_of(other) >= 0, timeout=WAIT_MS)


def test_an_article_marked_read_from_the_command_line_shows_read(window, library, qtbot) -> None:
    article_id = add_article(library, "Unread story", "Filed this morning.")
    qtbot.waitUntil(lambda: "Unread story" in _titles(window), timeout=WAIT_MS)
    model = window.library_pane.model
    row = model.row_of(article_id)
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    done = _dossier("mark", str(article_id), "--read")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(
        lambda: model.index(model.row_of(article_id), 0).data(Qt.ItemDataRole.FontRole) is None,
        timeout=WAIT_MS,
    )
    done = _dossier("mark", str(article_id), "--unread")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(
        lambda: model.index(model.row_of(article_id), 0).data(Qt.ItemDataRole.FontRole) is not None,
        timeout=WAIT_MS,
    )


def test_the_list_keeps_its_scroll_when_another_process_adds(window, library, qtbot) -> None:
    ids = [add_article(library, f"Story {n:03}", f"Text of story number {n}.") for n in range(150)]
    qtbot.waitUntil(lambda: "Story 149" in _titles(window), timeout=WAIT_MS)
    table = window.library_pane.table
    middle = ids[70]
    window.library_pane.select_article(middle)
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    with open_library(seed=False) as other:
        other.store.add(with_hash(Article(0, "Late story", "Filed late from the desk.", "", 0)))
    qtbot.waitUntil(lambda: "Late story" in _titles(window), timeout=WAIT_MS)
    assert table.currentIndex().data(ARTICLE_ID_ROLE) == middle
    assert abs(bar.value() - scrolled) <= table.verticalHeader().defaultSectionSize()


def test_a_library_the_watch_cannot_read_leaves_the_window_working(tmp_path, qtbot) -> None:
    from desktop.ui.library_watch import LibraryWatch

    folder = tmp_path / "not-a-file.sqlite3"
    folder.mkdir()
    watch = LibraryWatch(folder)
    watch.start()
    watch.poll()  # nothing to read, nothing raised
    watch.close()


def test_a_category_made_elsewhere_and_a_trashed_article_are_noticed(window, qtbot) -> None:
    article_id = window.article.id
    with open_library(seed=False) as other:
        from desktop.core.notes.notebook import Notebook

        Notebook(other.conn).add_category("Follow up", "#ffeeaa", "#554400")
    labels = lambda: [c.label for c in window.highlights.categories()]  # noqa: E731
    qtbot.waitUntil(lambda: "Follow up" in labels(), timeout=WAIT_MS)
    done = _dossier("delete", str(article_id))
    assert done.returncode == 0, done.stderr
    said = f"Article {article_id} is no longer in the library"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 0, timeout=WAIT_MS)


def test_an_open_notebook_shows_notes_added_elsewhere(window, library, qtbot) -> None:
    window.notes_menu.show_notebook()
    notebook = window.notes_menu.notebook()
    qtbot.waitUntil(lambda: notebook.model.rowCount() == 0)
    other = add_article(library, "Elsewhere", "A passage noted from a script.")
    with open_library(seed=False) as second:
        from desktop.core.notes.notebook import Notebook

        Notebook(second.conn).add(other, 2, 9, note="from a script")
    qtbot.waitUntil(lambda: notebook.model.rowCount() == 1, timeout=WAIT_MS)
