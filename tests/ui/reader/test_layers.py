from __future__ import annotations

from desktop.ui.reader.layers import Mark, Style, flatten


def test_overlapping_layers_become_segments_with_combined_styles() -> None:
    segments = flatten(
        [
            Mark(0, 10, "bg", "summary-tint"),
            Mark(2, 6, "fg", "term"),
            Mark(4, 8, "fg", "person"),
            Mark(4, 8, "watch"),
            Mark(7, 12, "bg", "hl:yellow"),
            Mark(7, 12, "note"),
            Mark(20, 20, "fg", "place"),  # empty: ignored
        ]
    )
    assert segments == [
        (0, 2, Style(background="summary-tint")),
        (2, 4, Style("term", background="summary-tint")),
        (4, 7, Style("person", True, "summary-tint")),
        (7, 8, Style("person", True, "hl:yellow", True)),
        (8, 12, Style(None, False, "hl:yellow", True)),
    ]


def test_adjacent_equal_styles_merge_and_gaps_stay_plain() -> None:
    segments = flatten(
        [Mark(0, 3, "fg", "leader"), Mark(3, 5, "fg", "leader"), Mark(9, 11, "watch")]
    )
    assert segments == [(0, 5, Style("leader")), (9, 11, Style(watch=True))]
