from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from desktop.ui.reader.reader_view import ReaderView
from desktop.ui.theme import LIGHT, set_theme
from tests.ui.reader import sample
from tests.ui.rendering import displayed

Underline = QTextCharFormat.UnderlineStyle
PLAIN = LIGHT.colours["text"]


pytestmark = pytest.mark.usefixtures("sync_workers", "light_theme")


@pytest.fixture
def reader(qtbot):
    view = ReaderView(entity_source=lambda article: (sample.ENTITIES, sample.TERMS))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_article(sample.article())
    return view


def _colour(fmt: QTextCharFormat) -> str:
    return fmt.foreground().color().name() if fmt.hasProperty(fmt.Property.ForegroundBrush) else ""


def test_entities_are_coloured_at_their_offsets_even_after_emoji(reader) -> None:
    start, _ = sample.span("Volodymyr Zelenskyy")
    leader = reader.format_at(start + 3)
    assert _colour(leader) == LIGHT.colours["entity-leader"]
    assert leader.underlineStyle() == Underline.SingleUnderline
    # "European Commission" follows two emoji on the page: 🎉 and the two-character flag.
    commission = reader.format_at(sample.span("European Commission")[0])
    assert _colour(commission) == LIGHT.colours["entity-institution"]
    assert commission.underlineStyle() == Underline.DotLine
    place = reader.format_at(sample.span("Washington")[1] - 1)
    assert place.underlineStyle() == Underline.WaveUnderline
    # Plain words right before and after an entity stay plain.
    assert _colour(reader.format_at(sample.span("Washington")[1])) == PLAIN
    assert _colour(reader.format_at(sample.span("The")[0])) == PLAIN


def test_key_terms_and_watchlist_have_their_own_signals(reader) -> None:
    term = reader.format_at(sample.span("security guarantees", 1)[0] + 2)
    assert term.underlineColor().name() == LIGHT.colours["key-term"]
    assert term.underlineStyle() == Underline.DashDotDotLine
    assert _colour(term) == PLAIN  # many terms: underlined, the text itself stays plain
    nato = reader.format_at(sample.span("NATO")[0])
    assert nato.background().color().name() == LIGHT.colours["watchlist"]
    assert nato.fontWeight() >= 700


def test_hiding_institutions_leaves_no_institution_format(reader) -> None:
    reader.set_category_visible("institution", False)
    institution = LIGHT.colours["entity-institution"]
    document = reader.page.document()
    block = document.begin()
    while block.isValid():
        for fmt_range in block.textFormats():
            assert _colour(fmt_range.format) != institution
            assert fmt_range.format.underlineStyle() != Underline.DotLine
        block = block.next()
    assert not reader.legend.is_checked("institution")
    # NATO is also on the watchlist: that mark stays, the institution colour does not.
    assert reader.format_at(sample.span("NATO")[0]).fontWeight() >= 700
    reader.set_category_visible("institution", True)
    assert _colour(reader.format_at(sample.span("NATO")[0])) == institution


def test_legend_toggle_hides_a_category(reader) -> None:
    reader.legend.buttons["leader"].click()
    assert _colour(reader.format_at(sample.ZELENSKYY.start)) == PLAIN
    assert reader.legend.buttons["leader"].text().startswith("Leaders")
    assert reader.legend.buttons["leader"].font().strikeOut()


def test_tooltip_names_canonical_role_and_kind(reader) -> None:
    labels = reader._mentions.labels_at(sample.span("Zelenskyy", 1)[0])
    assert labels == ["Volodymyr Zelenskyy — President of Ukraine (leader)"]
    position = reader._positions.to_qt(sample.span("NATO")[0] + 1)
    assert reader._tooltip_for(position) == "NATO (institution, on your watchlist)"
    assert reader._tooltip_for(0) == ""  # the title is not an entity


def test_hover_shows_the_tooltip(reader, qtbot) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(sample.ZELENSKYY.start + 2))
    point = reader.page.cursorRect(cursor).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, reader.page.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.page.viewport(), event)
    assert displayed(QToolTip.text()) == "Volodymyr Zelenskyy — President of Ukraine (leader)"


def test_scroll_to_puts_the_cursor_inside_and_flashes(reader) -> None:
    start, end = sample.span("security guarantees", 1)
    reader.scroll_to(start, end)
    cursor = reader.page.textCursor().position()
    assert reader._positions.to_qt(start) <= cursor < reader._positions.to_qt(end)
    flash = reader.page.extraSelections()
    assert len(flash) == 1
    assert flash[0].cursor.selectedText() == "security guarantees"


def test_selected_range_is_in_python_offsets(reader, qtbot) -> None:
    seen = []
    reader.selection_changed.connect(lambda s, e: seen.append((s, e)))
    start, end = sample.span("NATO")
    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(start))
    cursor.setPosition(reader._positions.to_qt(end), cursor.MoveMode.KeepAnchor)
    reader.page.setTextCursor(cursor)
    assert reader.selected_range() == (start, end)
    assert seen[-1] == (start, end)


