"""Page numbers of a paged article (a PDF): which page a passage of its text is on."""

from __future__ import annotations

from bisect import bisect_right

Pages = tuple[tuple[int, int], ...]
"""``(page number, start)`` in page order, as ``Article.pages``."""


def page_at(pages: Pages, offset: int) -> int | None:
    """The page whose text holds ``offset``; ``None`` for an article without pages. A page
    with no text (a scan) starts where the next one does, so the later page is named."""
    if not pages:
        return None
    starts = [start for _, start in pages]
    index = bisect_right(starts, offset) - 1
    return pages[max(index, 0)][0]


def cite(pages: Pages, start: int, end: int) -> str:
    """``p. 12`` or ``pp. 12–13`` for a passage; empty for an article without pages."""
    first = page_at(pages, start)
    if first is None:
        return ""
    last = page_at(pages, max(start, end - 1))
    return f"p. {first}" if last == first else f"pp. {first}–{last}"
