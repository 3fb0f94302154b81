"""A story's writers as its page names them, where the extractor reads only the first."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers import read_articles

STORY = (
    "<p>The council closed the old harbour bridge to lorries after engineers found cracks in "
    "two of its steel girders during a routine inspection on Monday.</p>"
) * 5


def _byline(tmp_path: Path, head: str, body: str) -> str:
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><title>Harbour bridge closed to lorries</title>{head}</head><body>"
        f"<article><h1>Harbour bridge closed to lorries</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    return read_articles(page)[0].byline


def test_every_writer_linked_as_author_in_the_byline(tmp_path: Path) -> None:
    byline = (
        '<p class="byline">By <a rel="author" href="/p/jane-roe">Jane Roe</a> and '
        '<a rel="author" href="/p/maria-brandt">Maria Brandt</a></p>'
    )
    assert _byline(tmp_path, "", byline + STORY) == "Jane Roe; Maria Brandt"


def test_writers_listed_elsewhere_on_the_page_are_not_the_storys(tmp_path: Path) -> None:
    byline = '<p class="byline">By <a rel="author" href="/p/jane-roe">Jane Roe</a></p>'
    others = (
        "<aside><h3>Our writers</h3><p>"
        + "".join(
            f'<a rel="author" href="/p/{n}">{n.title()}</a> wrote about the port this week. '
            for n in ("tom berg", "ana lind", "olaf sand")
        )
        + "</p><p>"
        + "Read the whole series on the harbour and its bridges in our archive. " * 6
        + "</p></aside>"
    )
    assert _byline(tmp_path, "", byline + STORY + others) == "Jane Roe"


def test_a_byline_marked_whole_gives_the_name_not_the_date(tmp_path: Path) -> None:
    byline = (
        '<p itemprop="author" itemscope>By <span class="byline-author">Jane Roe</span>'
        " - Aug 10, 2016 11:15 am</p>"
    )
    assert _byline(tmp_path, "", byline + STORY) == "Jane Roe"