def test_summary_tint_and_user_highlights(reader) -> None:
    lines = sample.sentences()
    reader.set_summary_tint(lines[1:2])
    inside = reader.format_at(lines[1].start + 1)
    assert inside.background().color().name() == LIGHT.colours["summary-tint"]
    assert not reader.format_at(lines[0].start + 1).hasProperty(
        QTextCharFormat.Property.BackgroundBrush
    )
    start, end = sample.span("Donald Trump")
    highlight = SimpleNamespace(id="h1", start=start, end=end, category="mine", note="check")
    plain = SimpleNamespace(id="h2", start=0, end=2, category="other", note="")
    reader.set_highlights([highlight, plain], {"mine": ("#aabbcc", "#112233")})
    fmt = reader.format_at(start + 1)
    assert fmt.background().color().name() == "#aabbcc"
    assert fmt.underlineStyle() == Underline.DotLine  # a note is visible without colour
    assert reader.highlight_at(start + 1) == "h1"
    assert reader.highlight_at(end + 5) is None
    reader.set_summary_tint(None)
    assert not reader.format_at(lines[1].start + 1).hasProperty(
        QTextCharFormat.Property.BackgroundBrush
    )


def test_find_bar_finds_text(reader, qtbot) -> None:
    reader.find()
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.field, "security")
    assert reader.find_bar.match_count() == 2
    assert reader.page.textCursor().selectedText() == "security"
    assert len(reader.page.extraSelections()) == 2
    reader.set_font_size(16)  # a new document: the matches are found again in it
    assert len(reader.page.extraSelections()) == 2
    assert reader.page.extraSelections()[0].cursor.selectedText() == "security"
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.page.extraSelections() == []


def test_theme_switch_changes_colours(reader) -> None:
    start = sample.ZELENSKYY.start
    light = _colour(reader.format_at(start))
    set_theme("dark")
    dark = _colour(reader.format_at(start))
    assert light != dark
    assert dark == "#ff9a5c"


def test_font_size_and_scroll_fraction(reader) -> None:
    reader.show_article(sample.article("\n".join(["A long paragraph of text."] * 400)))
    reader.set_scroll_fraction(0.5)
    assert 0.45 < reader.scroll_fraction() < 0.55
    reader.set_font_size(18)
    assert reader.font_size() == 18
    assert 0.4 < reader.scroll_fraction() < 0.6
    reader.set_font_size(200)
    assert reader.font_size() == 32


def test_click_on_a_highlight_reports_it(reader, qtbot) -> None:
    start, end = sample.span("Washington")
    reader.set_highlights([SimpleNamespace(id=5, start=start, end=end, category="x", note="")], {})
    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(start + 2))
    point = reader.page.cursorRect(cursor).center()
    with qtbot.waitSignal(reader.highlight_clicked) as blocker:
        qtbot.mouseClick(reader.page.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [5]


def test_copy_gives_plain_text_without_colours(reader) -> None:
    start, end = sample.span("Donald Trump")
    cursor = reader.page.textCursor()
    cursor.setPosition(reader._positions.to_qt(start))
    cursor.setPosition(reader._positions.to_qt(end), cursor.MoveMode.KeepAnchor)
    reader.page.setTextCursor(cursor)
    data = reader.page.createMimeDataFromSelection()
    assert data.text() == "Donald Trump"
    assert not data.hasHtml()


def test_legend_says_why_a_german_article_has_no_colours(reader) -> None:
    german = sample.article().replace(language="de")
    reader.show_article(german)
    assert not reader.legend.notice.isHidden()
    assert reader.legend.notice.text() == (
        "Entities and key terms are available for English articles; this one is German."
    )
    assert all(button.isHidden() for button in reader.legend.buttons.values())
    reader.show_article(sample.article())
    assert reader.legend.notice.isHidden()
    assert not any(button.isHidden() for button in reader.legend.buttons.values())


def test_a_key_term_that_is_a_coloured_name_is_not_repeated(reader) -> None:
    from desktop.core.models import Term

    leader = next(e for e in sample.ENTITIES if e.category == "leader")
    mentions = tuple((e.start, e.end) for e in sample.ENTITIES if e.canonical == leader.canonical)
    name_term = Term(leader.canonical, 1.0, mentions)
    shown = []
    reader.entities_shown.connect(shown.append)
    reader.set_entities(sample.ENTITIES, [*sample.TERMS, name_term])
    assert not any("(key term)" in label for label in reader._mentions.labels_at(leader.start))
    counted = sum(len(t.spans) for t in sample.TERMS)
    assert reader.legend.buttons["term"].text() == f"Key terms {counted}"
    assert name_term in shown[-1][1]  # the entity pane still lists it


def test_a_replys_quoted_lines_are_set_in_by_their_depth(reader) -> None:
    text = "See below.\n\n> Thanks for waiting.\n>\n>> When was it signed?"
    reader.show_article(sample.article(text=text))
    doc = reader.page.document()
    margins = {block.text(): block.blockFormat().leftMargin() for block in _blocks(doc)}
    assert margins["See below."] == 0
    assert 0 < margins["> Thanks for waiting."] < margins[">> When was it signed?"]
    quoted_blank = next(b for b in _blocks(doc) if b.text() == ">")
    assert quoted_blank.blockFormat().lineHeight() < doc.defaultFont().pointSizeF()


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()
