"""Window-wide shortcuts: Ctrl+F finds in the article and Ctrl+Shift+F searches the library,
whichever pane has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def focus_target(window, where: str):
    """The widget that has the focus when the user works in ``where`` (its tab shown)."""
    if where in ("summary", "entities"):
        window.show_side_tab(0 if where == "summary" else 1)
    return {
        "library list": window.library_pane.table,
        "reader": window.reader.page,
        "summary": window.summary_pane.list,
        "entities": window.entity_pane.tree,
    }[where]


@pytest.mark.parametrize("where", ["library list", "reader", "summary", "entities"])
def test_ctrl_f_opens_find_in_the_article_from_any_pane(qtbot, window, where):
    target = focus_target(window, where)
    focus(qtbot, window, target)
    qtbot.keyClick(target, Qt.Key.Key_F, CTRL)
    bar = window.reader.find_bar
    assert bar.isVisible()
    assert bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "the")
    assert bar.match_count() > 0
    assert window.reader.page.textCursor().selectedText().lower() == "the"


@pytest.mark.parametrize("where", ["library list", "reader"])
def test_ctrl_shift_f_searches_the_library_not_the_article(qtbot, window, where):
    target = focus_target(window, where)
    focus(qtbot, window, target)
    qtbot.keyClick(target, Qt.Key.Key_F, CTRL_SHIFT)
    assert window.library_pane.search.hasFocus()
    assert not window.reader.find_bar.isVisible()


def test_each_find_key_belongs_to_one_action(window):
    """Two enabled actions on one key in one window make Qt refuse both (ambiguous)."""
    for keys in ("Ctrl+F", "Ctrl+Shift+F"):
        owners = {
            id(action)
            for action in window.findChildren(QAction)
            if action.isEnabled()
            and any(
                k.matches(QKeySequence(keys)) == k.SequenceMatch.ExactMatch
                for k in action.shortcuts()
            )
        }
        assert len(owners) == 1, keys
