from __future__ import annotations

from desktop.core.library.pages import cite, page_at

PAGES = ((1, 0), (2, 100), (3, 250), (4, 250), (5, 400))  # page 3 is a scan: no text


def test_page_at_names_the_page_holding_an_offset() -> None:
    assert [page_at(PAGES, offset) for offset in (0, 99, 100, 249, 250, 399, 400, 9999)] == [
        1, 1, 2, 2, 4, 4, 5, 5,
    ]  # fmt: skip
    assert page_at((), 10) is None


def test_cite_a_passage_on_one_page_or_across_pages() -> None:
    assert cite(PAGES, 10, 20) == "p. 1"
    assert cite(PAGES, 90, 100) == "p. 1"  # ends right before page 2
    assert cite(PAGES, 90, 110) == "pp. 1–2"
    assert cite((), 0, 5) == ""
