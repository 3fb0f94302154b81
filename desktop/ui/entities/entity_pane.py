"""The entities pane: who and what the open article mentions, and the user's corrections.

Entities are grouped by category with their mention counts; clicking one steps through its
mentions in the reader, and the mention shown can be made a highlight in one click. A
correction (rename, merge, change category, "not an entity") is stored by the core in the
library and applies to every article from then on; the pane says so with
``corrections_changed`` and the window re-colours the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.models import Entity, Term
from desktop.ui.plain_text import literal_ampersands, literal_html, plain_label
from desktop.ui.workers import run_task, thread_library

Corrector = Callable[..., Any]  # corrector(kind, *args) runs in a worker thread
ENTITY_CATEGORIES = ("leader", "person", "institution", "place")
GROUPS = {
    "leader": "Leaders",
    "person": "People",
    "institution": "Institutions",
    "place": "Places",
    "term": "Key terms",
}
KEY = Qt.ItemDataRole.UserRole  # (category, name) of an entity or term row
# Up to this many mentions are grouped on the GUI thread (a 10,000-word article has about
# 1,500; grouping 155,000 took 0.4 s).
SYNC_MENTIONS = 20_000
# Rows made per turn of the event loop: a book-length article names tens of thousands, and
# making every row at once held the window 0.1 s and more.
ROWS_PER_TURN = 1_000
Key = tuple[str, str]
Groups = tuple[dict[Key, list[tuple[int, int]]], dict[Key, str], set[Key]]


def group_mentions(entities: Sequence[Entity], terms: Sequence[Term]) -> Groups:
    """Mentions in text order per ``(category, name)``, each name's role, and the names on
    the watchlist."""
    mentions: dict[Key, list[tuple[int, int]]] = {}
    roles: dict[Key, str] = {}
    watched: set[Key] = set()
    for e in sorted(entities, key=lambda e: e.start):
        key = (e.category, e.canonical or e.text)
        mentions.setdefault(key, []).append((e.start, e.end))
        roles[key] = roles.get(key) or e.role
        if e.watchlist:
            watched.add(key)
    for term in terms:
        spans = mentions.setdefault(("term", term.text), [])
        spans[:] = sorted({*spans, *term.spans})
    return mentions, roles, watched


def store_correction(kind: str, *args: str) -> None:
    """Store one correction through the entity index (runs in a worker thread)."""
    from desktop.core.library import entity_index

    action = {
        "rename": entity_index.rename_entity,
        "merge": entity_index.merge_entities,
        "category": entity_index.set_entity_category,
        "not-entity": entity_index.mark_not_entity,
    }[kind]
    action(thread_library().conn, *args)


class EntityPane(QWidget):
    mention_activated = Signal(int, int)  # Python offsets of the mention to show
    highlight_requested = Signal(int, int)  # offsets of a mention to make a highlight
    filter_library_requested = Signal(str)  # canonical name: list articles mentioning it
    corrections_changed = Signal()
    correction_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, corrector: Corrector | None = None):
        super().__init__(parent)
        self._corrector = corrector or store_correction
        self._mentions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._cursor: dict[tuple[str, str], int] = {}
        self._token = 0  # the entities shown last; groups of any other are stale
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Name", "Mentions"])
        self.tree.setAccessibleName("Entities in this article")
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.status = plain_label(wrap=True)
        self.others_button = QToolButton(text="Other articles")
        self.others_button.setToolTip("List the library's articles that mention this")
        self.correct_button = QToolButton(text="Correct")
        self.correct_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.correct_button.setToolTip("Rename, merge, recategorise or remove this entity")
        self.correct_button.setMenu(QMenu(self.correct_button))
        self.highlight_button = QToolButton(text="Highlight")
        self.highlight_button.setToolTip("Make the mention shown in the article a highlight")
        buttons = QHBoxLayout()
        buttons.addWidget(self.highlight_button)
        buttons.addWidget(self.others_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.others_button.clicked.connect(self._on_others)
        self.highlight_button.clicked.connect(self._on_highlight)
        self.correct_button.menu().aboutToShow.connect(self._fill_correct_menu)
        self._update_buttons()

    # --- showing ----------------------------------------------------------------------------
    def show_entities(self, payload: tuple[Sequence[Entity], Sequence[Term]]) -> None:
        """Show the reader's ``(entities, terms)`` (connect ``ReaderView.entities_shown``).

        A book-length article's hundred thousand mentions are grouped in a worker."""
        entities, terms = payload
        self._token += 1
        token = self._token
        if len(entities) <= SYNC_MENTIONS:
            self._show_groups(token, group_mentions(entities, terms))
        else:
            run_task(
                lambda: group_mentions(entities, terms),
                lambda groups: self._show_groups(token, groups),
                pause_collector=True,
                owner=self,
            )

    def _show_groups(self, token: int, groups: Groups) -> None:
        if not isValid(self) or token != self._token:
            return  # another article's entities were shown meanwhile
        self._mentions, roles, watched = groups
        self._cursor = {}
        self.tree.clear()
        rows: list[tuple[QTreeWidgetItem, Key]] = []
        for category, label in GROUPS.items():
            keys = [k for k in self._mentions if k[0] == category]
            if not keys:
                continue
            keys.sort(key=lambda k: (-len(self._mentions[k]), k[1].casefold()))
            group = QTreeWidgetItem([f"{label} ({len(keys)})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            bold = group.font(0)
            bold.setBold(True)
            group.setFont(0, bold)
            self.tree.addTopLevelItem(group)
            rows += [(group, key) for key in keys]
        self._add_rows(token, rows, roles, watched)
        self.status.setText("" if self._mentions else "No entities found in this article.")
        self._update_buttons()

    def _add_rows(
        self,
        token: int,
        rows: list[tuple[QTreeWidgetItem, Key]],
        roles: dict[Key, str],
        watched: set[Key],
    ) -> None:
        """Make the rows ``ROWS_PER_TURN`` at a time, the most mentioned of each group first,
        the rest on the next turns of the event loop (dropped if another article came)."""
        if not isValid(self) or token != self._token:
            return
        filled: dict[int, QTreeWidgetItem] = {}
        for group, key in rows[:ROWS_PER_TURN]:
            name = key[1] + (f" — {roles[key]}" if roles.get(key) else "")
            star = "★ " if key in watched else ""  # first, so eliding never hides it
            row = QTreeWidgetItem([star + name, str(len(self._mentions[key]))])
            row.setData(0, KEY, key)
            watch = " (on your watchlist)" if star else ""
            row.setToolTip(0, literal_html(f"{name}{watch}: click to step through its mentions"))
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            group.addChild(row)
            filled[id(group)] = group
        for group in filled.values():
            group.setExpanded(True)
        rest = rows[ROWS_PER_TURN:]
        if rest:
            QTimer.singleShot(0, self, lambda: self._add_rows(token, rest, roles, watched))

    def clear(self) -> None:
        self.show_entities(([], []))

    def mention_count(self, category: str, name: str) -> int:
        return len(self._mentions.get((category, name), []))

    def activate(self, category: str, name: str) -> None:
        """Show the next mention of an entity or term (wrapping round)."""
        spans = self._mentions.get((category, name))
        if not spans:
            return
        index = self._cursor.get((category, name), -1) + 1
        index %= len(spans)
        self._cursor[(category, name)] = index
        self.status.setText(f"{name}: mention {index + 1} of {len(spans)}")
        self.mention_activated.emit(*spans[index])

    def current_mention(self, category: str, name: str) -> tuple[int, int] | None:
        """The mention last shown in the reader (the first one before any was shown)."""
        spans = self._mentions.get((category, name))
        if not spans:
            return None
        return spans[self._cursor.get((category, name), 0) % len(spans)]

    def highlight_mention(self, category: str, name: str) -> None:
        """Ask for the mention shown (see ``current_mention``) to become a highlight."""
        span = self.current_mention(category, name)
        if span is not None:
            self.highlight_requested.emit(*span)

    # --- corrections --------------------------------------------------------------------------
    def rename(self, name: str, new_name: str) -> None:
        self._correct("rename", name, new_name)

    def merge(self, name: str, into: str) -> None:
        self._correct("merge", name, into)

    def change_category(self, name: str, category: str) -> None:
        self._correct("category", name, category)

    def mark_not_entity(self, name: str) -> None:
        self._correct("not-entity", name)

    def _correct(self, kind: str, *args: str) -> None:
        run_task(
            lambda: self._corrector(kind, *args),
            lambda _result: self.corrections_changed.emit(),
            lambda exc: self.correction_failed.emit(f"Correction not saved: {exc}"),
            owner=self,
        )

    # --- private ------------------------------------------------------------------------------
    def _selected_key(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return item.data(0, KEY) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        key = self._selected_key()
        self.others_button.setEnabled(key is not None)
        self.highlight_button.setEnabled(key is not None)
        self.correct_button.setEnabled(key is not None and key[0] in ENTITY_CATEGORIES)

    def _on_item(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KEY)
        if key:
            self.activate(*key)

    def _on_highlight(self) -> None:
        key = self._selected_key()
        if key:
            self.highlight_mention(*key)

    def _on_others(self) -> None:
        key = self._selected_key()
        if key:
            self.filter_library_requested.emit(key[1])

    def _on_context_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None or not item.data(0, KEY):
            return
        self.tree.setCurrentItem(item)
        self.entity_menu(*item.data(0, KEY)).exec(self.tree.viewport().mapToGlobal(point))

    def entity_menu(self, category: str, name: str) -> QMenu:
        """The context menu of an entity or key term row."""
        menu = QMenu(self)
        menu.addAction("Highlight this mention", lambda: self.highlight_mention(category, name))
        menu.addAction(literal_ampersands(f"Other articles mentioning {name}"), self._on_others)
        if category in ENTITY_CATEGORIES:
            menu.addSeparator()
            self._add_corrections(menu, category, name)
        return menu

    def _fill_correct_menu(self) -> None:
        menu = self.correct_button.menu()
        menu.clear()
        key = self._selected_key()
        if key and key[0] in ENTITY_CATEGORIES:
            self._add_corrections(menu, *key)

    def _add_corrections(self, menu: QMenu, category: str, name: str) -> None:
        menu.addAction("Rename…", lambda: self._ask_rename(name))
        menu.addAction("Merge into…", lambda: self._ask_merge(name))
        change = menu.addMenu("Change category")
        for other in ENTITY_CATEGORIES:
            if other != category:
                change.addAction(GROUPS[other], lambda c=other: self.change_category(name, c))
        menu.addAction("Not an entity", lambda: self.mark_not_entity(name))

    def _ask_rename(self, name: str) -> None:
        new_name, ok = QInputDialog.getText(
            self, "Rename entity", literal_html(f"New name for {name}:"), text=name
        )
        if ok and new_name.strip() and new_name.strip() != name:
            self.rename(name, new_name.strip())

    def _ask_merge(self, name: str) -> None:
        others = sorted({k[1] for k in self._mentions if k[0] != "term" and k[1] != name})
        into, ok = QInputDialog.getItem(
            self, "Merge entity", literal_html(f"Merge {name} into:"), others, 0, True
        )
        if ok and into.strip() and into.strip() != name:
            self.merge(name, into.strip())
