"""`make screenshots`: the main window on the seed article, as a user with a library sees it.

Renders offscreen in a throw-away library (never the user's). When ``../shared/eval`` is
present, about twenty Wikinews articles (CC BY 2.5; read from there, never copied into the
repository) fill the library list beside the seed; without it the seed is shown alone.
Writes, in ``docs/screenshots/``:

- ``main-light.png`` / ``main-dark.png``: the seed coloured, its summary shown and tinted;
- ``notes-light.png``: two highlights of the user's, one with a note, in the Notes tab;
- ``entities-light.png``: the Entities tab;
- ``notes-moved-light.png``: after an updated text of the article replaced the first word of
  the noted passage, its note "moved — please check", hatched in the text;
- ``changes-light.png``: the seed updated again with ``EDITS``; its first version (before
  ``EDIT`` too) compared in *Article ▸ Earlier Versions… ▸ What Changed*, highlights on it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.core.library.session import Library
    from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
WIKINEWS = ROOT.parent / "shared" / "eval" / "library-wikinews.jsonl"
WIKINEWS_COUNT = 20
SIZE = (1600, 960)
SPLIT = [560, 640, 400]  # room for titles in the list and names in the Entities tab
WAIT_S = 30.0
# Passages of the seed the user highlighted: (passage, category, note or "").
HIGHLIGHTS = (
    (
        "Russia has agreed to allow the US and Europe to give Ukraine",
        "to-verify",
        "Witkoff's claim, via Fox News. **Ask the Kremlin** whether it confirms:\n"
        "- which guarantees?\n- enforced by whom?",
    ),
    (
        "an armed attack on one member country is considered an attack on all its 32 members",
        "key-fact",
        "",
    ),
    ("We all share a strong desire to end this war quickly and reliably.", "quote-to-use", ""),
)
# The update that moves the first highlight: its first word replaced.
EDIT = ("Russia has agreed to allow", "Moscow has agreed to allow")

# An update of the seed after the highlights were made: (old words, new words), first match.
EDITS = (
    ("three-hour closed-door meeting", "three-hour meeting"),
    ("allow the US and Europe to give", "allow the US and its European allies to give"),
    ("Speaking to Fox News, Witkoff said", "In an interview with Fox News on Sunday, Witkoff said"),
    (
        "loom large over the peace talks aimed at ending the Russia-Ukraine war.\n\n",
        "loom large over the peace talks aimed at ending the Russia-Ukraine war.\n\n"
        "Update: the Kremlin has not confirmed the envoy's account of the Alaska talks.\n\n",
    ),
)
CHANGES_SIZE = (1100, 780)


def wait_until(condition: Callable[[], object], timeout: float = WAIT_S) -> bool:
    """Run the event loop until ``condition()`` holds (or the timeout passes)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def settle(seconds: float = 0.3) -> None:
    wait_until(lambda: False, seconds)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-screenshots-") as home:
        os.environ["DOSSIER_HOME"] = home
        render()
    return 0


def add_wikinews(library: Library, path: Path = WIKINEWS, count: int = WIKINEWS_COUNT) -> int:
    """Add the first ``count`` Wikinews articles of ``path`` (none when it is absent), a few
    read or starred as in a library in use; returns how many were added."""
    from desktop.core.library.store import with_hash
    from desktop.core.models import Article

    if not path.is_file():
        print(f"note: {path} not found; the library holds the seed alone", file=sys.stderr)
        return 0
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in islice(handle, count)]
    articles = [
        with_hash(
            Article(
                id=0,
                title=r["title"],
                text=r["text"],
                content_hash="",
                words=0,
                byline="Wikinews contributors",
                source="Wikinews",
                url=r.get("source_url", ""),
                published=r.get("date", ""),
                read=i % 3 != 0,
                starred=i in (2, 7),
            )
        )
        for i, r in enumerate(records)
    ]
    library.store.add_many(articles)
    return len(articles)


def add_highlights(window: MainWindow) -> tuple[int, int] | None:
    """Highlight ``HIGHLIGHTS`` in the open article and write their notes, as a user would;
    returns the span of the first passage with a note (None when none could be placed)."""
    controller, text = window.highlights, window.article.text if window.article else ""
    notes = {}
    for passage, category, note in HIGHLIGHTS:
        start = text.find(passage)
        if start < 0:
            print(f"warning: {passage!r} is not in the article", file=sys.stderr)
            continue
        notes[(start, start + len(passage))] = note
        controller.promote(start, start + len(passage), category)
    if not wait_until(lambda: len(controller.highlights()) >= len(notes)):
        print("warning: the highlights were not saved in time", file=sys.stderr)
    noted = None
    for highlight in controller.highlights():
        span = (highlight.start, highlight.end)
        if notes.get(span):
            controller.edit(highlight.id, note=notes[span], tags=("guarantees", "to verify"))
            window.notes_pane.show_highlight(highlight.id)
            noted = noted or span
    return noted


