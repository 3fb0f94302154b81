"""Helpers of the language pass that need no model."""

from __future__ import annotations

from desktop.core.text.analysis import paragraph_window


def test_paragraph_window_snaps_to_whole_lines() -> None:
    text = "one two\nthree four\n\nfive six"
    assert paragraph_window(text, text.index("four"), text.index("four") + 1) == (8, 18)
    assert paragraph_window(text, 0, 1) == (0, 7)
    assert paragraph_window(text, text.index("six"), 10_000) == (20, len(text))
    assert paragraph_window(text, -5, 9) == (0, 18)
