"""A story's writers as its page names them, where the extractor reads only the first."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from desktop.core.library.importers import read_articles
from desktop.core.library.importers.writers import dotted_initials, page_writer

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


def test_a_writer_the_extractor_misses_is_read_from_a_link_to_their_page(tmp_path: Path) -> None:
    # A byline of an icon and a link to "/authors/<name>" with no "By" and no author markup.
    byline = (
        '<div class="meta"><svg><path d="M0 0"/></svg><span>'
        '<a href="/authors/trevor-jackins">Trevor Jackins</a></span></div>'
    )
    assert _byline(tmp_path, "", byline + STORY) == "Trevor Jackins"


def test_a_schema_org_author_is_read_by_its_name() -> None:
    # The author's element holds a photo's caption and a role as well as the name.
    byline = (
        '<div class="post-meta"><div class="by-author">by <span itemprop="author" itemscope '
        'itemtype="http://schema.org/Person"><img alt="Sam O\'Brien, VP Marketing"> <span '
        'itemprop="name">Sam O\'Brien</span> <span>VP Marketing</span></span></div></div>'
    )
    page = lxml.html.document_fromstring(
        f"<html><body><article>{byline}{STORY}</article></body></html>"
    )
    assert page_writer(page) == "Sam O'Brien"


def test_links_that_are_no_writer_of_the_story_give_no_byline(tmp_path: Path) -> None:
    crumbs = (
        '<ol><li><a itemprop="item" href="/t/skateboards-and-scooters">Skateboards &amp; '
        'Scooters</a></li></ol><p><a href="/authors/">Meet our writers</a></p>'
    )
    related = (
        '<aside class="related"><a href="/stories/ferry">Ferry fares rise</a> by '
        '<a href="/author/jane-roe">Jane Roe</a></aside>'
    )
    assert _byline(tmp_path, "", crumbs + STORY + related) == ""


def test_the_writers_linked_in_one_byline_are_read_together(tmp_path: Path) -> None:
    byline = (
        '<p class="article__meta"> By <a class="link" href="/west-virginia/staff/matthew-digby/">'
        'Matthew Digby</a> , <a class="link" href="/west-virginia/staff/minh-do/">Minh Do</a> '
        "November 18, 2019</p>"
    )
    assert _byline(tmp_path, "", byline + STORY) == "Matthew Digby; Minh Do"


def test_a_writer_s_page_may_number_the_writer_before_the_name(tmp_path: Path) -> None:
    # The shown credit is the outlet; the writer's link holds a staff number.
    byline = (
        '<p class="attribution"><a href="/staff/2648209001/brian-truitt/">Brian Truitt</a> '
        "<span>NORTHPORT POST</span></p>"
    )
    assert _byline(tmp_path, "", byline + STORY) == "Brian Truitt"
    # A player's profile, numbered under his country, is no writer's page.
    player = '<p>Fans cheered <a href="/people/argentina/17301/ana-lopez">Ana Lopez</a>.</p>'
    assert _byline(tmp_path, "", player + STORY) == ""


def test_initials_keep_their_full_stops_as_the_page_writes_them(tmp_path: Path) -> None:
    # The extractor gives "William K Rashbaum" for the page's "William K. Rashbaum".
    head = '<meta name="author" content="William K. Rashbaum">'
    byline = '<p class="byline">By <a rel="author" href="/by/wkr">William K. Rashbaum</a></p>'
    assert _byline(tmp_path, head, byline + STORY) == "William K. Rashbaum"


def test_a_name_the_page_writes_without_full_stops_stays_so() -> None:
    assert dotted_initials("By Troy L Smith and Dr Jane Roe", "Troy L Smith; Dr Jane Roe") == (
        "Troy L Smith; Dr Jane Roe"
    )
    assert dotted_initials("Photo: Troy L. Smith", "Troy L Smith; Ann Lee") == (
        "Troy L. Smith; Ann Lee"
    )
    # A short surname ending a sentence of the page keeps no full stop.
    assert dotted_initials("The report was written by Wei Li. Police said", "Wei Li") == "Wei Li"
