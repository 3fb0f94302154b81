"""Help ▸ Keyboard shortcuts: every key the window answers to, read from the live menus.

Generated rather than written out, so the list can never drift from what the keys really do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

ShortcutGroups = Sequence[tuple[str, Sequence[tuple[str, str]]]]


class ShortcutsDialog(QDialog):
    """A two-column list (keys, what they do), grouped by menu or pane."""

    def __init__(self, groups: ShortcutGroups, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Keys", "Action"])
        self.tree.setRootIsDecorated(False)
        for title, rows in groups:
            group = QTreeWidgetItem([title, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for keys, what in rows:
                group.addChild(QTreeWidgetItem([keys, what]))
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read, nothing to pick
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.resize(520, 660)

    def rows(self) -> list[tuple[str, str]]:
        """Every (keys, action) row shown, for tests and accessibility checks."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            found += [
                (group.child(j).text(0), group.child(j).text(1)) for j in range(group.childCount())
            ]
        return found