def show_moved_note(window: MainWindow) -> bool:
    """Update the open article with ``EDIT`` made, as a re-import would, and show the note it
    moved in the Notes tab and in the text; False when it could not be shown."""
    from desktop.core.library.updating import replace_text

    article = window.article
    if article is None or EDIT[0] not in article.text:
        return False
    changed = article.replace(text=article.text.replace(*EDIT), content_hash="")
    replace_text(window.library.store, article.id, changed)
    window.open_article(article.id)
    pane = window.notes_pane
    if not wait_until(lambda: pane.moved_model.rowCount() > 0):
        print("warning: the moved note was not listed in time", file=sys.stderr)
        return False
    window.show_side_tab(2)
    moved = pane.moved_model.highlight(0)
    pane.show_highlight(moved.id)
    window.reader.scroll_to(moved.start, moved.end, flash=False)
    settle(1.0)
    return True


def save(window: QWidget, path: Path) -> Path:
    settle()
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


def save_changes(window: MainWindow, path: Path) -> Path:
    """The open article updated with ``EDITS``; its first version in What Changed."""
    from desktop.core.library.updating import replace_text
    from desktop.ui.library.versions_dialog import CHANGES_TAB

    article = window.article
    assert article is not None
    text = article.text
    for old, new in EDITS:
        if old not in text:
            print(f"warning: {old!r} is not in the article", file=sys.stderr)
        text = text.replace(old, new, 1)
    replace_text(window.library.store, article.id, article.replace(text=text, content_hash=""))
    window.open_article(article.id)
    window.show_versions()
    dialog = window.versions_dialog
    if not wait_until(lambda: dialog.list.topLevelItemCount() > 0):
        print("warning: the versions were not listed in time", file=sys.stderr)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.tabs.setCurrentIndex(CHANGES_TAB)
    dialog.resize(*CHANGES_SIZE)
    if not wait_until(lambda: dialog.changes.runs):
        print("warning: the changes were not shown in time", file=sys.stderr)
    dialog.list.setFixedHeight(80)  # room for the text; one version is listed
    save(dialog, path)
    dialog.close()
    return path


def render(out: Path = OUT, wikinews: Path = WIKINEWS) -> list[Path]:
    """Write the screenshots into ``out`` (see the module docstring); returns their paths."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window
    from desktop.core.library.session import open_library
    from desktop.ui.theme import set_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Dossier")
    set_theme("light")
    library = open_library()
    add_wikinews(library, wikinews)
    window = build_main_window(library, warm_up=False)  # the summariser loads when asked
    coloured: list[object] = []
    window.reader.entities_shown.connect(coloured.append)
    window.resize(*SIZE)
    window.show()
    settle()
    window.splitter.setSizes(SPLIT)  # once shown: before, Qt rescales them to the first layout
    summary = window.summary_pane
    if not wait_until(lambda: window.article is not None and coloured and summary.summary()):
        print("warning: the reader was not coloured and summarised in time", file=sys.stderr)
    noted = add_highlights(window)
    window.show_side_tab(0)
    summary.show_in_text.setChecked(True)  # the summary tinted in the text
    window.reader.page.setFocus()
    settle(1.0)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("light", "dark"):
        set_theme(name)
        written.append(save(window, out / f"main-{name}.png"))
    set_theme("light")
    summary.show_in_text.setChecked(False)  # the highlights alone in the text
    window.show_side_tab(2)
    if noted:
        window.reader.scroll_to(*noted, flash=False)
    written.append(save(window, out / "notes-light.png"))
    window.show_side_tab(1)
    written.append(save(window, out / "entities-light.png"))
    if show_moved_note(window):
        written.append(save(window, out / "notes-moved-light.png"))
    written.append(save_changes(window, out / "changes-light.png"))
    window.close()
    window.finish_background_work()
    window.library.close()
    set_theme(None)
    return written


if __name__ == "__main__":
    raise SystemExit(main())
