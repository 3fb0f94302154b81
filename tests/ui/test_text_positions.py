from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.ui.text_positions import TextPositions


def _document(text: str, header: str = "") -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText(header + text)
    return doc


def _qt_slice(doc: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


@pytest.mark.parametrize(
    "text",
    [
        "plain text only",
        "🎉 Volodymyr Zelenskyy met 🇺🇦 Donald Trump",
        "line one\r\nline two 😀 and\r\nthree",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 then Paris",
    ],
)
def test_every_word_maps_to_the_same_text_in_the_document(qapp, text: str) -> None:
    header = "Title\n"
    doc = _document(text, header)
    positions = TextPositions(text, base=len(header))
    for word in ("Zelenskyy", "Trump", "two", "three", "Paris", "text"):
        start = text.find(word)
        if start < 0:
            continue
        qs, qe = positions.span_to_qt(start, start + len(word))
        assert _qt_slice(doc, qs, qe) == word
        assert positions.to_python(qs) == start
        assert positions.to_python(qe) == start + len(word)


def test_middle_of_a_surrogate_pair_rounds_down(qapp) -> None:
    text = "a😀b"
    positions = TextPositions(text)
    assert positions.to_qt(2) == 3
    assert positions.to_python(2) == 1
    assert positions.qt_length == 4


def test_offsets_are_clamped_and_header_positions_are_outside(qapp) -> None:
    positions = TextPositions("abc", base=10)
    assert positions.to_qt(-5) == 10
    assert positions.to_qt(99) == 13
    assert positions.to_python(3) == 0
    assert not positions.contains_qt(9)
    assert positions.contains_qt(11)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\r😀🇺é")), max_size=40))
def test_round_trip_matches_qt_for_any_text(qapp, text: str) -> None:
    doc = _document(text)
    positions = TextPositions(text)
    assert positions.qt_length == doc.characterCount() - 1
    for index in range(len(text) + 1):
        if index and text[index - 1] == "\r" and text[index : index + 1] == "\n":
            continue  # between "\r" and "\n": Qt has no position there
        qt = positions.to_qt(index)
        assert positions.to_python(qt) == index
        assert _qt_slice(doc, 0, qt) == text[:index].replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=["a", "\r", "\n", "😀", "é"], max_size=40), st.integers(1, 5))
def test_a_text_scanned_in_slices_maps_as_one_scan(text: str, size: int) -> None:
    """Long texts are scanned (and inserted) a slice at a time; no "\\r\\n" is ever parted."""
    from desktop.ui import text_positions

    bounds = list(text_positions.slices(text, size))
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(not (text[b - 1] == "\r" and text.startswith("\n", b)) for _, b in bounds)
    whole = TextPositions(text)
    original = text_positions.SLICE
    text_positions.SLICE = size
    try:
        sliced = TextPositions(text)
    finally:
        text_positions.SLICE = original
    assert [sliced.to_qt(i) for i in range(len(text) + 1)] == [
        whole.to_qt(i) for i in range(len(text) + 1)
    ]
