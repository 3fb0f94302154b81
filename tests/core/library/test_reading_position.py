"""A reading place survives window sizes (it is an offset) and follows a changed text."""

from __future__ import annotations

from desktop.core.library.reading_position import ReadingPosition, place_in, position_in

TEXT = "".join(f"Paragraph {n} says something new about the port.\n" for n in range(100))


def test_same_text_keeps_the_offset_clamped() -> None:
    at = TEXT.index("Paragraph 60")
    position = position_in(TEXT, "h1", at)
    assert position.context.startswith("Paragraph 60 says")
    assert place_in(position, TEXT, "h1") == at
    assert position_in(TEXT, "h1", 10**9).offset == len(TEXT)
    assert place_in(ReadingPosition(10**9, "h1", ""), "short", "h1") == len("short")


def test_changed_text_finds_the_place_by_its_words() -> None:
    position = position_in(TEXT, "old", TEXT.index("Paragraph 60"))
    changed = "A new first paragraph, inserted by the update.\n" * 3 + TEXT
    assert place_in(position, changed, "new") == changed.index("Paragraph 60")


def test_nearest_occurrence_wins_when_the_words_repeat() -> None:
    text = "again and again. " * 50
    position = position_in(text, "old", 17 * 30)
    moved = "x" + text
    assert place_in(position, moved, "new") == 17 * 30 + 1


def test_a_text_that_changed_a_lot_starts_at_the_top() -> None:
    position = position_in(TEXT, "old", TEXT.index("Paragraph 60"))
    assert place_in(position, "An entirely different article.", "new") == 0
    assert place_in(position_in("   ", "old", 1), "other text", "new") == 0
