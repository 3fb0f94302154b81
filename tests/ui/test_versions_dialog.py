"""Earlier versions in the window: listed, read as plain text, restored with the reader and
the highlights following."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from shiboken6 import isValid

from desktop.core.library.updating import replace_text
from desktop.core.notes.notebook import Notebook
from desktop.ui.library.versions_dialog import CHANGES_TAB, VersionsDialog
from desktop.ui.theme import DARK, LIGHT, current_theme, set_theme
from tests.core.library.stories import GONE, KEPT, V1, V2
from tests.ui.conftest import add_article

MARKUP = '<img src="/dev/zero"> <b>not bold</b>'


def _updated(library) -> tuple[int, str]:
    """An article stored as V1 with a highlight on a passage V2 drops, then updated to V2."""
    article_id = add_article(library, "Harbour plan", V1)
    highlight = Notebook(library.conn).add_quote(article_id, GONE)
    article = library.store.get(article_id)
    replace_text(library.store, article_id, article.replace(text=V2, content_hash=""))
    replace_text(
        library.store,
        article_id,
        article.replace(title=MARKUP, text=V2 + " End.", content_hash=""),
    )
    return article_id, highlight.id


def test_dialog_lists_shows_and_restores_a_version(qtbot, library, sync_workers) -> None:
    article_id, highlight_id = _updated(library)
    assert Notebook(library.conn).get(highlight_id).orphan
    restored: list[int] = []
    dialog = VersionsDialog(article_id, "Harbour plan", restored.append)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 2
    assert [dialog.list.topLevelItem(i).text(0) for i in range(2)] == ["1", "2"]
    assert not dialog.restore_button.isEnabled()

    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert dialog.text.toPlainText() == V1 and dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert restored == [article_id]
    assert library.store.get(article_id).text == V1
    assert not Notebook(library.conn).get(highlight_id).orphan
    assert dialog.list.topLevelItemCount() == 3 and "now version 3" in dialog.status.text()


def test_version_title_and_text_are_plain_text(qtbot, library, sync_workers) -> None:
    article_id, _ = _updated(library)
    current = library.store.get(article_id)
    replace_text(library.store, article_id, current.replace(text=MARKUP, content_hash=""))
    dialog = VersionsDialog(article_id, MARKUP)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItem(2).text(3) == MARKUP  # an item shows its text verbatim
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    dialog.list.setCurrentItem(dialog.list.topLevelItem(2))
    assert dialog.text.toPlainText() == V2 + " End."
    restore = dialog.restore_button
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    restore.click()
    assert library.store.get(article_id).text == V1 and restore.isEnabled() is False


def test_restore_from_the_window_reopens_the_article(window, library, qtbot) -> None:
    article_id, _ = _updated(library)
    window.open_article(article_id)
    window.actions_by_name["versions"].trigger()
    dialog = window.versions_dialog
    assert dialog.article_id == article_id and dialog.list.topLevelItemCount() == 2
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    assert window.article.text == V1 and window.reader.article().text == V1


def test_a_restore_that_ends_after_the_dialog_closed_still_reaches_the_window(
    qtbot, library, monkeypatch
) -> None:
    from desktop.ui.library import versions_dialog

    article_id, _ = _updated(library)
    pending = []
    monkeypatch.setattr(
        versions_dialog,
        "run_task",
        lambda fn, done=None, error=None, **_: pending.append((fn, done)),
    )
    restored: list[int] = []
    dialog = VersionsDialog(article_id, "Harbour plan", restored.append)
    fn, done = pending.pop()
    done(fn())  # the list
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    pending.clear()
    dialog.restore_selected()
    ((fn, done),) = pending
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.close()
    qtbot.waitUntil(lambda: not isValid(dialog))
    done(fn())
    assert restored == [article_id] and library.store.get(article_id).text == V1


def test_a_restore_says_how_many_notes_moved_to_check(qtbot, library, sync_workers) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    noted = Notebook(library.conn).add_quote(article_id, KEPT)
    article = library.store.get(article_id)
    edited = V1.replace("the vote was", "this vote was")
    replace_text(library.store, article_id, article.replace(text=edited, content_hash=""))
    assert Notebook(library.conn).get(noted.id).anchor == "moved"
    dialog = VersionsDialog(article_id, "Harbour plan")
    qtbot.addWidget(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    assert "1 highlight(s) moved — please check them in Notes." in dialog.status.text()
    back = Notebook(library.conn).get(noted.id)
    assert (back.anchor, back.quote) == ("moved", KEPT)  # checked by nobody yet: still moved


def _fragments(view):
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def _drawn(view) -> list[tuple[str, bool, bool, bool]]:
    """The drawn text as (text, struck through, underlined, highlighted) fragments."""
    return [
        (
            f.text(),
            f.charFormat().fontStrikeOut(),
            f.charFormat().fontUnderline(),
            f.charFormat().hasProperty(QTextCharFormat.Property.BackgroundBrush),
        )
        for f in _fragments(view)
    ]


def test_what_changed_shows_the_word_diff_with_the_highlights_of_each_text(
    qtbot, library, sync_workers, light_theme
) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    notes = Notebook(library.conn)
    notes.add_quote(article_id, KEPT)
    notes.add_quote(article_id, GONE, note="check the dredging cost")
    article = library.store.get(article_id)
    edited = V2.replace("fishermen", "fishing families 🙂")
    replace_text(library.store, article_id, article.replace(text=edited, content_hash=""))
    dialog = VersionsDialog(article_id, "Harbour plan")
    qtbot.addWidget(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.tabs.setCurrentIndex(CHANGES_TAB)
    drawn = _drawn(dialog.changes)
    struck = "".join(t for t, strike, _, _ in drawn if strike)
    underlined = "".join(t for t, _, under, _ in drawn if under)
    assert "Opponents argued" in struck and "fishermen" in struck
    assert "Update: the council published" in underlined and "fishing families 🙂" in underlined
    assert "approved the new harbour plan" not in struck + underlined
    # The kept highlight on the unchanged text, the removed one on the struck passage.
    highlighted = [(t, strike) for t, strike, _, lit in drawn if lit]
    assert (
        "".join(t for t, s in highlighted if not s),
        "".join(t for t, s in highlighted if s),
    ) == (
        KEPT,
        GONE,
    )
    drawn_text = dialog.changes.document().toPlainText()
    assert drawn_text.count("fishermen") == 1 and drawn_text.count("Opponents") == 1
    red = current_theme().color("diff-deleted")
    deleted = next(f for f in _fragments(dialog.changes) if f.text() == "fishermen").charFormat()
    assert deleted.foreground().color() == red


def test_what_changed_draws_markup_as_plain_text(qtbot, library, sync_workers) -> None:
    article_id = add_article(library, "Harbour plan", V1)
    article = library.store.get(article_id)
    replace_text(library.store, article_id, article.replace(text=V1 + MARKUP, content_hash=""))
    dialog = VersionsDialog(article_id, "Harbour plan")
    qtbot.addWidget(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert dialog.changes.document().toPlainText() == V1 + MARKUP
    added = "".join(t for t, _, under, _ in _drawn(dialog.changes) if under)
    assert added == MARKUP


def test_what_changed_from_the_article_menu_opens_on_the_last_update(
    window, library, qtbot
) -> None:
    article_id, _ = _updated(library)
    window.open_article(article_id)
    window.actions_by_name["changes"].trigger()
    dialog = window.versions_dialog
    assert dialog.tabs.currentIndex() == CHANGES_TAB
    assert dialog.selected_number() == 2  # the text the last update replaced
    assert dialog.restore_button.isEnabled()
    assert dialog.changes.document().toPlainText() == V2 + " End."
    added = [t for t, _, under, _ in _drawn(dialog.changes) if under]
    assert added == [" End."]
    window.actions_by_name["versions"].trigger()  # Earlier Versions opens on the list
    assert window.versions_dialog.tabs.currentIndex() == 0
    assert window.versions_dialog.selected_number() is None


def test_what_changed_follows_a_theme_change(qtbot, library, sync_workers, light_theme) -> None:
    article_id, _ = _updated(library)
    dialog = VersionsDialog(article_id, "Harbour plan")
    qtbot.addWidget(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))

    def added_colour():
        (fragment,) = [f for f in _fragments(dialog.changes) if f.text() == " End."]
        return fragment.charFormat().foreground().color()

    assert added_colour() == LIGHT.color("diff-inserted")
    set_theme("dark")
    assert added_colour() == DARK.color("diff-inserted")
